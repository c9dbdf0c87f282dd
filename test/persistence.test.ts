import { expect } from '@open-wc/testing';
import { configure, getModelStore } from '../src/index.js';
import { freshStore, pick, subset } from './helpers.js';

describe('save and load', () => {
  let data: ReturnType<typeof subset>;
  let sample: Float32Array;

  before(async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('persist-source').dataset();
    data = subset(ds, 512);
    sample = pick(ds, [0, 1, 2, 3, 4]);
  });

  async function trained() {
    const store = freshStore('saved');
    await store.setDataset(data);
    await store.train({ epochs: 1 });
    return store;
  }

  it('round-trips through IndexedDB with identical outputs', async () => {
    const a = await trained();
    const expected = await a.reconstruct(sample, 5);
    await a.save('indexeddb://ae-widgets-test');
    const b = freshStore('loaded');
    await b.setDataset(data);
    expect(Array.from(await b.reconstruct(sample, 5))).to.not.deep.equal(Array.from(expected));
    await b.load('indexeddb://ae-widgets-test');
    expect(Array.from(await b.reconstruct(sample, 5))).to.deep.equal(Array.from(expected));
    expect(b.pretrained).to.equal(true);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('round-trips through in-memory files and adopts the saved spec', async () => {
    const a = await trained();
    const expected = await a.encode(sample, 5);
    const files = await a.exportFiles('digits');
    expect(JSON.parse(files.modelJson).weightsManifest[0].paths).to.deep.equal(['./digits.weights.bin']);
    const b = freshStore('from-files');
    await b.setDataset(data);
    await b.setSpec({ latentDim: 3, hidden: [64] });
    await b.load([new File([files.modelJson], 'digits.json'), new File([files.weights], files.weightsName)]);
    expect(b.spec.latentDim).to.equal(2);
    expect(b.spec.hidden).to.deep.equal([200, 200]);
    expect(Array.from(await b.encode(sample, 5))).to.deep.equal(Array.from(expected));
    await Promise.all([a.dispose(), b.dispose()]);
  });
});
