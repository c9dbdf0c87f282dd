import type * as tf from '@tensorflow/tfjs-core';
import { AEError, shown } from './errors.js';
import type { MessageArgs, MessageKey } from '../l10n/english.js';

// Checks on what a model.json says about its weights, before any byte is fetched or
// decoded: where the weights files are, and what each entry declares.

const invalid = <K extends MessageKey>(key: K, args: MessageArgs<K>, details?: Record<string, unknown>) => AEError.of('weights-invalid', key, args, details);

/** Bytes per value of each stored dtype. The models' weights are float32, stored as is or quantised. */
const STORED_BYTES = { float32: 4, float16: 2, uint16: 2, uint8: 1 } as const;
const QUANTIZED = ['float16', 'uint16', 'uint8'] as const;
/** More values than any model here has (the largest has about 1.3 million). */
const MAX_VALUES = 2 ** 28;

/**
 * Where a weights file named in a model.json lives. The one rule for every such name:
 * relative to the model.json's folder and inside it (subfolders allowed), so a model
 * file cannot make the page fetch from another host or another folder. The model.json's
 * own URL is the page's choice and may be anywhere.
 */
export function weightsUrl(path: unknown, modelUrl: string): string {
  const from = new URL(modelUrl, globalThis.location?.href);
  const folder = new URL('./', from);
  if (typeof path !== 'string' || path === '') throw invalid('weights.pathType', { from: from.href, got: shown(path) });
  const url = new URL(path, from);
  if (url.origin !== folder.origin || url.protocol !== folder.protocol || !url.pathname.startsWith(folder.pathname)) {
    throw invalid('weights.pathOutside', { from: from.href, path, folder: folder.href }, { path, folder: folder.href });
  }
  return url.href;
}

/** Bytes an entry takes in the weights data. */
export function storedBytes(entry: tf.io.WeightsManifestEntry): number {
  const count = entry.shape.reduce((a, b) => a * b, 1);
  return count * STORED_BYTES[(entry.quantization?.dtype ?? entry.dtype) as keyof typeof STORED_BYTES];
}

/** Checks one entry: a named float32 tensor of a sane shape, quantised in a way tfjs can undo. */
function checkEntry(e: unknown, from: string, names: Set<string>): tf.io.WeightsManifestEntry {
  if (!e || typeof e !== 'object') throw invalid('weights.entryType', { from, got: shown(e) });
  const { name, shape, dtype, quantization: q } = e as Record<string, unknown>;
  if (typeof name !== 'string' || !name) throw invalid('weights.entryName', { from, got: shown(name) });
  if (names.has(name)) throw invalid('weights.entryTwice', { from, name });
  names.add(name);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw invalid('weights.entryShape', { from, name, got: shown(shape) }, { name });
  if (shape.reduce((a: number, b: number) => a * b, 1) > MAX_VALUES) throw invalid('weights.entryTooBig', { from, name, got: shown(shape) }, { name });
  if (dtype !== 'float32') {
    throw invalid('weights.entryDtype', { from, name, got: shown(dtype) }, { name, dtype });
  }
  if (q !== undefined) {
    const qd = (q as { dtype?: unknown } | null)?.dtype;
    if (!QUANTIZED.includes(qd as (typeof QUANTIZED)[number])) throw invalid('weights.entryQuantization', { from, name, got: shown(qd), known: QUANTIZED }, { name });
    if (qd !== 'float16') {
      const { scale, min } = q as { scale?: unknown; min?: unknown };
      if (!(typeof scale === 'number' && Number.isFinite(scale) && scale >= 0) || !(typeof min === 'number' && Number.isFinite(min))) {
        throw invalid('weights.entryScale', { from, name, dtype: String(qd), scale: shown(scale), min: shown(min) }, { name });
      }
    }
  }
  return e as tf.io.WeightsManifestEntry;
}

/** Checks a weights manifest: groups of paths and entries, each entry as checkEntry says. */
export function checkManifest(manifest: unknown, from: string): { paths: string[]; specs: tf.io.WeightsManifestEntry[] } {
  if (!Array.isArray(manifest)) throw invalid('weights.noManifest', { from });
  const names = new Set<string>();
  const paths: string[] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
  for (const group of manifest) {
    const { paths: p, weights: w } = (group ?? {}) as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(p) || !Array.isArray(w)) throw invalid('weights.group', { from, got: shown(group) });
    paths.push(...(p as string[]));
    specs.push(...w.map((e) => checkEntry(e, from, names)));
  }
  return { paths, specs };
}

/** The weights data must hold exactly the bytes the entries describe: fewer is a truncated file, more a file that does not belong. */
export function checkByteCount(data: ArrayBuffer, specs: tf.io.WeightsManifestEntry[], from: string): void {
  const expected = specs.reduce((s, w) => s + storedBytes(w), 0);
  if (data.byteLength === expected) return;
  throw invalid('weights.byteCount', { from, bytes: data.byteLength, expected }, { expected, actual: data.byteLength });
}
