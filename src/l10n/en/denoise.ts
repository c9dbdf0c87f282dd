import { section } from '../catalog.js';
import { oneOfWords } from './attributes.js';

type W = { written: string };
type Range = W & { lo: number; hi: number };
/** The noise types the demo offers, as the `noise-type` attribute names them. */
type Noise = 'gaussian' | 'salt-pepper' | 'masking';
type Amount = { amount: number };


/** <ae-denoise-demo>. */
export const denoise = section({
  'denoise.task': 'Task',
  'denoise.task.denoise': 'Remove noise',
  'denoise.task.inpaint': 'Fill in a blanked square',
  'denoise.task.superres': 'Sharpen a downsampled image',
  'denoise.task.colorize': 'Colorize a grey image',
  'denoise.noise': 'Noise',
  // The noise types by their attribute values (the choices of the Noise menu).
  'denoise.noise.gaussian': 'gaussian',
  'denoise.noise.salt-pepper': 'salt-pepper',
  'denoise.noise.masking': 'masking',
  // What the amount slider is called, per noise type.
  'denoise.amount.gaussian': 'Gaussian noise, σ',
  'denoise.amount.salt-pepper': 'Salt and pepper, share of pixels',
  'denoise.amount.masking': 'Masking, share of pixels dropped',
  'denoise.block': 'Square side, pixels',
  'denoise.factor': 'Downsampled',
  'denoise.factorOption': ({ factor }: { factor: number }) => `${factor}x`,
  'denoise.image': 'Image',
  'denoise.testImage': 'Test image',
  'denoise.draw': 'Draw',
  'denoise.newSample': 'New sample',
  // The three panels' names, per task.
  'denoise.panel.clean': 'Clean',
  'denoise.panel.corrupted': 'Corrupted',
  'denoise.panel.downsampled': 'Downsampled',
  'denoise.panel.restored': 'Restored',
  'denoise.panel.original': 'Original',
  'denoise.panel.grey': 'Grey input',
  'denoise.panel.colorized': 'Colorized',
  'denoise.noImage': 'no image yet',
  'denoise.yourDrawing': 'your drawing',
  'denoise.cleanLabel': ({ panel, name }: { panel: string; name: string }) => `${panel}: ${name}`,
  'denoise.errorLabel': ({ panel, error }: { panel: string; error: string }) => `${panel}, error ${error}`,
  'denoise.noDrawing.colorize': 'Colorizing starts from a colour image, and a drawing has no colour to compare the result with. Use test images.',
  'denoise.drawHint': 'Draw a digit on the pad; it is corrupted and restored when you lift the pen.',
  /** `kind` is "a plain autoencoder" (`common.kindPhrase`); `kindName` the kind to train it with. A preset may follow. */
  'denoise.untrained': ({ kind, colorize, kindName }: { kind: string; colorize: boolean; kindName: string }) =>
    `This model, ${kind}, was not trained to ${colorize ? 'colorize' : 'denoise'}: it learned to copy clean images, so much of the corruption passes through. Train it with kind “${kindName}”`,
  /** Before a preset's `model="…"`, at the end of `denoise.untrained`. */
  'denoise.orUse': ', or use',
  'denoise.trainedOn': ({ noise }: { noise: string }) => `Trained on ${noise}.`,
  // What a model was trained on, per corruption: the `noise` of `denoise.trainedOn`.
  'denoise.trained.gaussian': ({ amount }: Amount, f) => `gaussian noise (σ ${f.number(amount)})`,
  'denoise.trained.salt-pepper': ({ amount }: Amount, f) => `salt-and-pepper noise (${f.percent(amount, 0)} of pixels)`,
  'denoise.trained.masking': ({ amount }: Amount, f) => `masking (${f.percent(amount, 0)} of pixels dropped)`,
  'denoise.trained.inpaint': ({ amount }: Amount, f) => `blanked squares (${f.percent(amount, 0)} of the side)`,
  'denoise.trained.superres': ({ amount }: Amount, f) => `${f.number(amount)}x downsampling`,
  'denoise.trained.mixed': ({ amount }: Amount, f) => `a mix of noise, masking, blanked squares and downsampling (strength ${f.number(amount)})`,
  'denoise.trained.grayscale': ({ amount }: Amount, f) => (amount >= 1 ? 'grey versions of colour images' : `colour images with ${f.percent(amount, 0)} of their colour taken out`),
  'denoise.wholeSplit': 'Whole test split:',
  'denoise.lower': ({ ratio }: { ratio: number }, f) => `${f.number(ratio, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })}× lower`,
  'denoise.noBetter': 'no better',
  'denoise.measuring': 'Measuring the test split…',
  'denoise.attr.noise': ({ written, lo, hi, noise }: Range & { noise: Noise }) => `${written} must be a number ${hi === Infinity ? `of ${lo} or more` : `from ${lo} to ${hi}`} for ${noise} noise.`,
  'denoise.attr.factor': ({ written, factors }: W & { factors: number[] }) => `${written} must be ${factors.join(' or ')}.`,
  'denoise.attr.source': ({ written, options }: W & { options: string[] }) => `${written} must be ${oneOfWords(options)} (the drawing pad).`,
});
