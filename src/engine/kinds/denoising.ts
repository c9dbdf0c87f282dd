import { NOISE_MAX, NOISE_TYPES, type NoiseType } from './common.js';
import { amount, choice } from './fields.js';
import { defineKind, reconstruct } from './kind.js';

/** Learns to undo a corruption: the input is corrupted, the target is the clean sample. */
export const denoising = defineKind({
  name: 'denoising',
  title: 'denoising',
  doc: 'Trains on corrupted input against the clean sample, so it learns to restore.',
  fields: {
    noiseType: choice(NOISE_TYPES, 'gaussian', 'Which corruption each training batch gets.', { attribute: 'noise-type' }),
    noise: amount(0.5, 'Gaussian σ; the share of pixels set to 0 or 1 (salt-pepper) or to 0 (masking); inpaint blanks a rectangle of `noise` x each side; superres averages `noise` x `noise` blocks; mixed draws one of them per batch at a strength up to `noise`. Applied to the input only.', {
      attribute: 'noise',
      max: (s) => NOISE_MAX[s.noiseType as NoiseType] ?? Infinity,
    }),
  },
  restores: (s) => ({ noiseType: s.noiseType, noise: s.noise }),
  refuses: (s, shape) => (s.noiseType === 'grayscale' && !(shape.kind === 'image' && shape.channels === 3) ? { key: 'spec.refuses.grayscale' } : undefined),
  describe: (s) => `, ${s.noiseType} noise ${s.noise}`,
  updates: [{ weights: 'autoencoder', loss: (b) => ({ loss: reconstruct(b, b.corrupt(b.x, b.spec.noiseType, b.spec.noise)).loss }) }],
});
