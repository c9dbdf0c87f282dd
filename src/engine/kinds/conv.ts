import { defineKind, reconstruct } from './kind.js';

/** Stride-2 convolutions before the dense layers, transposed ones after: for images. */
export const conv = defineKind({
  name: 'conv',
  title: 'convolutional',
  doc: 'Stride-2 3x3 convolutions halve the image per layer before the code; transposed convolutions grow it back. Images only.',
  fields: {},
  architecture: 'conv',
  updates: [{ weights: 'autoencoder', loss: (b) => ({ loss: reconstruct(b).loss }) }],
});
