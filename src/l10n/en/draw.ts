import { section } from '../catalog.js';

/** <ae-draw-pad>. */
export const draw = section({
  /** The pad's accessible name while the page gives none of its own. */
  'draw.label': 'Drawing pad: draw a digit with mouse, touch or pen',
  'draw.clear': 'Clear',
  'draw.attr.label': ({ written }: { written: string }) => `${written} must name the pad for screen readers, such as "Draw a digit".`,
});
