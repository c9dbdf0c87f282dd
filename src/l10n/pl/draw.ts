import type { Translation } from '../catalog.js';
import type { draw as en } from '../en/draw.js';

export const draw: Translation<typeof en> = {
  'draw.label': 'Pole do rysowania: narysuj cyfrę myszą, palcem lub rysikiem',
  'draw.clear': 'Wyczyść',
  'draw.attr.label': ({ written }) => `${written}: podaj nazwę pola dla czytników ekranu, np. "Narysuj cyfrę".`,
};
