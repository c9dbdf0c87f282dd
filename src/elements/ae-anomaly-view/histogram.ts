import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import type { Formats } from '../../l10n/formats.js';

const [W, H] = [480, 150];
const M = { top: 18, right: 12, bottom: 26, left: 12 };

export interface Bins {
  /** Upper edge of the last bin; the first starts at 0. */
  max: number;
  counts: number[];
}

/**
 * Counts of `values` in `count` equal bins from 0 to their maximum (or to `upTo`), only
 * of the values whose `only` entry is set when that is given.
 */
export function binValues(values: ArrayLike<number>, count: number, upTo?: number, only?: ArrayLike<number | boolean>): Bins {
  let max = upTo ?? 0;
  if (upTo === undefined) for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  max = max || 1;
  const counts = new Array<number>(count).fill(0);
  for (let i = 0; i < values.length; i++) if (!only || only[i]) counts[Math.max(0, Math.min(count - 1, Math.floor((values[i] / max) * count)))]++;
  return { max, counts };
}

/** The histogram's words and numbers: the drawing marker's label, and the language's formats for the axis. */
export interface HistogramText {
  marker: string;
  formats: Formats;
}

/**
 * A histogram inside an existing <svg>, with a threshold line (bars above it are
 * highlighted) and an optional marker for one more value. Updates move the existing
 * bars and lines.
 */
export class Histogram {
  private x = scaleLinear().range([M.left, W - M.right]);
  private y = scaleLinear().range([H - M.bottom, M.top]);
  private axis: Selection<SVGGElement, unknown, null, undefined>;
  private bars: Selection<SVGGElement, unknown, null, undefined>;
  private marked: Selection<SVGGElement, unknown, null, undefined>;
  private threshold: Selection<SVGLineElement, unknown, null, undefined>;
  private marker: Selection<SVGGElement, unknown, null, undefined>;

  constructor(svg: SVGSVGElement) {
    const root = select(svg).attr('viewBox', `0 0 ${W} ${H}`);
    this.bars = root.append('g').attr('class', 'bars');
    this.marked = root.append('g').attr('class', 'anomalies');
    this.axis = root.append('g').attr('class', 'x axis').attr('transform', `translate(0,${H - M.bottom})`);
    this.threshold = root.append('line').attr('class', 'threshold');
    this.marker = root.append('g').attr('class', 'marker');
    this.marker.append('line');
    this.marker.append('text').attr('text-anchor', 'middle').attr('y', M.top - 5);
  }

  /**
   * `anomalies`: per bin, how many of its values are known anomalies (drawn inside the bars);
   * `text`: the marker's label and the axis's numbers, in the element's language.
   */
  update(bins: Bins, threshold: number, marker: number | null, anomalies: number[] | null, text: HistogramText) {
    // The marker may lie beyond every test image: widen the axis to show it.
    const top = Math.max(bins.max, marker ?? 0);
    this.x.domain([0, top]);
    this.y.domain([0, Math.max(1, ...bins.counts)]);
    this.axis.call(
      axisBottom(this.x)
        .ticks(6)
        .tickFormat((v) => text.formats.number(+v, { maximumSignificantDigits: 2 })),
    );
    const width = bins.max / bins.counts.length;
    this.bars
      .selectAll('rect')
      .data(bins.counts)
      .join('rect')
      .attr('x', (_, i) => this.x(i * width))
      .attr('width', Math.max(0.5, this.x(width) - this.x(0) - 0.5))
      .attr('y', (c) => this.y(c))
      .attr('height', (c) => this.y(0) - this.y(c))
      .classed('above', (_, i) => (i + 0.5) * width > threshold);
    const inner = Math.max(0.5, (this.x(width) - this.x(0)) / 2 - 0.5);
    this.marked
      .selectAll('rect')
      .data(anomalies ?? [])
      .join('rect')
      .attr('x', (_, i) => this.x(i * width) + inner / 2)
      .attr('width', inner)
      .attr('y', (c) => this.y(c))
      .attr('height', (c) => this.y(0) - this.y(c));
    const tx = this.x(Math.min(threshold, top));
    this.threshold.attr('x1', tx).attr('x2', tx).attr('y1', M.top - 4).attr('y2', H - M.bottom);
    this.marker.attr('display', marker === null ? 'none' : null);
    if (marker !== null) {
      const mx = this.x(marker);
      this.marker.select('line').attr('x1', mx).attr('x2', mx).attr('y1', M.top).attr('y2', H - M.bottom);
      this.marker.select('text').attr('x', Math.min(W - 40, Math.max(40, mx))).text(text.marker);
    }
  }
}
