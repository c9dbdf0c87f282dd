import type * as tf from '@tensorflow/tfjs-core';
import { AEError, shown } from './errors.js';

// Checks on what a model.json says about its weights, before any byte is fetched or
// decoded: where the weights files are, and what each entry declares.

const invalid = (message: string, details?: Record<string, unknown>) => new AEError('weights-invalid', message, details);

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
  if (typeof path !== 'string' || path === '') throw invalid(`${from.href} names a weights file ${shown(path)}; paths must be non-empty strings.`);
  const url = new URL(path, from);
  if (url.origin !== folder.origin || url.protocol !== folder.protocol || !url.pathname.startsWith(folder.pathname)) {
    throw invalid(`${from.href} names its weights at "${path}", outside the model's folder ${folder.href}. A model file may only name files in its own folder: copy the weights beside model.json.`, { path, folder: folder.href });
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
  if (!e || typeof e !== 'object') throw invalid(`${from}: a weights entry is ${shown(e)}, not an object.`);
  const { name, shape, dtype, quantization: q } = e as Record<string, unknown>;
  if (typeof name !== 'string' || !name) throw invalid(`${from}: a weights entry has the name ${shown(name)}; names must be non-empty strings.`);
  const where = `${from}: weights "${name}"`;
  if (names.has(name)) throw invalid(`${where} appear twice in the manifest.`);
  names.add(name);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw invalid(`${where} have the shape ${shown(shape)}; a shape is a list of whole numbers >= 0.`, { name });
  if (shape.reduce((a: number, b: number) => a * b, 1) > MAX_VALUES) throw invalid(`${where} declare ${shown(shape)}: more values than any model this library builds.`, { name });
  if (dtype !== 'float32') {
    throw invalid(`${where} are declared ${shown(dtype)}, but every weight of these models is float32 (stored as float32, or quantised with "quantization"). Reading the bytes as ${shown(dtype)} would load garbage.`, { name, dtype });
  }
  if (q !== undefined) {
    const qd = (q as { dtype?: unknown } | null)?.dtype;
    if (!QUANTIZED.includes(qd as (typeof QUANTIZED)[number])) throw invalid(`${where} have the quantization ${shown(qd)}; known: ${QUANTIZED.join(', ')}.`, { name });
    if (qd !== 'float16') {
      const { scale, min } = q as { scale?: unknown; min?: unknown };
      if (!(typeof scale === 'number' && Number.isFinite(scale) && scale >= 0) || !(typeof min === 'number' && Number.isFinite(min))) {
        throw invalid(`${where} are quantised to ${qd} but have scale ${shown(scale)} and min ${shown(min)}; both must be finite numbers, scale >= 0.`, { name });
      }
    }
  }
  return e as tf.io.WeightsManifestEntry;
}

/** Checks a weights manifest: groups of paths and entries, each entry as checkEntry says. */
export function checkManifest(manifest: unknown, from: string): { paths: string[]; specs: tf.io.WeightsManifestEntry[] } {
  if (!Array.isArray(manifest)) throw invalid(`${from} has no "weightsManifest" list: it is not a TF.js LayersModel model.json.`);
  const names = new Set<string>();
  const paths: string[] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
  for (const group of manifest) {
    const { paths: p, weights: w } = (group ?? {}) as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(p) || !Array.isArray(w)) throw invalid(`${from}: each "weightsManifest" group needs "paths" and "weights" lists; got ${shown(group)}.`);
    paths.push(...(p as string[]));
    specs.push(...w.map((e) => checkEntry(e, from, names)));
  }
  return { paths, specs };
}

/** The weights data must hold exactly the bytes the entries describe: fewer is a truncated file, more a file that does not belong. */
export function checkByteCount(data: ArrayBuffer, specs: tf.io.WeightsManifestEntry[], from: string): void {
  const expected = specs.reduce((s, w) => s + storedBytes(w), 0);
  if (data.byteLength === expected) return;
  const problem = data.byteLength < expected ? 'are truncated' : 'are longer than their manifest says (they belong to another model.json?)';
  throw invalid(`The weights of ${from} ${problem}: ${data.byteLength} bytes where the manifest describes ${expected}. Re-download or re-save the model.`, { expected, actual: data.byteLength });
}
