import { amount } from './fields.js';
import { defineKind, reconstruct } from './kind.js';

/** An L1 penalty on the code keeps most of it near zero. */
export const sparse = defineKind({
  name: 'sparse',
  title: 'sparse',
  doc: 'Adds an L1 penalty on the code, so few code units are active per sample.',
  fields: { sparsity: amount(1e-3, 'Weight of the L1 penalty on the code.', { attribute: 'sparsity' }) },
  describe: (s) => `, L1 ${s.sparsity}`,
  updates: [
    {
      weights: 'autoencoder',
      terms: ['reconstruction', 'sparsity'],
      loss(b) {
        const { tf } = b;
        const { code, loss } = reconstruct(b);
        const sparsity = tf.mean(tf.abs(code)) as typeof loss;
        return { loss: tf.add(loss, tf.mul(b.spec.sparsity, sparsity)), reconstruction: loss, sparsity };
      },
    },
  ],
});
