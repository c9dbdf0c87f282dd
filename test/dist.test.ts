import { expect } from '@open-wc/testing';
import type * as Lib from '../src/index.js';

// The built library as a page uses it: `import ... from './dist/index.js'`, with the
// worker, the .wasm files and the dataset found beside the bundle (no configure paths).
// npm test builds dist/ before the browser tests run.
describe('built bundle (dist/index.js)', () => {
  let lib: typeof Lib;

  before(async () => {
    const url = '/dist/index.js';
    lib = (await import(/* @vite-ignore */ url)) as typeof Lib;
  });

  for (const worker of [true, false]) {
    it(`trains and encodes on wasm with the engine ${worker ? 'in a worker' : 'in the page'}`, async () => {
      lib.configure({ backend: 'wasm', worker });
      expect(lib.getConfig().wasmPaths).to.match(/\/dist\/wasm\/$/);
      expect(lib.getConfig().dataUrl).to.match(/\/dist\/data\/mnist-10k\.test\.bin$/);
      const store = lib.getModelStore(`dist-${worker}`);
      await store.ready();
      expect(store.backend).to.equal('wasm');
      const ds = await store.dataset();
      const size = 784;
      await store.setDataset({ images: ds.images.slice(0, 256 * size), labels: ds.labels!.slice(0, 256), n: 256, height: 28, width: 28 });
      const result = await store.train({ epochs: 1 });
      expect(result.steps).to.equal(Math.ceil(205 / 64));
      expect(Number.isFinite(result.testMse)).to.equal(true);
      expect((await store.encode(ds.images.slice(0, 3 * size), 3)).length).to.equal(6);
      await store.dispose();
    });
  }

  it('reports errors as the exported AEError class', async () => {
    const store = lib.getModelStore('dist-errors');
    const err = await store.setSpec({ latentDim: -1 }).catch((e) => e);
    expect(err).to.be.instanceOf(lib.AEError);
    expect(err.code).to.equal('spec-invalid');
  });
});
