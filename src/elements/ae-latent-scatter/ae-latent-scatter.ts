import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Dataset } from '../../engine/dataset.js';
import type { Metrics, Split } from '../../engine/types.js';
import { invalidAttribute, oneOf } from '../../shared/attributes.js';
import { LiveElement } from '../../shared/live-element.js';
import type { TaskRun } from '../../shared/store-task.js';
import { paintSamples, sampleColors } from '../../shared/render.js';
import { LABEL_COLORS, labelColors } from '../../shared/palette.js';
import { describeImage } from '../../shared/samples.js';
import { planeOf, type PlaneView } from '../../shared/projection.js';
import { packColors, type PointStyle } from './point-layer.js';
import { ScatterPlot } from './scatter-plot.js';
import { styles } from './ae-latent-scatter.styles.js';

const SPLITS: readonly Split[] = ['all', 'train', 'test'];

/** What the plot shows, kept as data so the status line follows the language: loading, waiting for a model, or the plotted codes. */
type Status = 'loading' | 'waiting' | { n: number; split: Split; dim: number; projected: boolean };

/**
 * @summary The dataset's latent codes as a scatter plot coloured by label, refreshed live
 * while the model trains; hover shows the image, click or Enter decodes a latent point.
 *
 * @event ae-error - A bad attribute or a failed store call; `detail.code`, `detail.message`.
 * @event ae-decode - A latent point was decoded; `detail.latent`, `detail.image`.
 * @event ae-select - The pointer is over a dataset image; `detail.index`, `detail.label`.
 *
 * @csspart plot - The model's latent plot (focusable; arrow keys move the cursor).
 * @csspart pca - The PCA comparison plot (with `compare="pca"`).
 * @csspart legend - The label colours.
 * @csspart tooltip - The hovered image.
 * @csspart decoded - The decoded image of the clicked point or cursor.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-label-0 - Colour of label 0 (likewise --ae-label-1 and on, for any label; past ten, defaults step round the hue circle).
 * @cssproperty --ae-point-size - Point size in CSS pixels (default 2).
 * @cssproperty --ae-plot-height - Height of each plot (default: as wide as it is).
 */
export class AeLatentScatter extends LiveElement {
  static override styles = [...LiveElement.styles, styles];

  /** Which images to plot: `test` (held out, and loaded with the page), `train` or `all` (these load the 8,000 train images of the bundled data first). */
  @property() split: Split = 'test';
  /** Two code dimensions to plot ("0,1") when the code has more than two. */
  @property() dims?: string;
  /** "pca" adds a 2-component PCA of the same images beside the model's plot. */
  @property() compare?: 'pca' | '';
  /** Shows, beside each plot's title, how well its two numbers keep the classes apart and the images: the 5-nearest-neighbour accuracy of the test codes against the train codes, and the test MSE (loads the train split). */
  @property({ type: Boolean }) scores = false;

  @state() private view: PlaneView | null = null;
  @state() private hovered = -1;
  @state() private cursor: [number, number] | null = null;
  @state() private decoded: { latent: number[]; image: Float32Array } | null = null;
  @state() private pcaMse: number | null = null;
  @state() private metrics: Metrics | null = null;
  @state() private status: Status = 'loading';
  @query('.plot.model .surface') private surface?: HTMLElement;
  @query('.plot.model canvas') private canvas?: HTMLCanvasElement;
  @query('.plot.model svg') private svg?: SVGSVGElement;
  @query('.plot.pca .surface') private pcaSurface?: HTMLElement;
  @query('.plot.pca canvas') private pcaCanvas?: HTMLCanvasElement;
  @query('.plot.pca svg') private pcaSvg?: SVGSVGElement;
  @query('canvas.thumb') private thumb?: HTMLCanvasElement;
  @query('canvas.decoded') private decodedCanvas?: HTMLCanvasElement;

  private rows: Uint32Array = new Uint32Array(0);
  private rowLabels: Uint8Array | null = null;
  /** The dataset's distinct labels, for the legend (found once per dataset, not per render). */
  private labelSet: number[] = [];
  private plot: ScatterPlot | null = null;
  private pcaPlot: ScatterPlot | null = null;
  private resizer = new ResizeObserver(() => this.layout());
  /** The language the axes were last drawn in. */
  private axesLang = '';
  private formats = () => this.localize.formats;

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer.disconnect();
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.surface) this.observe();
  }

  private observe() {
    this.resizer.observe(this.surface!);
    if (this.pcaSurface) this.resizer.observe(this.pcaSurface);
  }

  /** Points drawn in the model's plot (for tests and benchmarks). */
  get points(): Float32Array {
    return this.plot?.points ?? new Float32Array(0);
  }

  protected override dataLoaded(ds: Dataset) {
    this.labelSet = ds.labels ? [...new Set(ds.labels)].sort((a, b) => a - b) : [];
  }

  /** A new store: plot its data from scratch. */
  protected override rebound() {
    this.view = null;
    this.pcaMse = null;
    this.metrics = null;
    this.decoded = null;
    this.hovered = -1;
    this.rows = new Uint32Array(0);
    this.plot?.setData(new Float32Array(0), null);
    this.pcaPlot?.setData(new Float32Array(0), null);
    this.status = 'waiting';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('split')) {
      const ok = this.check('split', () => oneOf(this, 'split', this.split, SPLITS));
      if (!ok) this.split = (changed.get('split') as Split | undefined) ?? 'test';
    }
    if (changed.has('compare')) {
      const ok = this.check('compare', () => (this.compare ? oneOf(this, 'compare', this.compare, ['pca'], 'scatter.attr.compare') : ''));
      if (ok === undefined) this.compare = '';
    }
    if (changed.has('split') || changed.has('dims') || changed.has('compare')) this.pcaMse = null;
  }

  protected override watched() {
    return [this.split, this.dims, this.compare, this.scores];
  }

  /** The two dims to plot, or null for the default (as-is for 2-D, else PCA of the codes). */
  private chosenDims(latentDim: number): [number, number] | null {
    if (this.dims == null || this.dims.trim() === '') {
      this.clearError('dims');
      return null;
    }
    const parts = this.dims.split(/[\s,]+/).map(Number);
    const ok = parts.length === 2 && parts.every((d) => Number.isInteger(d) && d >= 0 && d < latentDim) && parts[0] !== parts[1];
    return this.check('dims', () => {
      if (!ok) throw invalidAttribute(this, 'dims', this.dims, 'attr.dims', { max: latentDim - 1 });
      return [parts[0], parts[1]] as [number, number];
    }) ?? null;
  }

  protected async refresh(run: TaskRun) {
    const { store } = run;
    const projection = await run.step(store.codes(this.split));
    const ds = this.loaded!; // train or all codes bring the train images along
    const n = projection.indices.length;
    const view = planeOf(projection.codes, n, projection.dim, this.chosenDims(projection.dim));
    this.rows = projection.indices;
    this.rowLabels = ds.labels ? Uint8Array.from(projection.indices, (i) => ds.labels![i]) : null;
    this.view = view;
    this.status = { n, split: this.split, dim: projection.dim, projected: view.projected };
    await run.step(this.rendered()); // the plot's canvas exists after this render
    this.plot?.setData(view.points, this.rowLabels);
    if (this.compare === 'pca' && this.pcaMse === null) {
      const pca = await run.step(store.pcaCodes(2, this.split));
      this.pcaMse = pca.testMse;
      await run.step(this.rendered());
      this.pcaPlot?.setData(pca.codes, this.rowLabels);
    }
    this.metrics = this.scores ? await run.step(store.metrics()) : null;
  }

  /** The status line in the element's language. */
  private statusText(): string {
    const s = this.status;
    if (s === 'loading') return this.localize.term('scatter.loading');
    return s === 'waiting' ? this.waitingText : this.localize.term('scatter.status', s);
  }

  private pointStyle = (): PointStyle => {
    const size = parseFloat(getComputedStyle(this).getPropertyValue('--ae-point-size')) || 2;
    const count = (this.labelSet.at(-1) ?? 0) + 1;
    return { size: size * (globalThis.devicePixelRatio || 1), colors: packColors(labelColors(this, Math.max(LABEL_COLORS.length, count))), unlabelled: packColors(['#777777'])[0] };
  };

  protected override updated() {
    if (this.canvas && !this.plot) {
      this.plot = new ScatterPlot(this.surface!, this.canvas, this.svg!, this.pointStyle, this.formats, () => this.remark());
      this.observe();
    }
    if (this.pcaCanvas && !this.pcaPlot) {
      this.pcaPlot = new ScatterPlot(this.pcaSurface!, this.pcaCanvas, this.pcaSvg!, this.pointStyle, this.formats);
      this.resizer.observe(this.pcaSurface!);
    }
    if (!this.pcaCanvas && this.pcaPlot) {
      this.pcaPlot.dispose();
      this.pcaPlot = null;
    }
    this.layout();
    if (this.axesLang !== this.localize.lang) {
      // The axes' numbers are written in the language: redraw them when it changes.
      this.axesLang = this.localize.lang;
      this.plot?.schedule();
      this.pcaPlot?.schedule();
    }
    this.paintThumbs();
    this.paintSwatches();
  }

  /** Labels past the stylesheet's ten take their colour through CSSOM (no inline style, so strict CSP holds). */
  private paintSwatches() {
    const extra = this.labelSet.filter((l) => l >= LABEL_COLORS.length);
    if (!extra.length) return;
    const colors = labelColors(this, extra.at(-1)! + 1);
    for (const l of extra) this.renderRoot.querySelector<HTMLElement>(`.swatch.label-${l}`)?.style.setProperty('background', colors[l]);
  }

  private layout() {
    for (const [plot, surface] of [[this.plot, this.surface], [this.pcaPlot, this.pcaSurface]] as const) {
      if (!plot || !surface) continue;
      const { width, height } = surface.getBoundingClientRect();
      if (width && height) plot.resize(width, height);
    }
  }

  private remark() {
    this.plot?.markCursor(this.cursor);
    this.plot?.markHover(this.hovered);
  }

  private paintThumbs() {
    const ds = this.loaded;
    if (!ds) return;
    const colors = sampleColors(this);
    if (this.thumb && this.hovered >= 0) paintSamples(this.thumb, ds.images, ds, { count: 1, offset: this.rows[this.hovered], colors });
    if (this.decodedCanvas && this.decoded) paintSamples(this.decodedCanvas, this.decoded.image, ds, { count: 1, colors });
  }

  private onPointer(e: PointerEvent) {
    if (!this.plot || !this.surface) return;
    const r = this.surface.getBoundingClientRect();
    const k = this.plot.nearest(e.clientX - r.left, e.clientY - r.top);
    if (k === this.hovered) return;
    this.hovered = k;
    this.plot.markHover(k);
    if (k >= 0) this.emit('ae-select', { index: this.rows[k], label: this.rowLabels ? this.rowLabels[k] : null });
  }

  private async onClick(e: MouseEvent) {
    if (!this.plot || !this.surface || e.defaultPrevented) return;
    const r = this.surface.getBoundingClientRect();
    this.cursor = this.plot.toData(e.clientX - r.left, e.clientY - r.top);
    this.plot.markCursor(this.cursor);
    await this.decoder.request();
  }

  private async onKeydown(e: KeyboardEvent) {
    const plot = this.plot;
    if (!plot) return;
    const [dx, dy] = plot.step();
    const k = e.shiftKey ? 5 : 1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
    if (moves[e.key]) {
      const [x, y] = this.cursor ?? plot.center();
      this.cursor = [x + moves[e.key][0] * k, y + moves[e.key][1] * k];
      plot.markCursor(this.cursor);
    } else if (e.key === 'Enter' || e.key === ' ') {
      this.cursor ??= plot.center();
      await this.decoder.request();
    } else if (e.key === '+' || e.key === '=') plot.zoomBy(1.5);
    else if (e.key === '-') plot.zoomBy(1 / 1.5);
    else if (e.key === '0') plot.resetZoom();
    else if (e.key === 'Escape') {
      this.cursor = null;
      this.decoded = null;
      plot.markCursor(null);
    } else return;
    e.preventDefault();
  }

  /** Decodes the cursor's latent point; clicks and keys meanwhile fold into one more decode. */
  private decoder = this.storeTask(async (run) => {
    if (!this.view || !this.cursor) return;
    const latent = this.view.toLatent(...this.cursor);
    const image = await run.step(run.store.decode(Float32Array.from(latent), 1));
    this.decoded = { latent, image };
    this.emit('ae-decode', { latent, image });
  });

  private renderPlot(kind: 'model' | 'pca') {
    const model = kind === 'model';
    const t = this.localize.term.bind(this.localize);
    const axes = model ? (this.view?.axes ?? ['z0', 'z1']) : ['PC1', 'PC2'];
    const title = model ? t('scatter.title', { model: this.model }) : t('scatter.pcaTitle');
    return html`<figure class="plot ${kind}" part=${model ? 'plot' : 'pca'}>
      <figcaption>${title}${this.scoreText(kind)}</figcaption>
      <div
        class="surface"
        tabindex=${model ? 0 : -1}
        role=${model ? 'application' : 'img'}
        aria-roledescription=${model ? t('scatter.roleDescription') : nothing}
        aria-label=${model ? t('scatter.plotLabel', { title, status: this.statusText() }) : t('scatter.pcaLabel', { title })}
        @pointermove=${model ? this.onPointer : nothing}
        @pointerleave=${model ? () => ((this.hovered = -1), this.plot?.markHover(-1)) : nothing}
        @click=${model ? this.onClick : nothing}
        @keydown=${model ? this.onKeydown : nothing}
      >
        <canvas aria-hidden="true"></canvas>
        <svg aria-hidden="true"></svg>
      </div>
      <div class="axis-names muted" aria-hidden="true"><span>→ ${axes[0]}</span><span>↑ ${axes[1]}</span></div>
    </figure>`;
  }

  /** "(5-NN 75% · test MSE 0.0390)" for a plot, as far as it is known. */
  private scoreText(kind: 'model' | 'pca') {
    const m = this.metrics;
    // metrics() compares with a PCA of as many components as the code: its kNN is this plot's only for a 2-D code.
    const [knn, mse] = kind === 'model' ? [m?.knnAccuracy, m?.testMse] : [m?.pca.components === 2 ? m.pca.knnAccuracy : null, this.pcaMse];
    const l = this.localize;
    const parts = [knn != null ? l.term('scatter.knn', { accuracy: l.percent(knn) }) : '', mse != null ? l.term('scatter.testMse', { mse: l.loss(mse) }) : ''].filter(Boolean);
    return parts.length ? html` <span class="muted">(${parts.join(' · ')})</span>` : nothing;
  }

  override render() {
    const ds = this.loaded;
    const hover = this.hovered >= 0 && ds ? { index: this.rows[this.hovered] } : null;
    const labels = this.labelSet;
    const t = this.localize.term.bind(this.localize);
    const latent = this.decoded?.latent ?? [];
    return html`
      <div class="plots ${this.compare === 'pca' ? 'compare' : ''}">
        ${this.renderPlot('model')} ${this.compare === 'pca' ? this.renderPlot('pca') : nothing}
      </div>
      <p class="status muted" role="status">${this.statusText()}${this.view?.projected ? t('scatter.projected') : ''}</p>
      ${labels.length
        ? html`<ul class="legend" part="legend" aria-label=${t('scatter.legend')}>
            ${labels.map((l) => html`<li><span class="swatch label-${l}"></span>${ds?.classNames?.[l] ?? l}</li>`)}
          </ul>`
        : nothing}
      <div class="details">
        <div class="tooltip" part="tooltip" ?hidden=${!hover}>
          <canvas class="digit thumb" role="img" aria-label=${hover && ds ? describeImage(this.localize, ds, hover.index) : t('scatter.noImage')}></canvas>
          <span>${hover && ds ? describeImage(this.localize, ds, hover.index) : ''}</span>
        </div>
        <div class="decoded-view" part="decoded" ?hidden=${!this.decoded}>
          <canvas class="digit decoded" role="img" aria-label=${this.decoded ? t('scatter.decodedLabel', { latent }) : t('scatter.nothingDecoded')}></canvas>
          <span>${t('scatter.decoded', { latent })}</span>
        </div>
      </div>
      ${this.renderError()}
    `;
  }
}
