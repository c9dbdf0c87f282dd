import * as tf from '@tensorflow/tfjs-core';
import type { NoiseType } from './spec.js';

/**
 * Corrupts a batch of 0..1 images. Gaussian adds N(0, amount) and clips; salt-pepper
 * sets a fraction `amount` of pixels to 0 or 1 (half each); masking sets a fraction
 * `amount` to 0. A seed makes the corruption repeatable.
 */
export function corrupt(x: tf.Tensor, type: NoiseType, amount: number, seed?: number): tf.Tensor {
  return tf.tidy(() => {
    if (amount <= 0) return tf.clone(x);
    if (type === 'gaussian') return tf.clipByValue(tf.add(x, tf.randomNormal(x.shape, 0, amount, 'float32', seed)), 0, 1);
    const r = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
    if (type === 'masking') return tf.where(tf.less(r, amount), tf.zerosLike(x), x);
    const pepper = tf.less(r, amount / 2);
    const salt = tf.logicalAnd(tf.greaterEqual(r, amount / 2), tf.less(r, amount));
    return tf.where(pepper, tf.zerosLike(x), tf.where(salt, tf.onesLike(x), x));
  });
}
