import { expect } from '@open-wc/testing';
import { configure, getModelStore } from '../src/index.js';
import { freshStore, pick, subset } from './helpers.js';

// Tensor counts return to their baselines after every operation, in a worker and in the page.
for (const worker of [true, false]) {
  describe(`memory (${worker ? 'worker' : 'page'})`, () => {
    it('train, encode, decode, reset, load, metrics and dispose leak no tensors', async () => {
      configure({ backend: 'wasm', worker });
      const probe = getModelStore(`memory-probe-${worker}`);
      const ds = await probe.dataset();
      await probe.ready();
      const sample = pick(ds, [0, 1, 2]);
      const empty = (await probe.memory()).numTensors;

      const s = freshStore('mem');
      await s.setDataset(subset(ds, 256));
      const fresh = (await s.memory()).numTensors;
      expect(fresh).to.be.above(empty);
      await s.train({ epochs: 1 });
      const trained = (await s.memory()).numTensors; // + Adam's moment slots
      await s.train({ epochs: 1 });
      expect((await s.memory()).numTensors).to.equal(trained);
      const codes = await s.encode(sample, 3);
      await s.decode(codes, 3);
      await s.reconstruct(sample, 3);
      await s.evaluate();
      expect((await s.memory()).numTensors).to.equal(trained);
      const files = await s.exportFiles('mem');
      await s.reset();
      expect((await s.memory()).numTensors).to.equal(fresh);
      await s.load([new File([files.modelJson], 'mem.json'), new File([files.weights], files.weightsName)]);
      expect((await s.memory()).numTensors).to.equal(fresh);
      await s.setSpec({ latentDim: 4 }); // same layers, other sizes: same tensor count
      expect((await s.memory()).numTensors).to.equal(fresh);
      await s.metrics(); // caches a PCA with the dataset; dispose must free it too
      await s.dispose();
      expect((await probe.memory()).numTensors).to.equal(empty);
      await probe.dispose();
    });
  });
}
