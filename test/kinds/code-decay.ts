import { defineKind, reconstruct } from '../../src/engine/kinds/kind.js';
import { amount } from '../../src/engine/kinds/fields.js';

/**
 * A throwaway kind, whole in this one file: an autoencoder with an L2 penalty on the code.
 * It holds the promise that a new kind is one module plus one line.
 */
export const codeDecay = defineKind({
  name: 'code-decay',
  title: 'code-decay',
  doc: 'An L2 penalty on the code.',
  fields: { decay: amount(0.01, 'Weight of the L2 penalty on the code.') },
  updates: [
    {
      weights: 'autoencoder',
      terms: ['reconstruction', 'decay'],
      loss(b) {
        const { tf } = b;
        const { code, loss } = reconstruct(b);
        const decay = tf.mean(tf.square(code)) as typeof loss;
        return { loss: tf.add(loss, tf.mul(b.spec.decay, decay)), reconstruction: loss, decay };
      },
    },
  ],
});
