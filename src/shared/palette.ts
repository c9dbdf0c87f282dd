/**
 * Ten label colours that stay distinct under the common colour-vision deficiencies:
 * Paul Tol's "muted" scheme plus its pale grey. Overridable per label with
 * `--ae-label-0` ... `--ae-label-9`.
 */
export const LABEL_COLORS = ['#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255', '#aa4499', '#bbbbbb'] as const;

/** The label colours in effect for an element (its CSS custom properties win). */
export function labelColors(el: Element): string[] {
  const style = getComputedStyle(el);
  return LABEL_COLORS.map((c, i) => style.getPropertyValue(`--ae-label-${i}`).trim() || c);
}
