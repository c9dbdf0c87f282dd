import { defineKind, reconstruct } from './kind.js';

/**
 * Learns colour from grey: the input is each image's luma (in all three channels), the
 * target the colour image. The grey image already holds every edge, and a narrow dense
 * bottleneck would lose them (an autoencoder with a 32-number code blurs emoji), so the
 * code is a map: `latentDim` channels at each position of the last convolution.
 */
export const colorize = defineKind({
  name: 'colorize',
  title: 'colorizing',
  doc: 'Trains on the grey version of colour images (Rec. 601 luma in all three channels) against the colour image. Fully convolutional: the code is a map of `latentDim` channels per position of the last stride-2 convolution, with no dense layers (`hidden` is not used). Colour images only.',
  fields: {},
  architecture: 'conv',
  code: 'map',
  restores: () => ({ noiseType: 'grayscale', noise: 1 }),
  refuses: (_, shape) => (shape.kind === 'image' && shape.channels === 3 ? undefined : 'needs colour images (3 channels), to learn colour from their grey version.'),
  updates: [{ weights: 'autoencoder', loss: (b) => ({ loss: reconstruct(b, b.corrupt(b.x, 'grayscale', 1)).loss }) }],
});
