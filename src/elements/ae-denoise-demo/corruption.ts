import type { NoiseType } from '../../engine/spec.js';

export type Task = 'denoise' | 'inpaint' | 'superres' | 'colorize';
export type Noise = 'gaussian' | 'salt-pepper' | 'masking';

export const TASKS: Record<Task, string> = {
  denoise: 'Remove noise',
  inpaint: 'Fill in a blanked square',
  superres: 'Sharpen a downsampled image',
  colorize: 'Colorize a grey image',
};

/** What the three panels are called, per task. */
export const PANELS: Record<Task, { clean: string; corrupted: string; restored: string }> = {
  denoise: { clean: 'Clean', corrupted: 'Corrupted', restored: 'Restored' },
  inpaint: { clean: 'Clean', corrupted: 'Corrupted', restored: 'Restored' },
  superres: { clean: 'Clean', corrupted: 'Downsampled', restored: 'Restored' },
  colorize: { clean: 'Original', corrupted: 'Grey input', restored: 'Colorized' },
};

/** Why a task has no drawing pad, if it has none. */
export const NO_DRAWING: Partial<Record<Task, string>> = {
  colorize: 'Colorizing starts from a colour image, and a drawing has no colour to compare the result with. Use test images.',
};

/** The task that undoes a corruption: what the demo shows for a model when no `task` is set. */
export function taskFor(noiseType: NoiseType | undefined): Task {
  if (noiseType === 'grayscale') return 'colorize';
  return noiseType === 'inpaint' || noiseType === 'superres' ? noiseType : 'denoise';
}

/** Each noise type's amount: what the slider is called, its range and default. */
export const NOISES: Record<Noise, { label: string; max: number; step: number; fallback: number }> = {
  gaussian: { label: 'Gaussian noise, σ', max: 1, step: 0.05, fallback: 0.5 },
  'salt-pepper': { label: 'Salt and pepper, share of pixels', max: 0.6, step: 0.02, fallback: 0.2 },
  masking: { label: 'Masking, share of pixels dropped', max: 0.9, step: 0.05, fallback: 0.5 },
};

export const FACTORS = [2, 4] as const;

/** What a denoising model was trained on, in words. */
export function describeNoise(type: NoiseType, amount: number): string {
  const share = `${Math.round(amount * 100)}%`;
  switch (type) {
    case 'gaussian':
      return `gaussian noise (σ ${amount})`;
    case 'salt-pepper':
      return `salt-and-pepper noise (${share} of pixels)`;
    case 'masking':
      return `masking (${share} of pixels dropped)`;
    case 'inpaint':
      return `blanked squares (${share} of the side)`;
    case 'superres':
      return `${amount}x downsampling`;
    case 'mixed':
      return `a mix of noise, masking, blanked squares and downsampling (strength ${amount})`;
    case 'grayscale':
      return amount >= 1 ? 'grey versions of colour images' : `colour images with ${share} of their colour taken out`;
  }
}
