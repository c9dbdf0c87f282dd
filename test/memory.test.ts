import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configure, getModelStore } from '../src/index.js';
import '../src/ae-data-source.js';
import '../src/ae-reconstruction-grid.js';
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

    it('standardised vectors given by an <ae-data-source> leak no tensors', async () => {
      configure({ backend: 'wasm', worker });
      const probe = getModelStore(`memory-vector-probe-${worker}`);
      await probe.ready();
      const empty = (await probe.memory()).numTensors;
      const id = `mem-vectors-${worker}`;
      const wrapper = await fixture(html`<div><ae-data-source model=${id} src="data/ecg-beats.csv" label-column="label" train-labels="normal"></ae-data-source></div>`);
      const source = wrapper.querySelector('ae-data-source')!;
      await oneEvent(source, 'ae-data');
      // Mounted once the data is in: drawn earlier, the grid would cache a PCA on the bundled
      // data, which the probe still holds (a cache, not a leak).
      wrapper.append(Object.assign(document.createElement('ae-reconstruction-grid'), { model: id, count: 3 }));
      const s = getModelStore(id);
      await s.train({ epochs: 1, batchSize: 64 });
      const rows = (await s.dataset()).images.slice(0, 3 * 140);
      await s.reconstruct(rows, 3);
      await s.reconstructionErrors('test');
      await wrapper.querySelector('ae-reconstruction-grid')!.updateComplete;
      wrapper.remove();
      await s.dispose();
      expect((await probe.memory()).numTensors).to.equal(empty);
      await probe.dispose();
    });
  });
}
