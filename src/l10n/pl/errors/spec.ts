import type { Translation } from '../../catalog.js';
import type { specErrors as en } from '../../en/errors/spec.js';
import { shapeWords, titleOf } from './words.js';

export const specErrors: Translation<typeof en> = {
  'spec.field': ({ field, reason }) => `Pole „${field}” specyfikacji modelu ${reason}`,
  'spec.oneOf': ({ values, got }) => `musi mieć jedną z wartości: ${values.join(', ')}; podano ${got}.`,
  'spec.number': ({ whole, min, max, got }, f) => `musi być liczbą${whole ? ' całkowitą' : ''} od ${f.number(min)} do ${f.number(max)}; podano ${got}.`,
  'spec.boolean': ({ got }) => `musi mieć wartość true lub false; podano ${got}.`,
  'spec.widths': ({ got }) => `musi być listą szerokości warstw, np. [200, 200]; podano ${got}.`,
  'spec.aae.circle': 'wymaga rozkładu a priori na okręgu (prior: "circle"), do którego składowych trafiają klasy.',
  'spec.aae.latentDim': 'musi wynosić co najmniej 2 dla rozkładu a priori na okręgu.',
  'spec.aae.labels': 'wymaga danych z etykietami: ten zbiór danych nie ma etykiet.',
  'spec.aae.components': ({ classes, components }, f) =>
    `musi być co najmniej równe liczbie klas w danych (${f.number(classes)}) dla nadzorowanego rozkładu a priori; podano ${f.number(components)}.`,
  'spec.object': 'Specyfikacja modelu musi być obiektem.',
  'spec.noField': ({ name }) => `Specyfikacja modelu nie ma pola ${name}.`,
  'spec.kindExists': ({ name }) => `Rodzaj modelu o nazwie ${name} już istnieje.`,
  'spec.standardised': ({ outputActivation, loss }) =>
    `Dane standaryzowane mają wartości poniżej 0 i powyżej 1: model potrzebuje outputActivation "linear" i straty "mse" (ma ${outputActivation} i ${loss}). Można też podać dane ze standardize: false.`,
  'spec.refuses': ({ kind, title, why, shape }, f) => `Model ${titleOf(kind, title)} ${why} Ten zbiór danych zawiera próbki typu ${shapeWords(shape, f)}.`,
  'spec.refuses.grayscale': 'z noiseType "grayscale" wymaga obrazów kolorowych (3 kanały).',
  'spec.refuses.colour': 'wymaga obrazów kolorowych (3 kanały), by uczyć się koloru z ich szarej wersji.',
  'spec.refuses.mse': 'wymaga straty "mse": jego wyjście to szary obraz plus przesunięcia koloru, które mogą nieco wyjść poza 0 lub 1.',
  'spec.convImages': ({ shape }, f) => `Model splotowy wymaga próbek będących obrazami; ten zbiór danych zawiera próbki typu ${shapeWords(shape, f)}. Wybierz rodzaj z warstwami gęstymi.`,
};
