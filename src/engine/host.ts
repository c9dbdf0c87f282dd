import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendChoice } from './backends.js';
import { meanOf, type Dataset } from './dataset.js';
import { AEError, shown } from './errors.js';
import { SESSION_OPS, type EmitFn, type HostApi, type SessionArgs, type SessionOp, type SessionResult } from './protocol.js';
import { Leases } from './leases.js';
import { Session } from './session.js';
import { toDevice } from './chunks.js';
import { standardise } from './scaling.js';
import type { DeviceDataset } from './sample.js';
import { disposePca } from './metrics.js';
import type { ModelSpec } from './spec.js';

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
    const { trainIndices, basis, scaling } = data;
    const values = scaling ? standardise(data.images, scaling) : data.images;
    // A test part ships the train mean, so fresh models start alike before and after its train part loads.
    const mean = trainIndices.length || !basis ? meanOf(values, trainIndices, values.length / data.n) : basis.mean;
    this.datasets.set(key, toDevice(data, values, mean));
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
    this.opened(id).useDataset(this.dataset(datasetKey));
  }

  private dataset(key: string): DeviceDataset {
    const ds = this.datasets.get(key);
    if (!ds) throw AEError.of('not-ready', 'error.noDataset', { key });
    return ds;
  }

  private opened(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw AEError.of('not-ready', 'error.notOpen', { id });
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

  /** Runs a session operation, keeping the session's dataset alive until it ends. */
  session<O extends SessionOp>(id: string, op: O, args: SessionArgs<O>): Promise<SessionResult<O>> {
    if (!SESSION_OPS.includes(op)) throw AEError.of('input-invalid', 'error.noSessionOp', { got: shown(op) });
    const s = this.opened(id);
    const fn = s[op] as (...a: unknown[]) => Promise<SessionResult<O>>;
    return this.dataLeases.with(s.ds, () => fn.apply(s, args));
  }

  async memory() {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  }
}

function freeDataset(ds: DeviceDataset) {
  ds.samples.dispose();
  for (const pca of ds.pcas.values()) void pca.then(disposePca, () => undefined);
}
