import { html, type TemplateResult } from 'lit';
import type { Dataset } from '../engine/dataset.js';
import { describeShape, sampleShapeOf } from '../engine/sample.js';

/**
 * Why a drawing cannot stand in for a sample of this data, or null when it can: the
 * pad draws grey strokes, which only grey images can be compared with.
 */
export function whyNoDrawing(ds: Dataset): string | null {
  const shape = sampleShapeOf(ds);
  if (shape.kind === 'image' && shape.channels === 1) return null;
  const what = shape.kind === 'image' ? 'colour images' : 'vectors, not pictures';
  return `This model takes ${what} (${describeShape(shape)}), so a grey drawing cannot be compared with its data. Use test images instead.`;
}

/** A drawing pad sized to the data's images, or the reason there is none. */
export function drawPadFor(ds: Dataset | null, onDraw: (e: CustomEvent<{ image: Float32Array; empty: boolean }>) => void, part = 'pad'): TemplateResult {
  const why = ds && whyNoDrawing(ds);
  if (why) return html`<p class="note" part="${part}-note" role="note">${why}</p>`;
  return html`<ae-draw-pad part=${part} .height=${ds?.height ?? 28} .width=${ds?.width ?? 28} @ae-draw=${onDraw}></ae-draw-pad>`;
}
