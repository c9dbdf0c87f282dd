import { html, nothing, type PropertyValues } from 'lit';
import { property, query, queryAll, state } from 'lit/decorators.js';
import type { Dataset } from '../../engine/dataset.js';
import { invalidAttribute, numberIn, wholeNumber } from '../../shared/attributes.js';
import { LiveElement } from '../../shared/live-element.js';
import type { TaskRun } from '../../shared/store-task.js';
import { mse, paintSamples, sampleColors } from '../../shared/render.js';
import { describeImage, gatherImages, labelName, valuesPerSample } from '../../shared/samples.js';
import '../ae-draw-pad/define.js';
import { binValues, Histogram, type Bins } from './histogram.js';
import { confusionAt, rocAuc, rocCurve, type Confusion, type RocPoint } from './roc.js';
import { RocChart, ROC_BOX } from './roc-chart.js';
import { styles } from './ae-anomaly-view.styles.js';
import { drawPadFor, whyNoDrawing } from '../../shared/drawing.js';

/** Share of test images above the default threshold. */
const DEFAULT_FLAGGED = 0.02;
/** Most worst samples shown (the `top` attribute's upper end). */
const MAX_TOP = 40;

/** The test split scored against `anomaly-label`: which rows are anomalies, and the ROC curve. */
interface Labelled {
  /** 1 where test row k (dataset sample `indices[k]`) has an anomaly label. */
  positive: Uint8Array;
  /** Anomalies and normal samples in the test split. */
  anomalies: number;
  normals: number;
  /** The anomaly classes' label numbers (named at render, in the element's language). */
  classes: number[];
  points: RocPoint[];
  auc: number;
}

/** What `anomaly-label` says with labels: precision, recall and the ROC AUC at the threshold in use. */
export interface AnomalyDetection {
  /** The anomaly classes, by name (or "label 3"). */
  classes: string[];
  /** Anomalies and normal samples in the test split. */
  anomalies: number;
  normals: number;
  /** Area under the ROC curve of the reconstruction error (ties counted half); NaN without both kinds. */
  auc: number;
  /** Of the flagged test samples, the share that are anomalies (null when none is flagged). */
  precision: number | null;
  /** Of the anomalies, the share flagged (null when there are none). */
  recall: number | null;
  /** Counts at the threshold in use. */
  confusion: Confusion;
}

/**
 * @summary Reconstruction error as an anomaly score: a histogram of the test split's
 * per-sample errors with a threshold, the samples the model reconstructs worst (vectors as
 * their line with the reconstruction over it), the reader's own drawing placed on the
 * histogram (grey images; draw a letter and watch its error), and, when `anomaly-label`
 * names the classes that are anomalies, precision and recall at the threshold and the ROC
 * curve with its AUC.
 *
 * @event ae-error - A bad attribute or a failed store call; `detail.code`, `detail.message`.
 *
 * @csspart histogram - The error histogram (svg).
 * @csspart threshold - The threshold slider.
 * @csspart worst - The highest-error samples.
 * @csspart roc - The receiver operating characteristic curve (svg), with `anomaly-label`.
 * @csspart scores - Precision, recall and the area under that curve, as text, with `anomaly-label`.
 * @csspart pad - The drawing pad.
 * @csspart summary - How many test images the threshold flags, and the drawing's score.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-digit-size - Displayed size of each image (default 56px).
 * @cssproperty --ae-signal-width - Displayed width of each vector's plot (default 192px).
 * @cssproperty --ae-bar-anomaly - Colour of the known anomalies' share of each bar, with `anomaly-label`.
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
  /**
   * The classes that are anomalies, for data with labels: a class name or label number,
   * or several separated by commas (`"pvc, af"`, `"7"`); every other class is normal.
   * Adds precision and recall at the threshold and the ROC curve with its AUC.
   */
  @property({ attribute: 'anomaly-label' }) anomalyLabel?: string;

  @state() private errors: Float32Array | null = null;
  @state() private drawnError: number | null = null;
  @state() private worst: { index: number; error: number }[] = [];
  @query('svg.histogram') private svg?: SVGSVGElement;
  @queryAll('canvas.worst') private worstCanvases!: NodeListOf<HTMLCanvasElement>;
  @query('svg.roc g.plot') private rocPlot?: SVGGElement;

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
  /** The test rows of the highest errors, worst first (at most MAX_TOP). */
  private pool: number[] = [];
  /** Reconstructions of the pool's samples, for vectors (drawn over them). */
  private poolRecon: Float32Array | null = null;
  private worstRecon: Float32Array | null = null;
  private labelled: Labelled | null = null;
  /** What `labelled` was computed from. */
  private labelledFrom: readonly unknown[] = [];
  private confusion: Confusion | null = null;
  private rocChart: RocChart | null = null;

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

  /** With `anomaly-label` and labelled data: precision, recall and ROC AUC at the threshold in use. */
  get detection(): AnomalyDetection | null {
    const l = this.labelled;
    const c = this.confusion;
    if (!l || !c) return null;
    return { classes: this.classNames(l), anomalies: l.anomalies, normals: l.normals, auc: l.auc, precision: c.precision, recall: c.recall, confusion: c };
  }

  protected override rebound() {
    this.scored = -1;
    this.errors = null;
    this.drawnError = null;
    this.worst = [];
    this.worstImages = null;
    this.worstRecon = null;
    this.pool = [];
    this.poolRecon = null;
    this.sorted = new Float32Array(0);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('top')) {
      this.check('top', () => wholeNumber(this, 'top', this.top ?? 8, 0, 40));
      if (this.errors) this.pickWorst();
    }
    if (changed.has('bins')) this.check('bins', () => wholeNumber(this, 'bins', this.bins ?? 40, 5, 200));
    if (changed.has('threshold')) this.check('threshold', () => (this.threshold == null ? undefined : numberIn(this, 'threshold', this.threshold, 0, Infinity, 'anomaly.attr.threshold')));
    this.scoreLabels();
    const l = this.labelled;
    this.confusion = l && this.errors ? confusionAt(this.errors, l.positive, this.effectiveThreshold) : null;
  }

  /** Checks `anomaly-label` against the data's classes and scores the test errors against it. */
  private scoreLabels() {
    const from = [this.anomalyLabel, this.loaded, this.errors];
    if (from.every((v, i) => Object.is(v, this.labelledFrom[i]))) return;
    this.labelledFrom = from;
    this.labelled = null;
    const text = this.anomalyLabel;
    if (text === undefined || text === null) return this.clearError('anomaly-label');
    const ds = this.loaded;
    if (!ds) return; // checked once the data has loaded
    const classes = this.check('anomaly-label', () => anomalyClasses(this, ds, text));
    const errors = this.errors;
    if (!classes || !errors || !ds.labels) return;
    const labels = ds.labels;
    const positive = Uint8Array.from(this.indices, (i) => (classes.has(labels[i]) ? 1 : 0));
    const anomalies = positive.reduce((a, b) => a + b, 0);
    const points = rocCurve(errors, positive);
    this.labelled = { positive, anomalies, normals: positive.length - anomalies, classes: [...classes], points, auc: rocAuc(points) };
  }

  /** The anomaly classes as the reader knows them ("pvc", "af", "etykieta 3"). */
  private classNames(l: Labelled): string[] {
    return l.classes.map((c) => (this.loaded ? labelName(this.localize, this.loaded, c) : String(c)));
  }

  private get topCount() {
    const top = this.top ?? 8;
    return Number.isInteger(top) && top >= 0 && top <= MAX_TOP ? top : 8;
  }

  private get binCount() {
    const bins = this.bins ?? 40;
    return Number.isInteger(bins) && bins >= 5 && bins <= 200 ? bins : 40;
  }

  protected async refresh(run: TaskRun, ds: Dataset) {
    const { store } = run;
    const generation = this.generation;
    if (this.scored !== generation) {
      const result = await run.step(store.reconstructionErrors('test'));
      const errors = result.errors;
      const pool = Array.from(errors.keys())
        .sort((a, b) => errors[b] - errors[a])
        .slice(0, MAX_TOP);
      // Vectors are drawn with their reconstruction over them: reconstruct the worst once.
      const vectors = ds.sample === 'vector' && pool.length > 0;
      const samples = vectors ? gatherImages(ds, pool.map((k) => result.indices[k])) : null;
      const recon = samples ? await run.step(store.reconstruct(samples, pool.length)) : null;
      this.indices = result.indices;
      this.sorted = errors.slice().sort();
      this.errors = errors;
      this.pool = pool;
      this.poolRecon = recon;
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
    const order = this.pool.slice(0, this.topCount);
    this.worst = order.map((k) => ({ index: this.indices[k], error: errors[k] }));
    this.worstImages = gatherImages(ds, this.worst.map((w) => w.index));
    this.worstRecon = this.poolRecon?.subarray(0, order.length * valuesPerSample(ds)) ?? null;
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
    const marked = this.labelled ? binValues(this.errors, this.binCount, this.binned.max, this.labelled.positive).counts : null;
    this.histogram.update(this.binned, this.effectiveThreshold, this.drawnError, marked, { marker: this.localize.term('anomaly.yourDrawing'), formats: this.localize.formats });
    const ds = this.loaded;
    if (ds && this.worstImages) {
      const colors = sampleColors(this);
      const overlay = this.worstRecon ?? undefined;
      this.worstCanvases.forEach((c, k) => k < this.worst.length && paintSamples(c, this.worstImages!, ds, { count: 1, offset: k, colors, overlay }));
    }
    const plot = this.rocPlot;
    if (plot && this.labelled && this.confusion) {
      if (this.rocChart?.root !== plot) this.rocChart = new RocChart(plot);
      const c = this.confusion;
      const text = { fpr: this.localize.term('anomaly.fprAxis'), tpr: this.localize.term('anomaly.tprAxis'), formats: this.localize.formats };
      this.rocChart.update(this.labelled.points, c.fpr === null || c.recall === null ? null : { fpr: c.fpr, tpr: c.recall }, text);
    } else if (!plot) this.rocChart = null;
  }

  override render() {
    const errors = this.errors;
    const limit = this.effectiveThreshold;
    const max = this.binned?.max ?? this.sorted.at(-1) ?? 1;
    const flagged = errors ? errors.length - upperBound(this.sorted, limit) : 0;
    const drawn = this.drawnError;
    const vectors = this.loaded?.sample === 'vector';
    const l = this.localize;
    const t = l.term.bind(l);
    const threshold = l.loss(limit);
    return html`
      <svg class="histogram" part="histogram" role="img" aria-label=${errors ? t('anomaly.histogram', { count: errors.length, threshold }) : t('anomaly.loading')}></svg>
      <label class="threshold">${t('anomaly.threshold')} <output>${threshold}</output>
        <input part="threshold" type="range" min="0" max=${max} step=${max / 500} .value=${String(limit)} ?disabled=${!errors} @input=${this.onThreshold} />
      </label>
      <p class="summary" part="summary" aria-live="polite">
        ${errors
          ? html`<strong>${t('anomaly.flagged', { flagged })}</strong> ${t('anomaly.flaggedOf', { flagged, total: errors.length, vectors, share: l.percent(flagged / errors.length), threshold })}`
          : html`<span class="muted">${this.waitingText}</span>`}
        ${drawn !== null
          ? html`<br />${t('anomaly.drawing')} <strong>${l.loss(drawn)}</strong>${t('anomaly.drawingHigher', { share: l.percent(upperBound(this.sorted, drawn) / Math.max(1, this.sorted.length)) })}
              <strong class=${drawn > limit ? 'flagged' : ''}>${t(drawn > limit ? 'anomaly.unusual' : 'anomaly.usual')}</strong>.`
          : nothing}
      </p>
      ${this.renderDetection(limit)}
      <div class="row">
        <div>
          ${this.loaded && whyNoDrawing(this.localize, this.loaded) ? nothing : html`<p class="title">${t('anomaly.drawPrompt')}</p>`}
          ${drawPadFor(this.localize, this.loaded, this.onDraw)}
        </div>
        ${this.worst.length
          ? html`<div>
              <p class="title">${t('anomaly.worst', { vectors })}</p>
              ${vectors ? html`<p class="key"><span class="input">${t('anomaly.keyInput')}</span> <span class="reconstruction">${t('anomaly.keyReconstruction')}</span></p>` : nothing}
              <ul class="worst digit-list" part="worst">
                ${this.worst.map(
                  (w) => html`<li>
                    <canvas class="digit worst ${vectors ? 'vector' : ''}" role="img" aria-label=${t('anomaly.worstLabel', { sample: this.loaded ? describeImage(this.localize, this.loaded, w.index) : t('anomaly.image', { index: w.index }), error: l.loss(w.error), vectors })}></canvas>
                    <span>${vectors && this.loaded?.labels ? `${labelName(this.localize, this.loaded, this.loaded.labels[w.index])} · ` : ''}${l.loss(w.error)}</span>
                  </li>`,
                )}
              </ul>
            </div>`
          : nothing}
      </div>
      ${this.renderError()}
    `;
  }

  /** Precision, recall and the ROC curve, when `anomaly-label` names the anomalies. */
  private renderDetection(limit: number) {
    const l = this.labelled;
    const c = this.confusion;
    if (!l || !c) return nothing;
    const lc = this.localize;
    const t = lc.term.bind(lc);
    if (!l.points.length) {
      return html`<p class="note" part="scores" role="note">${t('anomaly.missing', { anomalies: l.anomalies, names: this.classNames(l) })}</p>`;
    }
    const auc = lc.number(l.auc, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    const at = t('anomaly.at', { threshold: lc.loss(limit), fpr: lc.percent(c.fpr), recall: lc.percent(c.recall) });
    return html`<div class="row detection">
      <svg class="roc" part="roc" role="img" viewBox="0 0 ${ROC_BOX.width} ${ROC_BOX.height}" aria-labelledby="roc-title" aria-describedby="roc-desc">
        <title id="roc-title">${t('anomaly.rocTitle', { auc })}</title>
        <desc id="roc-desc">${t('anomaly.rocDesc', { at })}</desc>
        <g class="plot"></g>
      </svg>
      <dl class="scores" part="scores" aria-live="polite">
        <div>
          <dt>${t('anomaly.precision')}</dt>
          <dd><strong>${lc.percent(c.precision)}</strong> <span class="muted">${c.tp + c.fp ? t('anomaly.flaggedAre', { tp: c.tp, flagged: c.tp + c.fp }) : t('anomaly.nothingFlagged')}</span></dd>
        </div>
        <div>
          <dt>${t('anomaly.recall')}</dt>
          <dd><strong>${lc.percent(c.recall)}</strong> <span class="muted">${t('anomaly.anomaliesFlagged', { tp: c.tp, anomalies: l.anomalies })}</span></dd>
        </div>
        <div>
          <dt>${t('anomaly.auc')}</dt>
          <dd><strong>${auc}</strong> <span class="muted">${t('anomaly.counts', { anomalies: l.anomalies, names: this.classNames(l), normals: l.normals })}</span></dd>
        </div>
      </dl>
    </div>`;
  }
}

/**
 * The label numbers `anomaly-label` names: class names or label numbers of `ds`, separated
 * by commas. Throws `input-invalid` naming the attribute and the known classes otherwise.
 */
export function anomalyClasses(el: Element, ds: Dataset, text: string): Set<number> {
  const labels = ds.labels;
  if (!labels) throw invalidAttribute(el, 'anomaly-label', text, 'anomaly.attr.needsLabels', { data: ds.name || null });
  const present = [...new Set(labels)].sort((a, b) => a - b);
  const names = ds.classNames;
  const known = { classes: names ? [...names] : null, labels: present };
  const entries = String(text).split(',').map((e) => e.trim());
  if (entries.some((e) => e === '')) throw invalidAttribute(el, 'anomaly-label', text, 'anomaly.attr.labels', known);
  const out = new Set<number>();
  for (const entry of entries) {
    const byName = names ? names.indexOf(entry) : -1;
    const number = /^\d+$/.test(entry) ? Number(entry) : NaN;
    const label = byName >= 0 ? byName : names ? (number < names.length ? number : NaN) : present.includes(number) ? number : NaN;
    if (Number.isNaN(label)) throw invalidAttribute(el, 'anomaly-label', text, 'anomaly.attr.noClass', { ...known, entry });
    out.add(label);
  }
  return out;
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
