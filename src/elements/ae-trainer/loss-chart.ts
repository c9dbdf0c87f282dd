import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { Formats } from '../../l10n/formats.js';
import { localTicks } from '../../shared/ticks.js';

const [W, H] = [480, 180];
const M = { top: 8, right: 12, bottom: 26, left: 48 };
/** The train line is drawn from at most this many points (bucket means). */
const MAX_POINTS = 600;

/** Loss history across train() calls: one value per step, the kind's named terms per step, test loss at epoch ends. */
export class LossHistory {
  train: number[] = [];
  /** Named loss terms (kl, discriminator...), step-aligned with the end of `train`. */
  series = new Map<string, number[]>();
  test: { step: number; loss: number }[] = [];

  add(losses: number[], series?: Record<string, number[]>) {
    this.train.push(...losses);
    for (const [name, values] of Object.entries(series ?? {})) {
      const list = this.series.get(name) ?? [];
      list.push(...values);
      this.series.set(name, list);
    }
  }

  clear() {
    this.train = [];
    this.series = new Map();
    this.test = [];
  }
}

/** The most named series a chart draws; each has its own colour class (series-1...). */
export const MAX_SERIES = 4;

/**
 * A loss chart inside an existing <svg>: train loss per step as a line, test loss per
 * epoch as dots, log-scaled when the loss spans a decade. Updates move the existing paths and axes; nothing is
 * rebuilt per frame.
 */
export class LossChart {
  private x = scaleLinear().range([M.left, W - M.right]);
  private y: ScaleContinuousNumeric<number, number> = scaleLinear().range([H - M.bottom, M.top]);
  private xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private trainPath: Selection<SVGPathElement, unknown, null, undefined>;
  private seriesPaths: Selection<SVGGElement, unknown, null, undefined>;
  private testPath: Selection<SVGPathElement, unknown, null, undefined>;
  private dots: Selection<SVGGElement, unknown, null, undefined>;

  constructor(svg: SVGSVGElement) {
    const root = select(svg).attr('viewBox', `0 0 ${W} ${H}`);
    this.xAxis = root.append('g').attr('class', 'x axis').attr('transform', `translate(0,${H - M.bottom})`);
    this.yAxis = root.append('g').attr('class', 'y axis').attr('transform', `translate(${M.left},0)`);
    this.seriesPaths = root.append('g').attr('class', 'series');
    this.trainPath = root.append('path').attr('class', 'train');
    this.testPath = root.append('path').attr('class', 'test');
    this.dots = root.append('g').attr('class', 'test-dots');
  }

  /** Redraws from `history`, with tick labels as `f`'s language writes numbers. */
  update(history: LossHistory, f: Formats) {
    const train = downsample(history.train);
    // A series that started later (a kind changed mid-history) is offset to end with the train line.
    const named = [...history.series].slice(0, MAX_SERIES).map(([name, values]) => ({ name, points: downsample(values).map(([s, v]) => [s + history.train.length - values.length, v] as [number, number]) }));
    const all = [...train, ...named.flatMap((n) => n.points)].map((p) => p[1]).concat(history.test.map((t) => t.loss)).filter((v) => v > 0 && Number.isFinite(v));
    const steps = Math.max(1, history.train.length);
    this.x.domain([0, steps]);
    const [lo, hi] = all.length ? [Math.min(...all), Math.max(...all)] : [0.01, 1];
    // Log only when the loss spans a decade or more; a narrow log range gets no tick labels.
    this.y = (hi / lo >= 10 ? scaleLog() : scaleLinear()).range([H - M.bottom, M.top]);
    this.y.domain(lo === hi ? [lo / 1.5, hi * 1.5] : [lo / 1.05, hi * 1.05]);
    this.xAxis.call(axisBottom(this.x).ticks(5).tickFormat(localTicks(this.x, 5, 's', f, { notation: 'compact' })));
    this.yAxis.call(axisLeft(this.y).ticks(4).tickFormat(localTicks(this.y, 4, '.2~g', f, { maximumSignificantDigits: 2 })));
    const path = line<[number, number]>()
      .defined((p) => p[1] > 0 && Number.isFinite(p[1]))
      .x((p) => this.x(p[0]))
      .y((p) => this.y(p[1]));
    this.trainPath.attr('d', path(train) ?? '');
    this.seriesPaths
      .selectAll('path')
      .data(named, (d) => (d as { name: string }).name)
      .join('path')
      .attr('class', (_, i) => `series-${i + 1}`)
      .attr('d', (d) => path(d.points) ?? '');
    const test = history.test.map((t) => [t.step, t.loss] as [number, number]);
    this.testPath.attr('d', path(test) ?? '');
    this.dots
      .selectAll('circle')
      .data(test.filter((p) => p[1] > 0))
      .join('circle')
      .attr('r', 3)
      .attr('cx', (p) => this.x(p[0]))
      .attr('cy', (p) => this.y(p[1]));
  }
}

/** [step, loss] pairs, averaged into at most MAX_POINTS buckets. */
function downsample(values: number[]): [number, number][] {
  const bucket = Math.max(1, Math.ceil(values.length / MAX_POINTS));
  const out: [number, number][] = [];
  for (let start = 0; start < values.length; start += bucket) {
    const end = Math.min(values.length, start + bucket);
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    out.push([end, sum / (end - start)]);
  }
  return out;
}
