import { AEError } from '../engine/errors.js';
import { absolute, getConfig } from './config.js';

/** Datasets that ship with the library, each a test part and a train part in data/. */
export const BUNDLED_DATA = ['mnist-10k', 'emoji-32'] as const;
export type BundledData = (typeof BUNDLED_DATA)[number];

/**
 * The URL of the data a store is told to use: a bundled name resolves beside the
 * configured `dataUrl` (so a page that moved the data files moves every dataset), any
 * other text is the URL of a dataset file (a test part `*.test.bin`, or a whole `*.bin`).
 */
export function dataUrlOf(source: string): string {
  if (typeof source !== 'string' || source.trim() === '') throw AEError.of('input-invalid', 'error.dataUnnamed', { bundled: BUNDLED_DATA });
  const name = source.trim();
  if ((BUNDLED_DATA as readonly string[]).includes(name)) return new URL(`${name}.test.bin`, absolute(getConfig().dataUrl)).href;
  if (!/\.bin(?:[?#].*)?$/.test(name)) {
    throw AEError.of('input-invalid', 'error.dataUnknown', { name, bundled: BUNDLED_DATA }, { data: name });
  }
  return absolute(name);
}

/** The data a store uses unless told otherwise: the preset's own, else the configured `dataUrl`. */
export function defaultDataUrl(preset?: { data?: BundledData }): string {
  return preset?.data ? dataUrlOf(preset.data) : absolute(getConfig().dataUrl);
}
