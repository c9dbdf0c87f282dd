// The spec fields every kind has, as types, and the names lists the fields check against.
// Their defaults and checks are in spec.ts, which knows the kinds.

export type Activation = 'relu' | 'elu' | 'selu' | 'tanh' | 'sigmoid' | 'linear';
export type NoiseType = 'gaussian' | 'salt-pepper' | 'masking' | 'inpaint' | 'superres' | 'mixed' | 'grayscale';
export type LossName = 'mse' | 'bce';

export const ACTIVATIONS: readonly Activation[] = ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear'];
export const NOISE_TYPES: readonly NoiseType[] = ['gaussian', 'salt-pepper', 'masking', 'inpaint', 'superres', 'mixed', 'grayscale'];
export const LOSSES: readonly LossName[] = ['mse', 'bce'];

/** Rec. 601 luma weights of R, G, B: the grey a photo editor or a TV shows of a colour image (noise type `grayscale`). */
export const LUMA = [0.299, 0.587, 0.114] as const;

/** Largest `noise` per type: σ for gaussian, a share of pixels or of the side, a downsampling factor for superres, the share of colour taken out for grayscale. */
export const NOISE_MAX: Record<NoiseType, number> = { gaussian: 10, 'salt-pepper': 1, masking: 1, inpaint: 1, superres: 8, mixed: 1, grayscale: 1 };

export interface CommonSpec {
  kind: string;
  /** Size of the code (the bottleneck). */
  latentDim: number;
  /** Hidden layer widths of the dense encoder; the decoder mirrors them. */
  hidden: number[];
  /** Filters of each stride-2 Conv2D of a convolutional kind's encoder; the decoder mirrors them. */
  filters: number[];
  /** Activation of the hidden layers. */
  activation: Activation;
  /** Activation of the code layer (not used by a gaussian code). */
  codeActivation: Activation;
  /** Activation of the decoder's output. */
  outputActivation: 'sigmoid' | 'linear';
  loss: LossName;
  /** Seed of weight initialisation and of training noise; 0 means a fresh random seed. */
  seed: number;
}
