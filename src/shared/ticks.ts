import type { Formats } from '../l10n/formats.js';

interface TickScale {
  tickFormat(count?: number, specifier?: string): (d: number) => string;
}

/**
 * An axis's tick labels in the element's language: d3 still picks which ticks get a label
 * (a log axis leaves some blank), Intl writes the numbers ("0,02", "1,5 tys.").
 */
export function localTicks(scale: TickScale, count: number, specifier: string, f: Formats, options: Intl.NumberFormatOptions): (d: number | { valueOf(): number }) => string {
  const d3Format = scale.tickFormat(count, specifier);
  return (d) => (d3Format(+d) === '' ? '' : f.number(+d, options));
}
