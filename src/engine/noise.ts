import * as tf from '@tensorflow/tfjs-core';
import { AEError } from './errors.js';
import { mulberry32 } from './random.js';
import { LUMA, type NoiseType } from './kinds/common.js';

type Single = Exclude<NoiseType, 'mixed' | 'grayscale'>;

/**
 * What `mixed` draws from, with each one's amount at strength s (0..1) and a uniform r:
 * one restoration model for every corruption the denoise demo offers.
 */
const MIXED: [Single, (s: number, r: number) => number][] = [
  ['gaussian', (s, r) => s * (0.2 + 0.8 * r)],
  ['salt-pepper', (s, r) => 0.5 * s * (0.2 + 0.8 * r)],
  ['masking', (s, r) => s * (0.2 + 0.8 * r)],
  ['inpaint', (s, r) => 0.6 * s * (0.3 + 0.7 * r)],
  ['superres', (_, r) => (r < 0.5 ? 2 : 4)],
];

/**
 * Corrupts a batch of samples: images [n, h, w, c] (0..1), or vectors [n, d], which
 * take the same corruptions as 1 x d images. A seed makes it repeatable.
 * - gaussian: adds N(0, amount) and clips;
 * - salt-pepper: sets a fraction `amount` of pixels to 0 or 1 (half each);
 * - masking: sets a fraction `amount` of pixels to 0;
 * - inpaint: blanks a rectangle of `amount` x each side (a square on a square image;
 *   a stretch of a vector), placed at random in each sample;
 * - superres: averages `amount` x `amount` blocks (downsampling) and repeats each
 *   average over its block (upsampling back), so the image keeps its size;
 * - mixed: one of the above per call (per training batch), drawn by the seed, at a
 *   random strength up to `amount` (0..1);
 * - grayscale: moves each colour pixel a share `amount` (1: all the way) towards its luma,
 *   kept in all three channels, so the grey image has the colour image's shape. Colour
 *   images only.
 */
export function corrupt(x: tf.Tensor, type: NoiseType, amount: number, seed?: number): tf.Tensor {
  if (x.rank === 2) return tf.tidy(() => tf.reshape(corrupt(tf.reshape(x, [x.shape[0], 1, x.shape[1]!, 1]), type, amount, seed), x.shape));
  return tf.tidy(() => {
    if (type === 'grayscale' && x.shape[3] !== 3) throw AEError.of('input-invalid', 'error.grayscale', { channels: x.shape[3]! });
    if (amount <= 0 || (type === 'superres' && amount < 2)) return tf.clone(x);
    if (type === 'mixed') {
      const rand = mulberry32(seed ?? Math.floor(Math.random() * 2 ** 31));
      const [single, amountAt] = MIXED[Math.floor(rand() * MIXED.length)];
      return corrupt(x, single, amountAt(amount, rand()), seed);
    }
    if (type === 'gaussian') return tf.clipByValue(tf.add(x, tf.randomNormal(x.shape, 0, amount, 'float32', seed)), 0, 1);
    if (type === 'grayscale') return tf.add(tf.mul(x, 1 - Math.min(1, amount)), tf.mul(lumaOf(x), Math.min(1, amount))); // one channel, broadcast to three
    if (type === 'inpaint') return blankSquare(x as tf.Tensor4D, amount, seed);
    if (type === 'superres') return blockAverage(x as tf.Tensor4D, Math.round(amount));
    const r = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
    if (type === 'masking') return tf.where(tf.less(r, amount), tf.zerosLike(x), x);
    const pepper = tf.less(r, amount / 2);
    const salt = tf.logicalAnd(tf.greaterEqual(r, amount / 2), tf.less(r, amount));
    return tf.where(pepper, tf.zerosLike(x), tf.where(salt, tf.onesLike(x), x));
  });
}

/** Each pixel's Rec. 601 luma, as one channel: [..., 3] -> [..., 1]. */
export function lumaOf(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sum(tf.mul(x, tf.tensor1d(LUMA as unknown as number[])), -1, true));
}

function blankSquare(x: tf.Tensor4D, fraction: number, seed?: number): tf.Tensor {
  const [n, h, w] = x.shape;
  const sideOf = (length: number) => Math.max(1, Math.round(length * Math.min(1, fraction)));
  const [sh, sw] = [sideOf(h), sideOf(w)];
  // A random top-left corner per image, so the rectangle lies wholly inside it.
  const corner = tf.floor(tf.mul(tf.randomUniform([n, 2], 0, 1, 'float32', seed), [h - sh + 1, w - sw + 1]));
  const [top, left] = tf.split(tf.reshape(corner, [n, 2, 1, 1]), 2, 1).map((t) => tf.reshape(t, [n, 1, 1, 1]));
  const rows = tf.reshape(tf.range(0, h, 1, 'float32'), [1, h, 1, 1]);
  const cols = tf.reshape(tf.range(0, w, 1, 'float32'), [1, 1, w, 1]);
  const inside = tf.logicalAnd(
    tf.logicalAnd(tf.greaterEqual(rows, top), tf.less(rows, tf.add(top, sh))),
    tf.logicalAnd(tf.greaterEqual(cols, left), tf.less(cols, tf.add(left, sw))),
  );
  return tf.mul(x, tf.sub(1, tf.cast(inside, 'float32')));
}

function blockAverage(x: tf.Tensor4D, factor: number): tf.Tensor {
  const [, h, w] = x.shape;
  const [fh, fw] = [h === 1 ? 1 : factor, w === 1 ? 1 : factor]; // a vector is averaged along its length only
  const small = tf.avgPool(x, [fh, fw], [fh, fw], 'same');
  const [, sh, sw] = small.shape;
  const big = tf.image.resizeNearestNeighbor(small, [sh * fh, sw * fw]);
  return sh * fh === h && sw * fw === w ? big : tf.slice(big, [0, 0, 0, 0], [-1, h, w, -1]);
}
