import { html } from 'lit';
import type { KnnResult } from '../../engine/types.js';

/** The table's words, and its counts as the element's language writes them. */
export interface MatrixText {
  caption: string;
  corner: string;
  count: (n: number) => string;
}

/**
 * A confusion matrix as a real table (what screen readers read in place of the heatmap):
 * a row per true class, a column per predicted class, counts in the cells.
 */
export function matrixTable(r: KnnResult, names: readonly string[], text: MatrixText, visible: boolean) {
  const c = r.classes;
  return html`<table class=${visible ? 'counts' : 'counts visually-hidden'} part="table">
    <caption>${text.caption}</caption>
    <thead>
      <tr>
        <th scope="col">${text.corner}</th>
        ${names.map((n) => html`<th scope="col">${n}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${names.map(
        (n, t) => html`<tr>
          <th scope="row">${n}</th>
          ${names.map((_, p) => html`<td class=${t === p ? 'hit' : ''}>${text.count(r.confusion[t * c + p])}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Test samples on the matrix's diagonal: those classified right. */
export function diagonal(r: KnnResult): number {
  let right = 0;
  for (let t = 0; t < r.classes; t++) right += r.confusion[t * r.classes + t];
  return right;
}
