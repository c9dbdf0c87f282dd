import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configure, getModelStore, type AeLatentScatter, type AeReconstructionGrid, type AeTrainer } from '../../src/index.js';
import { freshStore, subset } from '../helpers.js';

const meanError = (grid: Element) => Number(/MSE\)?\s*([\d.]+)/.exec(grid.shadowRoot!.querySelector('.summary')!.textContent!)![1]);

describe('elements together', () => {
  before(() => configure({ backend: 'wasm' }));

  it('trainer, scatter and grid on one store: training moves the points and lowers the error', async () => {
    const store = freshStore('lab');
    await store.setDataset(subset(await getModelStore('lab-source').dataset(), 1000));
    const page = await fixture(html`<div style="width: 480px">
      <ae-trainer model=${store.id} epochs="2"></ae-trainer>
      <ae-latent-scatter model=${store.id}></ae-latent-scatter>
      <ae-reconstruction-grid model=${store.id}></ae-reconstruction-grid>
    </div>`);
    const [trainer, scatter, grid] = [...page.children] as [AeTrainer, AeLatentScatter, AeReconstructionGrid];
    await Promise.all([trainer.updateComplete, scatter.updateComplete, grid.updateComplete]);
    const snapshots = [scatter.points.slice()];
    const errors = [meanError(grid)];
    trainer.addEventListener('ae-epoch', async () => {
      await Promise.all([scatter.updateComplete, grid.updateComplete]);
      snapshots.push(scatter.points.slice());
      errors.push(meanError(grid));
    });
    const ended = oneEvent(trainer, 'ae-train-end');
    [...trainer.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Train')!.click();
    await ended;
    await Promise.all([scatter.updateComplete, grid.updateComplete]);
    snapshots.push(scatter.points.slice());
    errors.push(meanError(grid));
    const moved = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;
    expect(snapshots.length).to.be.at.least(3);
    expect(moved(snapshots[0], snapshots[1])).to.be.above(1e-3);
    expect(moved(snapshots[1], snapshots.at(-1)!)).to.be.above(1e-4);
    expect(errors.at(-1)!).to.be.below(errors[0]);
    await store.dispose();
  });

  it('a preset id loads its pretrained weights on first use', async () => {
    const grid = await fixture<AeReconstructionGrid>(html`<ae-reconstruction-grid model="mnist-ae-2d"></ae-reconstruction-grid>`);
    await grid.updateComplete;
    expect(getModelStore('mnist-ae-2d').pretrained).to.equal(true);
    expect(meanError(grid)).to.be.below(0.045);
    await getModelStore('mnist-ae-2d').dispose();
  });
});

describe('elements: memory', () => {
  before(() => configure({ backend: 'wasm' }));

  for (const tag of ['ae-trainer', 'ae-latent-scatter', 'ae-reconstruction-grid', 'ae-denoise-demo', 'vae-latent-walk', 'ae-anomaly-view'] as const) {
    it(`<${tag}> leaves no tensors or listeners behind after 20 connect/disconnect cycles`, async () => {
      const store = freshStore('mem');
      await store.setDataset(subset(await getModelStore('mem-source').dataset(), 200));
      const el = document.createElement(tag);
      el.model = store.id;
      const host = await fixture(html`<div></div>`);
      host.append(el);
      await el.updateComplete;
      const baseline = (await store.memory()).numTensors;
      let statusListeners = 0; // every element subscribes to statechange
      const add = store.addEventListener.bind(store);
      const remove = store.removeEventListener.bind(store);
      store.addEventListener = ((type: string, l: EventListener) => (type === 'statechange' && statusListeners++, add(type as 'statechange', l))) as typeof store.addEventListener;
      store.removeEventListener = ((type: string, l: EventListener) => (type === 'statechange' && statusListeners--, remove(type, l))) as typeof store.removeEventListener;
      for (let i = 0; i < 20; i++) {
        el.remove();
        host.append(el);
        await el.updateComplete;
      }
      el.remove();
      expect(statusListeners).to.equal(-1); // the one made before counting began is gone too
      await store.encode(new Float32Array(784), 1); // let queued engine work finish
      expect((await store.memory()).numTensors).to.equal(baseline);
      await store.dispose();
    });
  }
});
