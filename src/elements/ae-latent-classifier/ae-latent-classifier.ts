import { html, nothing, type PropertyValues } from 'lit';
import { property, queryAll, state } from 'lit/decorators.js';
import type { Dataset } from '../../engine/dataset.js';
import { KNN_SPACES, type KnnNeighbours, type KnnResult, type KnnSpace } from '../../engine/types.js';
import { MAX_NEIGHBOURS } from '../../store/options.js';
import { invalidAttribute, wholeNumber } from '../../shared/attributes.js';
import { LiveElement } from '../../shared/live-element.js';
import type { TaskRun } from '../../shared/store-task.js';
import { paintSamples, sampleColors } from '../../shared/render.js';
import { describeImage, gatherImages, valuesPerSample } from '../../shared/samples.js';
import { drawPadFor, whyNoDrawing } from '../../shared/drawing.js';
import '../ae-draw-pad/define.js';
import type { AeDrawPad } from '../ae-draw-pad/ae-draw-pad.js';
import { ConfusionChart } from './confusion-chart.js';
import { diagonal, matrixTable } from './matrix-table.js';
import { styles } from './ae-latent-classifier.styles.js';

/** Most neighbours of a drawing shown as images. */
const MAX_SHOWN = 10;

type DrawDetail = { image: Float32Array; empty: boolean };

/** A class as the matrix shows it: its name ("Food & Drink"), else its label number. */
const className = (ds: Dataset, label: number) => ds.classNames?.[label] ?? String(label);

/**
 * @summary Classifying from the latent space: every test sample labelled by its `k`
 * nearest train samples (kNN), compared by their codes, by a PCA with as many components,
 * and by their raw pixels. Each shows its accuracy and its confusion matrix (a heatmap,
 * and a table for screen readers); the code's figures follow the model as it trains. A
 * drawing (the element's own pad with `draw`, or the `ae-draw-pad` named by `pad`) is
 * classified from its code, with the nearest train images that voted.
 *
 * A bad `k` (not a whole number from 1 to 50) is shown in the element and fired as
 * `ae-error` (`input-invalid`); the element keeps the last good value.
 *
 * @event ae-classify - A drawing was classified; `detail.label`, `detail.name`, `detail.neighbours` (dataset indices, nearest first).
 * @event ae-error - A bad attribute or a failed store call; `detail.code`, `detail.message`.
 *
 * @csspart controls - The k input and the table toggle.
 * @csspart k - The number input for k.
 * @csspart space - Each space's panel (also `model`, `pca`, `pixels`).
 * @csspart matrix - Each confusion-matrix heatmap (svg).
 * @csspart table - Each confusion matrix as a table.
 * @csspart drawing - The drawing, its verdict and its neighbours (with `draw` or `pad`).
 * @csspart pad - The element's own drawing pad (with `draw`).
 * @csspart neighbours - The nearest train images of the drawing.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-matrix-color - Colour of a full heatmap cell (default: the accent colour).
 * @cssproperty --ae-matrix-width - Largest width of each heatmap (default 280px).
 * @cssproperty --ae-digit-size - Displayed size of each neighbour image (default 48px).
 */
export class AeLatentClassifier extends LiveElement {
  static override styles = [...LiveElement.styles, styles];

  /** Neighbours that vote on each label: a whole number from 1 to 50. */
  @property({ type: Number }) k = 5;
  /** Id of an `<ae-draw-pad>` in the same document (or shadow root) whose drawings are classified. */
  @property() pad?: string;
  /** Shows the element's own drawing pad. */
  @property({ type: Boolean, reflect: true }) draw = false;

  @state() private byspace: Partial<Record<KnnSpace, KnnResult>> = {};
  @state() private drawn: { result: KnnNeighbours; shown: number[]; images: Float32Array } | null = null;
  @state() private showTables = false;
  @state() private unlabelled = false;
  @queryAll('canvas.neighbour') private neighbourCanvases!: NodeListOf<HTMLCanvasElement>;

  /** The last good `k`. */
  private goodK = 5;
  private drawing: Float32Array | null = null;
  /** The whole dataset (train split included) the results index into. */
  private whole: Dataset | null = null;
  /** What the PCA and pixel results were computed for: they do not change with the weights. */
  private baselineFrom: readonly unknown[] = [];
  private charts = new Map<KnnSpace, ConfusionChart>();
  private listenRoot: Node | null = null;
  private query = this.storeTask((run) => this.classifyDrawing(run));

  /** The latest kNN results by space (`model`, `pca`, `pixels`), each once computed. */
  get results(): Readonly<Partial<Record<KnnSpace, KnnResult>>> {
    return this.byspace;
  }

  /** The drawing's classification: its label and the train samples that voted; null without a drawing. */
  get prediction(): KnnNeighbours | null {
    return this.drawn?.result ?? null;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.listenRoot = this.getRootNode();
    this.listenRoot.addEventListener('ae-draw', this.onPageDraw);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.listenRoot?.removeEventListener('ae-draw', this.onPageDraw);
    this.listenRoot = null;
  }

  protected override rebound() {
    this.byspace = {};
    this.drawn = null;
    this.whole = null;
    this.baselineFrom = [];
    this.unlabelled = false;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('k')) {
      const k = this.check('k', () => wholeNumber(this, 'k', this.k ?? 5, 1, MAX_NEIGHBOURS));
      if (k !== undefined) this.goodK = k;
    }
    // Checked once the page has had time to add the pad: at the first refresh, then on each change.
    if (changed.has('pad') && this.loaded) this.padElement();
  }

  protected override watched() {
    return [this.goodK];
  }

  /** The pad `pad` names, reporting a name that finds none. */
  private padElement(): AeDrawPad | null {
    const id = this.pad;
    if (!id) {
      this.clearError('pad');
      return null;
    }
    const root = this.getRootNode() as Document | ShadowRoot;
    const found = root.getElementById?.(id);
    if (found?.localName === 'ae-draw-pad') {
      this.clearError('pad');
      return found as AeDrawPad;
    }
    this.reportError(invalidAttribute(this, 'pad', id, 'classifier.attr.pad', {}));
    return null;
  }

  protected async refresh(run: TaskRun, ds: Dataset) {
    const pad = this.padElement();
    if (pad?.value && !this.drawing) this.drawing = pad.value;
    this.unlabelled = !ds.labels;
    if (!ds.labels) return;
    const { store } = run;
    const k = this.goodK;
    const model = await run.step(store.knn({ space: 'model', k }));
    const whole = await run.step(store.dataset({ train: true }));
    this.whole = whole;
    const from = [whole, k, model.dim];
    const fresh = from.every((v, i) => Object.is(v, this.baselineFrom[i]));
    this.byspace = fresh ? { ...this.byspace, model } : { model };
    if (this.drawing) void this.query.request();
    if (fresh) return;
    for (const space of ['pca', 'pixels'] as const) {
      const result = await run.step(store.knn({ space, k }));
      this.byspace = { ...this.byspace, [space]: result };
    }
    this.baselineFrom = from;
  }

  private async classifyDrawing(run: TaskRun) {
    const drawing = this.drawing;
    const ds = this.whole ?? this.loaded;
    if (!drawing || !ds?.labels || whyNoDrawing(this.localize, ds)) {
      this.drawn = null;
      return;
    }
    const result = await run.attempt(run.store.knnQuery(drawing, 1, { space: 'model', k: this.goodK }));
    if (!result) return;
    const whole = await run.step(run.store.dataset({ train: true }));
    const shown = Array.from(result.neighbours.subarray(0, MAX_SHOWN));
    this.drawn = { result, shown, images: gatherImages(whole, shown) };
    const label = result.predicted[0];
    this.emit('ae-classify', { label, name: className(whole, label), neighbours: Array.from(result.neighbours) });
  }

  private takeDrawing(detail: DrawDetail) {
    this.drawing = detail.empty ? null : detail.image;
    if (!this.drawing) this.drawn = null;
    void this.query.restart();
  }

  private onOwnDraw = (e: CustomEvent<DrawDetail>) => this.takeDrawing(e.detail);

  /** Drawings of the pad that `pad` names, heard where they bubble past this element's root. */
  private onPageDraw = (e: Event) => {
    const target = e.target as Element | null;
    if (!this.pad || target?.localName !== 'ae-draw-pad' || target.id !== this.pad) return;
    this.clearError('pad');
    this.takeDrawing((e as CustomEvent<DrawDetail>).detail);
  };

  private onK(e: Event) {
    this.k = Number((e.target as HTMLInputElement).value);
  }

  /** Each class as shown: the data's class names, else the label numbers. */
  private names(classes: number, ds: Dataset): string[] {
    return Array.from({ length: classes }, (_, i) => className(ds, i));
  }

  /** Counts in cells, as the language writes them (ungrouped: a cell holds at most a few thousand). */
  private cellCount = (n: number) => this.localize.number(n, { useGrouping: false });

  protected override updated() {
    const ds = this.whole ?? this.loaded;
    const text = { truth: this.localize.term('classifier.trueClass'), predicted: this.localize.term('classifier.predictedClass'), count: this.cellCount };
    for (const space of KNN_SPACES) {
      const svg = this.renderRoot.querySelector<SVGSVGElement>(`svg.matrix.${space}`);
      const r = this.byspace[space];
      if (!svg || !r || !ds) {
        this.charts.delete(space);
        continue;
      }
      let chart = this.charts.get(space);
      if (chart?.svg !== svg) this.charts.set(space, (chart = new ConfusionChart(svg)));
      chart.update(r.confusion, r.classes, this.names(r.classes, ds), text);
    }
    const drawn = this.drawn;
    if (drawn && ds) {
      const colors = sampleColors(this);
      this.neighbourCanvases.forEach((c, j) => j < drawn.shown.length && paintSamples(c, drawn.images, ds, { count: 1, offset: j, colors }));
    }
  }

  private spaceTitle(space: KnnSpace, ds: Dataset | null): string {
    const r = this.byspace[space];
    const latent = this.stores.store?.spec.latentDim ?? 0;
    const values = ds ? valuesPerSample(ds) : 0;
    const t = this.localize.term.bind(this.localize);
    if (space === 'model') return t('classifier.space.model', { dim: r?.dim ?? latent });
    if (space === 'pca') return t('classifier.space.pca', { dim: r?.dim ?? Math.min(latent, values || latent) });
    return t('classifier.space.pixels', { dim: r?.dim ?? values, vectors: ds?.sample === 'vector' });
  }

  override render() {
    const ds = this.whole ?? this.loaded;
    const t = this.localize.term.bind(this.localize);
    return html`
      <div class="controls" part="controls">
        <label>${t('classifier.k')}
          <input part="k" type="number" min="1" max=${MAX_NEIGHBOURS} step="1" .value=${String(this.goodK)} @change=${this.onK} />
        </label>
        <button part="tables-toggle" aria-pressed=${this.showTables ? 'true' : 'false'} @click=${() => (this.showTables = !this.showTables)}>${t('classifier.showTables')}</button>
      </div>
      ${this.unlabelled
        ? html`<p class="note" role="note">${t('classifier.unlabelled', { data: ds?.name || null })}</p>`
        : html`<div class="spaces">${KNN_SPACES.map((s) => this.renderSpace(s, ds))}</div>`}
      ${this.renderDrawing(ds)}
      ${this.renderError()}
    `;
  }

  private renderSpace(space: KnnSpace, ds: Dataset | null) {
    const r = this.byspace[space];
    const title = this.spaceTitle(space, ds);
    const vectors = ds?.sample === 'vector';
    const l = this.localize;
    const t = l.term.bind(l);
    const accuracy = r ? l.percent(r.accuracy) : '';
    return html`<figure class="space" part="space ${space}" aria-busy=${r ? 'false' : 'true'}>
      <figcaption>
        <span class="title">${title}</span>
        ${r
          ? html`<span class="accuracy"><strong>${accuracy}</strong> ${t('classifier.right')} <span class="muted">${t('classifier.rightOf', { right: diagonal(r), total: r.truth.length, vectors, k: r.k })}</span></span>`
          : html`<span class="muted">${this.stores.store ? t('classifier.classifying') : this.waitingText}</span>`}
      </figcaption>
      ${r && ds
        ? html`<svg class="matrix ${space}" part="matrix" role="img" aria-label=${t('classifier.matrix', { title, accuracy, vectors })}></svg>
            ${matrixTable(r, this.names(r.classes, ds), { caption: t('classifier.tableCaption', { title }), corner: t('classifier.tableCorner'), count: this.cellCount }, this.showTables)}`
        : nothing}
    </figure>`;
  }

  private renderDrawing(ds: Dataset | null) {
    if (!this.draw && !this.pad) return nothing;
    const why = ds && whyNoDrawing(this.localize, ds);
    const drawn = this.drawn;
    const whole = this.whole ?? ds;
    const t = this.localize.term.bind(this.localize);
    return html`<div class="drawing" part="drawing">
      ${this.draw ? drawPadFor(this.localize, ds, this.onOwnDraw) : why ? html`<p class="note" part="pad-note" role="note">${why}</p>` : nothing}
      ${why
        ? nothing
        : html`<div class="verdict" aria-live="polite">
            ${drawn && whole
              ? html`<p>${t('classifier.looksLike')} <strong class="label">${className(whole, drawn.result.predicted[0])}</strong> ${t('classifier.nearest', { k: drawn.result.k, shown: drawn.shown.length })}</p>
                  <ul class="neighbours digit-list" part="neighbours">
                    ${drawn.shown.map((i) => html`<li><canvas class="digit neighbour" role="img" aria-label=${t('classifier.neighbour', { image: describeImage(this.localize, whole, i) })}></canvas><span>${className(whole, whole.labels![i])}</span></li>`)}
                  </ul>`
              : html`<p class="muted">${t('classifier.drawPrompt', { own: this.draw, k: this.goodK })}</p>`}
          </div>`}
    </div>`;
  }
}
