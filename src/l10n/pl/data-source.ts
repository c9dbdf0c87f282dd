import type { Translation } from '../catalog.js';
import { mb, sayIn, type dataSource as en, type reasons as enReasons } from '../en/data-source.js';
import type { NestedText } from '../english.js';
import type { Formats } from '../formats.js';

type Forms = { one: string; few: string; many: string };
/** `n` and the word's form for it: 1 obraz, 2 obrazy, 5 obrazów. */
const counted = (n: number, w: Forms, f: Formats) => `${f.number(n)} ${f.plural(n, { ...w, other: w.few })}`;
const IMAGES = { one: 'obraz', few: 'obrazy', many: 'obrazów' };
const quoted = (names: readonly string[]) => names.map((n) => `„${n}”`).join(', ');

const reasons: Translation<typeof enReasons> = {
  'dataSource.skip.notImage': 'to nie obraz',
  'dataSource.skip.notDecoded': 'nie daje się zdekodować jako obraz',
  'dataSource.skip.noPixels': 'nie ma pikseli',
  'dataSource.skip.noCanvas': 'nie daje się narysować (brak płótna 2D)',
  'dataSource.skip.tooBig': ({ bytes, limit }, f) => `ma ${mb(bytes, f)}; pliki ponad ${mb(limit, f)} są odrzucane`,
  'dataSource.row.cells': ({ cells, header, width }, f) =>
    `ma ${counted(cells, { one: 'komórkę', few: 'komórki', many: 'komórek' }, f)}; ${header ? 'nagłówek' : 'pierwszy wiersz'} ma ${f.number(width)}`,
  'dataSource.row.empty': ({ column }) => `kolumna „${column}” jest pusta`,
  'dataSource.row.notNumber': ({ column, cell }) => `kolumna „${column}” zawiera „${cell}”, a nie liczbę`,
  'dataSource.row.infinite': ({ column, value }) => `kolumna „${column}” zawiera ${value}; wartości muszą być skończone`,
  'dataSource.row.noLabel': 'nie ma etykiety',
};

const say = (text: NestedText | string, f: Formats) => sayIn(reasons, text, f);
const more = (n: number, f: Formats) => (n ? `; i ${f.number(n)} więcej` : '');

export const dataSource: Translation<typeof en> = {
  ...reasons,
  'dataSource.attr.standardize': ({ written }) => `${written}: dozwolone „true” lub „false” (sam atrybut oznacza „true”).`,
  'dataSource.attr.sides': ({ written, min, max }, f) =>
    `${written}: podaj bok od ${f.number(min)} do ${f.number(max)} pikseli, np. "32", albo wysokość x szerokość, np. "28x28".`,
  'dataSource.attr.channels': ({ written }) => `${written}: dozwolone „1” (szarość) lub „3” (kolor); bez atrybutu kolor, gdy którykolwiek obraz go ma.`,
  'dataSource.attr.trainLabelsNeedLabels': ({ written }) => `${written}: potrzebne są dane z etykietami: label-column, foldery klas albo plik etykiet.`,
  'dataSource.attr.trainLabelsClass': ({ written, label, classes }) =>
    `${written}: ${label} nie jest klasą tych danych: ${classes ? `klasy to ${quoted(classes)}` : 'etykiety to liczby występujące w danych'}.`,
  'dataSource.attr.imageNeedsTile': ({ written }) => `${written} to obraz: podaj rozmiar kafelka, np. tile="28x28", aby odczytać go jako arkusz sprite’ów.`,
  'dataSource.attr.notTable': ({ written, type }) =>
    `${written} nie jest ani tabelą CSV/TSV (.csv, .tsv lub wysłaną jako text/csv), ani arkuszem sprite’ów (obraz, z tile), ani plikiem zbioru danych (.bin); serwer wysłał go jako ${type ?? 'plik bez typu'}.`,
  'dataSource.fetchFailed': ({ written, why }) => `Nie udało się wczytać ${written}: ${why as string}.`,
  'dataSource.serverAnswered': ({ status, text }) => `serwer odpowiedział ${status} ${text}`.trim(),
  'dataSource.tooBig': ({ name, bytes, limit }, f) => `${name} ma ${mb(bytes, f)}; pliki ponad ${mb(limit, f)} są odrzucane.`,
  'dataSource.sheetUndecodable': ({ name }) => `Nie udało się zdekodować ${name} jako obrazu.`,
  'dataSource.sheetTooSmall': ({ name, sheetWidth, sheetHeight, height, width }) => `${name} ma ${sheetWidth}x${sheetHeight} pikseli: mniej niż jeden kafelek ${height}x${width}.`,
  'dataSource.labelsFile': ({ name, bytes, tiles }, f) =>
    `Plik etykiet ${name} ma ${counted(bytes, { one: 'bajt', few: 'bajty', many: 'bajtów' }, f)}; arkusz ma ${counted(tiles, { one: 'kafelek', few: 'kafelki', many: 'kafelków' }, f)}: podaj jeden bajt na kafelek albo wiersze one-hot po jednym bajcie na klasę.`,
  'dataSource.noFiles': 'Nie podano żadnych plików.',
  'dataSource.manyTables': ({ count }, f) => `Podano ${counted(count, { one: 'tabelę', few: 'tabele', many: 'tabel' }, f)}; podawaj jeden plik CSV/TSV naraz.`,
  'dataSource.neither': ({ names }) => `${names.join(', ')}: ani obrazy (PNG, JPEG, WebP, GIF), ani tabela CSV/TSV.`,
  'dataSource.tooManyImages': ({ count, most }, f) => `Podano ${counted(count, IMAGES, f)}; naraz można wczytać najwyżej ${f.number(most)}.`,
  'dataSource.tooManyValues': ({ count, height, width, values, most }, f) =>
    `${counted(count, IMAGES, f)} ${height}x${width} to ${f.number(values)} wartości; dozwolone jest najwyżej ${f.number(most)}: podaj mniej obrazów albo mniejszy rozmiar.`,
  'dataSource.noneRead': ({ count, items }, f) =>
    `Nie udało się odczytać żadnego z ${f.number(count)} ${f.plural(count, { one: 'obrazu', other: 'obrazów' })}: ${items.map((s) => `${s.name} ${say(s.reason, f)}`).join('; ')}.`,
  'dataSource.tooManyClasses': ({ count }, f) => `Obrazy należą do ${f.number(count)} klas; dozwolonych jest najwyżej 256.`,
  'dataSource.dropUnreadable': ({ reason }) => `Nie udało się odczytać upuszczonych plików: ${reason}.`,
  'dataSource.skippedReport': ({ name, count, items, left, used, mixed }, f) => {
    const listed = items.map((s) => `${s.name}: ${say(s.reason, f)}`).join('; ') + more(left, f);
    const skipped = f.plural(count, { one: 'Pominięto 1 element', few: `Pominięto ${f.number(count)} elementy`, many: `Pominięto ${f.number(count)} elementów`, other: `Pominięto ${f.number(count)} elementu` });
    const parts = [count ? `${skipped} (${listed}); ${f.plural(used, { one: 'pozostały 1 jest używany', few: `pozostałe ${f.number(used)} są używane`, many: `pozostałych ${f.number(used)} jest używanych`, other: `pozostałe ${f.number(used)} są używane` })}.` : '', mixed ?? ''];
    return `${name ?? 'Dane'}: ${parts.filter(Boolean).join(' ')}`;
  },
  'dataSource.line': ({ line }, f) => `wiersz ${f.number(line)}`,
  'dataSource.progress.loading': ({ url }) => `Wczytywanie ${url}…`,
  'dataSource.progress.tile': ({ done, total }, f) => `Odczyt kafelka ${f.number(done)} z ${f.number(total)}…`,
  'dataSource.progress.line': ({ name, line }, f) => `Odczyt ${name}: wiersz ${f.number(line)}…`,
  'dataSource.progress.reading': ({ name }) => `Odczyt ${name}…`,
  'dataSource.progress.decoding': ({ done, total }, f) => `Dekodowanie obrazów: ${f.number(done)} z ${f.number(total)}…`,
  'dataSource.progress.handing': 'Przekazywanie danych do modelu…',
  'dataSource.note.sheetCut': ({ total, n, most }, f) =>
    `Arkusz ma ${counted(total, { one: 'kafelek', few: 'kafelki', many: 'kafelków' }, f)}; wzięto ${f.plural(n, { one: 'pierwszy', few: 'pierwsze', many: 'pierwszych', other: 'pierwsze' })} ${f.number(n)} (najwyżej ${f.number(most)} wartości).`,
  'dataSource.note.rows': ({ height, width, sheetWidth }) => `Jeden kafelek ${height}x${width} na wiersz pikseli arkusza szerokiego na ${sheetWidth} pikseli.`,
  'dataSource.note.grid': ({ height, width }) => `Siatka kafelków ${height}x${width}, czytana wierszami.`,
  'dataSource.note.mixedSizes': ({ sizes, target }, f) =>
    `Obrazy miały ${counted(sizes.length, { one: 'rozmiar', few: 'rozmiary', many: 'rozmiarów' }, f)}: ${sizes.map((s) => `${s.size} (${f.number(s.count)})`).join(', ')}; wszystkie przeskalowano do ${target}.`,
  'dataSource.note.resized': ({ size, target }) => `Obrazy miały rozmiar ${size}; przeskalowano je do ${target}.`,
  'dataSource.note.trainLabels': ({ labels }) =>
    `Model trenuje tylko na ${labels.map((l) => (typeof l === 'string' ? `„${l}”` : String(l))).join(', ')}; każda inna próbka trafia do zbioru testowego.`,
  'dataSource.dropZone': 'Upuść tu obrazy, folder z folderami klas albo jeden plik CSV/TSV lub naciśnij, aby wybrać pliki',
  'dataSource.chooseFolder': 'Wybierz folder…',
  'dataSource.resizedTo': ({ height, width }) => `Obrazy są skalowane do ${height}x${width}.`,
  'dataSource.counts': ({ n, vectors, shape, classes }, f) =>
    `${counted(n, vectors ? { one: 'próbka', few: 'próbki', many: 'próbek' } : IMAGES, f)}, każda próbka to ${shape}${classes ? `, w ${f.number(classes)} ${f.plural(classes, { one: 'klasie', other: 'klasach' })}:` : '.'}`,
  'dataSource.shape.image': ({ height, width, channels }) => `obraz ${height}x${width}x${channels}`,
  'dataSource.shape.vector': ({ length }, f) => `wektor ${f.number(length)} ${f.plural(length, { one: 'liczby', other: 'liczb' })}`,
  'dataSource.thumbnails': ({ count, n, vectors }, f) => `${f.number(count)} z ${f.number(n)} ${vectors ? 'wierszy' : 'obrazów'}, rozłożone po całych danych`,
  'dataSource.skippedCount': ({ count }, f) => `Pominięte: ${f.number(count)}`,
  'dataSource.table.notText': ({ value }) => `Tabela musi być tekstem; otrzymano ${value}.`,
  'dataSource.table.empty': ({ name }) => `Plik ${name} jest pusty.`,
  'dataSource.table.noNumeric': ({ name }) => `${name} nie ma kolumn liczbowych poza etykietami.`,
  'dataSource.table.tooWide': ({ name, columns, most }, f) => `${name} ma ${counted(columns, { one: 'kolumnę liczbową', few: 'kolumny liczbowe', many: 'kolumn liczbowych' }, f)}; dozwolonych jest najwyżej ${f.number(most)}.`,
  'dataSource.table.tooBig': ({ name, most }, f) => `${name} zawiera ponad ${f.number(most)} wartości (wiersze x kolumny); użyj mniej wierszy lub kolumn.`,
  'dataSource.table.noRows': ({ name, rows, left }, f) =>
    `${name} nie ma czytelnych wierszy${rows.length ? `: ${rows.map((r) => `wiersz ${f.number(r.line)} ${say(r.reason, f)}`).join('; ')}${more(left, f)}` : ''}.`,
  'dataSource.table.labelColumn': ({ column, header, width }, f) =>
    `Kolumny etykiet ${column} nie ma w tabeli: ${header ? `kolumny to ${quoted(header)}` : `tabela nie ma nagłówka; podaj numer kolumny od 0 do ${f.number(width - 1)}`}.`,
  'dataSource.table.tooManyLabels': ({ name, most }, f) => `${name} ma ponad ${f.number(most)} różnych etykiet; czy kolumna etykiet jest właściwa?`,
};
