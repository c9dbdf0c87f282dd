import { expect } from '@open-wc/testing';
import { configure, getModelStore, type ModelFiles } from '../src/index.js';
import { freshStore, pick, subset } from './helpers.js';

const asFiles = (f: ModelFiles) => [new File([f.modelJson], 'q.json'), new File([f.weights], f.weightsName)];

describe('quantised weights', () => {
  it('float16 halves and uint8 quarters the weights, and both load back close to float32', async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('quant-source').dataset();
    const data = subset(ds, 2000);
    const sample = pick(ds, [0, 1, 2, 3]);
    const source = freshStore('quant');
    await source.setDataset(data);
    await source.train({ epochs: 2 });
    const reference = await source.reconstruct(sample, 4);
    const { testMse } = await source.evaluate();

    const full = await source.exportFiles('q');
    const results: Record<string, { bytes: number; mse: number; maxDiff: number }> = {};
    for (const quantize of ['float16', 'uint8'] as const) {
      const files = await source.exportFiles('q', { quantize });
      expect(JSON.parse(files.modelJson).weightsManifest[0].weights[0].quantization.dtype).to.equal(quantize);
      const loaded = freshStore(`quant-${quantize}`);
      await loaded.setDataset(data);
      await loaded.load(asFiles(files));
      const out = await loaded.reconstruct(sample, 4);
      results[quantize] = {
        bytes: files.weights.byteLength,
        mse: (await loaded.evaluate()).testMse,
        maxDiff: Math.max(...Array.from(out, (v, i) => Math.abs(v - reference[i]))),
      };
      await loaded.dispose();
    }
    expect(results.float16.bytes).to.equal(full.weights.byteLength / 2);
    expect(results.uint8.bytes).to.equal(full.weights.byteLength / 4);
    expect(results.float16.maxDiff).to.be.below(5e-3);
    expect(Math.abs(results.float16.mse - testMse) / testMse).to.be.below(1e-3);
    expect(Math.abs(results.uint8.mse - testMse) / testMse).to.be.below(0.05);
    expect(results.uint8.maxDiff).to.be.above(results.float16.maxDiff); // coarser, as it should be
    await source.dispose();
  });
});
