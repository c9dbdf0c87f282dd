import type { Translation } from '../../catalog.js';
import type { storeErrors as en } from '../../en/errors/store.js';

export const storeErrors: Translation<typeof en> = {
  'error.storeId': ({ got }) => `Magazyn modelu potrzebuje identyfikatora: presetu (np. "mnist-ae-2d") lub własnej nazwy; podano ${got}.`,
  'error.storeDisposed': ({ id }) => `Magazyn „${id}” został zwolniony.`,
  'error.storeNotReady': ({ id }) => `Magazyn „${id}” nie jest gotowy; najpierw zaczekaj na store.ready().`,
  'error.storeBusy': ({ id }) => `Magazyn „${id}” już trenuje; wstrzymaj go, zatrzymaj lub zaczekaj, aż skończy.`,
  'error.notPreset': ({ id }) => `Magazyn „${id}” nie jest presetem; użyj load() z adresem URL lub plikami.`,
  'error.saveUrl': ({ got }) => `save(): użyj "indexeddb://nazwa" lub "downloads://nazwa"; podano ${got}.`,
  'error.loadNotUrl': ({ got }) => `load(): ${got} nie jest adresem URL.`,
  'error.loadSource': ({ got }) =>
    `load() przyjmuje adres URL pliku model.json lub .safetensors, "indexeddb://nazwa" albo, jako FileList lub File[], model.json z plikiem wag lub jeden plik .safetensors; podano ${got}.`,
  'error.dataUnnamed': ({ bundled }) => `Zbiór danych musi mieć nazwę: ${bundled.join(', ')} albo adres URL pliku zbioru danych.`,
  'error.dataUnknown': ({ name, bundled }) =>
    `Nieznany zbiór danych „${name}”. Wbudowane: ${bundled.join(', ')}; poza nimi podaj adres URL pliku zbioru danych (*.test.bin lub *.bin).`,
  'error.dataConflict': ({ id, what, by, asker, source }) =>
    `Model „${id}” używa już danych ${what} (wskazał je ${by}); ${asker} prosi o ${source}. Elementy, które dzielą model, muszą dzielić jego dane: podaj im te same dane albo inny identyfikator modelu.`,
  'error.dataCustom': 'podanych przez setDataset()',
  'error.byStore': 'magazyn',
  'error.byPreset': ({ id }) => `preset „${id}”`,
  'error.optionsType': ({ call, got }) => `${call} przyjmuje obiekt opcji; podano ${got}.`,
  'error.optionUnknown': ({ call, key, known }) => `${call}: nieznana opcja „${key}”. Znane: ${known.join(', ')}.`,
  'error.trainOption': ({ key, rate, max, got }, f) =>
    `train(): "${key}" musi być ${rate ? `liczbą większą od 0 i nie większą niż ${f.number(max)} (na początek dobre jest 1e-3)` : 'dodatnią liczbą całkowitą'}; podano ${got}.`,
  'error.optionSeed': ({ call, got }) => `${call}: "seed" musi być liczbą całkowitą >= 0; podano ${got}.`,
  'error.optionSpec': ({ call, field, reason }) => `${call}: opcja „${field}” ${reason}`,
  'error.knnKMax': ({ call, max, got }, f) => `${call}: "k" musi być liczbą całkowitą od 1 do ${f.number(max)}; podano ${got}.`,
  'error.configureType': ({ got }) => `configure() przyjmuje obiekt opcji; podano ${got}.`,
  'error.configureUnknown': ({ key, known }) => `configure(): nieznana opcja „${key}”. Znane: ${known.join(', ')}.`,
  'error.configureValue': ({ key, rule, got }) => `configure(): "${key}" musi być ${rule}; podano ${got}.`,
  'config.backend': ({ names }) => `jedną z wartości: auto, ${names.join(', ')}`,
  'config.boolean': 'wartością true lub false',
  'config.folder': 'adresem URL (katalogu)',
  'config.url': 'adresem URL',
  'config.threads': 'liczbą całkowitą od 0 (wszystkie rdzenie oprócz jednego) do 64',
  'error.workerFailed': ({ reason }) => `Wątek roboczy (worker) silnika uległ awarii: ${reason || 'nieznany błąd'}.`,
  'error.workerStart': ({ reason }) => `Nie udało się uruchomić wątku roboczego (workera) silnika: ${reason || 'zablokowany lub nie wczytał się'}.`,
  'error.unsendable': ({ method, reason }) => `Argumentu ${method} nie da się przesłać do silnika: ${reason}`,
  'error.shutDown': 'Silnik został wyłączony.',
};
