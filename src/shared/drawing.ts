import { html, type TemplateResult } from 'lit';
import type { Dataset } from '../engine/dataset.js';
import { sampleShapeOf } from '../engine/sample.js';
import type { LocalizeController } from './localize.js';

/**
 * Why a drawing cannot stand in for a sample of this data, or null when it can: the
 * pad draws grey strokes, which only grey images can be compared with.
 */
export function whyNoDrawing(l: LocalizeController, ds: Dataset): string | null {
  const shape = sampleShapeOf(ds);
  if (shape.kind === 'image' && shape.channels === 1) return null;
  return l.term('common.noDrawing', { colour: shape.kind === 'image', shape: l.term('data.shape', { shape }) });
}

/** A drawing pad sized to the data's images, or the reason there is none. */
export function drawPadFor(l: LocalizeController, ds: Dataset | null, onDraw: (e: CustomEvent<{ image: Float32Array; empty: boolean }>) => void, part = 'pad'): TemplateResult {
  const why = ds && whyNoDrawing(l, ds);
  if (why) return html`<p class="note" part="${part}-note" role="note">${why}</p>`;
  return html`<ae-draw-pad part=${part} .height=${ds?.height ?? 28} .width=${ds?.width ?? 28} @ae-draw=${onDraw}></ae-draw-pad>`;
}
