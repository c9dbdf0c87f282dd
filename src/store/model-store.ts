import type { BackendChoice, BackendName } from '../engine/backends.js';
import { fetchDataset, validateDataset, type Dataset, type DatasetInput } from '../engine/dataset.js';
import { AEError } from '../engine/errors.js';
import type { Evaluation, HostApi, HostEvents, HostMethod, SessionStatus } from '../engine/protocol.js';
import { normalizeSpec, type ModelSpec, type NoiseType } from '../engine/spec.js';
import { DEFAULT_TRAIN, type DenoiseEvaluation, type Metrics, type ModelFiles, type TrainOptions, type TrainProgress, type TrainResult, type WeightsSource } from '../engine/types.js';
import { absolute, getConfig, getHost, releaseHost, type Host } from './config.js';
import { PRESETS, presetWeightsUrl, type Preset } from './presets.js';
import { downloadFiles, readFiles } from './files.js';

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'training' | 'paused' | 'error';

export interface StoreEventMap {
  progress: CustomEvent<TrainProgress>;
  statechange: CustomEvent<{ status: StoreStatus }>;
  weightschange: CustomEvent<HostEvents['weightschange']>;
  specchange: CustomEvent<{ spec: ModelSpec }>;
  error: CustomEvent<{ error: AEError; code: AEError['code']; message: string }>;
}

type SessionMethod = Exclude<HostMethod, 'init' | 'putDataset' | 'dropDataset' | 'memory'>;
type Tail<T> = T extends [unknown, ...infer R] ? R : never;

const bundled = new Map<string, Promise<Dataset>>();
let customCount = 0;

/**
 * The main-thread face of one model: elements and pages talk to this, never to tfjs.
 * Every method is async; data crosses as typed arrays.
 */
export class ModelStore extends EventTarget {
  readonly preset: Preset | undefined;
  status: StoreStatus = 'idle';
  spec: ModelSpec;
  /** The last error, until the next successful operation that replaces it. */
  error: AEError | null = null;
  /** The last progress report of the current or last training run. */
  progress: TrainProgress | null = null;
  backendInfo: BackendChoice | null = null;
  /** Whether the weights come from a file (preset or load) rather than fresh initialisation. */
  pretrained = false;

  private host: Host | null = null;
  private data: Dataset | null = null;
  private dataKey = '';
  private starting: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private unlisten: (() => void) | null = null;
  /** A train() call is queued or running. */
  private runActive = false;

  constructor(readonly id: string) {
    super();
    this.preset = PRESETS[id];
    this.spec = normalizeSpec(this.preset?.spec ?? {});
  }

  get backend(): BackendName | null {
    return this.backendInfo?.backend ?? null;
  }

  /**
   * Resolves when dataset and model (and a preset's weights) are loaded. Rejects when
   * any of them fails; once the model itself is up (a preset's weights may still have
   * failed), later calls resolve and the model can be trained.
   */
  ready(): Promise<void> {
    if (this.disposed) return Promise.reject(new AEError('disposed', `Store "${this.id}" was disposed.`));
    this.starting ??= this.start().catch((e) => {
      this.starting = this.host ? Promise.resolve() : null; // null: a later call tries again
      throw this.fail(e);
    });
    return this.starting;
  }

  private async start() {
    this.setStatus('loading');
    const data = await this.bundledDataset();
    await this.attach(await getHost(), data, this.spec, `bundled:${absolute(getConfig().dataUrl)}`);
    this.setStatus('ready');
    if (this.preset) await this.loadPreset();
  }

  private bundledDataset(): Promise<Dataset> {
    const url = absolute(getConfig().dataUrl);
    let p = bundled.get(url);
    if (!p) {
      p = fetchDataset(url);
      bundled.set(url, p);
      p.catch(() => bundled.delete(url));
    }
    return p;
  }

  /** Opens this store's model on a host with the dataset known there as `key`. */
  private async attach(host: Host, data: Dataset, spec: ModelSpec, key: string): Promise<void> {
    if (!host.datasets.has(key)) {
      await host.channel.call('putDataset', key, data);
      host.datasets.add(key);
    }
    await host.channel.call('open', this.id, spec, key);
    const previousKey = this.host === host ? this.dataKey : null;
    if (this.host !== host) {
      this.listen(host);
      host.users.add(this.id);
    }
    this.host = host;
    this.backendInfo = host.choice;
    this.data = data;
    this.dataKey = key;
    this.spec = spec;
    if (previousKey && previousKey !== key) await this.release(host, previousKey);
    this.dispatch('specchange', { spec });
  }

  /** Frees a dataset copy in an engine once no session there uses it. */
  private async release(host: Host, key: string) {
    if (await host.channel.call('dropDataset', key).catch(() => false)) host.datasets.delete(key);
  }

  private listen(host: Host) {
    this.unlisten?.();
    this.unlisten = host.channel.listen((session, name, detail) => {
      if (session !== this.id || this.host !== host) return;
      if (name === 'statechange') {
        const s = (detail as { status: SessionStatus }).status;
        if (this.status === 'training' || this.status === 'paused') this.setStatus(s);
      } else {
        if (name === 'progress') this.progress = detail as TrainProgress;
        this.dispatch(name, detail);
      }
    });
  }

  private async loadPreset() {
    const url = presetWeightsUrl(absolute(getConfig().weightsBase), this.preset!.id);
    try {
      this.spec = await this.call('load', { kind: 'url', url });
      this.pretrained = true;
      this.dispatch('specchange', { spec: this.spec });
    } catch (e) {
      const err = AEError.from(e);
      if (err.code === 'weights-fetch-failed' && err.details?.status === 404) {
        throw new AEError('weights-missing', `No pretrained weights for preset "${this.id}" at ${url}. The model is freshly initialised: train it, or load weights.`, { url });
      }
      throw err;
    }
  }

  /** Calls the engine for this store's session (the id goes first). */
  private call<M extends SessionMethod>(method: M, ...rest: Tail<Parameters<HostApi[M]>>): Promise<Awaited<ReturnType<HostApi[M]>>> {
    const host = this.host;
    if (!host) return Promise.reject(new AEError('not-ready', `Store "${this.id}" is not ready; await store.ready() first.`));
    const call = host.channel.call as (m: M, ...a: unknown[]) => Promise<Awaited<ReturnType<HostApi[M]>>>;
    return call.call(host.channel, method, this.id, ...rest);
  }

  /** Runs `op` after earlier model-changing operations, and reports its failure. */
  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      try {
        await this.readyQuietly();
        return await op();
      } catch (e) {
        throw this.fail(e);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Like ready(), but a preset's missing weights do not block other operations. */
  private async readyQuietly() {
    try {
      await this.ready();
    } catch (e) {
      if (!this.host) throw e;
    }
  }

  private async guarded<T>(op: () => Promise<T>): Promise<T> {
    try {
      await this.readyQuietly();
      return await op();
    } catch (e) {
      throw this.fail(e);
    }
  }

  private fail(e: unknown): AEError {
    const err = AEError.from(e);
    this.error = err;
    if (this.status === 'loading') this.setStatus(this.host ? 'ready' : 'error');
    this.dispatch('error', { error: err, code: err.code, message: err.message });
    return err;
  }

  private setStatus(status: StoreStatus) {
    if (status === this.status) return;
    this.status = status;
    this.dispatch('statechange', { status });
  }

  private dispatch(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  /** A new model with fresh weights; unspecified fields keep their current values. */
  setSpec(partial: Partial<ModelSpec>): Promise<void> {
    let spec: ModelSpec;
    try {
      spec = normalizeSpec(partial, this.spec);
    } catch (e) {
      return Promise.reject(this.fail(e));
    }
    this.stop();
    return this.exclusive(async () => {
      await this.attach(this.host!, this.data!, spec, this.dataKey);
      this.pretrained = false;
    });
  }

  /** The dataset in use (bundled MNIST unless setDataset() gave another). */
  async dataset(): Promise<Dataset> {
    if (this.data) return this.data;
    try {
      return await this.bundledDataset(); // needs no engine: views can draw digits before the model is up
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Replaces the data (validated), rebuilding the model for its shape. */
  setDataset(input: DatasetInput): Promise<void> {
    let data: Dataset;
    try {
      data = validateDataset(input);
    } catch (e) {
      return Promise.reject(this.fail(e));
    }
    this.stop();
    return this.exclusive(async () => {
      await this.attach(this.host!, data, this.spec, `custom-${++customCount}`);
      this.pretrained = false;
    });
  }

  encode(images: Float32Array, n: number): Promise<Float32Array> {
    return this.guarded(() => this.call('encode', images, n));
  }

  decode(latents: Float32Array, n: number): Promise<Float32Array> {
    return this.guarded(() => this.call('decode', latents, n));
  }

  reconstruct(images: Float32Array, n: number): Promise<Float32Array> {
    return this.guarded(() => this.call('reconstruct', images, n));
  }

  /** Test-split loss, reconstruction MSE (and a VAE's KL term) of the current weights. */
  evaluate(): Promise<Evaluation> {
    return this.guarded(() => this.call('evaluate'));
  }

  /**
   * Test reconstruction MSE and kNN-5 accuracy of the codes (train codes as reference),
   * next to the same two figures for a PCA with as many components fitted on the train split.
   */
  metrics(): Promise<Metrics> {
    return this.guarded(() => this.call('metrics'));
  }

  /** Digit labels for images by 5-nearest-neighbour on raw pixels against the train split. */
  classify(images: Float32Array, n: number): Promise<Uint8Array> {
    return this.guarded(() => this.call('classify', images, n));
  }

  /**
   * Corrupts the test split (seeded; defaults to the spec's noise) and reports MSE to the
   * clean images before and after the model restores them.
   */
  evaluateDenoising(options: { noiseType?: NoiseType; noise?: number; seed?: number } = {}): Promise<DenoiseEvaluation> {
    const { noiseType = this.spec.noiseType, noise = this.spec.noise, seed = 1 } = options;
    let checked: ModelSpec;
    try {
      checked = normalizeSpec({ noiseType, noise }, this.spec);
    } catch (e) {
      return Promise.reject(this.fail(new AEError('input-invalid', AEError.from(e).message.replace('Model spec', 'evaluateDenoising():'))));
    }
    return this.guarded(() => this.call('evaluateDenoising', checked.noiseType, checked.noise, seed));
  }

  /** Trains until done or stopped; progress arrives as `progress` events. */
  train(options: Partial<TrainOptions> = {}): Promise<TrainResult> {
    const opts = { ...DEFAULT_TRAIN, ...options };
    for (const [k, v] of Object.entries(opts)) {
      if (k === 'finalLearningRate' && v === undefined) continue;
      const ok = typeof v === 'number' && Number.isFinite(v) && v > 0 && (/learningRate/i.test(k) || Number.isInteger(v));
      if (!ok) return Promise.reject(this.fail(new AEError('input-invalid', `train(): "${k}" must be a positive ${/learningRate/i.test(k) ? 'number' : 'whole number'}; got ${JSON.stringify(v)}.`)));
    }
    if (this.runActive) {
      return Promise.reject(this.fail(new AEError('busy', `Store "${this.id}" is already training; pause, stop or wait for it first.`)));
    }
    this.runActive = true;
    const run = this.exclusive(async () => {
      this.setStatus('training');
      this.progress = null;
      try {
        const result = await this.call('train', opts);
        this.pretrained = false;
        return result;
      } finally {
        this.setStatus('ready');
      }
    });
    return run.finally(() => (this.runActive = false));
  }

  pause(): void {
    if (this.status === 'training') void this.host?.channel.call('pause', this.id).catch(() => undefined);
  }

  resume(): void {
    if (this.status === 'paused') void this.host?.channel.call('resume', this.id).catch(() => undefined);
  }

  /** Ends the training run (running or queued) after its current step. */
  stop(): void {
    if (this.runActive) void this.host?.channel.call('stop', this.id).catch(() => undefined);
  }

  /** Fresh weights for the same spec (stops training first). */
  reset(): Promise<void> {
    this.stop();
    return this.exclusive(async () => {
      await this.call('reset');
      this.pretrained = false;
    });
  }

  /** Saves to 'indexeddb://name' or 'downloads://name' (TF.js LayersModel format). */
  save(url: string): Promise<void> {
    return this.guarded(async () => {
      const m = /^downloads:\/\/(.*)$/.exec(url);
      if (m) return downloadFiles(await this.call('exportFiles', m[1] || this.id));
      if (!/^(indexeddb|localstorage):\/\//.test(url)) throw new AEError('input-invalid', `save(): use "indexeddb://name" or "downloads://name"; got "${url}".`);
      await this.call('save', url);
    });
  }

  /**
   * The model as files in memory: model.json text and one weights buffer, optionally
   * quantised to float16 or uint8 (tfjs dequantises them on load).
   */
  exportFiles(name = this.id, options: { quantize?: 'float16' | 'uint8' } = {}): Promise<ModelFiles> {
    return this.guarded(() => this.call('exportFiles', name, options.quantize));
  }

  /** Loads weights from a model.json URL, 'indexeddb://name', or the files of a file input. */
  load(source: string | File[] | FileList): Promise<void> {
    this.stop();
    return this.exclusive(async () => {
      let src: WeightsSource;
      if (typeof source === 'string') src = source.startsWith('indexeddb://') ? { kind: 'indexeddb', url: source } : { kind: 'url', url: absolute(source) };
      else src = { kind: 'files', files: await readFiles(source) };
      this.spec = await this.call('load', src);
      this.pretrained = true;
      this.error = null;
      this.dispatch('specchange', { spec: this.spec });
    });
  }

  /** Tensors and bytes held by this store's engine (shared with other stores on it). */
  memory(): Promise<{ numTensors: number; numBytes: number }> {
    return this.guarded(() => this.host!.channel.call('memory'));
  }

  /** Frees the model; the id can be used again with getModelStore(). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.stop();
    this.unlisten?.();
    const host = this.host;
    this.host = null;
    if (!host) return;
    await host.channel.call('close', this.id);
    await this.release(host, this.dataKey);
    releaseHost(host, this.id);
  }

  override addEventListener<K extends keyof StoreEventMap>(type: K, listener: (ev: StoreEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    super.addEventListener(type, listener, options);
  }
}
