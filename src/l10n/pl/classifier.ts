import type { Translation } from '../catalog.js';
import type { classifier as en } from '../en/classifier.js';
import type { Formats } from '../formats.js';

const numbers = (n: number, f: Formats) => `${f.number(n)} ${f.plural(n, { one: 'liczba', few: 'liczby', many: 'liczb', other: 'liczby' })}`;

export const classifier: Translation<typeof en> = {
  'classifier.attr.pad': ({ written }) => `${written}: obok tego elementu nie ma <ae-draw-pad> o takim id; podaj id jednego z nich, np. pad="my-pad".`,
  'classifier.k': 'Sąsiedzi (k)',
  'classifier.showTables': 'Pokaż liczby w tabelach',
  'classifier.unlabelled': ({ data }) => `Klasyfikacja wymaga danych z etykietami; ${data ? `„${data}”` : 'te dane'} nie mają etykiet.`,
  'classifier.space.model': ({ dim }, f) => `Kod autoenkodera (${numbers(dim, f)})`,
  'classifier.space.pca': ({ dim }, f) => `PCA (${f.number(dim)} ${f.plural(dim, { one: 'składowa', few: 'składowe', many: 'składowych', other: 'składowej' })})`,
  'classifier.space.pixels': ({ dim, vectors }, f) => `${vectors ? 'Surowe wartości' : 'Surowe piksele'} (${numbers(dim, f)})`,
  'classifier.right': 'trafnie',
  'classifier.rightOf': ({ right, total, vectors, k }, f) => `(${f.number(right)} z ${f.number(total)} ${vectors ? 'próbek' : 'obrazów'} testowych, k = ${f.number(k)})`,
  'classifier.classifying': 'Klasyfikacja…',
  'classifier.matrix': ({ title, accuracy, vectors }) =>
    `Macierz pomyłek, ${title}: ${accuracy} ${vectors ? 'próbek' : 'obrazów'} testowych na przekątnej; wiersze to klasa prawdziwa, kolumny klasa przewidziana.`,
  'classifier.tableCaption': ({ title }) => `${title}: próbki testowe według klasy prawdziwej (wiersze) i przewidzianej (kolumny)`,
  'classifier.tableCorner': 'prawdziwa \\ przewidziana',
  'classifier.trueClass': 'klasa prawdziwa',
  'classifier.predictedClass': 'klasa przewidziana',
  'classifier.looksLike': 'Twój rysunek przypomina',
  'classifier.nearest': ({ k, shown }, f) =>
    `według ${f.number(k)} ${f.plural(k, { one: 'najbliższego kodu treningowego', other: 'najbliższych kodów treningowych' })}${shown < k ? ` (pokazano ${f.number(shown)} ${f.plural(shown, { one: 'najbliższy', few: 'najbliższe', many: 'najbliższych', other: 'najbliższych' })})` : ''}:`,
  'classifier.neighbour': ({ image }) => `Ze zbioru treningowego: ${image}`,
  'classifier.drawPrompt': ({ own, k }, f) =>
    `Narysuj cyfrę${own ? '' : ' na padzie'}: jej kod zostanie porównany z kodami treningowymi, a ${f.number(k)} ${f.plural(k, { one: 'najbliższy zdecyduje', few: 'najbliższe zdecydują', many: 'najbliższych zdecyduje', other: 'najbliższych zdecyduje' })} głosowaniem o jej klasie.`,
};
