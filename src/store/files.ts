import type { ModelFiles } from '../engine/types.js';

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
