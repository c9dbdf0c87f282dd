import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { kindOf, type ModelSpec } from './spec.js';
import type { Network } from './kinds/kind.js';
import { AddGrey, Columns, Luma } from './layers.js';
import type { Scaling } from './scaling.js';
import { sampleDims, sampleSize, type SampleShape } from './sample.js';

/**
 * One autoencoder as three views over shared layers: `full` (what is saved and
 * loaded), `encoder` (sample -> code, or [mean, logVar] for a VAE) and `decoder`.
 */
export interface Autoencoder {
  spec: ModelSpec;
  shape: SampleShape;
  full: tfl.LayersModel;
  encoder: tfl.LayersModel;
  decoder: tfl.LayersModel;
  /** Numbers in one code: latentDim, or the whole map of a map code. */
  codeSize: number;
  variational: boolean;
  trainable: tf.Variable[];
  /** The kind's own networks (a discriminator...): trained with the model, never saved. */
  networks: Record<string, tfl.LayersModel>;
  /** The standardisation of the vectors it was built for (saved with it). */
  scaling?: Scaling;
}

type Sym = tfl.SymbolicTensor;

/** Layer names the loader matches weights by (see weights/README.md). */
export const OUTPUT_LAYER = 'dec_output';

type Init = () => ReturnType<typeof tfl.initializers.glorotUniform>;
type ImageShape = Extract<SampleShape, { kind: 'image' }>;

/** A model for samples of `shape`; conv kinds need images (the session checks). */
export function buildAutoencoder(spec: ModelSpec, shape: SampleShape, meanSample?: Float32Array): Autoencoder {
  let seed = spec.seed || Math.floor(Math.random() * 2 ** 31);
  const init = () => tfl.initializers.glorotUniform({ seed: seed++ });
  const dense = (name: string, units: number, activation: string) =>
    tfl.layers.dense({ name, units, activation: activation as 'relu', kernelInitializer: init() });
  const dims = sampleDims(shape);
  const kind = kindOf(spec.kind);
  const variational = kind.code === 'gaussian';
  const image = kind.architecture === 'conv' && shape.kind === 'image' ? shape : null;
  const tint = image !== null && kind.code === 'luma-map';

  // Encoder
  const input = tfl.input({ shape: dims, name: 'image' });
  const grey = tint ? (new Luma({ name: 'luma' }).apply(input) as Sym) : null;
  let x: Sym = grey ?? input;
  if (image) {
    spec.filters.forEach((f, i) => {
      x = tfl.layers.conv2d({ name: `enc_conv_${i + 1}`, filters: f, kernelSize: 3, strides: 2, padding: 'same', activation: spec.activation as 'relu', kernelInitializer: init() }).apply(x) as Sym;
    });
  }
  let heads: Sym[];
  if (grey) {
    // The grey image itself, then the last feature map narrowed to latentDim channels.
    const hints = tfl.layers.conv2d({ name: 'code', filters: spec.latentDim, kernelSize: 1, activation: spec.codeActivation as 'relu', kernelInitializer: init() }).apply(x) as Sym;
    const parts = [tfl.layers.flatten({ name: 'luma_flat' }).apply(grey), tfl.layers.flatten({ name: 'code_flat' }).apply(hints)] as Sym[];
    heads = [tfl.layers.concatenate({ name: 'code_join' }).apply(parts) as Sym];
  } else {
    if (dims.length > 1) x = tfl.layers.flatten({ name: 'flatten' }).apply(x) as Sym;
    spec.hidden.forEach((units, i) => (x = dense(`enc_dense_${i + 1}`, units, spec.activation).apply(x) as Sym));
    heads = variational
      ? [dense('z_mean', spec.latentDim, 'linear').apply(x) as Sym, zeroDense('z_log_var', spec.latentDim).apply(x) as Sym]
      : [dense('code', spec.latentDim, spec.codeActivation).apply(x) as Sym];
  }

  // Decoder: layers built once, applied to the code path and to a fresh latent input.
  const decode = image
    ? convDecoder(spec, image, tint, init, dense)
    : chain([...[...spec.hidden].reverse().map((units, i) => dense(`dec_dense_${i + 1}`, units, spec.activation)), dense(OUTPUT_LAYER, sampleSize(shape), spec.outputActivation), tfl.layers.reshape({ name: 'dec_reshape', targetShape: dims })]);

  const full = tfl.model({ name: 'autoencoder', inputs: input, outputs: variational ? [decode(heads[0]), ...heads] : decode(heads[0]) });
  const encoder = tfl.model({ name: 'encoder', inputs: input, outputs: variational ? heads : heads[0] });
  const codeSize = codeSizeOf(spec, shape);
  const latent = tfl.input({ shape: [codeSize], name: 'latent' });
  const decoder = tfl.model({ name: 'decoder', inputs: latent, outputs: decode(latent) });

  if (meanSample && !tint) startAtMean(full, spec, meanSample, image !== null);
  const trainable = full.trainableWeights.map((v) => v.read() as tf.Variable);
  const specs = kind.networks?.(spec) ?? {};
  const networks = Object.fromEntries(Object.entries(specs).map(([name, net]) => [name, buildNetwork(name, net, init)]));
  return { spec, shape, full, encoder, decoder, codeSize, variational, trainable, networks };
}

const chain = (layers: tfl.layers.Layer[]) => (z: Sym) => layers.reduce((t, layer) => layer.apply(t) as Sym, z);

/**
 * Dense layers to the last feature map, then transposed convolutions back to the image.
 * With `tint` (a luma-map code) the map is the code's second part, and the output is
 * colour offsets added to the code's first part, the grey image.
 */
function convDecoder(spec: ModelSpec, image: ImageShape, tint: boolean, init: Init, dense: (name: string, units: number, activation: string) => tfl.layers.Layer) {
  const { height: h, width: w, channels: c } = image;
  const map = codeMap(spec, image);
  const steps = spec.filters.length;
  const top = spec.filters[steps - 1];
  const layers: tfl.layers.Layer[] = tint
    ? [new Columns({ name: 'dec_hints', begin: h * w, size: map.height * map.width * spec.latentDim }), tfl.layers.reshape({ name: 'dec_reshape', targetShape: [map.height, map.width, spec.latentDim] })]
    : [...[...spec.hidden].reverse().map((units, i) => dense(`dec_dense_${i + 1}`, units, spec.activation)), dense('dec_project', map.height * map.width * top, spec.activation), tfl.layers.reshape({ name: 'dec_reshape', targetShape: [map.height, map.width, top] })];
  // Transposed convolutions, not UpSampling2D: tfjs-backend-cpu 4.22's
  // ResizeNearestNeighborGrad is wrong for batches larger than one.
  [...spec.filters].reverse().forEach((f, i) => {
    layers.push(tfl.layers.conv2dTranspose({ name: `dec_conv_${i + 1}`, filters: f, kernelSize: 3, strides: 2, padding: 'same', activation: spec.activation as 'relu', kernelInitializer: init() }));
  });
  if (map.height * 2 ** steps !== h || map.width * 2 ** steps !== w) {
    layers.push(tfl.layers.cropping2D({ name: 'dec_crop', cropping: [[0, map.height * 2 ** steps - h], [0, map.width * 2 ** steps - w]] }));
  }
  const output = tfl.layers.conv2d({ name: OUTPUT_LAYER, filters: c, kernelSize: 3, padding: 'same', activation: tint ? 'linear' : spec.outputActivation, kernelInitializer: init() });
  const body = chain(layers);
  if (!tint) return chain([...layers, output]);
  // The output convolution also sees the grey image, to place colour edges on its edges.
  const grey = chain([new Columns({ name: 'dec_luma', begin: 0, size: h * w }), tfl.layers.reshape({ name: 'dec_luma_image', targetShape: [h, w, 1] })]);
  const withGrey = tfl.layers.concatenate({ name: 'dec_with_luma' });
  const tinted = new AddGrey({ name: 'dec_tint' });
  return (z: Sym) => {
    const g = grey(z);
    const offsets = output.apply(withGrey.apply([body(z), g])) as Sym;
    return tinted.apply([offsets, g]) as Sym;
  };
}

/** The feature map after the encoder's stride-2 convolutions (rounded up, as padding 'same' does). */
function codeMap(spec: ModelSpec, image: ImageShape) {
  const steps = 2 ** spec.filters.length;
  return { height: Math.ceil(image.height / steps), width: Math.ceil(image.width / steps) };
}

/** Numbers in one code of this spec on samples of this shape: a luma-map code holds the grey image and its map. */
export function codeSizeOf(spec: ModelSpec, shape: SampleShape): number {
  if (kindOf(spec.kind).code !== 'luma-map' || shape.kind !== 'image') return spec.latentDim;
  const map = codeMap(spec, shape);
  return shape.height * shape.width + map.height * map.width * spec.latentDim;
}

function buildNetwork(name: string, net: Network, init: Init): tfl.LayersModel {
  const input = tfl.input({ shape: [net.input], name: `${name}_input` });
  const layers = [...net.hidden.map((units) => [units, net.activation] as const), [net.output, 'linear'] as const];
  const output = layers.reduce<Sym>((x, [units, activation], i) => tfl.layers.dense({ name: `${name}_${i + 1}`, units, activation, kernelInitializer: init() }).apply(x) as Sym, input);
  return tfl.model({ name, inputs: input, outputs: output });
}

/** VAE log-variance head starts at zero so the first samples are N(mean, 1), not wild. */
function zeroDense(name: string, units: number) {
  return tfl.layers.dense({ name, units, kernelInitializer: 'zeros', biasInitializer: 'zeros' });
}

/**
 * The decoder's output bias starts at the mean training image. Without this the
 * decoder begins at 0.5 everywhere, the quickest way to cut the loss is to shift every
 * code the same way, and a tanh code saturates within a few Adam steps: the model
 * then collapses to the mean digit. Starting at the mean removes that pull.
 */
function startAtMean(full: tfl.LayersModel, spec: ModelSpec, meanImage: Float32Array, conv: boolean) {
  const layer = full.getLayer(OUTPUT_LAYER);
  const [kernel, bias] = layer.getWeights();
  const target = tf.tidy(() => {
    let m = tf.tensor1d(meanImage);
    if (conv) m = tf.mean(tf.reshape(m, [-1, bias.shape[0]]), 0); // per channel: the conv output's bias is one per channel
    if (spec.outputActivation === 'sigmoid') {
      const p = tf.clipByValue(m, 0.01, 0.99);
      return tf.log(tf.div(p, tf.sub(1, p)));
    }
    return m;
  });
  layer.setWeights([kernel, target]); // getWeights() returns the live variables: only `target` is ours
  target.dispose();
}

/** The three models share layers (with per-call ref counts), so free the variables directly. */
export function disposeAutoencoder(ae: Autoencoder) {
  const nets = Object.values(ae.networks).flatMap((m) => m.weights);
  for (const v of new Set([...ae.full.weights, ...ae.decoder.weights, ...nets])) v.dispose();
}
