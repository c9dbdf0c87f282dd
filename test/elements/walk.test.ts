import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure, getConfig, getModelStore, type AeAnomalyView, type VaeLatentWalk } from '../../src/index.js';
import { freshStore, mse, subset } from '../helpers.js';
import { drawStroke } from './draw.js';

describe('<vae-latent-walk>', () => {
  before(() => configure({ backend: 'wasm' }));

  it('decodes an N x N grid over the range, moves the cursor by keyboard, and passes axe', async () => {
    const el = await fixture<VaeLatentWalk>(html`<vae-latent-walk grid="6"></vae-latent-walk>`);
    await el.updateComplete;
    expect(el.gridImages!.length).to.equal(6 * 6 * 784);
    const canvas = el.shadowRoot!.querySelector('canvas.manifold') as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).to.deep.equal([6 * 28, 6 * 28]);
    // Corner cells decode different digits-to-be; the grid is not one repeated image.
    const cell = (k: number) => el.gridImages!.subarray(k * 784, (k + 1) * 784);
    expect(mse(cell(0), cell(35))).to.be.above(0.01);
    expect(el.cursorLatent).to.deep.equal([0, 0]);
    const plane = el.shadowRoot!.querySelector('[part="plane"]') as HTMLElement;
    plane.focus();
    const decoded = oneEvent(el, 'ae-decode');
    await sendKeys({ press: 'ArrowRight' });
    const { latent, image } = (await decoded).detail;
    expect(latent[0]).to.be.closeTo(6 / 5, 1e-6); // one cell of the 6-wide grid over [-3, 3]
    expect(latent[1]).to.equal(0);
    expect(image.length).to.equal(784);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.cursorLatent[1]).to.be.closeTo(6 / 5, 1e-6);
    expect(plane.getAttribute('aria-valuetext')).to.contain('z1 = 1.20');
    await expect(el).to.be.accessible();
  });

  it('interpolation ends decode to the ends\' reconstructions; random values decode', async () => {
    const el = await fixture<VaeLatentWalk>(html`<vae-latent-walk grid="4" steps="5" from="3" to="10"></vae-latent-walk>`);
    await el.updateComplete;
    const store = getModelStore('mnist-vae-2d');
    const ds = await store.dataset();
    const strip = el.stripImages!;
    expect(strip.length).to.equal(5 * 784);
    const ends = await store.reconstruct(ds.images.slice(3 * 784, 4 * 784), 1);
    const last = await store.reconstruct(ds.images.slice(10 * 784, 11 * 784), 1);
    expect(mse(strip.subarray(0, 784), ends)).to.be.below(1e-6);
    expect(mse(strip.subarray(4 * 784), last)).to.be.below(1e-6);
    // The middle is neither end.
    expect(mse(strip.subarray(2 * 784, 3 * 784), ends)).to.be.above(1e-4);
    const random = el.shadowRoot!.querySelector('canvas.random') as HTMLCanvasElement;
    expect([random.width, random.height]).to.deep.equal([8 * 28, 4 * 28]);
    // A drawing as the first endpoint: the strip now starts at the drawing's reconstruction.
    el.shadowRoot!.querySelector('details')!.open = true;
    const use = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Use as first')!;
    expect(use.disabled).to.equal(true);
    const drawn = await drawStroke(el.shadowRoot!.querySelector('ae-draw-pad')!, [[0.5, 0.15], [0.5, 0.85]]);
    await el.updateComplete;
    use.click();
    await el.updateComplete;
    const fromDrawing = await store.reconstruct(drawn.image, 1);
    expect(mse(el.stripImages!.subarray(0, 784), fromDrawing)).to.be.below(1e-6);
    expect(el.shadowRoot!.querySelector('.strip-row canvas')!.getAttribute('aria-label')).to.contain('your drawing');
  });

  it('walks two chosen dimensions of a larger code, and reports bad attributes', async () => {
    const store = freshStore('walk16');
    await store.setDataset(subset(await getModelStore('walk-source').dataset(), 300));
    await store.setSpec({ latentDim: 4 });
    const el = await fixture<VaeLatentWalk>(html`<vae-latent-walk model=${store.id} grid="3" dims="1,3"></vae-latent-walk>`);
    const codes: string[] = [];
    el.addEventListener('ae-error', (e) => codes.push(e.detail.code));
    await el.updateComplete;
    expect(el.gridImages!.length).to.equal(9 * 784);
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.contain('not a VAE');
    const z = el.cursorLatent;
    expect(z.length).to.equal(4);
    el.dims = '1,9';
    el.setAttribute('range', '3,-3');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('dims="1,9"');
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('range="3,-3"');
    expect(codes).to.include('input-invalid');
    expect(el.gridImages!.length).to.equal(9 * 784); // still drawn, with the defaults
    await store.dispose();
  });
});

describe('elements on a store without its weights', () => {
  it('say why in the element, fire ae-error, still draw the fresh model, and the store stays usable', async () => {
    const before = getConfig().weightsBase;
    configure({ weightsBase: '/no-such-weights/' });
    try {
      const errors: string[] = [];
      const page = await fixture(html`<div @ae-error=${(e: CustomEvent) => errors.push(e.detail.code)}>
        <vae-latent-walk model="mnist-conv-ae" grid="3"></vae-latent-walk>
        <ae-anomaly-view model="mnist-conv-ae"></ae-anomaly-view>
      </div>`);
      const [walk, anomaly] = [...page.children] as [VaeLatentWalk, AeAnomalyView];
      await Promise.all([walk.updateComplete, anomaly.updateComplete]);
      expect(errors).to.deep.equal(['weights-missing', 'weights-missing']);
      for (const el of [walk, anomaly]) expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('No pretrained weights');
      expect(walk.gridImages!.length).to.equal(9 * 784);
      expect(anomaly.scores!.length).to.be.above(0);
      const store = getModelStore('mnist-conv-ae');
      expect((await store.encode(new Float32Array(784), 1)).length).to.equal(16);
      await store.dispose();
    } finally {
      configure({ weightsBase: before });
    }
  });
});

describe('<ae-anomaly-view>', () => {
  before(() => configure({ backend: 'wasm' }));

  it('histograms the test errors, flags the top share, shows the worst, places a drawing', async () => {
    const el = await fixture<AeAnomalyView>(html`<ae-anomaly-view model="mnist-ae-2d" top="5" bins="30"></ae-anomaly-view>`);
    await el.updateComplete;
    const scores = el.scores!;
    const ds = await getModelStore('mnist-ae-2d').dataset();
    expect(scores.length).to.equal(ds.testIndices.length);
    expect(el.shadowRoot!.querySelectorAll('.bars rect').length).to.equal(30);
    expect(el.shadowRoot!.querySelectorAll('canvas.worst').length).to.equal(5);
    // By default 2% of the test split is above the threshold.
    const above = scores.filter((s) => s > el.effectiveThreshold).length;
    expect(above / scores.length).to.be.within(0.015, 0.025);
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).to.contain(`${above} of ${scores.length}`);
    el.threshold = 0;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.bars rect.above').length).to.equal(30);
    el.threshold = undefined;
    const pad = el.shadowRoot!.querySelector('ae-draw-pad')!;
    // A filled box is no digit: its error lies far above the test images'.
    await drawStroke(pad, [[0.1, 0.1], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9], [0.1, 0.3], [0.8, 0.3], [0.8, 0.7], [0.2, 0.7], [0.2, 0.5], [0.7, 0.5]]);
    await el.updateComplete;
    expect(el.drawingScore).to.be.above(el.effectiveThreshold);
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).to.contain('unusual');
    // Moved in the page: the same histogram is updated, not drawn twice into its svg.
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    el.threshold = 0.05;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('svg.histogram g.bars').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('reports bad attributes and keeps its defaults', async () => {
    const el = await fixture<AeAnomalyView>(html`<ae-anomaly-view model="mnist-ae-2d" bins="2"></ae-anomaly-view>`);
    const codes: string[] = [];
    el.addEventListener('ae-error', (e) => codes.push(e.detail.code));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('bins="2"');
    expect(el.shadowRoot!.querySelectorAll('.bars rect').length).to.equal(40);
    el.bins = 20;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
  });
});
