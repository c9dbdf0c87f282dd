import type * as TF from '@tensorflow/tfjs-core';
import type { Fields, FieldValues } from './fields.js';
import type { CommonSpec, NoiseType } from './common.js';
import type { SampleShape } from '../sample.js';
import type { NestedText } from '../../l10n/english.js';
import { mulberry32 } from '../random.js';

// A model kind, in one module: its spec fields, how it is built, what it minimises per
// batch and what it can do. Kinds receive TensorFlow.js from the engine instead of
// importing it, so the page reads what a kind is without loading TensorFlow.js.

/** What a kind's loss sees of one batch. */
export interface Batch<S> {
  /** The engine's TensorFlow.js ops. */
  tf: typeof TF;
  spec: S;
  /** The clean batch, shaped for the model. */
  x: TF.Tensor;
  /** Its labels, when the data has them and the kind asks for them. */
  labels?: Uint8Array;
  /** Training draws fresh noise (sampling, corruption); evaluation is deterministic. */
  training: boolean;
  /** The step's seed (undefined: unseeded). Each update of a step gets its own. */
  seed?: number;
  /** The encoder: [code], or [mean, logVar] for a gaussian code. */
  encode(input: TF.Tensor): TF.Tensor[];
  decode(code: TF.Tensor): TF.Tensor;
  /** The spec's reconstruction loss, per value ('mean'), or summed over each sample's values ('sum'); averaged over the batch. */
  reconstruction(target: TF.Tensor, output: TF.Tensor, per?: 'mean' | 'sum'): TF.Scalar;
  /** Corrupts the batch as a denoising model trains on it. */
  corrupt(x: TF.Tensor, type: NoiseType, amount: number): TF.Tensor;
  /** One of the kind's own networks, applied. */
  net(name: string, input: TF.Tensor): TF.Tensor;
  /** For kinds with a `graph`: the two ends of edges drawn from it by weight, each shaped like `x`. */
  edges?: { from: TF.Tensor; to: TF.Tensor };
}

/** A loss to minimise, with the named terms it reports as series (`loss` is the objective). */
export type Losses = { loss: TF.Scalar } & Record<string, TF.Scalar>;

/** One update per batch: an optimizer of its own minimises `loss` over some weights. */
export interface Update<S> {
  /** Whose weights: the autoencoder's, the encoder's alone, or one of the kind's networks. */
  weights: 'autoencoder' | 'encoder' | (string & {});
  /** The terms besides `loss` it reports, each a named series in progress. */
  terms?: readonly string[];
  /** Its learning rate as a multiple of the run's (default 1). */
  rate?(spec: S): number;
  loss(b: Batch<S>): Losses;
}

/** A small dense network of the kind's own (trained with the model, never saved). */
export interface Network {
  /** Input width, hidden widths and output width. */
  input: number;
  hidden: number[];
  output: number;
  activation: 'relu' | 'elu' | 'tanh';
}

/** How the graph measures distance between inputs: straight-line, or the angle between them (their distance once scaled to unit length). */
export const GRAPH_METRICS = ['euclidean', 'cosine'] as const;
export type GraphMetric = (typeof GRAPH_METRICS)[number];

export interface KindDef<N extends string, F extends Fields> {
  name: N;
  /** The adjective: "a variational autoencoder". */
  title: string;
  /** One line for the README's spec table. */
  doc: string;
  /** Spec fields this kind adds. */
  fields: F;
  /** Layers: dense (default) or stride-2 convolutions, which need image samples. */
  architecture?: 'dense' | 'conv';
  /**
   * A point code (default); a gaussian one (the encoder gives a mean and a log-variance);
   * or, for conv kinds on colour images, a luma map: the grey image itself followed by the
   * last feature map narrowed to `latentDim` channels per position. The convolutions see
   * only the grey image and the decoder adds the colour it paints from the map to it, so
   * no detail of the grey image is lost in the bottleneck.
   */
  code?: 'point' | 'gaussian' | 'luma-map';
  /** Networks beyond the autoencoder. */
  networks?(spec: SpecOf<F>): Record<string, Network>;
  /** What one batch does, in order. */
  updates: readonly Update<SpecOf<F>>[];
  /** Name of the first update's loss in the chart (default "loss"). */
  lossName?: string;
  /**
   * A UMAP graph of the inputs (McInnes et al. 2018), when the kind needs one: its neighbours
   * per sample, how they are measured, and the edges each batch draws from it
   * (`Batch.edges`). The engine builds it per split before training, cached with the data.
   */
  graph?(spec: SpecOf<F>): { neighbours: number; metric: GraphMetric; edges: number };
  /** Whether training needs the data's labels (throws spec-invalid when it cannot train on this data). */
  labels?(spec: SpecOf<F>, data: { labeled: boolean; classes: number }): boolean;
  /** `n` codes drawn from the kind's prior (flat, n x latentDim): generative kinds only. */
  prior?(spec: SpecOf<F>, n: number, rand: () => number): Float32Array;
  /** The prior in words, for the walk's random draws. */
  priorText?(spec: SpecOf<F>): string;
  /** The corruption it learns to undo, if it restores (the denoise demo's models). */
  restores?(spec: SpecOf<F>): { noiseType: NoiseType; noise: number };
  /**
   * Why it cannot train on samples of this shape, if it cannot (conv kinds need images
   * anyway): the end of "A <title> model ...", or a catalogue entry that says it.
   */
  refuses?(spec: SpecOf<F>, shape: SampleShape): string | NestedText | undefined;
  /** Its own settings in a summary line: ", β 1". */
  describe?(spec: SpecOf<F>): string;
}

/** The spec a kind's callbacks see: the common fields and its own. */
export type SpecOf<F extends Fields> = CommonSpec & FieldValues<F>;

/** A kind as the registry holds it: its spec type is erased to the common fields plus any. */
export type KindModule = KindDef<string, Fields>;

/** Declares a kind; the identity, typed so its callbacks see its own fields. */
export function defineKind<N extends string, F extends Fields>(def: KindDef<N, F>): KindDef<N, F> {
  return def;
}

/** A generator for the batch's own draws: seeded by the step, or fresh when training is unseeded. */
export const batchRandom = (b: Batch<unknown>) => mulberry32(b.seed ?? Math.floor(Math.random() * 2 ** 31));

/** Encode, decode and compare: what most kinds start from. */
export function reconstruct<S>(b: Batch<S>, input: TF.Tensor = b.x) {
  const [code] = b.encode(input);
  const y = b.decode(code);
  return { code, y, loss: b.reconstruction(b.x, y) };
}
