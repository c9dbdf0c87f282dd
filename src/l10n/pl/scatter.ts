import type { Translation } from '../catalog.js';
import { latentPoint, type scatter as en } from '../en/scatter.js';

/** "300 obrazów testowych": the noun and its adjective take the number's form. */
const IMAGES = {
  test: { one: 'obraz testowy', few: 'obrazy testowe', many: 'obrazów testowych', other: 'obrazu testowego' },
  train: { one: 'obraz treningowy', few: 'obrazy treningowe', many: 'obrazów treningowych', other: 'obrazu treningowego' },
  all: { one: 'obraz', few: 'obrazy', many: 'obrazów', other: 'obrazu' },
} as const;

export const scatter: Translation<typeof en> = {
  'scatter.loading': 'Wczytywanie…',
  'scatter.status': ({ n, split, dim, projected }, f) =>
    `${f.number(n)} ${f.plural(n, IMAGES[split])}, ${f.number(dim)}-wymiarowy kod${projected ? ', pokazany na dwóch pierwszych składowych głównych' : ''}`,
  'scatter.projected': ' (rzut PCA kodu)',
  'scatter.title': ({ model }) => `Kody latentne modelu „${model}”`,
  'scatter.pcaTitle': 'PCA, 2 składowe',
  'scatter.roleDescription': 'wykres przestrzeni latentnej',
  'scatter.plotLabel': ({ title, status }) => `${title}: ${status}. Strzałki przesuwają kursor, Enter go dekoduje, plus i minus przybliżają i oddalają, 0 przywraca widok.`,
  'scatter.pcaLabel': ({ title }) => `${title}: te same obrazy rzutowane przez PCA`,
  'scatter.knn': ({ accuracy }) => `5-NN ${accuracy}`,
  'scatter.testMse': ({ mse }) => `MSE testowe ${mse}`,
  'scatter.legend': 'Kolory etykiet',
  'scatter.noImage': 'Brak obrazu',
  // A decimal comma: the coordinates are parted by semicolons.
  'scatter.decodedLabel': ({ latent }, f) => `Obraz zdekodowany z punktu (${latentPoint(latent, f, '; ')})`,
  'scatter.nothingDecoded': 'Nic nie zdekodowano',
  'scatter.decoded': ({ latent }, f) => `zdekodowane z = (${latentPoint(latent, f, '; ')})`,
  'scatter.attr.compare': ({ written, options }) => `${written}: dozwolone ${options.map((o) => `„${o}”`).join(', ')} lub wartość pusta.`,
};
