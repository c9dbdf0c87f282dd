import type { Translation } from '../catalog.js';
import type { common as en } from '../en/common.js';

export const common: Translation<typeof en> = {
  'common.notANumber': 'nie jest liczbą',
  'common.status.idle': 'bezczynny',
  'common.status.loading': 'wczytywanie',
  'common.status.ready': 'gotowy',
  'common.status.training': 'trenuje',
  'common.status.paused': 'wstrzymany',
  'common.status.error': 'błąd',
  'common.status.disposed': 'zwolniony',
  'common.kindPhrase': ({ title }) => `autoenkoder ${title}`,
  'common.code': ({ activation }) => `kod ${activation}`,
  'common.gaussianCode': 'kod gaussowski',
  'common.pretrained': 'wytrenowany',
  'common.loading': 'Wczytywanie…',
  'common.noModel': 'Brak modelu do pokazania.',
  'common.loadFailed': 'Nie udało się wczytać modelu.',
  'common.label': ({ label }) => `etykieta ${label}`,
  'common.imageOf': ({ name, index }) => `${name} (obraz ${index})`,
  'common.image': ({ index }) => `obraz ${index}`,
  'common.noDrawing': ({ colour, shape }) =>
    `Ten model przyjmuje ${colour ? 'kolorowe obrazy' : 'wektory, nie obrazy'} (${shape}), więc szarego rysunku nie da się porównać z jego danymi. Użyj obrazów testowych.`,
};
