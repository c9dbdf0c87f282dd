import { expect, fixture, html } from '@open-wc/testing';
import { configure, getConfig, getModelStore, type AeLatentScatter, type Dataset } from '../src/index.js';
import { fetchTrainPart } from '../src/engine/dataset.js';
import { freshStore, rejection } from './helpers.js';

// The bundled data is two files: the test part loads with the page, the train part when
// something needs it. Performance entries are page-wide, so these tests run in order.
performance.setResourceTimingBufferSize(100000); // the test page loads hundreds of modules first
const trainRequests = () => performance.getEntriesByType('resource').filter((e) => /\.train\.bin$/.test(e.name)).length;

describe('bundled data in two parts', () => {
  const preset = getModelStore('mnist-ae-2d');
  let test: Dataset;

  before(() => configure({ backend: 'wasm' }));
  after(() => preset.dispose());

  it('pretrained views and test-split calls load only the test part', async () => {
    await preset.ready();
    test = await preset.dataset();
    expect([test.n, test.testIndices.length, test.trainIndices.length]).to.deep.equal([2000, 2000, 0]);
    expect(test.basis?.k).to.equal(16);
    expect(test.trainPart).to.match(/\/data\/mnist-10k\.train\.bin$/);

    const wrapper = await fixture(html`<div style="width: 320px">
      <ae-latent-scatter model="mnist-ae-2d"></ae-latent-scatter>
      <ae-reconstruction-grid model="mnist-ae-2d"></ae-reconstruction-grid>
    </div>`);
    const [scatter, grid] = [...wrapper.children] as [AeLatentScatter, HTMLElement & { updateComplete: Promise<unknown> }];
    await Promise.all([scatter.updateComplete, grid.updateComplete]);
    expect(scatter.points.length).to.equal(2000 * 2); // the default split is test
    expect(grid.shadowRoot!.querySelector('.summary')!.textContent).to.contain('PCA with 2 components');
    const pca = await preset.pcaCodes(2, 'test');
    expect(pca.testMse).to.be.closeTo(0.0555, 0.002); // the shipped train-split basis
    expect((await preset.reconstructionErrors('test')).errors.length).to.equal(2000);
    expect(trainRequests()).to.equal(0);
  });

  it('train codes load the train part once, keep the weights and test indices, and free the test copy', async () => {
    const before = await preset.memory();
    const testCodes = await preset.codes('test');
    const changes: string[] = [];
    preset.addEventListener('datachange', (e) => changes.push(`${e.detail.reason} ${e.detail.dataset.n}`));
    const all = await preset.codes('all');
    expect(all.indices.length).to.equal(10000);
    expect(trainRequests()).to.equal(1);
    expect(changes).to.deep.equal(['train-split 10000']);
    let drift = 0;
    testCodes.codes.forEach((v, k) => (drift = Math.max(drift, Math.abs(v - all.codes[k]))));
    expect(drift).to.be.below(1e-6); // image i of the test part is image i of the whole set

    const whole = await preset.dataset();
    expect([whole.n, whole.trainIndices.length, whole.trainIndices[0], whole.testIndices[1999]]).to.deep.equal([10000, 8000, 2000, 1999]);
    expect(whole.images.subarray(0, test.images.length)).to.deep.equal(test.images);
    // The shipped mean is the train images' mean as the engine sums it (float32, in order).
    const mean = new Float32Array(784);
    for (const i of whole.trainIndices) for (let p = 0; p < 784; p++) mean[p] += whole.images[i * 784 + p];
    for (let p = 0; p < 784; p++) mean[p] /= whole.trainIndices.length;
    expect(Array.from(whole.basis!.mean)).to.deep.equal(Array.from(mean));
    // The whole set's images for the test copy's images and its cached PCA (mean, components).
    expect((await preset.memory()).numTensors).to.equal(before.numTensors - 2);

    await preset.dataset({ train: true });
    expect(trainRequests()).to.equal(1);
    expect((await scatterOn('all')).points.length).to.equal(10000 * 2);
  });

  async function scatterOn(split: string) {
    const el = document.createElement('ae-latent-scatter') as AeLatentScatter;
    el.model = preset.id;
    el.split = split as AeLatentScatter['split'];
    (await fixture(html`<div style="width: 320px"></div>`)).append(el);
    await el.updateComplete;
    return el;
  }

  it('a later store starts on the test part and joins without fetching again',  async () => {
    const s = freshStore('parts');
    await s.ready();
    expect((await s.dataset()).n).to.equal(2000);
    expect((await s.codes('train')).indices.length).to.equal(8000);
    expect((await s.dataset()).n).to.equal(10000);
    expect(trainRequests()).to.equal(1);
    await s.dispose();
  });

  it('still reads a whole dataset in one file, with the seeded split and nothing more to load', async () => {
    const n = 20;
    const bytes = new Uint8Array(16 + n * 784 + n);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x53444541, true); // "AEDS"
    view.setUint32(4, n, true);
    view.setUint16(8, 28, true);
    view.setUint16(10, 28, true);
    bytes.set([1, 1, 0], 12); // one channel, labels, part 0: whole
    bytes.set(Uint8Array.from(test.images.subarray(0, n * 784), (v) => Math.round(v * 255)), 16);
    bytes.set(test.labels!.subarray(0, n), 16 + n * 784);
    const defaults = { ...getConfig() };
    configure({ dataUrl: URL.createObjectURL(new Blob([bytes])) });
    const s = freshStore('whole-file');
    try {
      await s.ready();
      const ds = await s.dataset();
      expect([ds.n, ds.trainIndices.length, ds.testIndices.length, ds.trainPart, ds.basis]).to.deep.equal([20, 16, 4, undefined, undefined]);
      expect((await s.codes('all')).indices.length).to.equal(20);
      expect(trainRequests()).to.equal(1); // still only the bundled one, earlier
    } finally {
      configure(defaults);
      await s.dispose();
    }
  });

  it('reports a misnamed test part, and a missing or wrong train part, with dataset errors', async () => {
    const defaults = { ...getConfig() };
    const bytes = await (await fetch(defaults.dataUrl)).arrayBuffer();
    configure({ dataUrl: URL.createObjectURL(new Blob([bytes])) });
    const s = freshStore('misnamed');
    const err = await rejection(s.ready());
    expect(err.code).to.equal('dataset-invalid');
    expect(err.message).to.contain('*.test.bin');
    configure(defaults);
    await s.ready();
    expect((await s.dataset()).n).to.equal(2000);
    await s.dispose();

    const missing = await rejection(fetchTrainPart({ ...test, trainPart: 'http://127.0.0.1:9/mnist-10k.train.bin' })); // nothing listens there
    expect(missing.code).to.equal('dataset-fetch-failed');
    const wrong = await rejection(fetchTrainPart({ ...test, trainPart: defaults.dataUrl }));
    expect(wrong.code).to.equal('dataset-invalid');
    expect(wrong.message).to.contain('not the train part');
  });
});
