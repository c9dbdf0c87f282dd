import { defineKind, reconstruct } from './kind.js';

/** The plain autoencoder: reconstruction alone. */
export const ae = defineKind({
  name: 'ae',
  title: 'plain',
  doc: 'Encoder, bottleneck, decoder; minimises the reconstruction loss alone.',
  fields: {},
  updates: [{ weights: 'autoencoder', loss: (b) => ({ loss: reconstruct(b).loss }) }],
});
