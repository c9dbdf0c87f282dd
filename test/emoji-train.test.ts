import { expect } from '@open-wc/testing';
import { configure, type ModelSpec } from '../src/index.js';
import { freshStore, meanImageBaseline } from './helpers.js';

// Models train on the bundled colour emoji through the public store, on wasm.
describe('training on emoji-32', () => {
  before(() => configure({ backend: 'wasm' }));

  const specs: [string, Partial<ModelSpec>, number][] = [
    ['a conv model', { kind: 'conv', latentDim: 16, hidden: [], filters: [8, 16], codeActivation: 'linear', loss: 'bce', seed: 4 }, 2],
    ['a dense model', { kind: 'ae', latentDim: 16, hidden: [128], codeActivation: 'linear', loss: 'bce', seed: 4 }, 4],
  ];
  for (const [name, spec, epochs] of specs) {
    it(`${name} beats the mean image on the test split, with 32x32x3 shapes throughout`, async () => {
      const s = freshStore('emoji-train');
      s.useData('emoji-32');
      await s.setSpec(spec);
      const result = await s.train({ epochs, batchSize: 64, learningRate: 2e-3 });
      const ds = await s.dataset({ train: true });
      expect([ds.height, ds.width, ds.channels, ds.n]).to.deep.equal([32, 32, 3, ds.testIndices.length + ds.trainIndices.length]);
      expect(result.testMse).to.be.below(meanImageBaseline(ds));
      const size = 32 * 32 * 3;
      const x = ds.images.slice(0, 4 * size);
      const codes = await s.encode(x, 4);
      expect(codes.length).to.equal(4 * 16);
      expect((await s.decode(codes, 4)).length).to.equal(4 * size);
      expect((await s.reconstruct(x, 4)).length).to.equal(4 * size);
      await s.dispose();
    });
  }
});
