import type { Translation } from '../../catalog.js';
import type { dataErrors as en } from '../../en/errors/data.js';
import { byteCount, shapeWords } from './words.js';

export const dataErrors: Translation<typeof en> = {
  'data.shape': ({ shape }, f) => shapeWords(shape, f),
  'data.vectorLength': ({ max, got }, f) => `Próbka-wektor musi mieć od 1 do ${f.number(max)} liczb; podano ${got}.`,
  'data.imageSide': ({ side, min, max, got }) => `${side === 'height' ? 'Wysokość' : 'Szerokość'} obrazu musi być liczbą całkowitą od ${min} do ${max}; podano ${got}.`,
  'data.channels': ({ got }) => `Obrazy muszą mieć 1 kanał (szarość) lub 3 (kolor); podano ${got}.`,
  'data.object': 'Zbiór danych musi być obiektem z polami images, n oraz height i width (albo sample: "vector" i length).',
  'data.n': ({ got }) => `Pole „n” zbioru danych musi być dodatnią liczbą całkowitą; podano ${got}.`,
  'data.sampleKind': ({ kinds, got }) => `Pole „sample” zbioru danych musi mieć jedną z wartości: ${kinds.join(', ')}; podano ${got}.`,
  'data.imagesType': ({ got }) => `Pole „images” zbioru danych musi być tablicą Float32Array lub Uint8Array; podano ${got}.`,
  'data.imagesCount': ({ count, n, size, shape, expected }, f) =>
    `Pole „images” zbioru danych ma ${f.number(count)} ${f.plural(count, { one: 'wartość', other: 'wartości' })}, a potrzeba ${f.number(expected)}: ${f.number(n)} × ${f.number(size)} (${shapeWords(shape, f)}).`,
  'data.pixel': ({ index, sample, got }) => `Wartość ${index} zbioru danych (próbka ${sample}) to ${got}; piksele muszą mieć wartości 0..1 (lub 0..255 w Uint8Array).`,
  'data.vectorValue': ({ index, sample, got }) => `Wartość ${index} zbioru danych (próbka ${sample}) to ${got}; wektory muszą zawierać liczby skończone.`,
  'data.labelsType': ({ got }) => `Pole „labels” zbioru danych musi być tablicą liczb całkowitych; podano ${got}.`,
  'data.labelsCount': ({ count, n }, f) => `Liczba etykiet w polu „labels” zbioru danych (${f.number(count)}) nie zgadza się z liczbą próbek (${f.number(n)}).`,
  'data.label': ({ index, got }) => `Etykieta ${index} zbioru danych to ${got}; etykiety muszą być liczbami całkowitymi od 0 do 255.`,
  'data.name': ({ got }) => `Pole „name” zbioru danych musi być niepustym napisem; podano ${got}.`,
  'data.splitMissing': ({ key }) => `Pole „${key}” zbioru danych musi być podane (i niepuste), gdy podano drugi podział.`,
  'data.splitIndex': ({ key, position, got, max }) => `Pole „${key}”[${position}] zbioru danych to ${got}; indeksy muszą być liczbami całkowitymi od 0 do ${max}.`,
  'data.splitTwice': ({ key, index }) => `Pole „${key}” zbioru danych zawiera próbkę ${index} dwa razy; każda próbka należy do podziału tylko raz.`,
  'data.splitShared': ({ index }) => `Próbka ${index} jest zarówno w trainIndices, jak i w testIndices; próbka testowa musi być taką, na której model nigdy nie trenował.`,
  'data.tooSmall': ({ name, train, test, minTrain, minTest }, f) =>
    `Zbiór danych „${name}” dzieli się na próbki treningowe (${f.number(train)}) i testowe (${f.number(test)}); model potrzebuje co najmniej ${f.number(minTrain)} do treningu i ${f.number(minTest)} do testu (przy automatycznym podziale 80/20: co najmniej 3 próbki).`,
  'data.trainLabelsNeedLabels': 'Pole „trainLabels” zbioru danych wymaga etykiet.',
  'data.trainLabelsType': ({ got }) => `Pole „trainLabels” zbioru danych musi być niepustą listą etykiet lub nazw klas; podano ${got}.`,
  'data.trainLabelsUnknown': ({ got, classNames }) =>
    `Pole „trainLabels” zbioru danych wskazuje ${got}, co nie jest klasą tych danych: ${classNames ? `klasy to ${classNames.map((x) => `„${x}”`).join(', ')}` : 'etykiety to liczby, które występują w danych'}.`,
  'data.standardizeType': ({ got }) => `Pole „standardize” zbioru danych musi mieć wartość true lub false; podano ${got}.`,
  'data.standardizeImages': 'Pole „standardize” zbioru danych dotyczy tylko wektorów; piksele obrazów zostają w zakresie 0..1.',
  'data.classNamesField': 'Pole „classNames” zbioru danych',
  'data.classNamesType': ({ where }) => `${where}: nazwy klas muszą być listą napisów.`,
  'data.classNamesNoLabels': ({ where }) => `${where}: podano nazwy klas, ale obrazy nie mają etykiet.`,
  'data.classNamesFew': ({ where, top, count }, f) =>
    `${where}: występuje etykieta ${top}, a podano tylko ${f.number(count)} ${f.plural(count, { one: 'nazwę klasy', few: 'nazwy klas', many: 'nazw klas', other: 'nazwy klas' })}.`,
  'data.trainPart': ({ name }) => `${name}: to część treningowa zbioru danych; wczytaj jego część testową (*.test.bin).`,
  'data.fileShort': ({ name, bytes }, f) => `${name}: plik ma ${byteCount(bytes, f)}, za mało na nagłówek zbioru danych.`,
  'data.notDataset': ({ name }) => `${name}: to nie jest plik zbioru danych (brak nagłówka "AEDS"). Czy serwer nie wysłał zamiast niego strony HTML?`,
  'data.unknownPart': ({ name, part }) => `${name}: nieznana część zbioru danych (${part}) w nagłówku.`,
  'data.fileSample': ({ name, reason }) => `${name}: ${reason}`,
  'data.fileSize': ({ name, bytes, expected, n, height, width, channels }, f) =>
    `${name}: plik ma ${byteCount(bytes, f)}, a nagłówek zapowiada ${f.number(expected)} (${f.number(n)} ${f.plural(n, { one: 'obraz', few: 'obrazy', many: 'obrazów', other: 'obrazu' })} ${height}x${width}x${channels}). Plik jest ucięty lub uszkodzony.`,
  'data.classNamesJson': ({ name }) => `${name}: nazwy klas nie są poprawnym JSON-em.`,
  'data.fetch': ({ url, reason }) => `Nie udało się pobrać zbioru danych ${url}: ${reason}`,
  'data.fetchStatus': ({ url, status }) => `Nie udało się pobrać zbioru danych ${url}: HTTP ${status}.`,
  'data.testPartName': ({ url }) => `${url}: część testowa musi się nazywać *.test.bin, aby obok niej dało się znaleźć część treningową (*.train.bin).`,
  'data.notTrainPart': ({ url, name, part, height, width, channels, labels }) =>
    `${url}: to nie jest część treningowa zbioru ${name} (nagłówek podaje część ${part}, ${height}x${width}x${channels}${labels ? ', z etykietami' : ''}).`,
  'data.moveShape': ({ from, to }, f) => `Model próbek typu ${shapeWords(from, f)} nie może przejść na zbiór danych z próbkami typu ${shapeWords(to, f)}.`,
};
