import { expect } from '@open-wc/testing';
import { getConfig, getModelStore } from '../../src/index.js';
import type { Dataset } from '../../src/engine/dataset.js';
import { validateDataset } from '../../src/engine/dataset-input.js';
import { EngineHost } from '../../src/engine/host.js';
import { normalizeSpec } from '../../src/engine/spec.js';

// Calls read tensors across awaits (one chunk of 1,000 images at a time). A model rebuilt
// or a dataset dropped under such a call must stay readable until it ends, then go.
describe('engine: resources freed under running calls', () => {
  let host: EngineHost;
  let data: Dataset;

  before(async () => {
    const ds = await getModelStore('leases-source').dataset();
    const all = Array.from({ length: ds.n }, (_, i) => i); // 1,500 test images: two chunks
    data = validateDataset({ ...ds, trainIndices: all.slice(0, 500), testIndices: all.slice(500) });
    host = new EngineHost(() => undefined);
    await host.init({ preference: 'cpu', wasmPaths: getConfig().wasmPaths });
  });

  it('a dataset dropped under a running call is freed when the call ends', async () => {
    await host.putDataset('a', data);
    await host.putDataset('b', data);
    await host.open('m', normalizeSpec({}), 'a');
    const start = await host.memory();
    const reading = host.session('m', 'reconstructionErrors', ['test']); // reads its first chunk, then waits
    await host.rebind('m', 'b');
    expect(await host.dropDataset('a')).to.equal(true);
    const { errors } = await reading;
    expect(errors.length).to.equal(1500);
    expect(errors.every(Number.isFinite)).to.equal(true);
    expect((await host.memory()).numTensors).to.equal(start.numTensors - 1);
    await host.close('m');
    expect(await host.dropDataset('b')).to.equal(true);
  });

  it('a model rebuilt under running calls is disposed when they end', async () => {
    await host.putDataset('c', data);
    await host.open('n', normalizeSpec({}), 'c');
    const start = await host.memory();
    const coding = host.session('n', 'codes', ['test']);
    const scoring = host.session('n', 'evaluateDenoising', ['gaussian', 0.5]);
    await host.session('n', 'reset', []); // fresh weights while both still read the old model
    const [codes, scores] = await Promise.all([coding, scoring]);
    expect(codes.codes.length).to.equal(1500 * 2);
    expect(codes.codes.every(Number.isFinite)).to.equal(true);
    expect(Number.isFinite(scores.restoredMse)).to.equal(true);
    expect((await host.memory()).numTensors).to.equal(start.numTensors);
    await host.close('n');
    expect(await host.dropDataset('c')).to.equal(true);
    expect((await host.memory()).numTensors).to.equal(0);
  });
});
