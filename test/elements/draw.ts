import { oneEvent } from '@open-wc/testing';
import type { AeDrawPad } from '../../src/index.js';

/** Draws a stroke on a pad with synthetic pointer events, from and to fractions of its size. */
export async function drawStroke(pad: AeDrawPad, points: [number, number][]) {
  await pad.updateComplete;
  const canvas = pad.shadowRoot!.querySelector('canvas')!;
  const r = canvas.getBoundingClientRect();
  const at = ([u, v]: [number, number]) => ({ clientX: r.left + u * r.width, clientY: r.top + v * r.height, pointerId: 7, bubbles: true, button: 0, buttons: 1 });
  canvas.dispatchEvent(new PointerEvent('pointerdown', at(points[0])));
  for (const p of points.slice(1)) canvas.dispatchEvent(new PointerEvent('pointermove', at(p)));
  const drawn = oneEvent(pad, 'ae-draw');
  canvas.dispatchEvent(new PointerEvent('pointerup', { ...at(points.at(-1)!), buttons: 0 }));
  return (await drawn).detail;
}
