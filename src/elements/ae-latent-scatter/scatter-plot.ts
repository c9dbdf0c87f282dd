import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Formats } from '../../l10n/formats.js';
import { localTicks } from '../../shared/ticks.js';
import { drawPoints, type PointStyle } from './point-layer.js';

const MARGIN = { left: 36, bottom: 22, top: 6, right: 6 };

/**
 * One scatter panel: points on a canvas, axes and a cursor in an SVG on top, pan and
 * zoom by d3-zoom. Owns no data beyond what it was last given.
 */
export class ScatterPlot {
  points: Float32Array = new Float32Array(0);
  labels: ArrayLike<number> | null = null;
  private base = { x: scaleLinear(), y: scaleLinear() };
  private transform: ZoomTransform = zoomIdentity;
  private size = { width: 0, height: 0, dpr: 1 };
  private behavior: ZoomBehavior<HTMLElement, unknown>;
  private xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private cursorMark: Selection<SVGCircleElement, unknown, null, undefined>;
  private hoverMark: Selection<SVGCircleElement, unknown, null, undefined>;
  private frame = 0;

  constructor(
    private surface: HTMLElement,
    private canvas: HTMLCanvasElement,
    svg: SVGSVGElement,
    private style: () => PointStyle,
    /** The element's number formats, read at each draw: tick labels follow its language. */
    private formats: () => Formats,
    private onDraw: () => void = () => {},
  ) {
    const root = select(svg);
    this.xAxis = root.append('g').attr('class', 'axis x');
    this.yAxis = root.append('g').attr('class', 'axis y');
    this.hoverMark = root.append('circle').attr('class', 'hover').attr('r', 6).style('display', 'none');
    this.cursorMark = root.append('circle').attr('class', 'cursor').attr('r', 7).style('display', 'none');
    this.behavior = zoom<HTMLElement, unknown>()
      .scaleExtent([0.5, 64])
      .on('zoom', (e: { transform: ZoomTransform }) => {
        this.transform = e.transform;
        this.schedule();
      });
    select(surface).call(this.behavior);
  }

  /** New points: the base scales fit them; the reader's zoom and pan stay on top. */
  setData(points: Float32Array, labels: ArrayLike<number> | null) {
    this.points = points;
    this.labels = labels;
    this.fit();
    this.schedule();
  }

  /** Fits the base scales to the points' extent, with a margin. */
  private fit() {
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < this.points.length; i += 2) {
      const [x, y] = [this.points[i], this.points[i + 1]];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (!Number.isFinite(x0)) [x0, x1, y0, y1] = [-1, 1, -1, 1];
    const pad = (a: number, b: number) => (b - a || 1) * 0.05;
    this.base.x.domain([x0 - pad(x0, x1), x1 + pad(x0, x1)]);
    this.base.y.domain([y0 - pad(y0, y1), y1 + pad(y0, y1)]);
  }

  resize(width: number, height: number, dpr = globalThis.devicePixelRatio || 1) {
    if (width === this.size.width && height === this.size.height && dpr === this.size.dpr) return;
    this.size = { width, height, dpr };
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.base.x.range([MARGIN.left, width - MARGIN.right]);
    this.base.y.range([height - MARGIN.bottom, MARGIN.top]);
    this.schedule();
  }

  /** Current scales (base scales under the reader's zoom), in CSS pixels. */
  get scales(): { x: ScaleLinear<number, number>; y: ScaleLinear<number, number> } {
    return { x: this.transform.rescaleX(this.base.x), y: this.transform.rescaleY(this.base.y) };
  }

  resetZoom() {
    select(this.surface).call(this.behavior.transform, zoomIdentity);
  }

  zoomBy(factor: number) {
    select(this.surface).call(this.behavior.scaleBy, factor);
  }

  /** Draws on the next animation frame (several requests in one frame draw once). */
  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws now; returns the number of points drawn. */
  draw(): number {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.size.width) return 0;
    const { x, y } = this.scales;
    const d = this.size.dpr;
    const [sx, sy] = [(x(1) - x(0)) * d, (y(1) - y(0)) * d];
    const drawn = drawPoints(ctx, this.points, this.labels, { sx, tx: x(0) * d, sy, ty: y(0) * d }, this.style());
    const [xTicks, yTicks] = [Math.max(2, this.size.width / 80), Math.max(2, this.size.height / 60)];
    this.xAxis.attr('transform', `translate(0,${this.size.height - MARGIN.bottom})`).call(axisBottom(x).ticks(xTicks).tickFormat(ticksIn(x, xTicks, this.formats())));
    this.yAxis.attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(yTicks).tickFormat(ticksIn(y, yTicks, this.formats())));
    this.onDraw();
    return drawn;
  }

  /** Index of the point nearest to a CSS-pixel position within `radius`, or -1. */
  nearest(px: number, py: number, radius = 8): number {
    const { x, y } = this.scales;
    const [x0, y0] = [x.invert(px), y.invert(py)];
    const [kx, ky] = [(x(1) - x(0)) ** 2, (y(1) - y(0)) ** 2];
    let best = -1;
    let bestD = radius * radius;
    for (let i = 0, k = 0; i < this.points.length; i += 2, k++) {
      const d = (this.points[i] - x0) ** 2 * kx + (this.points[i + 1] - y0) ** 2 * ky;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  }

  /** Data coordinates of a CSS-pixel position. */
  toData(px: number, py: number): [number, number] {
    const { x, y } = this.scales;
    return [x.invert(px), y.invert(py)];
  }

  /** The centre of the current view, in data coordinates. */
  center(): [number, number] {
    return this.toData((MARGIN.left + this.size.width - MARGIN.right) / 2, (MARGIN.top + this.size.height - MARGIN.bottom) / 2);
  }

  /** A step of 1/40 of the visible range, in data units. */
  step(): [number, number] {
    const { x, y } = this.scales;
    const [a, b] = x.domain();
    const [c, d] = y.domain();
    return [(b - a) / 40, (d - c) / 40];
  }

  markHover(k: number) {
    if (k < 0) return void this.hoverMark.style('display', 'none');
    const { x, y } = this.scales;
    this.hoverMark.style('display', null).attr('cx', x(this.points[k * 2])).attr('cy', y(this.points[k * 2 + 1]));
  }

  markCursor(at: [number, number] | null) {
    if (!at) return void this.cursorMark.style('display', 'none');
    const { x, y } = this.scales;
    this.cursorMark.style('display', null).attr('cx', x(at[0])).attr('cy', y(at[1]));
  }

  dispose() {
    if (this.frame) cancelAnimationFrame(this.frame);
    select(this.surface).on('.zoom', null);
  }
}

/** Tick labels in the language, with as many decimals as d3's own labels (enough to tell the ticks apart). */
function ticksIn(scale: ScaleLinear<number, number>, count: number, f: Formats) {
  const [a, b] = scale.ticks(count);
  const digits = b === undefined ? 0 : Math.max(0, -Math.floor(Math.log10(Math.abs(b - a)) + 1e-9));
  return localTicks(scale, count, ',f', f, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
