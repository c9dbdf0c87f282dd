import * as tf from '@tensorflow/tfjs-core';
import { AEError, shown } from './errors.js';
import { buildAutoencoder, disposeAutoencoder, type Autoencoder } from './model.js';
import { encodeTensor, reconstructTensor } from './losses.js';
import { assignWeights, exportFiles, loadArtifacts, saveToUrl } from './persistence.js';
import { checkModel, savedModel, trainingLabels } from './fit.js';
import type { Quantization } from './quantize.js';
import { kindOf, type ModelSpec } from './spec.js';
import { updatesOf } from './losses.js';
import { mulberry32 } from './random.js';
import { evaluate, trainLoop } from './trainer.js';
import type { DenoiseEvaluation, Metrics, Projection, ReconstructionErrors, Split, TrainOptions, TrainResult, WeightsSource } from './types.js';
import { corrupt } from './noise.js';
import * as analysis from './analysis.js';
import * as knn from './knn.js';
import type { KnnNeighbours, KnnResult, KnnSpace } from './types.js';
import type { NoiseType } from './spec.js';
import type { EmitFn, SessionStatus } from './protocol.js';
import { Leases } from './leases.js';
import { Adam } from './adam.js';
import { sameShape, sampleDims, sampleSize, type DeviceDataset } from './sample.js';
import { mapChunks } from './chunks.js';
import { graphOf, type GraphProgress } from './neighbour-graph.js';
import { checkInput, codesOf, samplesOf } from './inputs.js';
import { standardise, unstandardise } from './scaling.js';

const WEIGHTS_EVENT_MS = 400;

/**
 * Adam with an explicit epsilon: tfjs defaults it to the backend's epsilon, which is
 * 1e-4 on WebGL. Against per-weight gradients near 1e-5 that shrinks every step about
 * tenfold and the model barely trains there. 1e-7 is Keras's default.
 */
const newOptimizer = (lr = 1e-3) => new Adam(lr, 0.9, 0.999, 1e-7);

/** One store's model on the engine side: build, train, infer, persist. */
export class Session {
  private ae: Autoencoder;
  /** Replaced models stay alive until the calls reading them end. */
  private models = new Leases<Autoencoder>(disposeAutoencoder);
  /** One per update of the kind (a reconstruction step, a discriminator step...). */
  private optimizers: Adam[];
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
    checkModel(spec, ds.shape, ds.data);
    this.ae = this.build(spec, ds);
    this.optimizers = updatesOf(this.ae).map(() => newOptimizer());
  }

  /** A model for this data (checked by the caller), its output starting at the data's mean unless weights follow. */
  private build(spec: ModelSpec, ds: DeviceDataset, fresh = true): Autoencoder {
    return { ...buildAutoencoder(spec, ds.shape, fresh ? ds.meanSample : undefined), scaling: ds.data.scaling };
  }

  get spec(): ModelSpec {
    return this.ae.spec;
  }

  /** New architecture or new data: stop training, rebuild with fresh weights. */
  async rebuild(spec: ModelSpec = this.ae.spec, ds: DeviceDataset = this.ds): Promise<void> {
    checkModel(spec, ds.shape, ds.data);
    await this.halt();
    const next = this.build(spec, ds);
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
    if (!sameShape(ds.shape, this.ds.shape)) throw AEError.of('dataset-invalid', 'data.moveShape', { from: this.ds.shape, to: ds.shape });
    this.ds = ds;
  }

  /** Runs `op` on the current model, which stays alive until it ends. */
  private withModel<R>(op: (ae: Autoencoder) => Promise<R>): Promise<R> {
    const ae = this.ae;
    return this.models.with(ae, () => op(ae));
  }

  private replace(next: Autoencoder) {
    this.models.retire(this.ae);
    this.optimizers.forEach((o) => o.dispose());
    this.ae = next;
    this.optimizers = updatesOf(next).map(() => newOptimizer());
    this.stepsTrained = 0;
  }

  private setStatus(status: SessionStatus) {
    if (this.status === status) return;
    this.status = status;
    this.emit(this.id, 'statechange', { status });
  }

  async train(opts: TrainOptions): Promise<TrainResult> {
    if (this.running) throw AEError.of('busy', 'error.busy', undefined);
    // `stopping` may already be set: a stop sent while this run was queued ends it at once.
    const { data } = this.ds;
    if (!data.trainIndices.length) throw AEError.of('not-ready', 'error.noTrainImages', { name: data.name });
    this.setStatus('training');
    const ae = this.ae;
    const graphProgress = (done: number, total: number) =>
      this.emit(this.id, 'progress', { phase: 'graph', epoch: 0, epochs: opts.epochs, step: 0, stepsPerEpoch: 0, totalSteps: 0, losses: [], loss: NaN, samplesPerSec: 0, graph: { done, total } });
    this.running = this.graphsFor(ae, graphProgress).then((graphs) => trainLoop(
      {
        ae,
        graphs,
        optimizers: this.optimizers,
        labels: trainingLabels(ae.spec, data),
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
    ));
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
    return this.withModel((ae) => this.batched(ae, 'encode()', images, n, 'samples', 'codes', (x) => encodeTensor(ae, x)));
  }

  reconstruct(images: Float32Array, n: number): Promise<Float32Array> {
    return this.withModel((ae) => this.batched(ae, 'reconstruct()', images, n, 'samples', 'samples', (x) => reconstructTensor(ae, x)));
  }

  decode(latents: Float32Array, n: number): Promise<Float32Array> {
    return this.withModel((ae) => this.batched(ae, 'decode()', latents, n, 'codes', 'samples', (z) => ae.decoder.apply(z) as tf.Tensor));
  }

  /** `n` codes drawn from the prior of a generative kind (a VAE's normal, an AAE's prior), seeded. */
  samplePrior(n: number, seed: number): Float32Array {
    const kind = kindOf(this.ae.spec.kind);
    if (!kind.prior) throw AEError.of('input-invalid', 'error.noPrior', { kind: kind.name, title: kind.title });
    if (!Number.isInteger(n) || n < 0 || n > 1e6) throw AEError.of('input-invalid', 'error.priorCount', { got: shown(n) });
    if (!Number.isInteger(seed) || seed < 0) throw AEError.of('input-invalid', 'error.priorSeed', { got: shown(seed) });
    return kind.prior(this.ae.spec, n, mulberry32(seed));
  }

  /** Corrupts samples as denoising training would (seeded), for showing what the model undoes. */
  corrupt(images: Float32Array, n: number, noiseType: NoiseType, noise: number, seed: number): Promise<Float32Array> {
    return this.batched(this.ae, 'corrupt()', images, n, 'samples', 'samples', (x) => corrupt(x, noiseType, noise, seed));
  }

  /**
   * Checks a flat input of `n` samples or codes, then maps it chunk by chunk, shaped for
   * the model. Samples cross in the page's units: standardised on the way in, back on the way out.
   */
  private async batched(ae: Autoencoder, call: string, input: Float32Array, n: number, from: 'samples' | 'codes', to: 'samples' | 'codes', fn: (x: tf.Tensor) => tf.Tensor): Promise<Float32Array> {
    const kind = from === 'samples' ? samplesOf(ae.shape) : codesOf(ae.codeSize);
    checkInput(call, input, n, kind);
    const values = from === 'samples' && ae.scaling ? standardise(input, ae.scaling) : input;
    const dims = from === 'codes' ? [kind.size] : sampleDims(ae.shape);
    const width = to === 'codes' ? ae.codeSize : sampleSize(ae.shape);
    const out = await mapChunks(n, width, (start, end) => fn(tf.tensor(values.subarray(start * kind.size, end * kind.size), [end - start, ...dims])));
    return to === 'samples' && ae.scaling ? unstandardise(out, ae.scaling) : out;
  }

  evaluate() {
    return this.withModel((ae) => this.evaluateModel(ae));
  }

  private async evaluateModel(ae: Autoencoder) {
    const wants = kindOf(ae.spec.kind).graph?.(ae.spec);
    const graph = wants && { split: await graphOf(this.ds, 'test', wants), edges: wants.edges };
    return evaluate(ae, this.ds.samples, this.ds.data.testIndices, ae.spec.seed || 1, trainingLabels(ae.spec, this.ds.data), graph);
  }

  /** Both splits' neighbour graphs, when the model's kind draws edges from one (built once per dataset). */
  private async graphsFor(ae: Autoencoder, onProgress: GraphProgress) {
    const wants = kindOf(ae.spec.kind).graph?.(ae.spec);
    if (!wants) return undefined;
    return { train: await graphOf(this.ds, 'train', wants, onProgress), test: await graphOf(this.ds, 'test', wants), edges: wants.edges };
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
    const spec = savedModel(artifacts.meta, artifacts.from, this.ds.data, this.ds.shape) ?? this.ae.spec;
    checkModel(spec, this.ds.shape, this.ds.data);
    const next = this.build(spec, this.ds, false);
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
    if (!next) throw AEError.of('not-ready', 'error.staged', { token: shown(token) });
    this.staged.delete(token);
    if (!sameShape(next.shape, this.ds.shape)) {
      disposeAutoencoder(next);
      throw AEError.of('weights-shape-mismatch', 'weights.dataChanged', { loaded: next.shape, data: this.ds.shape });
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
    this.optimizers.forEach((o) => o.dispose());
  }

  knn(space: KnnSpace, k: number): Promise<KnnResult> {
    return this.withModel((ae) => knn.knnTest(ae, this.ds, space, k));
  }

  knnQuery(samples: Float32Array, n: number, space: KnnSpace, k: number): Promise<KnnNeighbours> {
    return this.withModel((ae) => knn.knnQuery(ae, this.ds, samples, n, space, k));
  }
}
