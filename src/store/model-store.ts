import type { Dataset } from '../engine/dataset.js';
import { validateDataset, type DatasetInput } from '../engine/dataset-input.js';
import { AEError, shown } from '../engine/errors.js';
import type { Evaluation } from '../engine/protocol.js';
import { normalizeSpec, type ModelSpec, type NoiseType } from '../engine/spec.js';
import type { DenoiseEvaluation, KnnNeighbours, KnnResult, KnnSpace, Metrics, ModelFiles, Projection, ReconstructionErrors, Split, TrainOptions, TrainResult } from '../engine/types.js';
import { releaseHost } from './config.js';
import { downloadFiles, weightsSource } from './files.js';
import { checkKnn, checkNoise, checkTrainOptions } from './options.js';
import { CUSTOM, StoreCore, type StoreEventMap } from './store-core.js';

export type { StoreEventMap, StoreStatus } from './store-core.js';

let customCount = 0;

/**
 * The main-thread face of one model: elements and pages talk to this, never to tfjs.
 * Every method is async; data crosses as typed arrays.
 */
export class ModelStore extends StoreCore {
  /** A new model with fresh weights; unspecified fields keep their current values. */
  setSpec(partial: Partial<ModelSpec>): Promise<void> {
    return this.checked(
      () => normalizeSpec(partial, this.spec),
      (spec) => {
        this.stop();
        return this.exclusive(async () => {
          await this.attach(this.host!, this.data!, spec, this.dataKey);
          this.pretrained = false;
        });
      },
    );
  }

  /**
   * The dataset in use (bundled MNIST unless setDataset() gave another). Bundled MNIST
   * starts as its 2,000 test images; `{ train: true }` waits for the 8,000 train images
   * too (they load on their own once something trains or asks for train codes).
   */
  async dataset(options: { train?: boolean } = {}): Promise<Dataset> {
    if (options.train) return this.afterTrainSplit(true, async () => this.data!);
    if (this.data) return this.data;
    try {
      return await this.bundledDataset(); // needs no engine: views can draw digits before the model is up
    } catch (e) {
      throw this.fail(e);
    }
  }

  /**
   * Replaces the data (validated), rebuilding the model for its shape. Vectors are
   * standardised per column by default (`standardize: false` keeps them as they are);
   * the model of standardised data gets a linear output and an MSE loss (a `specchange`
   * says so), since its values are not 0..1.
   */
  setDataset(input: DatasetInput): Promise<void> {
    return this.checked(
      () => validateDataset(input),
      (data) => {
        this.stop();
        this.dataChoice = { url: CUSTOM, by: 'setDataset()' };
        return this.exclusive(async () => {
          const spec = data.scaling ? normalizeSpec({ outputActivation: 'linear', loss: 'mse' }, this.spec) : this.spec;
          await this.attach(this.host!, data, spec, `custom-${++customCount}`);
          this.pretrained = false;
          this.dispatch('datachange', { dataset: data, reason: 'replaced' });
        });
      },
    );
  }

  /** Runs `op` when ready, after loading the train split first if `needed`. */
  private afterTrainSplit<T>(needed: boolean, op: () => Promise<T>): Promise<T> {
    return this.guarded(async () => {
      if (needed) await this.withTrainSplit();
      return op();
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

  /**
   * `n` codes drawn from the prior of a generative kind (vae, aae), seeded: decode them for
   * new samples. Other kinds have none and reject with `input-invalid`.
   */
  samplePrior(n: number, seed = 1): Promise<Float32Array> {
    return this.guarded(() => this.call('samplePrior', n, seed));
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
    return this.afterTrainSplit(true, () => this.call('metrics'));
  }

  /** The model's codes for every image of a split (`indices` maps rows to dataset images). */
  codes(split: Split = 'all'): Promise<Projection> {
    return this.afterTrainSplit(split !== 'test', () => this.call('codes', split));
  }

  /**
   * A split through a PCA with `components` components fitted on the train split (cached
   * per dataset), with that PCA's test reconstruction MSE: the baseline an autoencoder beats.
   */
  pcaCodes(components = 2, split: Split = 'all'): Promise<Projection & { testMse: number }> {
    // A test-split projection needs no train images while the shipped basis has enough components.
    return this.afterTrainSplit(split !== 'test' || components > (this.data?.basis?.k ?? 0), () => this.call('pcaCodes', components, split));
  }

  /** Digit labels for images by 5-nearest-neighbour on raw pixels against the train split. */
  classify(images: Float32Array, n: number): Promise<Uint8Array> {
    return this.afterTrainSplit(true, () => this.call('classify', images, n));
  }

  /**
   * The test split classified by its `k` (default 5) nearest train samples in `space`:
   * `model` (the codes; at k = 5 its accuracy is metrics().knnAccuracy), `pca` (as many
   * components as the code) or `pixels` (the raw values). With the true and predicted
   * labels, the accuracy and the confusion matrix.
   */
  knn(options: { space?: KnnSpace; k?: number } = {}): Promise<KnnResult> {
    return this.checked(() => checkKnn('knn()', options), ({ space, k }) => this.afterTrainSplit(true, () => this.call('knn', space, k)));
  }

  /** `n` samples classified as knn() classifies the test split, with the dataset indices of the train samples that voted. */
  knnQuery(images: Float32Array, n: number, options: { space?: KnnSpace; k?: number } = {}): Promise<KnnNeighbours> {
    return this.checked(() => checkKnn('knnQuery()', options), ({ space, k }) => this.afterTrainSplit(true, () => this.call('knnQuery', images, n, space, k)));
  }

  /**
   * Corrupts the test split (seeded; defaults to the corruption the model learned to undo,
   * such as a colorizing model's grey versions, else the spec's noise) and reports MSE to
   * the clean images before and after the model restores them.
   */
  evaluateDenoising(options: { noiseType?: NoiseType; noise?: number; seed?: number } = {}): Promise<DenoiseEvaluation> {
    return this.checked(() => checkNoise('evaluateDenoising()', options, this.spec), ({ noiseType, noise, seed }) => this.guarded(() => this.call('evaluateDenoising', noiseType, noise, seed)));
  }

  /**
   * Corrupted copies of `n` images, as a denoising model sees them in training: noise
   * (gaussian σ, salt-pepper or masking share), `inpaint` (a square of that share of the
   * side, blanked), `superres` (downsampled by that factor and back) or `grayscale` (each
   * pixel moved that share of the way to its Rec. 601 luma, kept in all three channels;
   * colour images only). Without `noise`: the model's own amount for its own corruption,
   * 1 for `grayscale`, else the spec's `noise`. Seeded.
   */
  corrupt(images: Float32Array, n: number, options: { noiseType: NoiseType; noise?: number; seed?: number }): Promise<Float32Array> {
    return this.checked(() => checkNoise('corrupt()', options, this.spec), ({ noiseType, noise, seed }) => this.guarded(() => this.call('corrupt', images, n, noiseType, noise, seed)));
  }

  /** Each image's reconstruction MSE over a split: an anomaly score (high = unlike the training data). */
  reconstructionErrors(split: Split = 'test'): Promise<ReconstructionErrors> {
    return this.afterTrainSplit(split !== 'test', () => this.call('reconstructionErrors', split));
  }

  /** Trains until done or stopped; progress arrives as `progress` events. */
  train(options: Partial<TrainOptions> = {}): Promise<TrainResult> {
    return this.checked(() => checkTrainOptions(options), (opts) => this.run(opts));
  }

  private run(opts: TrainOptions): Promise<TrainResult> {
    if (this.runActive) {
      return Promise.reject(this.fail(AEError.of('busy', 'error.storeBusy', { id: this.id })));
    }
    this.runActive = true;
    const run = this.exclusive(async () => {
      this.setStatus('training');
      this.progress = null;
      try {
        await this.withTrainSplit();
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
    if (this.status === 'training') void this.call('pause').catch(() => undefined);
  }

  resume(): void {
    if (this.status === 'paused') void this.call('resume').catch(() => undefined);
  }

  /** Ends the training run (running or queued) after its current step. */
  stop(): void {
    if (this.runActive) void this.call('stop').catch(() => undefined);
  }

  /** Fresh weights for the same spec (stops training first). */
  reset(): Promise<void> {
    this.stop();
    return this.exclusive(async () => {
      await this.call('reset');
      this.pretrained = false;
    });
  }

  /** Loads the preset's pretrained weights (and spec) again, replacing the current model. */
  loadPretrained(): Promise<void> {
    if (!this.preset) return Promise.reject(this.fail(AEError.of('input-invalid', 'error.notPreset', { id: this.id })));
    this.stop();
    return this.exclusive(async () => {
      await this.loadPreset();
      this.error = null;
    });
  }

  /** Saves to 'indexeddb://name' or 'downloads://name' (TF.js LayersModel format). */
  save(url: string): Promise<void> {
    return this.guarded(async () => {
      const m = typeof url === 'string' ? /^downloads:\/\/(.*)$/.exec(url) : null;
      if (m) return downloadFiles(await this.call('exportFiles', m[1] || this.id));
      if (typeof url !== 'string' || !/^(indexeddb|localstorage):\/\/./.test(url)) throw AEError.of('input-invalid', 'error.saveUrl', { got: shown(url) });
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

  /**
   * Loads weights from a model.json URL, 'indexeddb://name', or the files of a file
   * input; or a PyTorch state_dict in one .safetensors file (URL or file). The file is read and checked first, while any training goes on: a bad file
   * leaves the model and the run as they were; good weights end the run and replace the model.
   */
  async load(source: string | File[] | FileList): Promise<void> {
    const { token } = await this.guarded(async () => this.call('stageWeights', await weightsSource(source)));
    this.stop();
    return this.exclusive(async () => {
      this.spec = await this.call('useStaged', token);
      this.pretrained = true;
      this.error = null;
      this.dispatch('specchange', { spec: this.spec });
    });
  }

  /** Checks arguments before anything is queued; a failure is reported like any other. */
  private checked<A, T>(check: () => A, then: (args: A) => Promise<T>): Promise<T> {
    let args: A;
    try {
      args = check();
    } catch (e) {
      return Promise.reject(this.fail(e));
    }
    return then(args);
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
