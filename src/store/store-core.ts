import type { BackendChoice, BackendName } from '../engine/backends.js';
import { fetchDataset, fetchTrainPart, type Dataset } from '../engine/dataset.js';
import { AEError } from '../engine/errors.js';
import type { NestedText } from '../l10n/english.js';
import type { HostEvents, SessionArgs, SessionOp, SessionResult, SessionStatus } from '../engine/protocol.js';
import { normalizeSpec, type ModelSpec } from '../engine/spec.js';
import type { TrainProgress } from '../engine/types.js';
import { absolute, getConfig, getHost, type Host } from './config.js';
import { PRESETS, presetWeightsUrl, type Preset } from './presets.js';
import { dataUrlOf, defaultDataUrl } from './data-sources.js';

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'training' | 'paused' | 'error';

export interface StoreEventMap {
  progress: CustomEvent<TrainProgress>;
  statechange: CustomEvent<{ status: StoreStatus }>;
  weightschange: CustomEvent<HostEvents['weightschange']>;
  specchange: CustomEvent<{ spec: ModelSpec }>;
  /** The dataset changed: `train-split` when the train images of the bundled data arrived (same test images, same indices), `replaced` after setDataset(). */
  datachange: CustomEvent<{ dataset: Dataset; reason: 'train-split' | 'replaced' }>;
  error: CustomEvent<{ error: AEError; code: AEError['code']; message: string }>;
}


const bundled = new Map<string, Promise<Dataset>>();
/** dataChoice.url of a store given its data by setDataset(). */
export const CUSTOM = 'custom';
const whole = new Map<string, Promise<Dataset>>();

/** One fetch per URL for the whole page; a failed one is tried again next time. */
function cached(map: Map<string, Promise<Dataset>>, key: string, load: () => Promise<Dataset>): Promise<Dataset> {
  let p = map.get(key);
  if (!p) {
    p = load();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}

/**
 * A store's connection to its engine: startup, the preset's weights, the queue that
 * serialises model-changing operations, and error/status reporting. ModelStore adds
 * the public operations on top.
 */
export abstract class StoreCore extends EventTarget {
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

  protected host: Host | null = null;
  protected data: Dataset | null = null;
  /** The data named by useData() (an element's `data` attribute), or by setDataset() ('custom'). */
  protected dataChoice: { url: string; by: string | NestedText } | null = null;
  /** The data URL this store loaded, once it has started loading. */
  private loadedFrom: string | null = null;
  protected dataKey = '';
  private starting: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Serialises moving the model between datasets (attach, joining the train split). */
  private binding: Promise<unknown> = Promise.resolve();
  private joining: Promise<void> | null = null;
  protected disposed = false;
  protected unlisten: (() => void) | null = null;
  /** A train() call is queued or running. */
  protected runActive = false;

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
    if (this.disposed) return Promise.reject(AEError.of('disposed', 'error.storeDisposed', { id: this.id }));
    this.starting ??= this.start().catch((e) => {
      this.starting = this.host ? Promise.resolve() : null; // null: a later call tries again
      throw this.fail(e);
    });
    return this.starting;
  }

  private async start() {
    this.setStatus('loading');
    const data = await this.bundledDataset();
    await this.attach(await getHost(), data, this.spec, `bundled:${this.dataUrl}`);
    this.setStatus('ready');
    if (this.preset) await this.loadPreset();
  }

  /** Where this store's data comes from: useData(), else the preset's dataset, else the configured `dataUrl`. */
  get dataUrl(): string {
    const chosen = this.dataChoice?.url === CUSTOM ? null : this.dataChoice?.url;
    return this.loadedFrom ?? chosen ?? defaultDataUrl(this.preset);
  }

  /**
   * Names the data this store trains and draws on: a bundled dataset ("mnist-10k",
   * "emoji-32") or the URL of a dataset file. Must come before the store loads its data,
   * or name the data it already has (a preset's is the data it was trained on);
   * otherwise it throws `data-conflict`.
   */
  useData(source: string, by = 'useData()'): void {
    const url = dataUrlOf(source);
    const current =
      this.dataChoice ??
      (this.loadedFrom ? { url: this.loadedFrom, by: { key: 'error.byStore' } } : this.preset ? { url: defaultDataUrl(this.preset), by: { key: 'error.byPreset', args: { id: this.id } } } : null);
    if (current?.url === url) return;
    if (current) {
      const what = current.url === CUSTOM ? { key: 'error.dataCustom' } : current.url;
      throw AEError.of('data-conflict', 'error.dataConflict', { id: this.id, what, by: current.by, asker: by, source }, { current: current.url, asked: url });
    }
    this.dataChoice = { url, by };
  }

  protected bundledDataset(): Promise<Dataset> {
    const url = this.dataUrl;
    this.loadedFrom = url;
    const loading = cached(bundled, url, () => fetchDataset(url));
    // A failed load binds nothing: the next try follows the configuration again.
    loading.catch(() => this.loadedFrom === url && !this.data && (this.loadedFrom = null));
    return loading;
  }

  /** Opens this store's model on a host with the dataset known there as `key`. */
  protected attach(host: Host, data: Dataset, spec: ModelSpec, key: string): Promise<void> {
    return this.bind(() => this.attachNow(host, data, spec, key));
  }

  private bind<T>(op: () => Promise<T>): Promise<T> {
    const run = this.binding.then(op);
    this.binding = run.catch(() => undefined);
    return run;
  }

  private async copyTo(host: Host, key: string, data: Dataset) {
    let copy = host.datasets.get(key);
    if (!copy) {
      copy = host.channel.call('putDataset', key, data);
      host.datasets.set(key, copy);
      copy.catch(() => host.datasets.delete(key));
    }
    await copy;
  }

  private async attachNow(host: Host, data: Dataset, spec: ModelSpec, key: string): Promise<void> {
    await this.copyTo(host, key, data);
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

  /**
   * Makes sure the model sees the train split: the bundled data starts as its test part,
   * and this loads the train part and moves the model onto the whole set, weights kept.
   * Test images keep their indices. Training, train codes and kNN call this first.
   */
  protected withTrainSplit(): Promise<void> {
    const test = this.data;
    const host = this.host;
    if (!test?.trainPart || !host) return Promise.resolve();
    this.joining ??= this.join(host, test).finally(() => (this.joining = null));
    return this.joining;
  }

  private async join(host: Host, test: Dataset) {
    const data = await cached(whole, test.trainPart!, () => fetchTrainPart(test));
    const key = `whole:${test.trainPart}`;
    await this.copyTo(host, key, data);
    await this.bind(async () => {
      if (this.host !== host || this.data !== test) return; // the store moved on meanwhile
      await host.channel.call('rebind', this.id, key);
      const previous = this.dataKey;
      this.data = data;
      this.dataKey = key;
      await this.release(host, previous);
      this.dispatch('datachange', { dataset: data, reason: 'train-split' });
    });
  }

  /** Frees a dataset copy in an engine once no session there uses it. */
  protected async release(host: Host, key: string) {
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

  protected async loadPreset() {
    const url = presetWeightsUrl(absolute(getConfig().weightsBase), this.preset!.id);
    try {
      this.spec = await this.call('load', { kind: 'url', url });
      this.pretrained = true;
      this.dispatch('specchange', { spec: this.spec });
    } catch (e) {
      const err = AEError.from(e);
      if (err.code === 'weights-fetch-failed' && err.details?.status === 404) {
        throw AEError.of('weights-missing', 'weights.presetMissing', { id: this.id, url }, { url });
      }
      throw err;
    }
  }

  /** Runs one of this store's session operations in the engine. */
  protected call<O extends SessionOp>(op: O, ...args: SessionArgs<O>): Promise<SessionResult<O>> {
    const host = this.host;
    if (!host) return Promise.reject(AEError.of('not-ready', 'error.storeNotReady', { id: this.id }));
    return host.channel.call('session', this.id, op, args) as Promise<SessionResult<O>>;
  }

  /** Runs `op` after earlier model-changing operations, and reports its failure. */
  protected exclusive<T>(op: () => Promise<T>): Promise<T> {
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
  protected async readyQuietly() {
    try {
      await this.ready();
    } catch (e) {
      if (!this.host) throw e;
    }
  }

  protected async guarded<T>(op: () => Promise<T>): Promise<T> {
    try {
      await this.readyQuietly();
      return await op();
    } catch (e) {
      throw this.fail(e);
    }
  }

  protected fail(e: unknown): AEError {
    const err = AEError.from(e);
    this.error = err;
    if (this.status === 'loading') this.setStatus(this.host ? 'ready' : 'error');
    this.dispatch('error', { error: err, code: err.code, message: err.message });
    return err;
  }

  protected setStatus(status: StoreStatus) {
    if (status === this.status) return;
    this.status = status;
    this.dispatch('statechange', { status });
  }

  protected dispatch(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}
