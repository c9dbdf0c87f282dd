import { expect } from '@open-wc/testing';
import { configure, getConfig, getModelStore, type ModelStore } from '../src/index.js';
import { freshStore, pick, rejection, subset } from './helpers.js';

// Every error code from a real bad input; afterwards the store must still train and encode.
describe('errors', () => {
  const defaults = { ...getConfig() };
  let data: ReturnType<typeof subset>;
  let sample: Float32Array;

  before(async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('errors-source').dataset();
    data = subset(ds, 256);
    sample = pick(ds, [0, 1]);
  });

  afterEach(() => configure({ ...defaults, backend: 'wasm' }));

  async function store(): Promise<ModelStore> {
    const s = freshStore('err');
    await s.setDataset(data);
    return s;
  }

  async function stillWorks(s: ModelStore) {
    const result = await s.train({ epochs: 1 });
    expect(Number.isFinite(result.loss)).to.equal(true);
    expect((await s.encode(sample, 2)).length).to.equal(2 * s.spec.latentDim);
  }

  /** Weights from another architecture, without the spec a saved file carries (like a Keras export). */
  async function foreignFiles(spec: { latentDim: number }) {
    const other = await store();
    await other.setSpec(spec);
    const files = await other.exportFiles('foreign');
    await other.dispose();
    const json = JSON.parse(files.modelJson);
    delete json.userDefinedMetadata;
    return { ...files, modelJson: JSON.stringify(json) };
  }

  const asFiles = (f: { modelJson: string; weights: ArrayBuffer; weightsName: string }, weights = f.weights) => [new File([f.modelJson], 'model.json'), new File([weights], f.weightsName)];

  it('weights-shape-mismatch names the layer and both shapes', async () => {
    const s = await store();
    const events: string[] = [];
    s.addEventListener('error', (e) => events.push(e.detail.code));
    const err = await rejection(s.load(asFiles(await foreignFiles({ latentDim: 3 }))));
    expect(err.code).to.equal('weights-shape-mismatch');
    expect(err.message).to.contain('"code"').and.contain('[200,2]').and.contain('[200,3]');
    expect(events).to.deep.equal(['weights-shape-mismatch']);
    expect(s.spec.latentDim).to.equal(2);
    await stillWorks(s);
  });

  it('weights-fetch-failed for a URL that 404s', async () => {
    const s = await store();
    const err = await rejection(s.load('/no/such/model.json'));
    expect(err.code).to.equal('weights-fetch-failed');
    expect(err.message).to.contain('404');
    await stillWorks(s);
  });

  it('weights-invalid for a URL that returns HTML', async () => {
    const s = await store();
    const url = URL.createObjectURL(new Blob(['<!doctype html><title>Not found</title>'], { type: 'text/html' }));
    const err = await rejection(s.load(url));
    expect(err.code).to.equal('weights-invalid');
    expect(err.message).to.contain('HTML');
    await stillWorks(s);
  });

  it('weights-invalid for a truncated weights shard', async () => {
    const s = await store();
    const good = await s.exportFiles('whole');
    const before = await s.encode(sample, 2);
    const err = await rejection(s.load(asFiles(good, good.weights.slice(0, good.weights.byteLength / 2))));
    expect(err.code).to.equal('weights-invalid');
    expect(err.message).to.contain('truncated');
    expect(Array.from(await s.encode(sample, 2))).to.deep.equal(Array.from(before));
    await stillWorks(s);
  });

  it('weights-missing for a preset whose weights are not there, with a usable model', async () => {
    configure({ backend: 'wasm', weightsBase: '/no-weights-here/' });
    const s = getModelStore('mnist-ae-2d');
    const err = await rejection(s.ready());
    expect(err.code, err.message).to.equal('weights-missing');
    expect(err.message).to.contain('mnist-ae-2d');
    expect(s.status).to.equal('ready');
    await s.setDataset(data);
    await stillWorks(s);
    await s.dispose();
  });

  it('dataset-invalid for user data of the wrong size and for a truncated data file', async () => {
    const s = await store();
    let err = await rejection(s.setDataset({ images: new Float32Array(100), n: 2, height: 28, width: 28 }));
    expect(err.code).to.equal('dataset-invalid');
    expect(err.message).to.contain('1568');
    err = await rejection(s.setDataset({ images: new Float32Array(784).fill(2), n: 1, height: 28, width: 28 }));
    expect(err.code).to.equal('dataset-invalid');
    await stillWorks(s);

    const bytes = await (await fetch(defaults.dataUrl)).arrayBuffer();
    configure({ backend: 'wasm', dataUrl: URL.createObjectURL(new Blob([bytes.slice(0, 100000)])) });
    const broken = freshStore('bad-data');
    err = await rejection(broken.ready());
    expect(err.code).to.equal('dataset-invalid');
    expect(err.message).to.contain('truncated');
    configure({ ...defaults, backend: 'wasm' });
    await broken.ready();
    expect((await broken.dataset()).n).to.equal(2000); // the test part
    await broken.dispose();
  });

  it('backend-unavailable when a forced backend cannot start', async () => {
    configure({ backend: 'wasm', wasmPaths: '/no-wasm-here/' });
    const s = freshStore('no-backend');
    const err = await rejection(s.ready());
    expect(err.code).to.equal('backend-unavailable');
    expect(err.message).to.contain('wasm');
    expect(s.status).to.equal('error');
    configure({ ...defaults, backend: 'wasm' });
    await s.setDataset(data);
    await stillWorks(s);
  });

  it('spec-invalid and input-invalid leave the model as it was', async () => {
    const s = await store();
    let err = await rejection(s.setSpec({ latentDim: 0 }));
    expect(err.code).to.equal('spec-invalid');
    expect(err.message).to.contain('latentDim');
    err = await rejection(s.setSpec({ hidden: [-5] }));
    expect(err.code).to.equal('spec-invalid');
    err = await rejection(s.encode(new Float32Array(10), 1));
    expect(err.code).to.equal('input-invalid');
    expect(err.message).to.contain('784');
    err = await rejection(s.train({ epochs: 0 }));
    expect(err.code).to.equal('input-invalid');
    expect(s.spec.latentDim).to.equal(2);
    await stillWorks(s);
  });
});
