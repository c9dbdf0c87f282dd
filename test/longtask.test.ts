import { expect } from '@open-wc/testing';
import { configure, getModelStore, type BackendName } from '../src/index.js';
import { freshStore, subset } from './helpers.js';

/** Long tasks (>= 50 ms) on the page's main thread while `run` goes. */
async function longTasks(run: () => Promise<unknown>): Promise<number[]> {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration)));
  observer.observe({ type: 'longtask' });
  await run();
  await new Promise((r) => setTimeout(r, 100)); // let the last entries arrive
  observer.disconnect();
  return seen;
}

describe('responsiveness', () => {
  for (const backend of ['cpu', 'wasm'] as BackendName[]) {
    it(`training on ${backend} in the worker leaves the page without long tasks`, async () => {
      configure({ backend, worker: true });
      const ds = await getModelStore(`lt-source-${backend}`).dataset({ train: true });
      const s = freshStore(`lt-${backend}`);
      await s.setDataset(subset(ds, 2048));
      const seen = await longTasks(async () => {
        const result = await s.train({ epochs: 1, batchSize: 64 });
        expect(result.steps).to.equal(Math.ceil(1638 / 64)); // 80% of 2,048 images train
      });
      expect(seen, `long tasks: ${seen.map(Math.round).join(', ')} ms`).to.have.length(0);
      await s.dispose();
    });
  }

  it('the observer does catch long tasks when the engine trains in the page', async () => {
    configure({ backend: 'cpu', worker: false });
    const ds = await getModelStore('lt-page-source').dataset();
    const s = freshStore('lt-page');
    await s.setDataset(subset(ds, 256));
    const seen = await longTasks(() => s.train({ epochs: 1, batchSize: 64 }));
    expect(seen.length).to.be.above(0);
    await s.dispose();
  });
});
