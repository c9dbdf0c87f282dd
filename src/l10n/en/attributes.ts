import { section } from '../catalog.js';

type W = { written: string };
type Range = W & { lo: number; hi: number };

/** Messages about an attribute's value. `written` is the attribute as the page wrote it: `count="abc"`. */
export const attributes = section({
  'attr.wholeNumber': ({ written, lo, hi }: Range) => `${written} must be a whole number from ${lo} to ${hi}.`,
  'attr.wholePixels': ({ written, lo, hi }: Range) => `${written} must be a whole number of pixels from ${lo} to ${hi}.`,
  'attr.numberIn': ({ written, lo, hi }: Range) => `${written} must be a number ${hi === Infinity ? `of ${lo} or more` : `from ${lo} to ${hi}`}.`,
  'attr.oneOf': ({ written, options }: W & { options: string[] }) => `${written} must be ${oneOfWords(options)}.`,
  'attr.theme': ({ written, options }: W & { options: string[] }) => `${written} must be ${oneOfWords(options)}, or left out to follow the reader's system.`,
  'attr.seed': ({ written }: W) => `${written} must be a whole number, such as 1.`,
  'attr.imageIndex': ({ written, max }: W & { max: number }) => `${written} must be an image number from 0 to ${max}.`,
  'attr.reason': ({ written, reason }: W & { reason: string }) => `${written} ${reason}`,
  'attr.trainWhole': ({ written }: W) => `${written} must be a whole number of at least 1.`,
  'attr.learningRate': ({ written }: W) => `${written} must be a number between 0 and 1, such as 0.001.`,
  'attr.modelEmpty': ({ written }: W) =>
    `${written} is empty: name the model store to join, such as model="mnist-ae-2d" (a preset with pretrained weights) or any id the page's elements share, such as model="digits".`,
  'attr.dataEmpty': ({ written }: W) =>
    `${written} is empty: name a bundled dataset (mnist-10k, emoji-32) or the URL of a dataset file, or leave the attribute out for the model's own data.`,
  'attr.about': ({ written, reason }: W & { reason: string }) => `${written}: ${reason}`,
  'attr.dims': ({ written, max }: W & { max: number }) => `${written} must name two different code dimensions from 0 to ${max}, such as "0,1".`,
});

/** `"a"`, `one of "a" or "b"`, `one of "a", "b" or "c"`. */
export function oneOfWords(options: string[]): string {
  const list = options.map((o) => `"${o}"`);
  return list.length > 1 ? `one of ${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list[0];
}
