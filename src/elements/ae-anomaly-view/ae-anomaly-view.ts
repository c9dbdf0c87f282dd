import { html, nothing, type PropertyValues } from 'lit';
import { property, query, queryAll, state } from 'lit/decorators.js';
import { numberIn, wholeNumber } from '../../shared/attributes.js';
import { LiveElement } from '../../shared/live-element.js';
import type { TaskRun } from '../../shared/store-task.js';
import { mse, paintSamples, sampleColors } from '../../shared/render.js';
import { formatLoss, formatPercent } from '../../shared/format.js';
import { describeImage, gatherImages } from '../../shared/samples.js';
import '../ae-draw-pad/define.js';
import { binValues, Histogram, type Bins } from './histogram.js';
import { styles } from './ae-anomaly-view.styles.js';
import { drawPadFor, whyNoDrawing } from '../../shared/drawing.js';

/** Share of test images above the default threshold. */
const DEFAULT_FLAGGED = 0.02;

/**
 * @summary Reconstruction error as an anomaly score: a histogram of the test split's
 * per-image errors with a threshold, the images the model reconstructs worst, and the
 * reader's own drawing placed on the histogram (draw a letter and watch its error).
 *
 * @event ae-error - A bad attribute or a failed store call; `detail.code`, `detail.message`.
 *
 * @csspart histogram - The error histogram (svg).
 * @csspart threshold - The threshold slider.
 * @csspart worst - The highest-error images.
 * @csspart pad - The drawing pad.
 * @csspart summary - How many test images the threshold flags, and the drawing's score.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-digit-size - Displayed size of each image (default 56px).
 * @cssproperty --ae-bar-color - Colour of histogram bars under the threshold.
 * @cssproperty --ae-bar-flagged - Colour of bars over the threshold.
 */
export class AeAnomalyView extends LiveElement {
  static override styles = [...LiveElement.styles, styles];

  /** Error above which an image counts as unusual; by default 2% of test images are above it. */
  @property({ type: Number }) threshold?: number;
  /** How many of the highest-error test images to show (0 to 40). */
  @property({ type: Number }) top = 8;
  /** Number of histogram bars (5 to 200). */
  @property({ type: Number }) bins = 40;

  @state() private errors: Float32Array | null = null;
  @state() private drawnError: number | null = null;
  @state() private worst: { index: number; error: number }[] = [];
  @query('svg.histogram') private svg?: SVGSVGElement;
  @queryAll('canvas.worst') private worstCanvases!: NodeListOf<HTMLCanvasElement>;

  private indices: Uint32Array = new Uint32Array(0);
  private sorted: Float32Array = new Float32Array(0);
  private histogram: Histogram | null = null;
  private binned: Bins | null = null;
  /** The errors `binned` was counted from. */
  private binnedFrom: Float32Array | null = null;
  private drawing: Float32Array | null = null;
  /** The generation whose test errors are shown. */
  private scored = -1;
  private worstImages: Float32Array | null = null;

  /** Per-image reconstruction errors of the test split (row k is dataset image `testIndices[k]`). */
  get scores(): Float32Array | null {
    return this.errors;
  }

  /** The threshold in use: the attribute, or the error that 2% of test images exceed. */
  get effectiveThreshold(): number {
    if (typeof this.threshold === 'number' && Number.isFinite(this.threshold) && this.threshold >= 0) return this.threshold;
    const s = this.sorted;
    return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * (1 - DEFAULT_FLAGGED)))] : 0;
  }

  /** The reader's drawing's error, once drawn. */
  get drawingScore(): number | null {
    return this.drawnError;
  }

  protected override rebound() {
    this.scored = -1;
    this.errors = null;
    this.drawnError = null;
    this.worst = [];
    this.worstImages = null;
    this.sorted = new Float32Array(0);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('top')) {
      this.check('top', () => wholeNumber(this, 'top', this.top ?? 8, 0, 40));
      if (this.errors) this.pickWorst();
    }
    if (changed.has('bins')) this.check('bins', () => wholeNumber(this, 'bins', this.bins ?? 40, 5, 200));
    if (changed.has('threshold')) this.check('threshold', () => (this.threshold == null ? undefined : numberIn(this, 'threshold', this.threshold, 0, Infinity, ', a reconstruction error such as 0.05')));
  }

  private get topCount() {
    const top = this.top ?? 8;
    return Number.isInteger(top) && top >= 0 && top <= 40 ? top : 8;
  }

  private get binCount() {
    const bins = this.bins ?? 40;
    return Number.isInteger(bins) && bins >= 5 && bins <= 200 ? bins : 40;
  }

  protected async refresh(run: TaskRun) {
    const { store } = run;
    const generation = this.generation;
    if (this.scored !== generation) {
      const result = await run.step(store.reconstructionErrors('test'));
      this.indices = result.indices;
      this.sorted = result.errors.slice().sort();
      this.errors = result.errors;
      this.scored = generation;
      this.pickWorst();
    }
    const drawing = this.drawing;
    const out = drawing && (await run.attempt(store.reconstruct(drawing, 1)));
    this.drawnError = drawing && out ? mse(drawing, out) : null;
  }

  private pickWorst() {
    const errors = this.errors;
    const ds = this.loaded;
    if (!errors || !ds) return;
    const order = Array.from(errors.keys()).sort((a, b) => errors[b] - errors[a]).slice(0, this.topCount);
    this.worst = order.map((k) => ({ index: this.indices[k], error: errors[k] }));
    this.worstImages = gatherImages(ds, this.worst.map((w) => w.index));
  }

  private onDraw(e: CustomEvent<{ image: Float32Array; empty: boolean }>) {
    this.drawing = e.detail.empty ? null : e.detail.image;
    void this.refresher.restart();
  }

  private onThreshold(e: Event) {
    this.threshold = Number((e.target as HTMLInputElement).value);
  }

  protected override updated() {
    if (!this.errors && this.histogram) {
      // No errors of this store yet: no histogram of another store's stays up.
      this.svg?.replaceChildren();
      this.histogram = null;
      this.binned = null;
    }
    if (!this.errors || !this.svg) return;
    this.histogram ??= new Histogram(this.svg);
    if (this.binned?.counts.length !== this.binCount || this.binnedFrom !== this.errors) {
      this.binned = binValues(this.errors, this.binCount);
      this.binnedFrom = this.errors;
    }
    this.histogram.update(this.binned, this.effectiveThreshold, this.drawnError);
    const ds = this.loaded;
    if (ds && this.worstImages) {
      const colors = sampleColors(this);
      this.worstCanvases.forEach((c, k) => k < this.worst.length && paintSamples(c, this.worstImages!, ds, { count: 1, offset: k, colors }));
    }
  }

  override render() {
    const errors = this.errors;
    const t = this.effectiveThreshold;
    const max = this.binned?.max ?? this.sorted.at(-1) ?? 1;
    const flagged = errors ? errors.length - upperBound(this.sorted, t) : 0;
    const drawn = this.drawnError;
    return html`
      <svg class="histogram" part="histogram" role="img" aria-label=${errors ? `Histogram of ${errors.length} test reconstruction errors; threshold ${formatLoss(t)}` : 'Loading errors'}></svg>
      <label class="threshold">Threshold <output>${formatLoss(t)}</output>
        <input part="threshold" type="range" min="0" max=${max} step=${max / 500} .value=${String(t)} ?disabled=${!errors} @input=${this.onThreshold} />
      </label>
      <p class="summary" part="summary" aria-live="polite">
        ${errors
          ? html`<strong>${flagged}</strong> of ${errors.length} test images (${formatPercent(flagged / errors.length)}) have an error above ${formatLoss(t)}.`
          : html`<span class="muted">${this.waitingText}</span>`}
        ${drawn !== null
          ? html`<br />Your drawing: error <strong>${formatLoss(drawn)}</strong>, higher than ${formatPercent(upperBound(this.sorted, drawn) / Math.max(1, this.sorted.length))} of test images:
              <strong class=${drawn > t ? 'flagged' : ''}>${drawn > t ? 'unusual' : 'looks like the data'}</strong>.`
          : nothing}
      </p>
      <div class="row">
        <div>
          ${this.loaded && whyNoDrawing(this.loaded) ? nothing : html`<p class="title">Draw a digit, or a letter</p>`}
          ${drawPadFor(this.loaded, this.onDraw)}
        </div>
        ${this.worst.length
          ? html`<div>
              <p class="title">Worst reconstructed test images</p>
              <ul class="worst digit-list" part="worst">
                ${this.worst.map(
                  (w) => html`<li>
                    <canvas class="digit worst" role="img" aria-label=${`${this.loaded ? describeImage(this.loaded, w.index) : `image ${w.index}`}, error ${formatLoss(w.error)}`}></canvas>
                    <span>${formatLoss(w.error)}</span>
                  </li>`,
                )}
              </ul>
            </div>`
          : nothing}
      </div>
      ${this.renderError()}
    `;
  }
}

/** How many of the ascending `sorted` values are <= x. */
function upperBound(sorted: Float32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
