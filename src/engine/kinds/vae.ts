import { amount } from './fields.js';
import { defineKind } from './kind.js';
import { normals } from './priors.js';

/** The variational autoencoder: a gaussian code pulled toward N(0, I) by the KL term. */
export const vae = defineKind({
  name: 'vae',
  title: 'variational',
  doc: 'Encodes a mean and a variance per sample and decodes a draw from it; the KL term pulls codes toward a standard normal, which random values then decode well from.',
  fields: { beta: amount(1, 'Weight of the KL term.', { attribute: 'beta' }) },
  code: 'gaussian',
  describe: (s) => `, β ${s.beta}`,
  prior: (s, n, rand) => normals(n * s.latentDim, rand),
  priorText: () => 'Drawn from a standard normal, the prior the KL term pulls codes toward.',
  updates: [
    {
      weights: 'autoencoder',
      terms: ['reconstruction', 'kl'],
      loss(b) {
        const { tf } = b;
        const [mean, logVar] = b.encode(b.x);
        const z = b.training ? tf.add(mean, tf.mul(tf.exp(tf.mul(0.5, logVar)), tf.randomNormal(mean.shape, 0, 1, 'float32', b.seed))) : mean;
        // ELBO: the reconstruction is summed over each sample's values, so the KL term is weighed against the whole sample.
        const reconstruction = b.reconstruction(b.x, b.decode(z), 'sum');
        // KL(q(z|x) || N(0, I)), summed over latent dims, averaged over the batch.
        const terms = tf.sub(tf.add(1, logVar), tf.add(tf.square(mean), tf.exp(logVar)));
        const kl = tf.div(tf.mul(-0.5, tf.sum(terms)), mean.shape[0]) as typeof reconstruction;
        return { loss: tf.add(reconstruction, tf.mul(b.spec.beta, kl)), reconstruction, kl };
      },
    },
  ],
});
