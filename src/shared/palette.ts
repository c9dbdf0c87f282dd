/**
 * Ten label colours that stay distinct under the common colour-vision deficiencies:
 * Paul Tol's "muted" scheme plus its pale grey. Overridable per label with
 * `--ae-label-0` ... `--ae-label-9`.
 */
export const LABEL_COLORS = ['#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255', '#aa4499', '#bbbbbb'] as const;

/**
 * The colour of label `i`. Past the ten above, hues step by the golden angle (so
 * neighbouring labels differ most) at alternating lightness; these are less kind to
 * colour-blind readers, and `--ae-label-<i>` overrides any of them.
 */
export function labelColor(i: number): string {
  if (i < LABEL_COLORS.length) return LABEL_COLORS[i];
  const k = i - LABEL_COLORS.length;
  return hslHex((k * 137.508 + 20) % 360, 0.55, k % 2 ? 0.38 : 0.58);
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return `#${[f(0), f(8), f(4)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Colours of labels 0..count-1 in effect for an element (its CSS custom properties win). */
export function labelColors(el: Element, count: number = LABEL_COLORS.length): string[] {
  const style = getComputedStyle(el);
  return Array.from({ length: count }, (_, i) => style.getPropertyValue(`--ae-label-${i}`).trim() || labelColor(i));
}
