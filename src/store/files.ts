import { AEError, shown } from '../engine/errors.js';
import type { ModelFiles, WeightsSource } from '../engine/types.js';
import { absolute } from './config.js';

/** Triggers browser downloads of model.json and its weights (tf.io's downloads:// layout). */
export function downloadFiles(files: ModelFiles): void {
  const name = files.weightsName.replace(/\.weights\.bin$/, '');
  const items: [string, BlobPart, string][] = [
    [`${name}.json`, files.modelJson, 'application/json'],
    [files.weightsName, files.weights, 'application/octet-stream'],
  ];
  for (const [fileName, part, type] of items) {
    const url = URL.createObjectURL(new Blob([part], { type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Reads the files picked in an <input type=file multiple> to buffers the engine can take. */
export async function readFiles(files: File[] | FileList): Promise<{ name: string; data: ArrayBuffer }[]> {
  return Promise.all(Array.from(files, async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
}

/** What store.load() was given, as the engine takes it; anything else is input-invalid. */
export async function weightsSource(source: unknown): Promise<WeightsSource> {
  if (typeof source === 'string' && source.trim()) {
    if (source.startsWith('indexeddb://')) return { kind: 'indexeddb', url: source };
    try {
      return { kind: 'url', url: absolute(source) };
    } catch {
      throw AEError.of('input-invalid', 'error.loadNotUrl', { got: shown(source) });
    }
  }
  const files = typeof FileList !== 'undefined' && source instanceof FileList ? Array.from(source) : source;
  if (Array.isArray(files) && files.length > 0 && files.every((f) => f instanceof File)) return { kind: 'files', files: await readFiles(files) };
  throw AEError.of('input-invalid', 'error.loadSource', { got: shown(source) });
}
