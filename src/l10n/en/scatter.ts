import { section } from '../catalog.js';
import type { Formats } from '../formats.js';

type W = { written: string };
/** Which images the plot shows. */
type Split = 'all' | 'train' | 'test';
/** The latent point as numbers with two decimals, as the cursor shows it. */
export const latentPoint = (latent: number[], f: Formats, separator: string) =>
  latent.map((v) => f.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false })).join(separator);

/** <ae-latent-scatter>. */
export const scatter = section({
  'scatter.loading': 'Loading…',
  'scatter.status': ({ n, split, dim, projected }: { n: number; split: Split; dim: number; projected: boolean }, f) =>
    `${f.number(n)} ${split === 'all' ? '' : `${split} `}images, ${dim}-number code${projected ? ', shown on its first two principal components' : ''}`,
  'scatter.projected': ' (PCA projection of the code)',
  'scatter.title': ({ model }: { model: string }) => `Latent codes of “${model}”`,
  'scatter.pcaTitle': 'PCA, 2 components',
  'scatter.roleDescription': 'latent space plot',
  'scatter.plotLabel': ({ title, status }: { title: string; status: string }) => `${title}: ${status}. Arrow keys move a cursor, Enter decodes it, plus and minus zoom, 0 resets.`,
  'scatter.pcaLabel': ({ title }: { title: string }) => `${title}: the same images projected by PCA`,
  /** Beside a plot's title: its 5-nearest-neighbour accuracy, already a percentage. */
  'scatter.knn': ({ accuracy }: { accuracy: string }) => `5-NN ${accuracy}`,
  'scatter.testMse': ({ mse }: { mse: string }) => `test MSE ${mse}`,
  'scatter.legend': 'Label colours',
  'scatter.noImage': 'No image',
  'scatter.decodedLabel': ({ latent }: { latent: number[] }, f) => `Decoded image of (${latentPoint(latent, f, ', ')})`,
  'scatter.nothingDecoded': 'Nothing decoded',
  'scatter.decoded': ({ latent }: { latent: number[] }, f) => `decoded z = (${latentPoint(latent, f, ', ')})`,
  'scatter.attr.compare': ({ written, options }: W & { options: string[] }) => `${written} must be ${options.map((o) => `"${o}"`).join(', ')} or empty.`,
});
