import * as tf from '@tensorflow/tfjs-core';
import { AEError } from './errors.js';
import { buildAutoencoder, disposeAutoencoder, type Autoencoder, type ImageShape } from './model.js';
import { encodeTensor, reconstructTensor } from './losses.js';
import { assignWeights, exportFiles, loadArtifacts, saveToUrl } from './persistence.js';
import type { Quantization } from './quantize.js';
import { normalizeSpec, type ModelSpec } from './spec.js';
import { evaluate, trainLoop } from './trainer.js';
import { nextTask } from './schedule.js';
import type { DenoiseEvaluation, Metrics, TrainOptions, TrainResult, WeightsSource } from './types.js';
import { corrupt } from './noise.js';
import type { NoiseType } from './spec.js';
import { fitPca, knnAccuracy, knnPredict, pcaDecode, pcaEncode, type Pca } from './metrics.js';
import { CONV_TRAINING_KERNELS, missingKernels } from './backends.js';
import type { EmitFn, SessionStatus } from './protocol.js';
import type { Dataset } from './dataset.js';

/** A dataset as the engine holds it: on the backend, with the mean training image. */
export interface DeviceDataset {
  data: Dataset;
  images: tf.Tensor4D;
  meanImage: Float32Array;
  /** PCAs fitted on the train split, by number of components (fitted on first use). */
  pcas: Map<number, Promise<Pca>>;
}

const WEIGHTS_EVENT_MS = 400;
const CHUNK = 1000;

/**
 * Adam with an explicit epsilon: tfjs defaults it to the backend's epsilon, which is
 * 1e-4 on WebGL. Against per-weight gradients near 1e-5 that shrinks every step about
 * tenfold and the model barely trains there. 1e-7 is Keras's default.
 */
const newOptimizer = (lr = 1e-3) => tf.train.adam(lr, 0.9, 0.999, 1e-7);

/** One store's model on the engine side: build, train, infer, persist. */
export class Session {
  private ae: Autoencoder;
  private optimizer: tf.AdamOptimizer;
  private status: SessionStatus = 'ready';
  private stopping = false;
  private resumeGate: (() => void) | null = null;
  private running: Promise<TrainResult> | null = null;
  private lastWeightsEvent = 0;
  /** Steps trained since the weights were initialised or loaded. */
  private stepsTrained = 0;

  constructor(
    readonly id: string,
    spec: ModelSpec,
    public ds: DeviceDataset,
    private emit: EmitFn,
  ) {
    checkKernels(spec);
    this.ae = buildAutoencoder(spec, shapeOf(ds.data), ds.meanImage);
    this.optimizer = newOptimizer();
  }

  get spec(): ModelSpec {
    return this.ae.spec;
  }

  /** New architecture or new data: stop training, rebuild with fresh weights. */
  async rebuild(spec: ModelSpec = this.ae.spec, ds: DeviceDataset = this.ds): Promise<void> {
    checkKernels(spec);
    await this.halt();
    const next = buildAutoencoder(spec, shapeOf(ds.data), ds.meanImage);
    this.replace(next);
    this.ds = ds;
    this.emit(this.id, 'weightschange', { reason: 'reset' });
  }

  private replace(next: Autoencoder) {
    disposeAutoencoder(this.ae);
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
    this.setStatus('training');
    const { data } = this.ds;
    this.running = trainLoop(
      {
        ae: this.ae,
        optimizer: this.optimizer,
        images: this.ds.images,
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

  async encode(images: Float32Array, n: number): Promise<Float32Array> {
    return this.batched(images, n, this.pixels, this.ae.spec.latentDim, 'images', (x) => encodeTensor(this.ae, tf.reshape(x, [-1, ...this.imageDims])));
  }

  async reconstruct(images: Float32Array, n: number): Promise<Float32Array> {
    return this.batched(images, n, this.pixels, this.pixels, 'images', (x) => reconstructTensor(this.ae, tf.reshape(x, [-1, ...this.imageDims])));
  }

  async decode(latents: Float32Array, n: number): Promise<Float32Array> {
    return this.batched(latents, n, this.ae.spec.latentDim, this.pixels, 'latents', (z) => this.ae.decoder.apply(z) as tf.Tensor);
  }

  private get imageDims(): [number, number, number] {
    const { height, width, channels } = this.ae.shape;
    return [height, width, channels];
  }

  private get pixels() {
    return this.imageDims.reduce((a, b) => a * b, 1);
  }

  /** Runs `fn` over chunks so 10,000 images never sit on the backend at once. */
  private async batched(input: Float32Array, n: number, inSize: number, outSize: number, what: string, fn: (x: tf.Tensor2D) => tf.Tensor): Promise<Float32Array> {
    if (!(input instanceof Float32Array)) throw new AEError('input-invalid', `${what} must be a Float32Array.`);
    if (!Number.isInteger(n) || n < 0 || input.length !== n * inSize) {
      const shape = what === 'images' ? this.imageDims.join('x') : String(inSize);
      throw new AEError('input-invalid', `Expected ${n} ${what} of ${shape} (${n * inSize} values) but got ${input.length} values.`, { expected: n * inSize, actual: input.length });
    }
    const out = new Float32Array(n * outSize);
    for (let start = 0; start < n; start += CHUNK) {
      const count = Math.min(CHUNK, n - start);
      const y = tf.tidy(() => fn(tf.tensor2d(input.subarray(start * inSize, (start + count) * inSize), [count, inSize])));
      out.set(await y.data(), start * outSize);
      y.dispose();
    }
    return out;
  }

  evaluate() {
    return evaluate(this.ae, this.ds.images, this.ds.data.testIndices, this.ae.spec.seed || 1);
  }

  /** Test MSE and kNN-5 accuracy of the codes, and the same for a PCA of equal size. */
  async metrics(): Promise<Metrics> {
    const { data } = this.ds;
    const k = this.ae.spec.latentDim;
    const { testMse } = await this.evaluate();
    const train = this.rows(data.trainIndices);
    const test = this.rows(data.testIndices);
    try {
      let pca = this.ds.pcas.get(k);
      if (!pca) {
        pca = fitPca(train, k); // reads `train` only until it resolves, awaited below
        this.ds.pcas.set(k, pca);
      }
      const fitted = await pca;
      const pcaErr = tf.tidy(() => tf.mean(tf.squaredDifference(test, pcaDecode(fitted, pcaEncode(fitted, test)))));
      const pcaMse = (await pcaErr.data())[0];
      pcaErr.dispose();
      let knn: number | null = null;
      let pcaKnn: number | null = null;
      if (data.labels) {
        const labelsOf = (idx: Uint32Array) => Uint8Array.from(idx, (i) => data.labels![i]);
        const [trainLabels, testLabels] = [labelsOf(data.trainIndices), labelsOf(data.testIndices)];
        const [trainCodes, testCodes] = [await this.codes(data.trainIndices), await this.codes(data.testIndices)];
        knn = await knnAccuracy(trainCodes, trainLabels, testCodes, testLabels);
        tf.dispose([trainCodes, testCodes]);
        const [pcaTrain, pcaTest] = [pcaEncode(fitted, train), pcaEncode(fitted, test)];
        pcaKnn = await knnAccuracy(pcaTrain, trainLabels, pcaTest, testLabels);
        tf.dispose([pcaTrain, pcaTest]);
      }
      return { latentDim: k, testMse, knnAccuracy: knn, pca: { components: k, testMse: pcaMse, knnAccuracy: pcaKnn } };
    } finally {
      tf.dispose([train, test]);
    }
  }

  /** Dataset images at `indices` as flat rows (n x pixels). */
  private rows(indices: Uint32Array): tf.Tensor2D {
    return tf.tidy(() => tf.reshape(tf.gather(this.ds.images, tf.tensor1d(Int32Array.from(indices), 'int32')), [indices.length, this.pixels]) as tf.Tensor2D);
  }

  /**
   * Labels images by 5-nearest-neighbour on raw pixels against the train split: a small,
   * model-free judge of what decoded images look like (about 0.9 accurate on MNIST test).
   */
  async classify(images: Float32Array, n: number): Promise<Uint8Array> {
    const { data } = this.ds;
    if (!data.labels) throw new AEError('dataset-invalid', 'classify() needs a dataset with labels.');
    if (!(images instanceof Float32Array) || images.length !== n * this.pixels) {
      throw new AEError('input-invalid', `Expected ${n} images of ${this.imageDims.join('x')} (${n * this.pixels} values) but got ${images?.length} values.`);
    }
    const train = this.rows(data.trainIndices);
    const query = tf.tensor2d(images, [n, this.pixels]);
    try {
      return await knnPredict(train, Uint8Array.from(data.trainIndices, (i) => data.labels![i]), query);
    } finally {
      tf.dispose([train, query]);
    }
  }

  /** Corrupts the test split (seeded) and measures MSE to the clean images before and after the model. */
  async evaluateDenoising(noiseType: NoiseType, noise: number, seed = 1): Promise<DenoiseEvaluation> {
    const indices = this.ds.data.testIndices;
    let noisy = 0;
    let restored = 0;
    for (let start = 0; start < indices.length; start += CHUNK) {
      const idx = indices.subarray(start, start + CHUNK);
      const sums = tf.tidy(() => {
        const x = tf.gather(this.ds.images, tf.tensor1d(Int32Array.from(idx), 'int32'));
        const xn = corrupt(x, noiseType, noise, seed + start);
        return tf.stack([tf.sum(tf.squaredDifference(xn, x)), tf.sum(tf.squaredDifference(reconstructTensor(this.ae, xn), x))]);
      });
      const [a, b] = await sums.data();
      sums.dispose();
      noisy += a;
      restored += b;
    }
    const count = indices.length * this.pixels;
    return { noiseType, noise, noisyMse: noisy / count, restoredMse: restored / count };
  }

  /** Codes of dataset images, encoded in chunks, as one tensor. */
  private async codes(indices: Uint32Array): Promise<tf.Tensor2D> {
    const parts: tf.Tensor[] = [];
    for (let start = 0; start < indices.length; start += CHUNK) {
      const idx = indices.subarray(start, start + CHUNK);
      parts.push(tf.tidy(() => encodeTensor(this.ae, tf.gather(this.ds.images, tf.tensor1d(Int32Array.from(idx), 'int32')))));
      await nextTask(); // let a pause or stop in
    }
    const all = tf.concat(parts) as tf.Tensor2D;
    tf.dispose(parts);
    return all;
  }

  /** Loads into a fresh model and swaps only on success, so a bad file changes nothing. */
  async load(source: WeightsSource): Promise<ModelSpec> {
    const artifacts = await loadArtifacts(source);
    const spec = artifacts.meta?.spec ? normalizeSpec(artifacts.meta.spec) : this.ae.spec;
    checkKernels(spec);
    const next = buildAutoencoder(spec, shapeOf(this.ds.data));
    try {
      assignWeights(next, artifacts);
    } catch (e) {
      disposeAutoencoder(next);
      throw e;
    }
    await this.halt();
    this.replace(next);
    this.emit(this.id, 'weightschange', { reason: 'load' });
    return spec;
  }

  save(url: string) {
    return saveToUrl(this.ae, url);
  }

  exportFiles(name: string, quantize?: Quantization) {
    return exportFiles(this.ae, name, quantize);
  }

  async dispose() {
    await this.halt();
    disposeAutoencoder(this.ae);
    this.optimizer.dispose();
  }
}

function shapeOf(d: Dataset): ImageShape {
  return { height: d.height, width: d.width, channels: d.channels };
}

function checkKernels(spec: ModelSpec) {
  if (spec.kind !== 'conv') return;
  const backend = tf.getBackend();
  const missing = missingKernels(backend, CONV_TRAINING_KERNELS);
  if (missing.length) {
    throw new AEError('backend-unsupported', `Convolutional models cannot train on the ${backend} backend (it lacks ${missing.join(', ')}). Choose another with configure({ backend }).`, { backend, missing });
  }
}
