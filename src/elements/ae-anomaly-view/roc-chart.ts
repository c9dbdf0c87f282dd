import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { Formats } from '../../l10n/formats.js';
import type { RocPoint } from './roc.js';

/** The chart's coordinate box (the svg's viewBox). */
export const ROC_BOX = { width: 240, height: 220 } as const;
const M = { top: 10, right: 12, bottom: 34, left: 40 };

/** The axes' titles and the language's formats for their numbers. */
export interface RocText {
  fpr: string;
  tpr: string;
  formats: Formats;
}

/**
 * A ROC curve inside an existing <g> of an <svg>: axes (false-positive rate across,
 * true-positive rate up), the chance diagonal, the curve, and a dot at the threshold in
 * use. Built once; `update` moves the existing path and dot, and writes the axes in the
 * language it is given.
 */
export class RocChart {
  private x = scaleLinear().domain([0, 1]).range([M.left, ROC_BOX.width - M.right]);
  private y = scaleLinear().domain([0, 1]).range([ROC_BOX.height - M.bottom, M.top]);
  private xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private xTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private yTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private curve: Selection<SVGPathElement, unknown, null, undefined>;
  private dot: Selection<SVGCircleElement, unknown, null, undefined>;
  private path = line<RocPoint>()
    .x((p) => this.x(p.fpr))
    .y((p) => this.y(p.tpr));

  constructor(readonly root: SVGGElement) {
    const g = select(root);
    this.xAxis = g.append('g').attr('class', 'x axis').attr('transform', `translate(0,${ROC_BOX.height - M.bottom})`);
    this.yAxis = g.append('g').attr('class', 'y axis').attr('transform', `translate(${M.left},0)`);
    this.xTitle = g.append('text').attr('class', 'axis-label').attr('x', (M.left + ROC_BOX.width - M.right) / 2).attr('y', ROC_BOX.height - 4).attr('text-anchor', 'middle');
    this.yTitle = g
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', `translate(10,${(M.top + ROC_BOX.height - M.bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle');
    g.append('line').attr('class', 'chance').attr('x1', this.x(0)).attr('y1', this.y(0)).attr('x2', this.x(1)).attr('y2', this.y(1));
    this.curve = g.append('path').attr('class', 'curve');
    this.dot = g.append('circle').attr('class', 'at-threshold').attr('r', 4);
  }

  /** Draws `points` and marks the point of the threshold in use (`at`: its rates). */
  update(points: readonly RocPoint[], at: { fpr: number; tpr: number } | null, text: RocText) {
    const tick = (v: { valueOf(): number }) => text.formats.number(+v, { maximumFractionDigits: 1 });
    this.xAxis.call(axisBottom(this.x).ticks(5).tickFormat(tick));
    this.yAxis.call(axisLeft(this.y).ticks(5).tickFormat(tick));
    this.xTitle.text(text.fpr);
    this.yTitle.text(text.tpr);
    this.curve.attr('d', this.path(points as RocPoint[]) ?? '');
    this.dot.attr('display', at ? null : 'none');
    if (at) this.dot.attr('cx', this.x(at.fpr)).attr('cy', this.y(at.tpr));
  }
}
