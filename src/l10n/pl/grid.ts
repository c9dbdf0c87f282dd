import type { Translation } from '../catalog.js';
import type { grid as en } from '../en/grid.js';

// Image numbers are names, not amounts: written as they are, without grouping.
export const grid: Translation<typeof en> = {
  'grid.list': 'Obrazy testowe i ich rekonstrukcje',
  'grid.original': ({ image }) => `Obraz testowy: ${image}`,
  'grid.imageNumber': ({ index }) => `obraz ${index}`,
  'grid.reconstruction': ({ vector, index, error }) => `${vector ? 'Wejście i rekonstrukcja próbki' : 'Rekonstrukcja obrazu'} ${index}, błąd ${error}`,
  'grid.summary.mean': 'Średni błąd rekonstrukcji na zbiorze testowym (MSE)',
  'grid.summary.code': ({ dim }, f) => `przy ${f.number(dim)}-wymiarowym kodzie`,
  'grid.summary.pca': ({ components }, f) => `PCA z ${f.number(components)} ${f.plural(components, { one: 'składową', other: 'składowymi' })}:`,
  'grid.attr.indices': ({ written, max }) => `${written}: podaj numery obrazów od 0 do ${max}, np. "0,7,42".`,
};
