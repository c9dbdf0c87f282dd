import { html, nothing, type PropertyValues } from 'lit';
import { property, queryAll, state } from 'lit/decorators.js';
import type { Dataset } from '../../engine/dataset.js';
import { AEError } from '../../engine/errors.js';
import type { ModelStore } from '../../store/model-store.js';
import { LiveElement } from '../../shared/live-element.js';
import { mse, paintSamples, sampleColors } from '../../shared/render.js';
import { formatLoss } from '../../shared/format.js';
import { describeImage, gatherImages, pickByLabel, valuesPerSample } from '../../shared/samples.js';
import { styles } from './ae-reconstruction-grid.styles.js';

/**
 * @summary Test samples above their reconstructions, with the error of each pair and of
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
  }

  protected override dataLoaded() {
    this.choose();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has('count') || changed.has('indices')) && this.loaded) {
      this.choose();
      void this.refresher.request();
    }
  }

  /** Applies `indices` or `count`, reporting bad values and keeping the last good choice. */
  private choose() {
    const ds = this.loaded!;
    try {
      if (this.indices != null && this.indices.trim() !== '') {
        const list = this.indices.split(/[\s,]+/).filter(Boolean).map(Number);
        const store = this.stores.store;
        if (store && ds.trainPart && list.some((i) => Number.isInteger(i) && i >= ds.n)) {
          // Train images load first; their arrival calls this again through dataLoaded().
          void this.reach(store, ds, ...list).then(() => this.refresher.request());
          return;
        }
        const bad = list.find((i) => !Number.isInteger(i) || i < 0 || i >= ds.n);
        if (bad !== undefined || list.length === 0) throw new AEError('input-invalid', `indices="${this.indices}" must list image numbers from 0 to ${ds.n - 1}.`);
        this.shown = list;
      } else {
        if (!Number.isInteger(this.count) || this.count < 1 || this.count > 100) throw new AEError('input-invalid', `count="${this.count}" must be a whole number from 1 to 100.`);
        this.shown = pickByLabel(ds, this.count);
      }
      this.clearError();
    } catch (e) {
      this.reportError(e);
      if (!this.shown.length) this.shown = pickByLabel(ds, 10);
    }
  }

  protected async refresh(store: ModelStore, ds: Dataset) {
    const shown = this.shown;
    const images = gatherImages(ds, shown);
    const recon = await this.attempt(() => store.reconstruct(images, shown.length));
    const evaluation = await this.attempt(() => store.evaluate());
    if (!recon || this.stores.store !== store) return;
    const size = valuesPerSample(ds);
    this.originalImages = { shown, images };
    this.recon = recon;
    this.errors = shown.map((_, k) => mse(images, recon, k * size, size));
    this.testMse = evaluation?.testMse ?? null;
    const k = store.spec.latentDim;
    if (this.pca?.components !== k && (k === 2 || k <= (ds.basis?.k ?? 0))) {
      const testMse = (await this.attempt(() => store.pcaCodes(k, 'test')))?.testMse;
      this.pca = testMse === undefined ? null : { components: k, testMse };
    }
    this.loading = false;
    this.requestUpdate(); // updated() paints
  }

  private paint() {
    const ds = this.loaded;
    if (!ds || !this.recon) return;
    const colors = sampleColors(this);
    // Painting runs on every render; gather only when the choice changed since the refresh.
    const cached = this.originalImages?.shown === this.shown ? this.originalImages.images : null;
    const images = cached ?? gatherImages(ds, this.shown);
    this.originals.forEach((c, k) => paintSamples(c, images, ds, { count: 1, offset: k, colors }));
    this.reconstructions.forEach((c, k) => k < this.shown.length && paintSamples(c, this.recon!, ds, { count: 1, offset: k, colors }));
  }

  protected override updated() {
    this.paint();
  }

  override render() {
    const ds = this.loaded;
    const latent = this.stores.store?.spec.latentDim;
    return html`
      <ul class="digit-list" part="grid" aria-label="Test images and their reconstructions" aria-busy=${this.loading}>
        ${this.shown.map(
          (i, k) => html`<li>
            <canvas class="digit original" part="original" role="img" aria-label=${`Test ${ds ? describeImage(ds, i) : `image ${i}`}`}></canvas>
            <canvas class="digit reconstruction" part="reconstruction" role="img" aria-label=${`Reconstruction of image ${i}, error ${formatLoss(this.errors[k])}`}></canvas>
            <span class="mse">${formatLoss(this.errors[k])}</span>
          </li>`,
        )}
      </ul>
      <p class="summary" part="summary">
        ${this.loading
          ? html`<span class="muted">Loading…</span>`
          : html`Mean test error (MSE) <strong>${formatLoss(this.testMse)}</strong> with a ${latent}-number code${this.pca && this.pca.components === latent
                ? html`; PCA with ${latent} components: <strong>${formatLoss(this.pca.testMse)}</strong>`
                : nothing}.`}
      </p>
      ${this.renderError()}
    `;
  }
}
