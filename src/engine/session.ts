import * as tf from '@tensorflow/tfjs-core';
import { AEError, shown } from './errors.js';
import { buildAutoencoder, disposeAutoencoder, type Autoencoder } from './model.js';
import { encodeTensor, reconstructTensor } from './losses.js';
import { assignWeights, exportFiles, loadArtifacts, saveToUrl, type SavedMeta } from './persistence.js';
import type { Quantization } from './quantize.js';
import { normalizeSpec, type ModelSpec } from './spec.js';
import { evaluate, trainLoop } from './trainer.js';
import type { DenoiseEvaluation, Metrics, Projection, ReconstructionErrors, Split, TrainOptions, TrainResult, WeightsSource } from './types.js';
import { corrupt } from './noise.js';
import * as analysis from './analysis.js';
import type { NoiseType } from './spec.js';
import { CONV_TRAINING_KERNELS, missingKernels } from './backends.js';
import type { EmitFn, SessionStatus } from './protocol.js';
import { Leases } from './leases.js';
import { SAMPLE_KINDS, describeShape, sameShape, sampleDims, sampleShapeOf, sampleSize, type DeviceDataset, type SampleShape } from './sample.js';
import { mapChunks } from './chunks.js';
import { checkInput, codesOf, samplesOf, type InputKind } from './inputs.js';

const WEIGHTS_EVENT_MS = 400;

/**
 * Adam with an explicit epsilon: tfjs defaults it to the backend's epsilon, which is
 * 1e-4 on WebGL. Against per-weight gradients near 1e-5 that shrinks every step about
 * tenfold and the model barely trains there. 1e-7 is Keras's default.
 */
const newOptimizer = (lr = 1e-3) => tf.train.adam(lr, 0.9, 0.999, 1e-7);

/** One store's model on the engine side: build, train, infer, persist. */
export class Session {
  private ae: Autoencoder;
  /** Replaced models stay alive until the calls reading them end. */
  private models = new Leases<Autoencoder>(disposeAutoencoder);
  private optimizer: tf.AdamOptimizer;
  private status: SessionStatus = 'ready';
  private stopping = false;
  private resumeGate: (() => void) | null = null;
  private running: Promise<TrainResult> | null = null;
  private lastWeightsEvent = 0;
  /** Models loaded by stageWeights, waiting for useStaged. */
  private staged = new Map<number, Autoencoder>();
  private stagedCount = 0;
  /** Steps trained since the weights were initialised or loaded. */
  private stepsTrained = 0;

  constructor(
    readonly id: string,
    spec: ModelSpec,
    public ds: DeviceDataset,
    private emit: EmitFn,
  ) {
    checkModel(spec, ds.shape);
    this.ae = buildAutoencoder(spec, ds.shape, ds.meanSample);
    this.optimizer = newOptimizer();
  }

  get spec(): ModelSpec {
    return this.ae.spec;
  }

  /** New architecture or new data: stop training, rebuild with fresh weights. */
  async rebuild(spec: ModelSpec = this.ae.spec, ds: DeviceDataset = this.ds): Promise<void> {
    checkModel(spec, ds.shape);
    await this.halt();
    const next = buildAutoencoder(spec, ds.shape, ds.meanSample);
    this.replace(next);
    this.ds = ds;
    this.emit(this.id, 'weightschange', { reason: 'reset' });
  }

  /** Fresh weights for the same spec. */
  reset(): Promise<void> {
    return this.rebuild();
  }

  /** The same samples with more of them (the train split arrived): the model is kept. */
  useDataset(ds: DeviceDataset) {
    if (!sameShape(ds.shape, this.ds.shape)) throw new AEError('dataset-invalid', `A model of ${describeShape(this.ds.shape)} samples cannot move to a dataset of ${describeShape(ds.shape)} samples.`);
    this.ds = ds;
  }

  /** Runs `op` on the current model, which stays alive until it ends. */
  private withModel<R>(op: (ae: Autoencoder) => Promise<R>): Promise<R> {
    const ae = this.ae;
    return this.models.with(ae, () => op(ae));
  }

  private replace(next: Autoencoder) {
    this.models.retire(this.ae);
    this.optimizer.dispose();
    this.ae = next;
    this.optimizer = newOptimizer();
    this.stepsTrained = 0;
  }

  private setStatus(status: SessionStatus) {
    if (this.status === status) return;
    this.status = status;
    this.emit(this.id, 'statechange', { status });
  }

  async train(opts: TrainOptions): Promise<TrainResult> {
    if (this.running) throw new AEError('busy', 'This model is already training; pause, stop or wait for it first.');
    // `stopping` may already be set: a stop sent while this run was queued ends it at once.
    const { data } = this.ds;
    if (!data.trainIndices.length) throw new AEError('not-ready', `Dataset "${data.name}" has no train images loaded here; the store loads them before training.`);
    this.setStatus('training');
    this.running = trainLoop(
      {
        ae: this.ae,
        optimizer: this.optimizer,
        samples: this.ds.samples,
        trainIndices: data.trainIndices,
        testIndices: data.testIndices,
        seed: this.ae.spec.seed,
        stepsBefore: this.stepsTrained,
        gate: () => this.gate(),
        onProgress: (p) => {
          this.emit(this.id, 'progress', p);
          if (p.phase === 'step' && performance.now() - this.lastWeightsEvent > WEIGHTS_EVENT_MS) this.weightsChanged();
        },
        onWeights: () => this.weightsChanged(),
      },
      opts,
    );
    try {
      const result = await this.running;
      this.stepsTrained += result.steps;
      return result;
    } finally {
      this.running = null;
      this.stopping = false;
      this.resumeGate = null;
      this.setStatus('ready');
      this.weightsChanged();
    }
  }

  private weightsChanged() {
    this.lastWeightsEvent = performance.now();
    this.emit(this.id, 'weightschange', { reason: 'train' });
  }

  private async gate(): Promise<boolean> {
    if (this.status === 'paused' && !this.stopping) await new Promise<void>((r) => (this.resumeGate = r));
    return !this.stopping;
  }

  pause() {
    if (this.status === 'training') this.setStatus('paused');
  }

  resume() {
    if (this.status !== 'paused') return;
    this.setStatus('training');
    this.resumeGate?.();
    this.resumeGate = null;
  }

  stop() {
    this.stopping = true;
    this.resumeGate?.();
    this.resumeGate = null;
  }

  /** Stops any training and waits for the loop to let go of the model. */
  async halt() {
    if (!this.running) return;
    this.stop();
    await this.running.catch(() => undefined);
  }

  encode(images: Float32Array, n: number): Promise<Float32Array> {
    return this.withModel((ae) => this.batched('encode()', images, n, samplesOf(ae.shape), ae.spec.latentDim, (x) => encodeTensor(ae, x)));
  }

  reconstruct(images: Float32Array, n: number): Promise<Float32Array> {
    return this.withModel((ae) => this.batched('reconstruct()', images, n, samplesOf(ae.shape), this.size, (x) => reconstructTensor(ae, x)));
  }

  decode(latents: Float32Array, n: number): Promise<Float32Array> {
    return this.withModel((ae) => this.batched('decode()', latents, n, codesOf(ae.spec.latentDim), this.size, (z) => ae.decoder.apply(z) as tf.Tensor));
  }

  /** Corrupts samples as denoising training would (seeded), for showing what the model undoes. */
  async corrupt(images: Float32Array, n: number, noiseType: NoiseType, noise: number, seed: number): Promise<Float32Array> {
    return this.batched('corrupt()', images, n, samplesOf(this.ae.shape), this.size, (x) => corrupt(x, noiseType, noise, seed));
  }

  private get size() {
    return sampleSize(this.ae.shape);
  }

  /** Checks a flat input of `n` items, then maps it chunk by chunk, shaped for the model. */
  private async batched(call: string, input: Float32Array, n: number, kind: InputKind, outSize: number, fn: (x: tf.Tensor) => tf.Tensor): Promise<Float32Array> {
    checkInput(call, input, n, kind);
    const dims = kind.what === 'codes' ? [kind.size] : sampleDims(this.ae.shape);
    return mapChunks(n, outSize, (start, end) => fn(tf.tensor(input.subarray(start * kind.size, end * kind.size), [end - start, ...dims])));
  }

  evaluate() {
    return this.withModel((ae) => this.evaluateModel(ae));
  }

  private evaluateModel(ae: Autoencoder) {
    return evaluate(ae, this.ds.samples, this.ds.data.testIndices, ae.spec.seed || 1);
  }

  metrics(): Promise<Metrics> {
    return this.withModel(async (ae) => analysis.metrics(ae, this.ds, (await this.evaluateModel(ae)).testMse));
  }

  codes(split: Split): Promise<Projection> {
    return this.withModel((ae) => analysis.projectModel(ae, this.ds, split));
  }

  pcaCodes(components: number, split: Split) {
    return analysis.projectPca(this.ds, components, split);
  }

  classify(images: Float32Array, n: number): Promise<Uint8Array> {
    return analysis.classify(this.ds, images, n);
  }

  reconstructionErrors(split: Split): Promise<ReconstructionErrors> {
    return this.withModel((ae) => analysis.reconstructionErrors(ae, this.ds, split));
  }

  evaluateDenoising(noiseType: NoiseType, noise: number, seed = 1): Promise<DenoiseEvaluation> {
    return this.withModel((ae) => analysis.evaluateDenoising(ae, this.ds, noiseType, noise, seed));
  }

  /**
   * Reads and checks weights into a new model beside the current one, which goes on
   * training; `useStaged` puts it in place. A bad file changes nothing.
   */
  async stageWeights(source: WeightsSource): Promise<{ token: number; spec: ModelSpec }> {
    const artifacts = await loadArtifacts(source);
    const spec = savedSpec(artifacts.meta, artifacts.from) ?? this.ae.spec;
    const saved = savedShape(artifacts.meta, artifacts.from);
    if (saved && describeShape(saved) !== describeShape(this.ds.shape)) {
      throw new AEError('weights-shape-mismatch', `${artifacts.from} was trained on ${describeShape(saved)} samples; this store's data holds ${describeShape(this.ds.shape)} samples. Load it into a store with matching data.`, { saved, data: this.ds.shape });
    }
    checkModel(spec, this.ds.shape);
    const next = buildAutoencoder(spec, this.ds.shape);
    try {
      assignWeights(next, artifacts);
    } catch (e) {
      disposeAutoencoder(next);
      throw e;
    }
    const token = ++this.stagedCount;
    this.staged.set(token, next);
    return { token, spec };
  }

  /** Ends any training run and swaps in a model made by `stageWeights`. */
  async useStaged(token: number): Promise<ModelSpec> {
    const next = this.staged.get(token);
    if (!next) throw new AEError('not-ready', `No loaded weights are waiting under ${shown(token)}; call stageWeights first.`);
    this.staged.delete(token);
    if (!sameShape(next.shape, this.ds.shape)) {
      disposeAutoencoder(next);
      throw new AEError('weights-shape-mismatch', `The loaded model takes ${describeShape(next.shape)} samples, but the store's data changed to ${describeShape(this.ds.shape)} samples meanwhile.`);
    }
    await this.halt();
    this.replace(next);
    this.emit(this.id, 'weightschange', { reason: 'load' });
    return next.spec;
  }

  /** Loads weights and puts them in place at once. */
  async load(source: WeightsSource): Promise<ModelSpec> {
    return this.useStaged((await this.stageWeights(source)).token);
  }

  save(url: string) {
    return this.withModel((ae) => saveToUrl(ae, url));
  }

  exportFiles(name: string, quantize?: Quantization) {
    return this.withModel((ae) => exportFiles(ae, name, quantize));
  }

  async dispose() {
    await this.halt();
    this.staged.forEach(disposeAutoencoder);
    this.staged.clear();
    this.models.retire(this.ae);
    this.optimizer.dispose();
  }
}

/** Whether this model can be built for these samples and trained on this backend. */
function checkModel(spec: ModelSpec, shape: SampleShape) {
  if (spec.kind !== 'conv') return;
  if (shape.kind !== 'image') throw new AEError('spec-invalid', `A convolutional model needs image samples; this dataset holds a ${describeShape(shape)}. Choose a dense kind.`, { field: 'kind' });
  const backend = tf.getBackend();
  const missing = missingKernels(backend, CONV_TRAINING_KERNELS);
  if (missing.length) {
    throw new AEError('backend-unsupported', `Convolutional models cannot train on the ${backend} backend (it lacks ${missing.join(', ')}). Choose another with configure({ backend }).`, { backend, missing });
  }
}

/** The spec a saved model records, checked: a file's bad spec is the file's fault. */
function savedSpec(meta: SavedMeta | undefined, from: string): ModelSpec | undefined {
  if (!meta?.spec) return undefined;
  try {
    return normalizeSpec(meta.spec);
  } catch (e) {
    throw new AEError('weights-invalid', `${from} records a model spec this library cannot build: ${(e as Error).message}`);
  }
}

/** The sample shape a saved model records (older files: height, width and channels alone). */
function savedShape(meta: SavedMeta | undefined, from: string): SampleShape | undefined {
  const shape = meta?.shape as (Partial<SampleShape> & { height?: number; width?: number; channels?: number }) | undefined;
  if (!shape) return undefined;
  const kind = shape.kind ?? 'image';
  if (!SAMPLE_KINDS.includes(kind)) throw new AEError('weights-invalid', `${from} records samples of kind ${shown(kind)}; known: ${SAMPLE_KINDS.join(', ')}.`);
  return sampleShapeOf({ sample: kind, height: shape.height ?? 1, width: kind === 'vector' ? (shape as { length?: number }).length ?? NaN : shape.width ?? NaN, channels: shape.channels ?? 1 });
}
