import { html, nothing, type PropertyValues } from 'lit';
import { property, queryAll, state } from 'lit/decorators.js';
import type { Dataset } from '../../engine/dataset.js';
import { invalidAttribute, wholeNumber } from '../../shared/attributes.js';
import { LiveElement } from '../../shared/live-element.js';
import type { TaskRun } from '../../shared/store-task.js';
import { mse, paintSamples, sampleColors } from '../../shared/render.js';
import { describeImage, gatherImages, pickByLabel, valuesPerSample } from '../../shared/samples.js';
import { styles } from './ae-reconstruction-grid.styles.js';

/**
 * @summary Test samples above their reconstructions (a vector's reconstruction drawn over
 * its input as a second line), with the error of each pair and of
 * the whole test split (next to PCA's with as many components, for a 2-D code or where the
 * data ships enough of its PCA basis); refreshed live while training.
 *
 * @event ae-error - A bad attribute or a failed store call; `detail.code`, `detail.message`.
 *
 * @csspart grid - The image pairs.
 * @csspart original - Each original image (canvas).
 * @csspart reconstruction - Each reconstructed image (canvas).
 * @csspart summary - The mean test error line.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-digit-size - Displayed size of each image (default 56px).
 * @cssproperty --ae-digit-ink - Colour of a full-intensity pixel.
 * @cssproperty --ae-digit-paper - Colour of an empty pixel.
 */
export class AeReconstructionGrid extends LiveElement {
  static override styles = [...LiveElement.styles, styles];

  /** How many test images to show (one per label in turn). */
  @property({ type: Number }) count = 10;
  /** Dataset indices to show instead, comma-separated ("0,7,42"). */
  @property() indices?: string;

  @state() private shown: number[] = [];
  @state() private errors: number[] = [];
  @state() private testMse: number | null = null;
  /** PCA with as many components as the code: for a 2-D code, or when the data's shipped basis has enough. */
  @state() private pca: { components: number; testMse: number } | null = null;
  @state() private loading = true;
  @queryAll('canvas.original') private originals!: NodeListOf<HTMLCanvasElement>;
  @queryAll('canvas.reconstruction') private reconstructions!: NodeListOf<HTMLCanvasElement>;

  /** The shown originals and their reconstructions, gathered once per refresh. */
  private originalImages: { shown: number[]; images: Float32Array } | null = null;
  private recon: Float32Array | null = null;
  protected override rebound() {
    this.loading = true;
    this.pca = null;
    this.recon = null;
    this.originalImages = null;
    this.errors = [];
    this.testMse = null;
  }

  protected override dataLoaded(ds: Dataset) {
    this.choose(ds);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if ((changed.has('count') || changed.has('indices')) && this.loaded) this.choose(this.loaded);
  }

  protected override watched() {
    return [this.count, this.indices];
  }

  /** The `indices` attribute as numbers, or null when it is unset or blank. */
  private indexList(): number[] | null {
    const text = this.indices?.trim();
    return text ? text.split(/[\s,]+/).filter(Boolean).map(Number) : null;
  }

  /** Applies `indices` or `count`, reporting bad values and keeping the last good choice. */
  private choose(ds: Dataset) {
    const count = this.check('count', () => wholeNumber(this, 'count', this.count ?? 10, 1, 100));
    const list = this.indexList();
    if (list) {
      // Past the test part of bundled data: the refresh loads the train images, then chooses.
      if (ds.trainPart && list.some((i) => Number.isInteger(i) && i >= ds.n)) return;
      const ok = this.check('indices', () => {
        if (list.some((i) => !Number.isInteger(i) || i < 0 || i >= ds.n)) throw invalidAttribute(this, 'indices', this.indices, 'grid.attr.indices', { max: ds.n - 1 });
        return list;
      });
      if (ok) this.shown = ok;
    } else {
      this.clearError('indices');
      if (count !== undefined) this.shown = pickByLabel(ds, count);
    }
    if (!this.shown.length) this.shown = pickByLabel(ds, 10);
  }

  protected async refresh(run: TaskRun, data: Dataset) {
    const { store } = run;
    const list = this.indexList();
    const ds = list ? await this.reach(run, data, ...list) : data;
    if (ds !== data) this.choose(ds);
    const shown = this.shown;
    const images = gatherImages(ds, shown);
    const recon = await run.step(store.reconstruct(images, shown.length));
    const evaluation = await run.attempt(store.evaluate());
    const size = valuesPerSample(ds);
    this.originalImages = { shown, images };
    this.recon = recon;
    this.errors = shown.map((_, k) => mse(images, recon, k * size, size));
    this.testMse = evaluation?.testMse ?? null;
    const k = store.spec.latentDim;
    if (this.pca?.components !== k && (k === 2 || k <= (ds.basis?.k ?? 0))) {
      const testMse = (await run.attempt(store.pcaCodes(k, 'test')))?.testMse;
      this.pca = testMse === undefined ? null : { components: k, testMse };
    }
    this.loading = false;
    this.requestUpdate(); // updated() paints
  }

  private paint() {
    const ds = this.loaded;
    if (!this.recon) {
      // Nothing of the current store yet: no picture of another store's stays up.
      this.reconstructions.forEach((c) => c.getContext('2d')?.clearRect(0, 0, c.width, c.height));
      return;
    }
    if (!ds) return;
    const colors = sampleColors(this);
    // Painting runs on every render; gather only when the choice changed since the refresh.
    const cached = this.originalImages?.shown === this.shown ? this.originalImages.images : null;
    const images = cached ?? gatherImages(ds, this.shown);
    this.originals.forEach((c, k) => paintSamples(c, images, ds, { count: 1, offset: k, colors }));
    // A vector's reconstruction is drawn over its input, so the two lines compare on one scale.
    const vector = ds.sample === 'vector';
    this.reconstructions.forEach((c, k) => {
      if (k >= this.shown.length) return;
      if (vector) paintSamples(c, images, ds, { count: 1, offset: k, colors, overlay: this.recon! });
      else paintSamples(c, this.recon!, ds, { count: 1, offset: k, colors });
    });
  }

  protected override updated() {
    this.paint();
  }

  override render() {
    const ds = this.loaded;
    const latent = this.stores.store?.spec.latentDim;
    const vector = ds?.sample === 'vector';
    const l = this.localize;
    const t = l.term.bind(l);
    return html`
      <ul class=${vector ? 'digit-list vectors' : 'digit-list'} part="grid" aria-label=${t('grid.list')} aria-busy=${this.loading}>
        ${this.shown.map(
          (i, k) => html`<li>
            <canvas class="digit original" part="original" role="img" aria-label=${t('grid.original', { image: ds ? describeImage(this.localize, ds, i) : t('grid.imageNumber', { index: i }) })}></canvas>
            <canvas class="digit reconstruction" part="reconstruction" role="img" aria-label=${t('grid.reconstruction', { vector, index: i, error: l.loss(this.errors[k]) })}></canvas>
            <span class="mse">${l.loss(this.errors[k])}</span>
          </li>`,
        )}
      </ul>
      <p class="summary" part="summary">
        ${this.loading
          ? html`<span class="muted">${this.waitingText}</span>`
          : html`${t('grid.summary.mean')} <strong>${l.loss(this.testMse)}</strong> ${t('grid.summary.code', { dim: latent ?? 0 })}${this.pca && this.pca.components === latent
                ? html`; ${t('grid.summary.pca', { components: latent })} <strong>${l.loss(this.pca.testMse)}</strong>`
                : nothing}.`}
      </p>
      ${this.renderError()}
    `;
  }
}
