import type { Translation } from '../../catalog.js';
import type { weightErrors as en } from '../../en/errors/weights.js';
import { byteCount, shapeWords } from './words.js';

export const weightErrors: Translation<typeof en> = {
  'weights.pathType': ({ from, got }) => `${from} podaje plik wag ${got}; ścieżki muszą być niepustymi napisami.`,
  'weights.pathOutside': ({ from, path, folder }) =>
    `${from} wskazuje wagi w „${path}”, poza folderem modelu ${folder}. Plik modelu może wskazywać tylko pliki we własnym folderze: skopiuj wagi obok model.json.`,
  'weights.entryType': ({ from, got }) => `${from}: wpis wag to ${got}, a nie obiekt.`,
  'weights.entryName': ({ from, got }) => `${from}: wpis wag ma nazwę ${got}; nazwy muszą być niepustymi napisami.`,
  'weights.entryTwice': ({ from, name }) => `${from}: wagi „${name}” występują w manifeście dwa razy.`,
  'weights.entryShape': ({ from, name, got }) => `${from}: wagi „${name}” mają kształt ${got}; kształt to lista liczb całkowitych >= 0.`,
  'weights.entryTooBig': ({ from, name, got }) => `${from}: wagi „${name}” deklarują kształt ${got}: więcej wartości, niż ma którykolwiek model tej biblioteki.`,
  'weights.entryDtype': ({ from, name, got }) =>
    `${from}: wagi „${name}” zadeklarowano jako ${got}, a każda waga tych modeli to float32 (zapisana jako float32 albo skwantyzowana przez "quantization"). Odczyt bajtów jako ${got} dałby bezsensowne wartości.`,
  'weights.entryQuantization': ({ from, name, got, known }) => `${from}: wagi „${name}” mają kwantyzację ${got}; znane: ${known.join(', ')}.`,
  'weights.entryScale': ({ from, name, dtype, scale, min }) =>
    `${from}: wagi „${name}” skwantyzowano do ${dtype}, ale mają scale ${scale} i min ${min}; obie muszą być liczbami skończonymi, a scale >= 0.`,
  'weights.noManifest': ({ from }) => `${from} nie ma listy "weightsManifest": to nie jest model.json modelu LayersModel z TF.js.`,
  'weights.group': ({ from, got }) => `${from}: każda grupa "weightsManifest" potrzebuje list "paths" i "weights"; podano ${got}.`,
  'weights.byteCount': ({ from, bytes, expected }, f) =>
    `Wagi ${from} ${bytes < expected ? 'są ucięte' : 'są dłuższe, niż podaje ich manifest (czy należą do innego model.json?)'}: ${byteCount(bytes, f)}, a manifest opisuje ${f.number(expected)}. Pobierz lub zapisz model ponownie.`,
  'weights.notJson': ({ from, html }) => `${from} nie jest plikiem model.json${html ? ' (serwer wysłał stronę HTML: czy ścieżka jest poprawna?)' : ' (to nie jest poprawny JSON)'}.`,
  'weights.notObject': ({ from, got }) => `${from} nie jest plikiem model.json (zawiera ${got}).`,
  'weights.fetch': ({ url, reason }) => `Nie udało się pobrać ${url}: ${reason}.`,
  'weights.fetchStatus': ({ url, status }) => `Nie udało się pobrać ${url}: HTTP ${status}${status === 404 ? ' (nie znaleziono)' : ''}.`,
  'weights.loadFailed': ({ url, reason }) => `Nie udało się wczytać ${url}: ${reason}`,
  'weights.source': ({ got }) => `Wagi pochodzą z adresu URL, z indexeddb:// lub z plików; podano ${got}.`,
  'weights.safetensorsMany': ({ names }, f) => `Wybierz jeden plik .safetensors; wybrano ${f.list(names)} (checkpointy podzielone na części nie są odczytywane).`,
  'weights.noModelJson': ({ names }, f) => `Wśród plików nie ma model.json (${names.length ? f.list(names) : 'brak plików'}).`,
  'weights.fileMissing': ({ json, file }) => `${json} potrzebuje pliku wag „${file}”; wybierz go razem z model.json.`,
  'weights.layerMissing': ({ from, layer, name, shape, keys }) => `${from} nie ma wag warstwy „${layer}” (${name}, kształt [${shape}]). Jego wagi to: ${keys.join(', ')}.`,
  'weights.layerShape': ({ from, layer, name, expected, got }) =>
    `Warstwa „${layer}” oczekuje ${name} o kształcie [${expected}], ale ${from} ma [${got}]. Plik zapisano z innej architektury.`,
  'weights.notFinite': ({ from, key }) => `${from}: wagi „${key}” zawierają NaN lub wartości nieskończone; trening modelu, który je zapisał, się rozbiegł.`,
  'weights.savedShape': ({ from, saved, shape }, f) =>
    `${from} trenowano na próbkach typu ${shapeWords(saved, f)}; dane tego magazynu to próbki typu ${shapeWords(shape, f)}. Wczytaj go do magazynu z pasującymi danymi.`,
  'weights.savedScaling': ({ from, standardised }) =>
    `${from} trenowano na danych ${standardised ? 'standaryzowanych innymi średnimi i odchyleniami kolumn niż dane tego magazynu' : 'niestandaryzowanych, a dane tego magazynu są standaryzowane'}. Wczytaj go do magazynu z danymi, na których go trenowano.`,
  'weights.savedSpec': ({ from, reason }) => `${from} zawiera specyfikację modelu, której ta biblioteka nie umie zbudować: ${reason}`,
  'weights.sampleKind': ({ from, got, known }) => `${from} zawiera próbki rodzaju ${got}; znane: ${known.join(', ')}.`,
  'weights.scaling': ({ from }) => `${from} zawiera standaryzację, która nie jest parą równie długich list liczb skończonych (std > 0).`,
  'weights.dataChanged': ({ loaded, data }, f) =>
    `Wczytany model przyjmuje próbki typu ${shapeWords(loaded, f)}, ale dane magazynu zmieniły się w międzyczasie na próbki typu ${shapeWords(data, f)}.`,
  'weights.presetMissing': ({ id, url }) => `Brak wytrenowanych wag presetu „${id}” pod adresem ${url}. Model ma świeżo zainicjowane wagi: wytrenuj go albo wczytaj wagi.`,
};
