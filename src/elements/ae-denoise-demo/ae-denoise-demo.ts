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
import { describeKind } from '../../shared/kind-text.js';
import { describeImage, gatherImages, randomTestImage } from '../../shared/samples.js';
import '../ae-draw-pad/define.js';
import { describeNoise, FACTORS, NO_DRAWING, NOISES, PANELS, TASKS, taskFor, type Noise, type Task } from './corruption.js';
import { styles } from './ae-denoise-demo.styles.js';
import { drawPadFor, whyNoDrawing } from '../../shared/drawing.js';
import { findKind, normalizeSpec } from '../../engine/spec.js';

const SOURCES = ['test', 'draw'] as const;

/** The clean image's origin, named at render time in the element's language: a dataset image, or null for the reader's drawing. */
type Source = { ds: Dataset; index: number } | null;

interface Panels {
  clean: Float32Array;
  corrupted: Float32Array;
  restored: Float32Array;
  source: Source;
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
    const task = this.check('task', () => oneOf(this, 'task', this.shownTask, TASKS));
    const type = this.check('noise-type', () => oneOf(this, 'noise-type', this.noiseType ?? 'gaussian', Object.keys(NOISES) as Noise[]));
    const range = NOISES[type ?? 'gaussian'];
    const noise = this.check('noise', () => numberIn(this, 'noise', this.noise ?? range.fallback, 0, range.max, 'denoise.attr.noise', { noise: type ?? 'gaussian' }));
    const block = this.check('block', () => wholeNumber(this, 'block', this.block ?? 10, 1, side, 'pixels'));
    const factor = this.check('factor', () => {
      const f = this.factor ?? 2;
      if ((FACTORS as readonly unknown[]).includes(f)) return f;
      throw invalidAttribute(this, 'factor', this.factor, 'denoise.attr.factor', { factors: [...FACTORS] });
    });
    if (task === 'inpaint') return block === undefined ? null : { noiseType: 'inpaint', noise: block / side };
    if (task === 'superres') return factor === undefined ? null : { noiseType: 'superres', noise: factor };
    if (task === 'colorize') return { noiseType: 'grayscale', noise: 1 };
    return task === undefined || type === undefined || noise === undefined ? null : { noiseType: type, noise };
  }

  /** The clean image: the drawing, the `index` image, or a seeded test image. */
  private pick(ds: Dataset, source: 'test' | 'draw', index: number | undefined, seed: number): { image: Float32Array; source: Source } | null {
    if (source === 'draw') return this.drawing && !NO_DRAWING[this.shownTask] ? { image: this.drawing, source: null } : null;
    if (index !== undefined) return { image: gatherImages(ds, [index]), source: { ds, index } };
    const i = randomTestImage(ds, mulberry32(seed * 7919 + this.draws));
    return { image: gatherImages(ds, [i]), source: { ds, index: i } };
  }

  /** The clean image in words: its dataset image, or the reader's drawing. */
  private sourceName(source: Source): string {
    return source ? describeImage(this.localize, source.ds, source.index) : this.localize.term('denoise.yourDrawing');
  }

  protected async refresh(run: TaskRun, data: Dataset) {
    const { store } = run;
    const ds = await this.reach(run, data, this.index);
    const seed = this.check('seed', () => seedValue(this, 'seed', this.seed ?? 1)) ?? 1;
    const source = this.check('source', () => oneOf(this, 'source', this.source ?? 'test', SOURCES, 'denoise.attr.source')) ?? 'test';
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
    this.panels = { clean: sample.image, corrupted, restored, source: sample.source };
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
    const l = this.localize;
    const t = l.term.bind(l);
    const type = this.noiseType in NOISES ? this.noiseType : 'gaussian';
    return html`
      <div class="controls" part="controls">
        <label>${t('denoise.task')}
          <select @change=${(e: Event) => (this.task = (e.target as HTMLSelectElement).value as Task)}>
            ${TASKS.map((k) => html`<option value=${k} ?selected=${k === task}>${t(`denoise.task.${k}`)}</option>`)}
          </select>
        </label>
        ${task === 'colorize'
          ? nothing
          : task === 'denoise'
          ? html`<label>${t('denoise.noise')}
                <select @change=${(e: Event) => ((this.noiseType = (e.target as HTMLSelectElement).value as Noise), (this.noise = undefined))}>
                  ${(Object.keys(NOISES) as Noise[]).map((k) => html`<option value=${k} ?selected=${k === this.noiseType}>${t(`denoise.noise.${k}`)}</option>`)}
                </select>
              </label>
              <label>${t(`denoise.amount.${type}`)} <output>${l.number(amount)}</output>
                <input type="range" min="0" max=${noise.max} step=${noise.step} .value=${String(amount)} @input=${(e: Event) => (this.noise = Number((e.target as HTMLInputElement).value))} />
              </label>`
          : task === 'inpaint'
            ? html`<label>${t('denoise.block')} <output>${l.number(this.block)}</output>
                <input type="range" min="2" max=${side} step="1" .value=${String(this.block)} @input=${(e: Event) => (this.block = Number((e.target as HTMLInputElement).value))} />
              </label>`
            : html`<label>${t('denoise.factor')}
                <select @change=${(e: Event) => (this.factor = Number((e.target as HTMLSelectElement).value))}>
                  ${FACTORS.map((f) => html`<option value=${f} ?selected=${f === this.factor}>${t('denoise.factorOption', { factor: f })}</option>`)}
                </select>
              </label>`}
        <fieldset>
          <legend>${t('denoise.image')}</legend>
          <label><input type="radio" name="source" value="test" .checked=${this.source === 'test'} @change=${() => (this.source = 'test')} /> ${t('denoise.testImage')}</label>
          <label title=${noDrawing ? t(noDrawing) : nothing}><input type="radio" name="source" value="draw" .checked=${this.source === 'draw'} ?disabled=${!!noDrawing && this.source !== 'draw'} @change=${() => (this.source = 'draw')} /> ${t('denoise.draw')}</label>
        </fieldset>
        ${this.source === 'test' ? html`<button @click=${this.newSample}>${t('denoise.newSample')}</button>` : nothing}
      </div>
    `;
  }

  override render() {
    const e = this.errors;
    const p = this.panels;
    const task = this.shownTask;
    const l = this.localize;
    const t = l.term.bind(l);
    const names = this.panelNames(task);
    const noDrawing = NO_DRAWING[task];
    const name = p ? this.sourceName(p.source) : '';
    return html`
      ${this.renderControls()}
      <div class="body">
        ${this.source !== 'draw' ? nothing : noDrawing ? html`<p class="note" part="pad-note" role="note">${t(noDrawing)}</p>` : drawPadFor(this.localize, this.loaded, this.onDraw)}
        <div class="panels" part="panels" aria-busy=${!p && this.source === 'test'}>
          <figure>
            <canvas class="digit clean" part="clean" role="img" aria-label=${t('denoise.cleanLabel', { panel: names.clean, name: p ? name : t('denoise.noImage') })}></canvas>
            <figcaption>${names.clean}${p ? html`<span class="muted"> · ${name}</span>` : nothing}</figcaption>
          </figure>
          <figure>
            <canvas class="digit corrupted" part="corrupted" role="img" aria-label=${t('denoise.errorLabel', { panel: names.corrupted, error: l.loss(e?.corrupted) })}></canvas>
            <figcaption>${names.corrupted} · MSE <strong>${l.loss(e?.corrupted)}</strong></figcaption>
          </figure>
          <figure>
            <canvas class="digit restored" part="restored" role="img" aria-label=${t('denoise.errorLabel', { panel: names.restored, error: l.loss(e?.restored) })}></canvas>
            <figcaption>${names.restored} · MSE <strong>${l.loss(e?.restored)}</strong></figcaption>
          </figure>
        </div>
      </div>
      ${this.source === 'draw' && !p && !noDrawing && this.loaded && !whyNoDrawing(this.localize, this.loaded) ? html`<p class="muted">${t('denoise.drawHint')}</p>` : nothing}
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

  /** The three panels' names for `task` in the element's language (a bad task attribute is reported; the panels keep their names). */
  private panelNames(task: Task) {
    const keys = PANELS[task] ?? PANELS.denoise;
    const t = this.localize.term.bind(this.localize);
    return { clean: t(keys.clean), corrupted: t(keys.corrupted), restored: t(keys.restored) };
  }

  private renderSummary(task: Task) {
    const s = this.split;
    const l = this.localize;
    const t = l.term.bind(l);
    const names = this.panelNames(task);
    const lower = (text: string) => text.toLocaleLowerCase(l.lang);
    const preset = this.kind && !this.trained ? this.presetFor(task) : undefined;
    const colorize = task === 'colorize';
    const notice = !this.kind
      ? nothing
      : !this.trained
        ? html`<p class="note">${t('denoise.untrained', { kind: describeKind(l, this.kind), colorize, kindName: colorize ? 'colorize' : 'denoising' })}${preset ? html`${t('denoise.orUse')} <code>model="${preset}"</code>` : nothing}.</p>`
        : html`<p class="muted">${t('denoise.trainedOn', { noise: describeNoise(l, this.trained.noiseType, this.trained.noise) })}</p>`;
    return html`
      ${notice}
      <p class="summary" part="summary">
        ${!this.panels && !s
          ? nothing
          : s
          ? html`${t('denoise.wholeSplit')} ${lower(names.corrupted)} <strong>${l.loss(s.noisyMse)}</strong> → ${lower(names.restored)} <strong>${l.loss(s.restoredMse)}</strong>
              (${s.restoredMse < s.noisyMse ? t('denoise.lower', { ratio: s.noisyMse / Math.max(s.restoredMse, 1e-9) }) : t('denoise.noBetter')}).`
          : html`<span class="muted">${t('denoise.measuring')}</span>`}
      </p>
    `;
  }
}
