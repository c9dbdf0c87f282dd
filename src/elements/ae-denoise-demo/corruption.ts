import type { NoiseType } from '../../engine/spec.js';
import type { PlainKey } from '../../l10n/languages.js';
import type { LocalizeController } from '../../shared/localize.js';

export type Task = 'denoise' | 'inpaint' | 'superres' | 'colorize';
export type Noise = 'gaussian' | 'salt-pepper' | 'masking';

/** The tasks, in the menu's order; each is named by `denoise.task.<task>`. */
export const TASKS: readonly Task[] = ['denoise', 'inpaint', 'superres', 'colorize'];

/** What the three panels are called, per task (catalogue keys). */
export const PANELS: Record<Task, { clean: PlainKey; corrupted: PlainKey; restored: PlainKey }> = {
  denoise: { clean: 'denoise.panel.clean', corrupted: 'denoise.panel.corrupted', restored: 'denoise.panel.restored' },
  inpaint: { clean: 'denoise.panel.clean', corrupted: 'denoise.panel.corrupted', restored: 'denoise.panel.restored' },
  superres: { clean: 'denoise.panel.clean', corrupted: 'denoise.panel.downsampled', restored: 'denoise.panel.restored' },
  colorize: { clean: 'denoise.panel.original', corrupted: 'denoise.panel.grey', restored: 'denoise.panel.colorized' },
};

/** Why a task has no drawing pad, if it has none (a catalogue key). */
export const NO_DRAWING: Partial<Record<Task, PlainKey>> = {
  colorize: 'denoise.noDrawing.colorize',
};

/** The task that undoes a corruption: what the demo shows for a model when no `task` is set. */
export function taskFor(noiseType: NoiseType | undefined): Task {
  if (noiseType === 'grayscale') return 'colorize';
  return noiseType === 'inpaint' || noiseType === 'superres' ? noiseType : 'denoise';
}

/** Each noise type's amount: its range and default; the slider is named by `denoise.amount.<noise>`. */
export const NOISES: Record<Noise, { max: number; step: number; fallback: number }> = {
  gaussian: { max: 1, step: 0.05, fallback: 0.5 },
  'salt-pepper': { max: 0.6, step: 0.02, fallback: 0.2 },
  masking: { max: 0.9, step: 0.05, fallback: 0.5 },
};

export const FACTORS = [2, 4] as const;

/** What a denoising model was trained on, in words of the element's language. */
export function describeNoise(l: LocalizeController, type: NoiseType, amount: number): string {
  return l.term(`denoise.trained.${type}`, { amount });
}
