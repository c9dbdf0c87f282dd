import { amount } from './fields.js';
import { defineKind, reconstruct } from './kind.js';

/** Perturbation scale of the finite-difference Jacobian estimate. */
const JACOBIAN_EPS = 0.05;

/** Penalises how much the code moves when the input moves. */
export const contractive = defineKind({
  name: 'contractive',
  title: 'contractive',
  doc: "Adds the encoder's Jacobian norm, so codes change little under small input changes.",
  fields: { contraction: amount(1e-2, 'Weight of the Jacobian penalty.') },
  describe: (s) => `, contraction ${s.contraction}`,
  updates: [
    {
      weights: 'autoencoder',
      terms: ['reconstruction', 'contraction'],
      loss(b) {
        const { tf, x } = b;
        const { code, loss } = reconstruct(b);
        // E||f(x+e) - f(x)||^2 / eps^2 with e ~ N(0, eps^2 I) estimates ||J_f(x)||_F^2
        // with first-order gradients only.
        const [shifted] = b.encode(tf.add(x, tf.randomNormal(x.shape, 0, JACOBIAN_EPS, 'float32', b.seed)));
        const jacobian = tf.div(tf.sum(tf.squaredDifference(shifted, code)), x.shape[0] * JACOBIAN_EPS ** 2) as typeof loss;
        return { loss: tf.add(loss, tf.mul(b.spec.contraction, jacobian)), reconstruction: loss, contraction: jacobian };
      },
    },
  ],
});
