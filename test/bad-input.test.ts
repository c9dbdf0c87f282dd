import { expect } from '@open-wc/testing';
import { configure, getConfig, getModelStore, type AEError, type ModelFiles, type ModelStore } from '../src/index.js';
import { rejection } from './helpers.js';
import { BAD_CASES } from './bad-input/cases.js';
import { foreignOrigin, foreignRequests, images, serveModel, tinyData } from './bad-input/fixtures.js';

// Every bad input, in both places the engine runs, gets the same code and a message a
// person can act on; nothing reaches another origin, no tensor leaks, and the store
// trains and encodes afterwards.

const defaults = { ...getConfig() };
let stores = 0;

async function readyStore(mode: 'worker' | 'page'): Promise<ModelStore> {
  configure({ ...defaults, backend: 'wasm', worker: mode === 'worker' });
  const s = getModelStore(`bad-${mode}-${++stores}`);
  await s.setDataset(tinyData());
  await s.train({ epochs: 1, batchSize: 16 }); // the optimizer's state exists from here on
  return s;
}

async function stillWorks(s: ModelStore) {
  const result = await s.train({ epochs: 1, batchSize: 16 });
  expect(Number.isFinite(result.loss), 'trains afterwards').to.equal(true);
  const codes = await s.encode(images(2), 2);
  expect(codes.length).to.equal(2 * s.spec.latentDim);
  expect([...codes].every(Number.isFinite), 'encodes afterwards').to.equal(true);
  expect(s.status).to.equal('ready');
}

for (const mode of ['worker', 'page'] as const) {
  describe(`bad input, engine in the ${mode}`, () => {
    let s: ModelStore;
    let files: ModelFiles;

    before(async () => {
      s = await readyStore(mode);
      files = await s.exportFiles('good');
      await foreignRequests(true);
    });

    after(async () => {
      await s.dispose();
      configure({ ...defaults });
    });

    for (const c of BAD_CASES) {
      it(`${c.group}: ${c.name} gets ${c.code}`, async () => {
        const start = (await s.memory()).numTensors;
        const events: string[] = [];
        const onError = (e: Event) => events.push((e as CustomEvent<{ code: string }>).detail.code);
        s.addEventListener('error', onError);
        let err: AEError | undefined;
        try {
          await c.run({ s, files });
        } catch (e) {
          err = e as AEError;
        }
        s.removeEventListener('error', onError);
        expect(err, 'the call fails').to.not.equal(undefined);
        expect(err!.name).to.equal('AEError');
        expect(err!.code).to.equal(c.code);
        expect(err!.message).to.match(c.message);
        if (c.viaStore !== false) expect(events, 'the store reports it').to.deep.equal([c.code]);
        expect(await foreignRequests(), 'nothing fetched from another origin').to.deep.equal([]);
        expect((await s.memory()).numTensors, 'no tensor leaked').to.equal(start);
        await stillWorks(s);
      });
    }

    it('a model.json the page names on another origin loads, and only its own folder is fetched', async () => {
      const local = await serveModel(files);
      const foreign = local.replace(location.origin, foreignOrigin());
      const other = await readyStore(mode);
      await other.load(foreign);
      const path = new URL(local).pathname;
      expect(await foreignRequests(true)).to.deep.equal([path, path.replace('model.json', files.weightsName)]);
      const loaded = await other.exportFiles('again');
      expect(new Uint8Array(loaded.weights)).to.deep.equal(new Uint8Array(files.weights));
      await other.dispose();
    });

    it('a bad file loaded during training leaves the run going; good weights then end it', async () => {
      const run = s.train({ epochs: 10000, batchSize: 16 });
      await new Promise((resolve) => s.addEventListener('progress', resolve, { once: true }));
      const bad = await serveModel(files, (j) => (j.weightsManifest[0].weights[0].dtype = 'int32'));
      expect((await rejection(s.load(bad))).code).to.equal('weights-invalid');
      expect(s.status).to.equal('training');
      const stepsThen = s.progress!.totalSteps;
      await new Promise((resolve) => s.addEventListener('progress', resolve, { once: true }));
      expect(s.progress!.totalSteps).to.be.greaterThan(stepsThen);
      await s.load(await serveModel(files));
      const result = await run;
      expect(result.stopped).to.equal(true);
      expect(s.pretrained).to.equal(true);
      expect(s.status).to.equal('ready');
    });

    it('a batch larger than the train split trains on the whole split per step', async () => {
      const result = await s.train({ epochs: 3, batchSize: 1000 });
      expect(result.steps).to.equal(3); // 32 train samples: one step an epoch
    });

    it('a run whose loss overflows ends with training-diverged, and a reset recovers', async () => {
      const other = await readyStore(mode);
      await other.setSpec({ loss: 'mse' });
      const n = 20;
      await other.setDataset({ images: new Float32Array(n * 4).fill(1e20), n, sample: 'vector', length: 4, standardize: false });
      const err = await rejection(other.train({ epochs: 5, batchSize: 8 }));
      expect(err.code).to.equal('training-diverged');
      expect(err.message).to.match(/the loss became (Infinity|NaN) at step 1 .*smaller learning rate/);
      expect(other.status).to.equal('ready');
      await other.setDataset(tinyData());
      await stillWorks(other);
      await other.dispose();
    });
  });
}

describe('engine workers', () => {
  const Native = window.Worker;
  let live = 0;

  before(() => {
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        live++;
      }

      override terminate() {
        live--;
        super.terminate();
      }
    };
  });

  after(() => {
    window.Worker = Native;
    configure({ ...defaults });
  });

  it('a Worker whose backend fails to start is terminated, each try', async () => {
    const before = live;
    configure({ ...defaults, backend: 'wasm', worker: true, wasmPaths: '/no-wasm-here/' });
    for (let k = 0; k < 3; k++) {
      const s = getModelStore(`no-backend-${k}`);
      expect((await rejection(s.ready())).code).to.equal('backend-unavailable');
      expect(live, `after try ${k + 1}`).to.equal(before);
      await s.dispose();
    }
    configure({ ...defaults, backend: 'wasm', worker: true });
    const s = getModelStore('backend-back');
    await s.setDataset(tinyData());
    expect(live).to.equal(before + 1);
    await stillWorks(s);
    await s.dispose();
  });
});
