import { section } from '../catalog.js';
import type { Formats } from '../formats.js';

type Pair = [number, number];
/** A latent coordinate as the walk shows it: two decimals. */
export const coordinate = (v: number, f: Formats) => f.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/** <vae-latent-walk>. */
export const walk = section({
  /** The cursor's point: `z0 = 1.20, z1 = -0.40`. */
  'walk.where': ({ dims, values }: { dims: Pair; values: Pair }, f) => `z${dims[0]} = ${coordinate(values[0], f)}, z${dims[1]} = ${coordinate(values[1], f)}`,
  'walk.cursorLabel': 'Latent cursor: arrow keys move it one grid cell (Shift: a fifth), Home centres it',
  'walk.roleDescription': '2-D slider',
  'walk.gridCaption': ({ n, dims, x, y, others }: { n: number; dims: Pair; x: Pair; y: Pair; others: boolean }, f) =>
    `${n}×${n} decoded grid over z${dims[0]} ∈ [${coordinate(x[0], f)}, ${coordinate(x[1], f)}], z${dims[1]} ∈ [${coordinate(y[0], f)}, ${coordinate(y[1], f)}]${others ? ', other dimensions at the mean code' : ''}.`,
  'walk.decodedAt': ({ where }: { where: string }) => `Decoded image at ${where}`,
  /** `kind` is "a plain autoencoder" (`common.kindPhrase`). */
  'walk.notVae': ({ kind }: { kind: string }) =>
    `This is ${kind}, not a VAE: nothing pulls its codes toward a prior, so the grid spans the codes' observed range and random values follow their mean and spread. Gaps in that range decode to blends that look like no image of the data.`,
  'walk.interpolation': 'Interpolation between two images',
  'walk.interpolationTitle': ({ steps }: { steps: number }) => `Interpolation in latent space, ${steps} steps`,
  'walk.from': ({ name }: { name: string }) => `From ${name}`,
  'walk.to': ({ name }: { name: string }) => `To ${name}`,
  'walk.strip': 'Decoded images along the straight line between the two codes',
  'walk.fromTo': ({ from, to }: { from: string; to: string }) => `From ${from} to ${to}.`,
  'walk.yourDrawing': 'your drawing',
  'walk.newPair': 'New pair',
  'walk.drawOwn': 'Draw your own endpoints',
  'walk.useFirst': 'Use as first',
  'walk.useLast': 'Use as last',
  'walk.random': 'Random latent values',
  'walk.decodeRandom': 'Decode random values',
  'walk.fromCodes': "Drawn from a normal with the codes' mean and spread.",
  'walk.randomLabel': ({ count }: { count: number }) => `${count} images decoded from random latent vectors`,
  'walk.attr.range': ({ written }: { written: string }) => `${written} must be two numbers "low,high" with low < high, such as "-3,3".`,
});
