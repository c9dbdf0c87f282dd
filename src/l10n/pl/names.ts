import type { PRESETS } from '../../store/presets.js';

/** The presets' titles in Polish, by preset id. */
export const presets: Readonly<Record<keyof typeof PRESETS, string>> = {
  'mnist-ae-2d': 'Autoenkoder, kod 2-D (laboratorium z kursu)',
  'mnist-ae-16': 'Autoenkoder, kod 16-D do ekstrakcji cech',
  'mnist-vae-2d': 'Autoenkoder wariacyjny, przestrzeń latentna 2-D',
  'mnist-dae': 'Autoenkoder odszumiający, kod 32-D (szum, wymazane kwadraty, pomniejszenie)',
  'mnist-aae-2d': 'Autoenkoder adwersaryjny, kod 2-D wypełniający okrąg dziesięciu rozkładów gaussowskich, po jednym na cyfrę',
  'mnist-umap-ae-2d': 'Autoenkoder z regularyzacją UMAP, kod 2-D: mapa, która trzyma sąsiadów razem i nadal dekoduje',
  'mnist-conv-ae': 'Autoenkoder splotowy, kod 16-D',
  'emoji-ae': 'Autoenkoder splotowy na kolorowych emoji, kod 32-D',
  'emoji-ae-2d': 'Autoenkoder splotowy na kolorowych emoji, kod 2-D do mapy',
  'emoji-colorize': 'Koloryzacja emoji: szary obraz na wejściu, kolorowy na wyjściu',
};

/** The kinds' loss terms, as the trainer's legend names them. */
export const terms: Readonly<Record<string, string>> = {
  reconstruction: 'rekonstrukcja',
  kl: 'KL',
  sparsity: 'rzadkość',
  contraction: 'kontrakcja',
  umap: 'UMAP',
  discriminator: 'dyskryminator',
  generator: 'generator',
};
