import { flag } from './fields.js';
import { batchRandom, defineKind } from './kind.js';

/**
 * Learns colour from grey: the input is each image's luma, the target the colour image.
 * The grey image already holds every edge, and a bottleneck would blur them (the emoji
 * autoencoder's 32 numbers do), so the code keeps the grey image whole and adds a small
 * map of colour hints; the decoder paints colour offsets from the map onto the grey.
 */
export const colorize = defineKind({
  name: 'colorize',
  title: 'colorizing',
  doc: 'Trains on the grey version of colour images (Rec. 601 luma) against the colour image. The code is the grey image itself plus a map of `latentDim` colour hints per position of the last stride-2 convolution; the decoder adds the colour it paints from the map to the grey image, so no detail is lost. No dense layers (`hidden` and `outputActivation` are not used). Colour images, loss `mse`.',
  fields: {
    mirror: flag(true, 'Mirror half the training batches left to right, drawn by the seed: twice the pictures to learn colour from (turn off for data whose sides differ, such as text).'),
  },
  architecture: 'conv',
  code: 'luma-map',
  restores: () => ({ noiseType: 'grayscale', noise: 1 }),
  refuses: (s, shape) => {
    if (!(shape.kind === 'image' && shape.channels === 3)) return { key: 'spec.refuses.colour' };
    if (s.loss !== 'mse') return { key: 'spec.refuses.mse' };
    return undefined;
  },
  updates: [
    {
      weights: 'autoencoder',
      loss: (b) => {
        const mirrored = b.training && b.spec.mirror && batchRandom(b)() < 0.5;
        const x = mirrored ? b.tf.reverse(b.x, 2) : b.x;
        const [code] = b.encode(b.corrupt(x, 'grayscale', 1));
        return { loss: b.reconstruction(x, b.decode(code)) };
      },
    },
  ],
});
