import * as tf from '@tensorflow/tfjs-core';
import type { Autoencoder } from './model.js';
import { corrupt } from './noise.js';

export interface LossOptions {
  /** Training draws fresh noise (VAE sampling, corruption); evaluation is deterministic. */
  training: boolean;
  seed?: number;
}

/** Perturbation scale of the finite-difference Jacobian estimate. */
const JACOBIAN_EPS = 0.05;

/** Reconstruction error per pixel, averaged over the batch; a VAE sums it over pixels. */
function reconstruction(ae: Autoencoder, target: tf.Tensor, output: tf.Tensor): tf.Scalar {
  const perPixel =
    ae.spec.loss === 'bce'
      ? tf.tidy(() => {
          const p = tf.clipByValue(output, 1e-7, 1 - 1e-7);
          return tf.neg(tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p)))));
        })
      : tf.squaredDifference(target, output);
  if (!ae.variational) return tf.mean(perPixel);
  // ELBO: sum over pixels per image, so the KL term is weighed against the whole image.
  return tf.div(tf.sum(perPixel), target.shape[0]);
}

/** KL(q(z|x) || N(0, I)), summed over latent dims, averaged over the batch. */
export function klDivergence(mean: tf.Tensor, logVar: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const terms = tf.sub(tf.add(1, logVar), tf.add(tf.square(mean), tf.exp(logVar)));
    return tf.div(tf.mul(-0.5, tf.sum(terms)), mean.shape[0]);
  });
}

/** The loss each variant minimises. One function so the training loop stays the same for all. */
export function variantLoss(ae: Autoencoder, x: tf.Tensor, opts: LossOptions): tf.Scalar {
  return tf.tidy(() => {
    const { spec } = ae;
    if (ae.variational) {
      const [mean, logVar] = ae.encoder.apply(x, { training: opts.training }) as tf.Tensor[];
      const z = opts.training ? tf.add(mean, tf.mul(tf.exp(tf.mul(0.5, logVar)), tf.randomNormal(mean.shape, 0, 1, 'float32', opts.seed))) : mean;
      const y = ae.decoder.apply(z, { training: opts.training }) as tf.Tensor;
      return tf.add(reconstruction(ae, x, y), tf.mul(spec.beta, klDivergence(mean, logVar)));
    }
    const input = spec.kind === 'denoising' ? corrupt(x, spec.noiseType, spec.noise, opts.seed) : x;
    const code = ae.encoder.apply(input, { training: opts.training }) as tf.Tensor;
    const y = ae.decoder.apply(code, { training: opts.training }) as tf.Tensor;
    let loss = reconstruction(ae, x, y);
    if (spec.kind === 'sparse' && spec.sparsity > 0) {
      loss = tf.add(loss, tf.mul(spec.sparsity, tf.mean(tf.abs(code))));
    }
    if (spec.kind === 'contractive' && spec.contraction > 0) {
      // E||f(x+e) - f(x)||^2 / eps^2 with e ~ N(0, eps^2 I) estimates ||J_f(x)||_F^2
      // with first-order gradients only.
      const shifted = ae.encoder.apply(tf.add(input, tf.randomNormal(x.shape, 0, JACOBIAN_EPS, 'float32', opts.seed)), { training: opts.training }) as tf.Tensor;
      const jacobian = tf.div(tf.sum(tf.squaredDifference(shifted, code)), x.shape[0] * JACOBIAN_EPS ** 2);
      loss = tf.add(loss, tf.mul(spec.contraction, jacobian));
    }
    return loss as tf.Scalar;
  });
}

/** Deterministic reconstruction (a VAE decodes its mean). */
export function reconstructTensor(ae: Autoencoder, x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const out = ae.full.apply(x) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out[0] : out;
  });
}

/** The code of each image (a VAE's mean). */
export function encodeTensor(ae: Autoencoder, x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const out = ae.encoder.apply(x) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out[0] : out;
  });
}

/** The KL term of a batch, for reporting (0 for non-variational models). */
export function batchKl(ae: Autoencoder, x: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    if (!ae.variational) return tf.scalar(0);
    const [mean, logVar] = ae.encoder.apply(x) as tf.Tensor[];
    return klDivergence(mean, logVar);
  });
}
