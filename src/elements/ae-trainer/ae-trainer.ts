import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ModelSpec } from '../../engine/spec.js';
import type { TrainOptions, TrainProgress } from '../../engine/types.js';
import type { ModelStore } from '../../store/model-store.js';
import { AEElement } from '../../shared/ae-element.js';
import { termName, type PlainKey } from '../../l10n/languages.js';
import { kindText, titleOf } from '../../shared/kind-text.js';
import { StoreController } from '../../shared/store-controller.js';
import { written } from '../../shared/attributes.js';
import { LossChart, LossHistory, MAX_SERIES } from './loss-chart.js';
import { styles } from './ae-trainer.styles.js';
import { checkSpecAttribute, checkTrainAttribute, describeSpec, SPEC_ATTRIBUTES, TRAIN_ATTRIBUTES, type SpecAttribute, type TrainAttribute } from './trainer-options.js';

// `hidden` names the layer widths, as in the course lab; the property is hiddenLayers
// because HTMLElement.hidden is taken.
const SPEC_PROPS = Object.entries(SPEC_ATTRIBUTES).map(([attr, field]) => ({ attr: attr as SpecAttribute, prop: field === 'hidden' ? 'hiddenLayers' : field }));
const TRAIN_PROPS = Object.entries(TRAIN_ATTRIBUTES).map(([attr, field]) => ({ attr: attr as TrainAttribute, prop: field }));
const TRAIN_DEFAULTS: Record<string, number> = { learningRate: 1e-3, batchSize: 64, epochs: 10 };

/**
 * @summary Trains a model store live: start, pause, stop, reset, save and load, with a
 * loss chart, progress bars and a spoken status line.
 *
 * @event ae-error - A bad attribute or a failed store operation; `detail.code` and `detail.message`.
 * @event ae-status - The store's status changed; `detail.status`.
 * @event ae-epoch - An epoch finished; `detail.epoch`, `detail.testLoss`.
 * @event ae-train-end - A run finished or was stopped; `detail.stopped`.
 *
 * @csspart header - Title, backend and status.
 * @csspart pending - The notice of an architecture change held until training ends.
 * @csspart controls - The training buttons.
 * @csspart files - Save and load buttons.
 * @csspart progress - The epoch and overall progress bars.
 * @csspart chart - The loss chart.
 * @csspart stats - Epoch, loss, test loss, samples per second.
 * @csspart error - The inline error message.
 *
 * @cssproperty --ae-color-accent - Primary button and train-loss line colour.
 * @cssproperty --ae-color-test - Test-loss line colour.
 * @cssproperty --ae-color-surface - Background.
 * @cssproperty --ae-color-text - Text colour.
 * @cssproperty --ae-color-border - Border colour.
 * @cssproperty --ae-radius - Corner radius.
 */
export class AeTrainer extends AEElement {
  static override styles = [...AEElement.styles, styles];

  /** Model kind: ae, denoising, sparse, contractive, vae, conv, aae, colorize or umap-ae. Unset keeps the store's. */
  @property() kind?: ModelSpec['kind'];
  /** Size of the code (bottleneck). */
  @property({ attribute: 'latent-dim', type: Number }) latentDim?: number;
  /** Hidden layer widths, comma-separated ("200,200"); the decoder mirrors them. Attribute: `hidden`. */
  @property({ attribute: 'hidden' }) hiddenLayers?: string;
  /** Activation of the hidden layers: relu, elu, selu, tanh, sigmoid, linear. */
  @property() activation?: ModelSpec['activation'];
  /** Activation of the code layer. */
  @property({ attribute: 'code-activation' }) codeActivation?: ModelSpec['codeActivation'];
  /** Reconstruction loss: mse or bce. */
  @property() loss?: ModelSpec['loss'];
  /** Denoising corruption: gaussian, salt-pepper, masking, inpaint, superres, mixed or grayscale (colour images). */
  @property({ attribute: 'noise-type' }) noiseType?: ModelSpec['noiseType'];
  /** Denoising strength: gaussian sigma, a share of pixels (salt-pepper, masking) or of the side (inpaint), a downsampling factor (superres), or the mix's strength. */
  @property({ type: Number }) noise?: number;
  /** VAE: weight of the KL term. */
  @property({ type: Number }) beta?: number;
  /** Sparse: weight of the L1 penalty on the code. */
  @property({ type: Number }) sparsity?: number;
  /** Adversarial: the prior the codes are pushed to fill: normal, or circle (gaussians on a circle). */
  @property() prior?: ModelSpec['prior'];
  /** UMAP-regularised: nearest neighbours per sample in the graph of the inputs. */
  @property({ type: Number }) neighbours?: number;
  /** UMAP-regularised: how the graph measures distance between inputs: euclidean or cosine. */
  @property() metric?: ModelSpec['metric'];
  /** UMAP-regularised: weight of the UMAP loss beside the reconstruction loss. */
  @property({ attribute: 'umap-weight', type: Number }) umapWeight?: number;
  /** UMAP-regularised: codes pushed away per graph edge. */
  @property({ type: Number }) negatives?: number;
  /** UMAP-regularised: graph edges drawn per batch. */
  @property({ type: Number }) edges?: number;
  /** UMAP-regularised: how tightly codes may pack (UMAP's min_dist). */
  @property({ attribute: 'min-dist', type: Number }) minDist?: number;
  /** Adam's learning rate. */
  @property({ attribute: 'learning-rate', type: Number }) learningRate = 1e-3;
  /** Images per step. */
  @property({ attribute: 'batch-size', type: Number }) batchSize = 64;
  /** Epochs per press of Train. */
  @property({ type: Number }) epochs = 10;

  @state() private pending: Partial<ModelSpec> | null = null;
  /** The live region's last news, made at render so it follows the language. */
  @state() private announcement: { key: string; text: () => string } | null = null;
  @query('svg.loss') private svg?: SVGSVGElement;
  @query('input[type=file]') private fileInput?: HTMLInputElement;

  private stores = new StoreController(this, {
    bound: (store) => this.onBound(store),
    problem: (e) => this.reportError(e),
    progress: (e) => this.onProgress(e.detail),
    weightschange: (e) => e.detail.reason !== 'train' && this.clearHistory(),
    statechange: (e) => this.onStatus(e.detail.status),
    specchange: () => undefined, // re-render: the summary line shows the spec
    error: (e) => this.reportError(e.detail.error),
  });
  private history = new LossHistory();
  private chart: LossChart | null = null;
  private valid = new Map<string, unknown>();
  private appliedKey = '';
  private train: Partial<TrainOptions> = { ...TRAIN_DEFAULTS };

  private get store(): ModelStore | null {
    return this.stores.store;
  }

  private onBound(store: ModelStore) {
    this.clearError('model');
    this.clearError('data');
    this.appliedKey = '';
    this.pending = null;
    this.clearHistory();
    store.ready().catch(() => undefined); // failures arrive as store `error` events
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    for (const { attr, prop } of SPEC_PROPS) {
      if (!changed.has(prop as keyof AeTrainer)) continue;
      const value = this[prop as keyof this];
      if (value === undefined || value === null) {
        this.valid.delete(prop); // removed: the store's own value stays
        this.clearError(attr);
        continue;
      }
      try {
        checkSpecAttribute(attr, value, this.store?.spec ?? ({} as ModelSpec), written(this, attr, value));
        this.valid.set(prop, value);
        this.clearError(attr);
      } catch (e) {
        this.revert(prop, e);
      }
    }
    for (const { attr, prop } of TRAIN_PROPS) {
      if (!changed.has(prop as keyof AeTrainer)) continue;
      if (this[prop as keyof this] === undefined || this[prop as keyof this] === null) {
        (this as Record<string, unknown>)[prop] = TRAIN_DEFAULTS[prop]; // removed: back to the default
        this.clearError(attr);
      }
      try {
        Object.assign(this.train, checkTrainAttribute(attr, this[prop as keyof this], written(this, attr, this[prop as keyof this])));
        this.valid.set(prop, this[prop as keyof this]);
        this.clearError(attr);
      } catch (e) {
        this.revert(prop, e);
      }
    }
    this.syncSpec();
  }

  /** Reports a bad value and falls back to the last valid one (or unset). */
  private revert(prop: string, error: unknown) {
    this.reportError(error);
    (this as Record<string, unknown>)[prop] = this.valid.get(prop);
  }

  /** The spec fields the attributes ask for (valid ones only). */
  private requestedSpec(): Partial<ModelSpec> {
    const store = this.store;
    const out: Partial<ModelSpec> = {};
    for (const { attr, prop } of SPEC_PROPS) {
      const value = this.valid.get(prop);
      if (value === undefined || !store) continue;
      try {
        Object.assign(out, checkSpecAttribute(attr, value, store.spec));
      } catch {
        // Checked when it was set; a field that depends on another is reported by setSpec.
      }
    }
    return out;
  }

  protected override updated() {
    if (this.svg && !this.chart) this.chart = new LossChart(this.svg);
    this.chart?.update(this.history, this.localize.formats);
  }

  /** Applies the attributes' spec to the store, or holds it while a run is going. */
  private syncSpec() {
    const store = this.store;
    if (!store) return;
    const wanted = this.requestedSpec();
    const key = `${store.id}:${JSON.stringify(wanted)}`;
    if (key === this.appliedKey) return;
    const differs = Object.entries(wanted).some(([k, v]) => JSON.stringify(store.spec[k as keyof ModelSpec]) !== JSON.stringify(v));
    if (!differs) {
      this.appliedKey = key;
      this.pending = null;
      return;
    }
    if (store.status === 'training' || store.status === 'paused') {
      if (JSON.stringify(this.pending) !== JSON.stringify(wanted)) this.pending = wanted;
      return;
    }
    this.appliedKey = key;
    this.pending = null;
    store.setSpec(wanted).catch(() => undefined);
  }

  private onProgress(p: TrainProgress) {
    if (p.phase === 'step') {
      this.history.add(p.losses, p.series);
      return;
    }
    if (p.phase === 'graph') {
      const graph = p.graph!;
      this.say('trainer.said.graph', () => this.localize.term('trainer.said.graph', graph));
      return;
    }
    if (p.testLoss !== undefined) this.history.test.push({ step: this.history.train.length, loss: p.testLoss });
    this.say('trainer.said.epoch', () => this.localize.term('trainer.said.epoch', { epoch: p.epoch, epochs: p.epochs, test: this.localize.loss(p.testLoss) }));
    this.emit('ae-epoch', { epoch: p.epoch, epochs: p.epochs, loss: p.loss, testLoss: p.testLoss, testMse: p.testMse });
  }

  private onStatus(status: ModelStore['status']) {
    this.emit('ae-status', { status, model: this.model });
    if (status === 'paused') this.say('trainer.said.paused');
    if (status === 'training' && this.announcement?.key === 'trainer.said.paused') this.say('trainer.said.resumed');
    if (status === 'ready' || status === 'idle') this.syncSpec(); // a held spec change may now apply on reset only
  }

  private clearHistory() {
    this.history.clear();
    this.requestUpdate();
  }

  private async startTraining() {
    const store = this.store;
    if (!store) return;
    this.clearError();
    const epochs = this.train.epochs ?? TRAIN_DEFAULTS.epochs;
    this.say('trainer.said.training', () => this.localize.term('trainer.said.training', { epochs }));
    try {
      const result = await store.train(this.train);
      const key = result.stopped ? 'trainer.said.stopped' : 'trainer.said.finished';
      this.say(key, () => this.localize.term(key, { test: this.localize.loss(result.testLoss) }));
      this.emit('ae-train-end', { stopped: result.stopped, epochs: result.epochs, loss: result.loss, testLoss: result.testLoss });
    } catch {
      this.say('trainer.said.failed');
    }
  }

  private togglePause() {
    if (this.store?.status === 'paused') this.store.resume();
    else this.store?.pause();
  }

  /** Fresh weights, with any held architecture change applied. */
  private async resetModel() {
    const store = this.store;
    if (!store) return;
    this.clearError();
    const pending = this.pending;
    this.pending = null;
    if (pending) {
      this.appliedKey = `${store.id}:${JSON.stringify(pending)}`;
      await store.setSpec(pending).catch(() => undefined);
    } else {
      await store.reset().catch(() => undefined);
    }
    this.say('trainer.said.reset');
  }

  /** Announces `key`'s text (or what `text` makes, for one with arguments) in the live region. */
  private say(key: string, text: () => string = () => this.localize.term(key as PlainKey)) {
    this.announcement = { key, text };
  }

  private async run(op: (store: ModelStore) => Promise<unknown>, done: () => string) {
    const store = this.store;
    if (!store) return;
    this.clearError();
    try {
      await op(store);
      this.say('', done);
    } catch {
      // reported through the store's error event
    }
  }

  private async openFiles() {
    const files = this.fileInput?.files;
    if (!files?.length) return;
    await this.run((s) => s.load(Array.from(files)), () => this.localize.term('trainer.said.loadedFiles', { names: Array.from(files, (f) => f.name) }));
    this.fileInput!.value = '';
  }

  private renderProgress() {
    const p = this.store?.progress;
    const t = this.localize.term.bind(this.localize);
    const epochFrac = p ? p.step / Math.max(1, p.stepsPerEpoch) : 0;
    const overall = p ? (p.epoch - 1 + epochFrac) / Math.max(1, p.epochs) : 0;
    // Before the first step (the train images may still be loading): an indeterminate bar.
    const starting = !p && this.store?.status === 'training';
    return html`<div class="progress" part="progress">
      <label>${t('trainer.epoch')} ${p ? t('trainer.epochOf', p) : starting ? t('trainer.starting') : ''}${starting ? html`<progress></progress>` : html`<progress max="1" .value=${epochFrac}></progress>`}</label>
      <label>${t('trainer.overall')} <progress max="1" .value=${overall}></progress></label>
    </div>`;
  }

  override render() {
    const store = this.store;
    const status = store?.status ?? 'idle';
    const running = status === 'training' || status === 'paused';
    const busy = running || status === 'loading';
    const p = store?.progress;
    const lastTest = this.history.test.at(-1)?.loss;
    const l = this.localize;
    const t = l.term.bind(l);
    const lossName = (store && kindText(l, store.spec.kind, 'lossName')) || t('trainer.lossName');
    const said = (key: PlainKey) => () => this.localize.term(key);
    return html`
      <header part="header">
        <strong>${store?.preset ? titleOf(l, store.preset) : t('trainer.model', { model: this.model })}</strong>
        <span class="badge" title=${t('trainer.backendTitle')}>${store?.backend ?? '…'}</span>
        <span class="status status-${status}">${t(`common.status.${status}`)}</span>
      </header>
      <p class="spec muted">${store ? describeSpec(store.spec, l) : ''}${store?.pretrained ? ` · ${t('common.pretrained')}` : ''}</p>
      ${this.pending
        ? html`<p class="pending" part="pending">
            ${t('trainer.pending')}
            <button @click=${() => this.resetModel()}>${t('trainer.applyNow')}</button>
          </p>`
        : nothing}
      <div class="controls" part="controls" role="group" aria-label=${t('trainer.controls')}>
        <button class="primary" ?disabled=${busy} @click=${() => this.startTraining()}>${t('trainer.train')}</button>
        <button ?disabled=${!running} aria-pressed=${status === 'paused'} @click=${() => this.togglePause()}>${t(status === 'paused' ? 'trainer.resume' : 'trainer.pause')}</button>
        <button ?disabled=${!running} @click=${() => store?.stop()}>${t('trainer.stop')}</button>
        <button ?disabled=${status === 'loading'} @click=${() => this.resetModel()}>${t('trainer.reset')}</button>
        ${store?.preset ? html`<button ?disabled=${status === 'loading'} @click=${() => this.run((s) => s.loadPretrained(), said('trainer.said.pretrained'))}>${t('trainer.loadPretrained')}</button>` : nothing}
      </div>
      <div class="files" part="files" role="group" aria-label=${t('trainer.files')}>
        <button ?disabled=${busy} @click=${() => this.run((s) => s.save(`downloads://${this.model}`), said('trainer.said.downloaded'))}>${t('trainer.download')}</button>
        <button ?disabled=${busy} @click=${() => this.run((s) => s.save(`indexeddb://${this.model}`), said('trainer.said.saved'))}>${t('trainer.saveBrowser')}</button>
        <button ?disabled=${busy} @click=${() => this.run((s) => s.load(`indexeddb://${this.model}`), said('trainer.said.loaded'))}>${t('trainer.loadBrowser')}</button>
        <button ?disabled=${busy} @click=${() => this.fileInput?.click()}>${t('trainer.openFiles')}</button>
        <input type="file" multiple accept=".json,.bin,.safetensors,application/json,application/octet-stream" hidden aria-label=${t('trainer.fileInput')} @change=${() => this.openFiles()} />
      </div>
      ${this.renderProgress()}
      <figure part="chart">
        <svg class="loss" role="img" aria-label=${t('trainer.chartLabel', { steps: this.history.train.length, test: l.loss(lastTest) })}></svg>
        <figcaption class="muted">
          <span class="key train"></span> ${t('trainer.trainKey', { loss: lossName })}
          ${[...this.history.series.keys()].slice(0, MAX_SERIES).map((name, i) => html`<span class=${`key series series-${i + 1}`}></span> ${termName(l.lang, name)} `)}
          <span class="key test"></span> ${t('trainer.testKey', { loss: lossName })}
        </figcaption>
      </figure>
      <dl class="stats" part="stats">
        <div><dt>${t('trainer.loss')}</dt><dd>${l.loss(p?.loss)}</dd></div>
        <div><dt>${t('trainer.testLoss')}</dt><dd>${l.loss(lastTest)}</dd></div>
        <div><dt>${t('trainer.rate')}</dt><dd>${p ? l.formats.rate(p.samplesPerSec) : '–'}</dd></div>
        <div><dt>${t('trainer.backend')}</dt><dd>${store?.backend ?? '–'}</dd></div>
      </dl>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement?.text() ?? ''}</div>
      ${this.renderError()}
    `;
  }
}
