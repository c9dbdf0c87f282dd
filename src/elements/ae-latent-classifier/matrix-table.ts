import { html } from 'lit';
import type { KnnResult } from '../../engine/types.js';

/**
 * A confusion matrix as a real table (what screen readers read in place of the heatmap):
 * a row per true class, a column per predicted class, counts in the cells.
 */
export function matrixTable(r: KnnResult, names: readonly string[], title: string, visible: boolean) {
  const c = r.classes;
  return html`<table class=${visible ? 'counts' : 'counts visually-hidden'} part="table">
    <caption>${title}: test samples by true class (rows) and predicted class (columns)</caption>
    <thead>
      <tr>
        <th scope="col">true \\ predicted</th>
        ${names.map((n) => html`<th scope="col">${n}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${names.map(
        (n, t) => html`<tr>
          <th scope="row">${n}</th>
          ${names.map((_, p) => html`<td class=${t === p ? 'hit' : ''}>${r.confusion[t * c + p]}</td>`)}
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
