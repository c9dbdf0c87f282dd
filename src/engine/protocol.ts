import type { BackendChoice, BackendOptions } from './backends.js';
import type { Dataset } from './dataset.js';
import type { SerializedError } from './errors.js';
import type { Session } from './session.js';
import type { ModelSpec } from './spec.js';
import type { TrainProgress } from './types.js';

/** Test-split figures of the current weights. */
export interface Evaluation {
  testLoss: number;
  testMse: number;
  /** KL term of a VAE (0 for other kinds). */
  testKl: number;
  /** The kind's named loss terms, when it has any. */
  testTerms?: Record<string, number>;
}

export type SessionStatus = 'ready' | 'training' | 'paused';

/**
 * What a store may ask of its session. Each operation is written once, as a method of
 * Session, and reaches it through the one `session` route below, in a Worker or in the page.
 */
export const SESSION_OPS = [
  'train', 'pause', 'resume', 'stop', 'reset',
  'encode', 'decode', 'reconstruct', 'corrupt', 'classify',
  'evaluate', 'metrics', 'codes', 'pcaCodes', 'samplePrior', 'reconstructionErrors', 'evaluateDenoising', 'knn', 'knnQuery',
  'load', 'stageWeights', 'useStaged', 'save', 'exportFiles',
] as const;
export type SessionOp = (typeof SESSION_OPS)[number];
export type SessionArgs<O extends SessionOp> = Parameters<Session[O]>;
export type SessionResult<O extends SessionOp> = Awaited<ReturnType<Session[O]>>;

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
  /** Runs one of SESSION_OPS on a session, its dataset kept alive until the call ends. */
  session<O extends SessionOp>(session: string, op: O, args: SessionArgs<O>): Promise<SessionResult<O>>;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
}

export type HostMethod = keyof HostApi;
export type HostResult<M extends HostMethod> = Awaited<ReturnType<HostApi[M]>>;

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
