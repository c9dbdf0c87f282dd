import { expect } from '@open-wc/testing';
import { configure, getModelStore } from '../src/index.js';

describe('smoke', () => {
  it('trains on wasm in a worker', async () => {
    configure({ backend: 'wasm' });
    const store = getModelStore('smoke');
    await store.ready();
    expect(store.backend).to.equal('wasm');
    const ds = await store.dataset();
    expect(ds.n).to.equal(10000);
    expect(ds.trainIndices.length).to.equal(8000);
    const res = await store.train({ epochs: 1, batchSize: 64 });
    console.log(JSON.stringify(res));
    expect(res.testMse).to.be.below(0.06);
  });
});
