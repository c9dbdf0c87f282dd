import type { Translation } from '../../catalog.js';
import type { engineErrors as en } from '../../en/errors/engine.js';
import { shapeWords, titleOf } from './words.js';

export const engineErrors: Translation<typeof en> = {
  'error.noMethod': ({ got }) => `Silnik nie ma operacji ${got}.`,
  'error.argsList': ({ method }) => `Operacja silnika ${method} przyjmuje listę argumentów.`,
  'error.noSessionOp': ({ got }) => `Modele nie mają operacji ${got}.`,
  'error.noDataset': ({ key }) => `Zbioru danych „${key}” nie wczytano do silnika.`,
  'error.notOpen': ({ id }) => `Model „${id}” nie jest otwarty.`,
  'error.busy': 'Ten model już trenuje; wstrzymaj go, zatrzymaj lub zaczekaj, aż skończy.',
  'error.noTrainImages': ({ name }) => `Zbiór danych „${name}” nie ma tu wczytanych obrazów treningowych; magazyn wczytuje je przed treningiem.`,
  'error.staged': ({ token }) => `Pod ${token} nie czekają żadne wczytane wagi; najpierw wywołaj stageWeights.`,
  'error.noPrior': ({ kind, title }) => `Autoenkoder ${titleOf(kind, title)} nie ma rozkładu a priori, z którego można losować kody; jego kody podążają za danymi.`,
  'error.priorCount': ({ got }, f) => `samplePrior(): n musi być liczbą całkowitą od 0 do ${f.number(1e6)}; podano ${got}.`,
  'error.priorSeed': ({ got }) => `samplePrior(): seed musi być liczbą całkowitą >= 0; podano ${got}.`,
  'error.split': ({ got }) => `Nieznany podział ${got}. Użyj train, test lub all.`,
  'error.pcaTrain': ({ k, name }, f) =>
    `PCA o ${f.number(k)} ${f.plural(k, { one: 'składowej', other: 'składowych' })} wymaga obrazów treningowych „${name}”, których tu nie wczytano.`,
  'error.pcaSize': ({ max, got }, f) => `Liczba składowych PCA musi być liczbą całkowitą od 1 do ${f.number(max)}; podano ${got}.`,
  'error.classifyLabels': 'classify() wymaga zbioru danych z etykietami.',
  'error.knnSpace': ({ call, spaces, got }) => `${call}: "space" musi mieć jedną z wartości: ${spaces.join(', ')}; podano ${got}.`,
  'error.knnK': ({ call, got }) => `${call}: "k" musi być liczbą całkowitą nie mniejszą niż 1; podano ${got}.`,
  'error.knnLabels': ({ call, name }) => `${call} wymaga zbioru danych z etykietami; „${name}” ich nie ma.`,
  'error.knnTrain': ({ call, name }) => `${call} wymaga obrazów treningowych „${name}”, których tu nie wczytano.`,
  'error.grayscale': ({ channels }) => `Skala szarości wymaga obrazów kolorowych (3 kanały); te próbki mają ${channels}.`,
  'error.inputType': ({ call, what, got }) => `${call}: ${what === 'samples' ? 'próbki' : 'kody'} muszą być tablicą Float32Array; podano ${got}.`,
  'error.inputCount': ({ call, got }) => `${call}: liczba n musi być liczbą całkowitą >= 0; podano ${got}.`,
  'error.inputSize': ({ call, what, n, shape, dim = 0, expected, got }, f) => {
    const each = shape ? shapeWords(shape, f) : `${f.number(dim)} ${f.plural(dim, { one: 'liczba', few: 'liczby', many: 'liczb', other: 'liczby' })}`;
    return `${call}: oczekiwano ${f.number(expected)} wartości (${what === 'samples' ? 'próbki' : 'kody'}: ${f.number(n)} × ${each}), a podano ${f.number(got)}.`;
  },
  'error.inputValue': ({ call, what, index, item, got, range }, f) =>
    `${call}: wartość ${index} (${what === 'samples' ? 'próbka' : 'kod'} ${item}) to ${got}; ${range ? `wartości muszą być skończone, od ${f.number(range[0])} do ${f.number(range[1])}` : 'wartości muszą być liczbami skończonymi'}.`,
  'error.backendForced': ({ backend, why }) => `Backend ${backend} jest tu niedostępny (${why}). Ustaw backend 'auto', by użyć innego.`,
  'error.noBackend': ({ why }) => `Nie udało się uruchomić żadnego backendu TensorFlow.js (${why}).`,
  'error.convBackend': ({ backend, missing }) => `Modele splotowe nie mogą trenować na backendzie ${backend} (brakuje ${missing.join(', ')}). Wybierz inny przez configure({ backend }).`,
  'error.diverged': ({ term, value, step, rate }, f) =>
    `Trening się rozbiegł: ${term ? `strata ${term}` : 'strata'} osiągnęła ${value} w kroku ${f.number(step)} (współczynnik uczenia ${f.number(rate, { maximumSignificantDigits: 6 })}). Wagi nie nadają się już do użytku: zresetuj model, a potem trenuj z mniejszym współczynnikiem uczenia.`,
  'error.exportQuantize': ({ known, got }) => `exportFiles(): quantize musi mieć jedną z wartości: ${known.join(', ')} (albo zostać pominięte dla float32); podano ${got}.`,
  'error.exportName': ({ got }) => `exportFiles(): nazwa musi mieć od 1 do 100 znaków bez ukośników (od niej biorą się nazwy plików); podano ${got}.`,
  'error.saveFailed': ({ url, reason }) => `Nie udało się zapisać do ${url}: ${reason}`,
};
