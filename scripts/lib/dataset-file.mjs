// What every bundled dataset build shares: the seeded interleave, the engine (split, mean,
// PCA) bundled for node, the PCA basis a test part carries, and the file writer.
// Layout (little-endian): "AEDS" magic, u32 n, u16 height, u16 width, u8 channels,
// u8 flags (1: labels, 2: class names), u8 part (0 whole, 1 test, 2 train), u8 basis
// components; then n*h*w*c uint8 pixels (NHWC); then n uint8 labels; then a test part's
// basis (float32: the train mean image, then k component rows); then, with flag 2, a u32
// byte count and the class names as a UTF-8 JSON array.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const HEADER = 16;
export const Part = { Whole: 0, Test: 1, Train: 2 };
const Flag = { Labels: 1, ClassNames: 2 };

/** The engine's seeded Fisher-Yates shuffle, in place, so any prefix mixes all classes. */
export async function interleave(items, seed) {
  const { shuffle, mulberry32 } = await loadEngine();
  return shuffle(items, mulberry32(seed));
}

let engine;

/** The engine's shuffle, split, mean and PCA, bundled for node (tfjs on its plain-JS cpu backend). */
export async function loadEngine() {
  if (engine) return engine;
  const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.ae-data-')); // inside the project, so packages resolve
  const file = join(dir, 'engine.mjs');
  await build({
    stdin: {
      contents: `export { meanOf, withSplit } from './src/engine/dataset.ts';
        export { mulberry32, shuffle } from './src/engine/random.ts';
        export { fitPca } from './src/engine/metrics.ts';
        export * as tf from '@tensorflow/tfjs-core';
        import '@tensorflow/tfjs-backend-cpu';`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    packages: 'external',
    format: 'esm',
    outfile: file,
    logLevel: 'error',
  });
  try {
    engine = await import(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await engine.tf.setBackend('cpu');
  return engine;
}

/**
 * The basis a test part carries: the engine's mean of `images` (0..1, `size` per image)
 * at `trainIndices`, in that order, and the first `k` principal components of those
 * images from the engine's PCA. Returns the float32 block (mean, then k rows) and the
 * component variances.
 */
export async function pcaBasis(images, trainIndices, size, k) {
  const { meanOf, fitPca, tf } = await loadEngine();
  const mean = meanOf(images, trainIndices, size);
  const rows = new Float32Array(trainIndices.length * size);
  trainIndices.forEach((i, r) => rows.set(images.subarray(i * size, (i + 1) * size), r * size));
  const x = tf.tensor2d(rows, [trainIndices.length, size]);
  const pca = await fitPca(x, k);
  const components = tf.tidy(() => tf.transpose(pca.components).dataSync()); // k rows of one image
  tf.dispose([x, pca.mean, pca.components]);
  const basis = new Float32Array((k + 1) * size);
  basis.set(mean);
  basis.set(components, size);
  return { basis, k, variances: pca.variances };
}

/**
 * Test MSE per pixel of the mean image and of PCA reconstructions from the first
 * `ks` components of a basis block (float64 sums over float32 values).
 */
export function basisMse(images, testIndices, size, { basis, k }, ks) {
  const sums = new Float64Array(ks.length + 1);
  const centred = new Float64Array(size);
  const recon = new Float64Array(size);
  const top = Math.max(...ks);
  if (top > k) throw new Error(`basis has ${k} components, asked for ${top}`);
  for (const i of testIndices) {
    for (let p = 0; p < size; p++) centred[p] = images[i * size + p] - basis[p];
    let err = 0;
    for (let p = 0; p < size; p++) err += centred[p] * centred[p];
    sums[0] += err;
    recon.fill(0);
    for (let c = 0; c < top; c++) {
      const row = (c + 1) * size;
      let code = 0;
      for (let p = 0; p < size; p++) code += centred[p] * basis[row + p];
      for (let p = 0; p < size; p++) recon[p] += code * basis[row + p];
      const at = ks.indexOf(c + 1);
      if (at >= 0) {
        let e = 0;
        for (let p = 0; p < size; p++) e += (centred[p] - recon[p]) ** 2;
        sums[at + 1] += e;
      }
    }
  }
  const count = testIndices.length * size;
  return { mean: sums[0] / count, pca: Object.fromEntries(ks.map((kk, j) => [kk, sums[j + 1] / count])) };
}

/**
 * Writes one dataset file into data/: the images at `indices` of `bytes` (uint8, `size`
 * = height * width * channels each) with their labels, and for a test part its basis
 * and class names. Returns the file's bytes.
 */
export function writeDatasetFile(file, { bytes, labels, indices, height, width, channels, part, basis = null, k = 0, classNames = null }) {
  const size = height * width * channels;
  const count = indices.length;
  const names = classNames ? Buffer.from(JSON.stringify(classNames), 'utf8') : null;
  const extra = (basis ? basis.length * 4 : 0) + (names ? 4 + names.length : 0);
  const out = new Uint8Array(HEADER + count * size + count + extra);
  const view = new DataView(out.buffer);
  out.set([0x41, 0x45, 0x44, 0x53], 0); // "AEDS"
  view.setUint32(4, count, true);
  view.setUint16(8, height, true);
  view.setUint16(10, width, true);
  out[12] = channels;
  out[13] = Flag.Labels | (names ? Flag.ClassNames : 0);
  out[14] = part;
  out[15] = basis ? k : 0;
  indices.forEach((i, r) => {
    out.set(bytes.subarray(i * size, (i + 1) * size), HEADER + r * size);
    out[HEADER + count * size + r] = labels[i];
  });
  let at = HEADER + count * size + count;
  if (basis) {
    basis.forEach((v, j) => view.setFloat32(at + 4 * j, v, true));
    at += basis.length * 4;
  }
  if (names) {
    view.setUint32(at, names.length, true);
    out.set(names, at + 4);
  }
  const dir = new URL('../../data/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(file, dir), out);
  return out;
}

/** Images per class among `indices`, for the build's log. */
export function perClass(labels, indices, classes) {
  const counts = new Array(classes).fill(0);
  for (const i of indices) counts[labels[i]]++;
  return counts;
}
