import type { BackendChoice, BackendOptions } from './backends.js';
import type { Dataset } from './dataset.js';
import type { SerializedError } from './errors.js';
import type { Quantization } from './quantize.js';
import type { ModelSpec, NoiseType } from './spec.js';
import type { DenoiseEvaluation, Metrics, ModelFiles, Projection, ReconstructionErrors, Split, TrainOptions, TrainProgress, TrainResult, WeightsSource } from './types.js';

/** Test-split figures of the current weights. */
export interface Evaluation {
  testLoss: number;
  testMse: number;
  /** KL term of a VAE (0 for other kinds). */
  testKl: number;
}

export type SessionStatus = 'ready' | 'training' | 'paused';

/** Everything the main thread may ask of an engine host; plain data in and out. */
export interface HostApi {
  init(opts: BackendOptions): Promise<BackendChoice>;
  putDataset(key: string, dataset: Dataset): Promise<void>;
  /** Frees a dataset no session uses; false when one still does. */
  dropDataset(key: string): Promise<boolean>;
  open(session: string, spec: ModelSpec, datasetKey: string): Promise<void>;
  /** Moves a session, model kept, to a dataset holding the same images and more. */
  rebind(session: string, datasetKey: string): Promise<void>;
  close(session: string): Promise<void>;
  reset(session: string): Promise<void>;
  train(session: string, opts: TrainOptions): Promise<TrainResult>;
  pause(session: string): Promise<void>;
  resume(session: string): Promise<void>;
  stop(session: string): Promise<void>;
  encode(session: string, images: Float32Array, n: number): Promise<Float32Array>;
  decode(session: string, latents: Float32Array, n: number): Promise<Float32Array>;
  reconstruct(session: string, images: Float32Array, n: number): Promise<Float32Array>;
  evaluate(session: string): Promise<Evaluation>;
  metrics(session: string): Promise<Metrics>;
  codes(session: string, split: Split): Promise<Projection>;
  /** A split through a PCA fitted on the train split (cached per dataset), with its test MSE. */
  pcaCodes(session: string, components: number, split: Split): Promise<Projection & { testMse: number }>;
  classify(session: string, images: Float32Array, n: number): Promise<Uint8Array>;
  corrupt(session: string, images: Float32Array, n: number, noiseType: NoiseType, noise: number, seed: number): Promise<Float32Array>;
  reconstructionErrors(session: string, split: Split): Promise<ReconstructionErrors>;
  evaluateDenoising(session: string, noiseType: NoiseType, noise: number, seed?: number): Promise<DenoiseEvaluation>;
  load(session: string, source: WeightsSource): Promise<ModelSpec>;
  save(session: string, url: string): Promise<void>;
  exportFiles(session: string, name: string, quantize?: Quantization): Promise<ModelFiles>;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
}

export type HostMethod = keyof HostApi;

export interface HostEvents {
  progress: TrainProgress;
  statechange: { status: SessionStatus };
  weightschange: { reason: 'train' | 'reset' | 'load' | 'spec' };
}

export type CallMessage = { type: 'call'; id: number; method: HostMethod; args: unknown[] };
export type ReplyMessage =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'event'; session: string; name: keyof HostEvents; detail: unknown };

export type EmitFn = <K extends keyof HostEvents>(session: string, name: K, detail: HostEvents[K]) => void;
