import { section } from '../catalog.js';

/** <ae-reconstruction-grid>. */
export const grid = section({
  'grid.list': 'Test images and their reconstructions',
  /** An original's name; `image` describes it ("label 3 (image 42)"). */
  'grid.original': ({ image }: { image: string }) => `Test ${image}`,
  'grid.imageNumber': ({ index }: { index: number }) => `image ${index}`,
  'grid.reconstruction': ({ vector, index, error }: { vector: boolean; index: number; error: string }) =>
    `${vector ? 'Input and reconstruction' : 'Reconstruction'} of ${vector ? 'sample' : 'image'} ${index}, error ${error}`,
  // The summary's numbers sit between these parts, in bold.
  'grid.summary.mean': 'Mean test error (MSE)',
  'grid.summary.code': ({ dim }: { dim: number }) => `with a ${dim}-number code`,
  'grid.summary.pca': ({ components }: { components: number }) => `PCA with ${components} components:`,
  'grid.attr.indices': ({ written, max }: { written: string; max: number }) => `${written} must list image numbers from 0 to ${max}, such as "0,7,42".`,
});
