import type * as TF from '@tensorflow/tfjs-core';
import { amount, badField, choice, count, flag, widths } from './fields.js';
import { batchRandom, defineKind, reconstruct, type Batch, type SpecOf } from './kind.js';
import { circleMixture, normals } from './priors.js';

/** log(1 + e^l), from ops every backend has. */
function softplus(tf: typeof TF, l: TF.Tensor): TF.Tensor {
  return tf.add(tf.relu(l), tf.log(tf.add(1, tf.exp(tf.neg(tf.abs(l))))));
}

const fields = {
  prior: choice(['normal', 'circle'] as const, 'normal', 'The distribution codes are pushed toward: a standard normal, or a mixture of gaussians on a circle in the first two code dimensions.', { attribute: 'prior' }),
  components: count(10, 64, 'Gaussians of the circle prior.', { min: 2 }),
  supervised: flag(false, "Circle prior with labels: each class is sent to its own component (the discriminator sees the label), so random draws from a component decode to that class."),
  discriminator: widths([128, 128], 'Hidden layer widths of the discriminator on the codes.'),
  discriminatorRate: amount(1, "The discriminator's learning rate as a share of the run's (on MNIST, 0.2 and 0.05 let the codes drift off their components).", { max: 10 }),
};

type Spec = SpecOf<typeof fields>;

/** `n` codes of the prior (flat); with labels, each from its class's component of the circle. */
function drawPrior(s: Spec, n: number, rand: () => number, labels?: Uint8Array): Float32Array {
  return s.prior === 'circle' ? circleMixture(n, s.latentDim, s.components, rand, labels) : normals(n * s.latentDim, rand);
}

/** Prior draws for a batch, for its labels when supervised. */
function priorBatch(b: Batch<Spec>, n: number): TF.Tensor {
  const s = b.spec;
  const rand = batchRandom(b);
  return b.tf.tensor2d(drawPrior(s, n, rand, s.supervised ? b.labels : undefined), [n, s.latentDim]);
}

/** The discriminator's logit for codes; with the supervised prior it also sees each code's label. */
function judge(b: Batch<Spec>, z: TF.Tensor): TF.Tensor {
  const { tf, spec } = b;
  if (!spec.supervised || !b.labels) return b.net('discriminator', z);
  const oneHot = tf.oneHot(tf.tensor1d(b.labels, 'int32'), spec.components);
  return b.net('discriminator', tf.concat([z, tf.cast(oneHot, 'float32')], 1));
}

/**
 * The adversarial autoencoder (Makhzani et al. 2015): each batch a reconstruction step,
 * a discriminator step telling codes from prior draws, and a step in which the encoder
 * learns to fool it, so the codes come to fill the prior.
 */
export const aae = defineKind({
  name: 'aae',
  title: 'adversarial',
  doc: 'A discriminator on the codes tells them from draws of a prior; the encoder learns to fool it, so codes fill the prior and random draws decode well. Three updates per batch.',
  fields,
  networks: (s) => ({ discriminator: { input: s.latentDim + (s.supervised ? s.components : 0), hidden: s.discriminator, output: 1, activation: 'relu' } }),
  lossName: 'reconstruction',
  labels(s, data) {
    if (!s.supervised) return false;
    if (s.prior !== 'circle') throw badField('supervised', 'spec.aae.circle');
    if (s.latentDim < 2) throw badField('latentDim', 'spec.aae.latentDim');
    if (!data.labeled) throw badField('supervised', 'spec.aae.labels');
    if (data.classes > s.components) throw badField('components', 'spec.aae.components', { classes: data.classes, components: s.components });
    return true;
  },
  prior: (s, n, rand) => drawPrior(s, n, rand),
  priorText: (s) => (s.prior === 'circle' ? `Drawn from the prior the codes were pushed to fill: ${s.components} gaussians on a circle${s.supervised ? ', one per class' : ''}.` : 'Drawn from a standard normal, the prior the codes were pushed to fill.'),
  describe: (s) => `, ${s.prior === 'circle' ? `${s.supervised ? 'supervised ' : ''}circle of ${s.components}` : 'normal'} prior`,
  updates: [
    { weights: 'autoencoder', loss: (b) => ({ loss: reconstruct(b).loss }) },
    {
      weights: 'discriminator',
      terms: ['discriminator'],
      rate: (s) => s.discriminatorRate,
      loss(b) {
        const { tf } = b;
        const [code] = b.encode(b.x);
        const real = judge(b, priorBatch(b, b.x.shape[0]));
        const fake = judge(b, code);
        // Mean cross-entropy over real and fake: ln 2 = 0.693 at chance.
        const loss = tf.mul(0.5, tf.add(tf.mean(softplus(tf, tf.neg(real))), tf.mean(softplus(tf, fake)))) as TF.Scalar;
        return { loss, discriminator: loss };
      },
    },
    {
      weights: 'encoder',
      terms: ['generator'],
      loss(b) {
        const { tf } = b;
        const loss = tf.mean(softplus(tf, tf.neg(judge(b, b.encode(b.x)[0])))) as TF.Scalar;
        return { loss, generator: loss };
      },
    },
  ],
});
