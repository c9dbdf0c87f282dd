import * as tf from '@tensorflow/tfjs-core';
import type { Autoencoder } from './model.js';
import { corrupt } from './noise.js';
import { kindOf, type LossName, type ModelSpec } from './spec.js';
import type { Batch, Losses, Update } from './kinds/kind.js';
import { bceSumKernel } from './kernels/bce.js';

// What a kind's loss is handed: the engine's ops and the model's parts, for one batch.

export interface BatchOptions {
  /** Training draws fresh noise (sampling, corruption); evaluation is deterministic. */
  training: boolean;
  seed?: number;
  labels?: Uint8Array;
  edges?: { from: tf.Tensor; to: tf.Tensor };
}

/** Reconstruction loss per value averaged over the batch, or per sample ('sum' over its values). */
export function reconstructionLoss(loss: LossName, target: tf.Tensor, output: tf.Tensor, per: 'mean' | 'sum' = 'mean'): tf.Scalar {
  return tf.tidy(() => {
    const total = loss === 'bce' ? bceSumKernel(target, output) : null;
    if (total) return tf.div(total, per === 'mean' ? target.size : target.shape[0]);
    const perValue =
      loss === 'bce'
        ? tf.tidy(() => {
            const p = tf.clipByValue(output, 1e-7, 1 - 1e-7);
            return tf.neg(tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p)))));
          })
        : tf.squaredDifference(target, output);
    return per === 'mean' ? tf.mean(perValue) : tf.div(tf.sum(perValue), target.shape[0]);
  });
}

export function batchOf(ae: Autoencoder, x: tf.Tensor, opts: BatchOptions): Batch<ModelSpec> {
  const training = { training: opts.training };
  const outputs = (t: tf.Tensor | tf.Tensor[]) => (Array.isArray(t) ? t : [t]);
  return {
    tf,
    spec: ae.spec,
    x,
    labels: opts.labels,
    training: opts.training,
    seed: opts.seed,
    encode: (input) => outputs(ae.encoder.apply(input, training) as tf.Tensor | tf.Tensor[]),
    decode: (code) => ae.decoder.apply(code, training) as tf.Tensor,
    reconstruction: (target, output, per) => reconstructionLoss(ae.spec.loss, target, output, per),
    corrupt: (input, type, amount) => corrupt(input, type, amount, opts.seed),
    net: (name, input) => ae.networks[name].apply(input, training) as tf.Tensor,
    edges: opts.edges,
  };
}

/** The model's updates per batch, as its kind lists them. */
export const updatesOf = (ae: Autoencoder): readonly Update<ModelSpec>[] => kindOf(ae.spec.kind).updates;

/** What each update reports, in order: the first update's loss, then each update's named terms (together, the kind's series). */
export function reportedNames(updates: readonly Update<ModelSpec>[]): string[][] {
  return updates.map((u, i) => [...(i === 0 ? ['loss'] : []), ...(u.terms ?? [])]);
}

/** The named values of an update's losses, stacked. */
export const stackNamed = (out: Losses, names: readonly string[]) => tf.stack(names.map((name) => out[name])) as tf.Tensor1D;

/** Deterministic reconstruction (a gaussian code decodes its mean). */
export function reconstructTensor(ae: Autoencoder, x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const out = ae.full.apply(x) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out[0] : out;
  });
}

/** The code of each sample (a gaussian code's mean). */
export function encodeTensor(ae: Autoencoder, x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const out = ae.encoder.apply(x) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out[0] : out;
  });
}
