import { expect } from '@open-wc/testing';
import { configure, type BackendName } from '../../src/index.js';
import { freshStore, meanImageBaseline, pick } from '../helpers.js';

/**
 * The engine suite for one backend: the lab model must learn more than the mean digit
 * (a collapsed model scores the baseline exactly), shapes hold, no tensors leak.
 */
export function defaultModelSuite(backend: BackendName, epochs = 1) {
  describe(`default model on ${backend}`, () => {
    before(() => configure({ backend }));

    it('trains below the mean-image baseline on the real bundled data', async () => {
      const store = freshStore(backend);
      await store.ready();
      expect(store.backend).to.equal(backend);
      const ds = await store.dataset({ train: true });
      const baseline = meanImageBaseline(ds);
      expect(baseline).to.be.closeTo(0.0675, 0.002);
      const result = await store.train({ epochs, batchSize: 64 });
      expect(result.stopped).to.equal(false);
      expect(result.testMse).to.be.a('number');
      // "Clearly below": 15% under what outputting the average digit scores.
      expect(result.testMse!).to.be.below(baseline * 0.85);
      // Adam's moment slots persist after training; inference must add nothing on top.
      const before = await store.memory();

      const codes = await store.encode(pick(ds, ds.testIndices.subarray(0, 100)), 100);
      expect(codes.length).to.equal(200);
      expect(Array.from(codes).every((v) => v >= -1 && v <= 1)).to.equal(true);
      // The codes must spread out, not sit at one saturated corner.
      const xs = Array.from(codes).filter((_, i) => i % 2 === 0);
      expect(Math.max(...xs) - Math.min(...xs)).to.be.above(0.2);
      const images = await store.decode(codes, 100);
      expect(images.length).to.equal(100 * 784);
      const rec = await store.reconstruct(pick(ds, [0, 1, 2]), 3);
      expect(rec.length).to.equal(3 * 784);
      expect((await store.memory()).numTensors).to.equal(before.numTensors);
      await store.dispose();
    });
  });
}
