import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';

const [W, H] = [480, 180];
const M = { top: 8, right: 12, bottom: 26, left: 48 };
/** The train line is drawn from at most this many points (bucket means). */
const MAX_POINTS = 600;

/** Loss history across train() calls: one value per step, test loss at epoch ends. */
export class LossHistory {
  train: number[] = [];
  test: { step: number; loss: number }[] = [];

  clear() {
    this.train = [];
    this.test = [];
  }
}

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
  private testPath: Selection<SVGPathElement, unknown, null, undefined>;
  private dots: Selection<SVGGElement, unknown, null, undefined>;

  constructor(svg: SVGSVGElement) {
    const root = select(svg).attr('viewBox', `0 0 ${W} ${H}`);
    this.xAxis = root.append('g').attr('class', 'x axis').attr('transform', `translate(0,${H - M.bottom})`);
    this.yAxis = root.append('g').attr('class', 'y axis').attr('transform', `translate(${M.left},0)`);
    this.trainPath = root.append('path').attr('class', 'train');
    this.testPath = root.append('path').attr('class', 'test');
    this.dots = root.append('g').attr('class', 'test-dots');
  }

  update(history: LossHistory) {
    const train = downsample(history.train);
    const all = [...train.map((p) => p[1]), ...history.test.map((t) => t.loss)].filter((v) => v > 0 && Number.isFinite(v));
    const steps = Math.max(1, history.train.length);
    this.x.domain([0, steps]);
    const [lo, hi] = all.length ? [Math.min(...all), Math.max(...all)] : [0.01, 1];
    // Log only when the loss spans a decade or more; a narrow log range gets no tick labels.
    this.y = (hi / lo >= 10 ? scaleLog() : scaleLinear()).range([H - M.bottom, M.top]);
    this.y.domain(lo === hi ? [lo / 1.5, hi * 1.5] : [lo / 1.05, hi * 1.05]);
    this.xAxis.call(axisBottom(this.x).ticks(5, 's'));
    this.yAxis.call(axisLeft(this.y).ticks(4, '.2~g'));
    const path = line<[number, number]>()
      .defined((p) => p[1] > 0 && Number.isFinite(p[1]))
      .x((p) => this.x(p[0]))
      .y((p) => this.y(p[1]));
    this.trainPath.attr('d', path(train) ?? '');
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
