import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendChoice } from './backends.js';
import { meanOf, type Dataset } from './dataset.js';
import { AEError } from './errors.js';
import type { EmitFn, HostApi } from './protocol.js';
import { Leases } from './leases.js';
import { Session } from './session.js';
import { toDevice } from './chunks.js';
import type { DeviceDataset } from './sample.js';
import { disposePca } from './metrics.js';
import type { Quantization } from './quantize.js';
import type { ModelSpec, NoiseType } from './spec.js';
import type { Split, TrainOptions, WeightsSource } from './types.js';

/**
 * The engine's face to the main thread: one backend, shared datasets, a session per
 * store. Runs inside a module Worker (see worker.ts) or directly in the page.
 */
export class EngineHost implements HostApi {
  private datasets = new Map<string, DeviceDataset>();
  private sessions = new Map<string, Session>();
  /** A dropped dataset stays until the calls reading it end. */
  private dataLeases = new Leases<DeviceDataset>(freeDataset);
  private choice: Promise<BackendChoice> | null = null;

  constructor(private emit: EmitFn) {}

  init(opts: Parameters<HostApi['init']>[0]) {
    this.choice ??= initBackend(opts);
    return this.choice;
  }

  async putDataset(key: string, data: Dataset) {
    if (this.datasets.has(key)) return;
    const { trainIndices, basis } = data;
    // A test part ships the train mean, so fresh models start alike before and after its train part loads.
    const mean = trainIndices.length || !basis ? meanOf(data.images, trainIndices, data.images.length / data.n) : basis.mean;
    this.datasets.set(key, toDevice(data, mean));
  }

  async dropDataset(key: string) {
    const ds = this.datasets.get(key);
    if (!ds || [...this.sessions.values()].some((s) => s.ds === ds)) return false;
    this.datasets.delete(key);
    this.dataLeases.retire(ds);
    return true;
  }

  /** Moves a session to another dataset of the same images (a test part joined by its train part). */
  async rebind(id: string, datasetKey: string) {
    this.session(id).useDataset(this.dataset(datasetKey));
  }

  private dataset(key: string): DeviceDataset {
    const ds = this.datasets.get(key);
    if (!ds) throw new AEError('not-ready', `Dataset "${key}" has not been loaded into the engine.`);
    return ds;
  }

  private session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new AEError('not-ready', `Model "${id}" is not open.`);
    return s;
  }

  async open(id: string, spec: ModelSpec, datasetKey: string) {
    const existing = this.sessions.get(id);
    if (existing) return existing.rebuild(spec, this.dataset(datasetKey));
    this.sessions.set(id, new Session(id, spec, this.dataset(datasetKey), this.emit));
  }

  async close(id: string) {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    await s?.dispose();
  }

  /** Runs a call that reads the session's dataset, keeping that dataset alive until it ends. */
  private withData<T>(id: string, op: (s: Session) => Promise<T>): Promise<T> {
    const s = this.session(id);
    return this.dataLeases.with(s.ds, () => op(s));
  }

  reset = (id: string) => this.session(id).rebuild();
  train = (id: string, opts: TrainOptions) => this.withData(id, (s) => s.train(opts));
  pause = async (id: string) => this.session(id).pause();
  resume = async (id: string) => this.session(id).resume();
  stop = async (id: string) => this.session(id).stop();
  encode = (id: string, images: Float32Array, n: number) => this.session(id).encode(images, n);
  decode = (id: string, latents: Float32Array, n: number) => this.session(id).decode(latents, n);
  reconstruct = (id: string, images: Float32Array, n: number) => this.session(id).reconstruct(images, n);
  evaluate = (id: string) => this.withData(id, (s) => s.evaluate());
  metrics = (id: string) => this.withData(id, (s) => s.metrics());
  codes = (id: string, split: Split) => this.withData(id, (s) => s.codes(split));
  pcaCodes = (id: string, components: number, split: Split) => this.withData(id, (s) => s.pcaCodes(components, split));
  classify = (id: string, images: Float32Array, n: number) => this.withData(id, (s) => s.classify(images, n));
  corrupt = (id: string, images: Float32Array, n: number, noiseType: NoiseType, noise: number, seed: number) => this.session(id).corrupt(images, n, noiseType, noise, seed);
  reconstructionErrors = (id: string, split: Split) => this.withData(id, (s) => s.reconstructionErrors(split));
  evaluateDenoising = (id: string, noiseType: NoiseType, noise: number, seed?: number) => this.withData(id, (s) => s.evaluateDenoising(noiseType, noise, seed));
  load = (id: string, source: WeightsSource) => this.session(id).load(source);
  save = (id: string, url: string) => this.session(id).save(url);
  exportFiles = (id: string, name: string, quantize?: Quantization) => this.session(id).exportFiles(name, quantize);

  async memory() {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  }
}

function freeDataset(ds: DeviceDataset) {
  ds.samples.dispose();
  for (const pca of ds.pcas.values()) void pca.then(disposePca, () => undefined);
}
