import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Dataset } from '../../engine/dataset.js';
import { mulberry32 } from '../../engine/random.js';
import type { NoiseType } from '../../engine/spec.js';
import type { DenoiseEvaluation } from '../../engine/types.js';
import { defaultDataUrl } from '../../store/data-sources.js';
import { PRESETS } from '../../store/presets.js';
import { imageIndex, invalidAttribute, numberIn, oneOf, seedValue, wholeNumber } from '../../shared/attributes.js';
import { LiveElement } from '../../shared/live-element.js';
import type { TaskRun } from '../../shared/store-task.js';
import { mse, paintSamples, sampleColors } from '../../shared/render.js';
import { describeKind, formatLoss } from '../../shared/format.js';
import { describeImage, gatherImages, randomTestImage } from '../../shared/samples.js';
import '../ae-draw-pad/define.js';
import { describeNoise, FACTORS, NO_DRAWING, NOISES, PANELS, TASKS, taskFor, type Noise, type Task } from './corruption.js';
import { styles } from './ae-denoise-demo.styles.js';
import { drawPadFor, whyNoDrawing } from '../../shared/drawing.js';
import { findKind, normalizeSpec } from '../../engine/spec.js';

const SOURCES = ['test', 'draw'] as const;

interface Panels {
  clean: Float32Array;
  corrupted: Float32Array;
  restored: Float32Array;
  name: string;
}

/**
 * @summary An image, the image corrupted, and the model's restoration side by side, with
 * each one's error: noise (gaussian, salt-and-pepper, masking), a blanked square to fill
 * in, a downsampled image to sharpen, or a grey image to colorize. Test images or the
 * reader's own drawing.
 *
 * @event ae-error - A bad attribute or a failed store call; `detail.code`, `detail.message`.
 *
 * @csspart panels - The three images.
 * @csspart clean - The clean image (canvas).
 * @csspart corrupted - The corrupted image (canvas).
 * @csspart restored - The model's output (canvas).
 * @csspart controls - Task, noise and sample controls.
 * @csspart pad - The drawing pad (with the "Draw" source).
 * @csspart summary - The test-split figures.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-panel-size - Displayed size of each of the three images (default 140px).
 * @cssproperty --ae-digit-ink - Colour of a full-intensity pixel.
 * @cssproperty --ae-digit-paper - Colour of an empty pixel.
 */
export class AeDenoiseDemo extends LiveElement {
  static override styles = [...LiveElement.styles, styles];

  /** Id of the page-wide model store to join; a preset id loads its pretrained weights. */
  @property({ reflect: true }) override model = 'mnist-dae';
  /**
   * What the model is asked to undo: `denoise`, `inpaint` (a blanked square), `superres`
   * (downsampled) or `colorize` (a grey image; colour data only). Unset: the task the model
   * was trained for (`colorize` for a colorizing model), else `denoise`.
   */
  @property() task?: Task;
  /** With `task="denoise"`: `gaussian`, `salt-pepper` or `masking`. */
  @property({ attribute: 'noise-type' }) noiseType: Noise = 'gaussian';
  /** Amount of noise: σ for gaussian, the share of pixels for the others (default 0.5, 0.2, 0.5). */
  @property({ type: Number }) noise?: number;
  /** With `task="inpaint"`: side of the blanked square in pixels. */
  @property({ type: Number }) block = 10;
  /** With `task="superres"`: downsampling factor, 2 or 4. */
  @property({ type: Number }) factor = 2;
  /** Seed of the sample choice and of the noise; "New sample" moves on from it. */
  @property({ type: Number }) seed = 1;
  /** Dataset index of the image to show instead of a seeded test image. */
  @property({ type: Number }) index?: number;
  /** Where the clean image comes from: `test` (the test split) or `draw` (the drawing pad). */
  @property() source: 'test' | 'draw' = 'test';

  @state() private panels: Panels | null = null;
  @state() private split: DenoiseEvaluation | null = null;
  @state() private kind = '';
  @state() private trained: { noiseType: NoiseType; noise: number } | null = null;
  @query('canvas.clean') private cleanCanvas?: HTMLCanvasElement;
  @query('canvas.corrupted') private corruptedCanvas?: HTMLCanvasElement;
  @query('canvas.restored') private restoredCanvas?: HTMLCanvasElement;

  private draws = 0;
  private drawing: Float32Array | null = null;

  /** The three images of the last refresh: clean, corrupted, restored. */
  get images(): Readonly<Panels> | null {
    return this.panels;
  }

  /** MSE to the clean image of the corrupted and the restored image. */
  get errors(): { corrupted: number; restored: number } | null {
    const p = this.panels;
    return p ? { corrupted: mse(p.clean, p.corrupted), restored: mse(p.clean, p.restored) } : null;
  }

  /** The task shown: the `task` attribute, or the model's own. */
  private get shownTask(): Task {
    return this.task ?? taskFor(this.trained?.noiseType);
  }

  protected override rebound() {
    this.panels = null;
    this.split = null;
  }

  protected override watched() {
    return [this.task, this.noiseType, this.noise, this.block, this.factor, this.seed, this.index, this.source];
  }

  /**
   * Checks the corruption attributes (each bad one reported once, whichever task is
   * chosen); the engine's corruption, or null when one the task needs is bad.
   */
  private corruption(side: number): { noiseType: NoiseType; noise: number } | null {
    const task = this.check('task', () => oneOf(this, 'task', this.shownTask, Object.keys(TASKS) as Task[]));
    const type = this.check('noise-type', () => oneOf(this, 'noise-type', this.noiseType ?? 'gaussian', Object.keys(NOISES) as Noise[]));
    const range = NOISES[type ?? 'gaussian'];
    const noise = this.check('noise', () => numberIn(this, 'noise', this.noise ?? range.fallback, 0, range.max, ` for ${type ?? 'gaussian'} noise`));
    const block = this.check('block', () => wholeNumber(this, 'block', this.block ?? 10, 1, side, 'pixels'));
    const factor = this.check('factor', () => {
      const f = this.factor ?? 2;
      if ((FACTORS as readonly unknown[]).includes(f)) return f;
      throw invalidAttribute(this, 'factor', this.factor, `must be ${FACTORS.join(' or ')}.`);
    });
    if (task === 'inpaint') return block === undefined ? null : { noiseType: 'inpaint', noise: block / side };
    if (task === 'superres') return factor === undefined ? null : { noiseType: 'superres', noise: factor };
    if (task === 'colorize') return { noiseType: 'grayscale', noise: 1 };
    return task === undefined || type === undefined || noise === undefined ? null : { noiseType: type, noise };
  }

  /** The clean image: the drawing, the `index` image, or a seeded test image. */
  private pick(ds: Dataset, source: 'test' | 'draw', index: number | undefined, seed: number): { image: Float32Array; name: string } | null {
    if (source === 'draw') return this.drawing && !NO_DRAWING[this.shownTask] ? { image: this.drawing, name: 'your drawing' } : null;
    if (index !== undefined) return { image: gatherImages(ds, [index]), name: describeImage(ds, index) };
    const i = randomTestImage(ds, mulberry32(seed * 7919 + this.draws));
    return { image: gatherImages(ds, [i]), name: describeImage(ds, i) };
  }

  protected async refresh(run: TaskRun, data: Dataset) {
    const { store } = run;
    const ds = await this.reach(run, data, this.index);
    const seed = this.check('seed', () => seedValue(this, 'seed', this.seed ?? 1)) ?? 1;
    const source = this.check('source', () => oneOf(this, 'source', this.source ?? 'test', SOURCES, ' (the drawing pad)')) ?? 'test';
    const index = this.check('index', () => imageIndex(this, 'index', this.index, ds.n));
    this.kind = store.spec.kind;
    this.trained = findKind(store.spec.kind)?.restores?.(store.spec) ?? null;
    const corruption = this.corruption(Math.min(ds.height, ds.width));
    if (!corruption || (source === 'test' && this.index != null && index === undefined)) return; // the last good picture stays
    const sample = this.pick(ds, source, index, seed);
    if (!sample) {
      this.panels = null;
      return;
    }
    const noiseSeed = seed * 31 + this.draws;
    const corrupted = await run.step(store.corrupt(sample.image, 1, { ...corruption, seed: noiseSeed }));
    const restored = await run.step(store.reconstruct(corrupted, 1));
    this.clearError(); // a failure of an earlier refresh is over
    this.panels = { clean: sample.image, corrupted, restored, name: sample.name };
    await run.step(this.rendered());
    const split = await run.attempt(store.evaluateDenoising({ ...corruption, seed: noiseSeed }));
    if (split) this.split = split;
  }

  private newSample() {
    this.draws++;
    void this.refresher.restart();
  }

  private onDraw(e: CustomEvent<{ image: Float32Array; empty: boolean }>) {
    this.drawing = e.detail.empty ? null : e.detail.image;
    void this.refresher.restart();
  }

  protected override updated() {
    const ds = this.loaded;
    const p = this.panels;
    if (!p) {
      // No picture of this store (or of another store's) to show.
      for (const c of [this.cleanCanvas, this.corruptedCanvas, this.restoredCanvas]) c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
      return;
    }
    if (!ds) return;
    const colors = sampleColors(this);
    if (this.cleanCanvas) paintSamples(this.cleanCanvas, p.clean, ds, { count: 1, colors });
    if (this.corruptedCanvas) paintSamples(this.corruptedCanvas, p.corrupted, ds, { count: 1, colors });
    if (this.restoredCanvas) paintSamples(this.restoredCanvas, p.restored, ds, { count: 1, colors });
  }

  private renderControls() {
    const task = this.shownTask;
    const noDrawing = NO_DRAWING[task];
    const noise = NOISES[this.noiseType] ?? NOISES.gaussian;
    const amount = this.noise ?? noise.fallback;
    const side = Math.min(this.loaded?.height ?? 28, this.loaded?.width ?? 28);
    return html`
      <div class="controls" part="controls">
        <label>Task
          <select @change=${(e: Event) => (this.task = (e.target as HTMLSelectElement).value as Task)}>
            ${Object.entries(TASKS).map(([k, label]) => html`<option value=${k} ?selected=${k === task}>${label}</option>`)}
          </select>
        </label>
        ${task === 'colorize'
          ? nothing
          : task === 'denoise'
          ? html`<label>Noise
                <select @change=${(e: Event) => ((this.noiseType = (e.target as HTMLSelectElement).value as Noise), (this.noise = undefined))}>
                  ${Object.keys(NOISES).map((k) => html`<option value=${k} ?selected=${k === this.noiseType}>${k}</option>`)}
                </select>
              </label>
              <label>${noise.label} <output>${amount}</output>
                <input type="range" min="0" max=${noise.max} step=${noise.step} .value=${String(amount)} @input=${(e: Event) => (this.noise = Number((e.target as HTMLInputElement).value))} />
              </label>`
          : task === 'inpaint'
            ? html`<label>Square side, pixels <output>${this.block}</output>
                <input type="range" min="2" max=${side} step="1" .value=${String(this.block)} @input=${(e: Event) => (this.block = Number((e.target as HTMLInputElement).value))} />
              </label>`
            : html`<label>Downsampled
                <select @change=${(e: Event) => (this.factor = Number((e.target as HTMLSelectElement).value))}>
                  ${FACTORS.map((f) => html`<option value=${f} ?selected=${f === this.factor}>${f}x</option>`)}
                </select>
              </label>`}
        <fieldset>
          <legend>Image</legend>
          <label><input type="radio" name="source" value="test" .checked=${this.source === 'test'} @change=${() => (this.source = 'test')} /> Test image</label>
          <label title=${noDrawing ?? nothing}><input type="radio" name="source" value="draw" .checked=${this.source === 'draw'} ?disabled=${!!noDrawing && this.source !== 'draw'} @change=${() => (this.source = 'draw')} /> Draw</label>
        </fieldset>
        ${this.source === 'test' ? html`<button @click=${this.newSample}>New sample</button>` : nothing}
      </div>
    `;
  }

  override render() {
    const e = this.errors;
    const p = this.panels;
    const task = this.shownTask;
    const names = PANELS[task] ?? PANELS.denoise; // a bad task attribute is reported; the panels keep their names
    const noDrawing = NO_DRAWING[task];
    return html`
      ${this.renderControls()}
      <div class="body">
        ${this.source !== 'draw' ? nothing : noDrawing ? html`<p class="note" part="pad-note" role="note">${noDrawing}</p>` : drawPadFor(this.loaded, this.onDraw)}
        <div class="panels" part="panels" aria-busy=${!p && this.source === 'test'}>
          <figure>
            <canvas class="digit clean" part="clean" role="img" aria-label=${`${names.clean}: ${p?.name ?? 'no image yet'}`}></canvas>
            <figcaption>${names.clean}${p ? html`<span class="muted"> · ${p.name}</span>` : nothing}</figcaption>
          </figure>
          <figure>
            <canvas class="digit corrupted" part="corrupted" role="img" aria-label=${`${names.corrupted}, error ${formatLoss(e?.corrupted)}`}></canvas>
            <figcaption>${names.corrupted} · MSE <strong>${formatLoss(e?.corrupted)}</strong></figcaption>
          </figure>
          <figure>
            <canvas class="digit restored" part="restored" role="img" aria-label=${`${names.restored}, error ${formatLoss(e?.restored)}`}></canvas>
            <figcaption>${names.restored} · MSE <strong>${formatLoss(e?.restored)}</strong></figcaption>
          </figure>
        </div>
      </div>
      ${this.source === 'draw' && !p && !noDrawing && this.loaded && !whyNoDrawing(this.loaded) ? html`<p class="muted">Draw a digit on the pad; it is corrupted and restored when you lift the pen.</p>` : nothing}
      ${this.renderSummary(task)}
      ${this.renderError()}
    `;
  }

  /** A preset trained for this task on the store's data, worth suggesting instead. */
  private presetFor(task: Task): string | undefined {
    const url = this.stores.store?.dataUrl;
    return Object.values(PRESETS).find((p) => {
      const restores = findKind(p.spec.kind)?.restores;
      return restores && defaultDataUrl(p) === url && taskFor(restores(normalizeSpec(p.spec)).noiseType) === task;
    })?.id;
  }

  private renderSummary(task: Task) {
    const s = this.split;
    const names = PANELS[task] ?? PANELS.denoise;
    const preset = this.kind && !this.trained ? this.presetFor(task) : undefined;
    const verb = task === 'colorize' ? 'colorize' : 'denoise';
    const notice = !this.kind
      ? nothing
      : !this.trained
        ? html`<p class="note">This model, ${describeKind(this.kind)}, was not trained to ${verb}: it learned to copy clean images, so much of the corruption passes through. Train it with kind “${task === 'colorize' ? 'colorize' : 'denoising'}”${preset ? html`, or use <code>model="${preset}"</code>` : nothing}.</p>`
        : html`<p class="muted">Trained on ${describeNoise(this.trained.noiseType, this.trained.noise)}.</p>`;
    return html`
      ${notice}
      <p class="summary" part="summary">
        ${!this.panels && !s
          ? nothing
          : s
          ? html`Whole test split: ${names.corrupted.toLowerCase()} <strong>${formatLoss(s.noisyMse)}</strong> → ${names.restored.toLowerCase()} <strong>${formatLoss(s.restoredMse)}</strong>
              (${s.restoredMse < s.noisyMse ? `${(s.noisyMse / Math.max(s.restoredMse, 1e-9)).toFixed(1)}× lower` : 'no better'}).`
          : html`<span class="muted">Measuring the test split…</span>`}
      </p>
    `;
  }
}
