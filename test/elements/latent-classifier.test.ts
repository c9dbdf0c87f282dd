import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configure, getModelStore, type AeDrawPad, type AeLatentClassifier, type DatasetInput, type ModelStore } from '../../src/index.js';
import { freshStore, subset } from '../helpers.js';
import { drawStroke } from './draw.js';

describe('<ae-latent-classifier>', () => {
  let data: DatasetInput;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('classifier-source').dataset(), 400);
  });

  async function store(input = data) {
    const s = freshStore('classifier');
    await s.setDataset(input);
    return s;
  }

  async function mount(s: ModelStore, attrs: Record<string, string> = {}, before = '') {
    const wrapper = await fixture(html`<div></div>`);
    if (before) wrapper.innerHTML = before;
    const el = document.createElement('ae-latent-classifier');
    el.model = s.id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    wrapper.append(el);
    await el.updateComplete;
    return el;
  }

  const panel = (el: AeLatentClassifier, space: string) => el.shadowRoot!.querySelector(`figure[part~="${space}"]`)!;

  it('shows accuracy and a labelled confusion matrix for the code, PCA and pixels, as heatmaps and tables, and passes axe', async () => {
    const s = await store();
    const el = await mount(s);
    const { model, pca, pixels } = el.results;
    expect(model!.dim).to.equal(2);
    expect(pca!.dim).to.equal(2);
    expect(pixels!.dim).to.equal(784);
    expect(pixels!.accuracy, 'kNN on raw pixels').to.be.above(0.6);
    for (const [space, r] of Object.entries(el.results)) {
      const fig = panel(el, space);
      expect(fig.querySelector('.accuracy strong')!.textContent).to.equal(`${(r.accuracy * 100).toFixed(1)}%`);
      expect(fig.querySelector('.accuracy')!.textContent).to.contain(`of ${r.truth.length.toLocaleString('en')} test images, k = 5`);
      expect(fig.querySelectorAll('svg.matrix g.cell').length).to.equal(100);
      const rowNames = [...fig.querySelectorAll('svg.matrix .row-names text')].map((t) => t.textContent);
      expect(rowNames).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      const table = fig.querySelector('table')!;
      expect(table.classList.contains('visually-hidden')).to.equal(true);
      expect([...table.querySelectorAll('tbody th[scope="row"]')].map((t) => t.textContent)).to.deep.equal(rowNames);
      const counts = [...table.querySelectorAll('tbody td')].map((td) => Number(td.textContent));
      expect(counts).to.deep.equal(Array.from(r.confusion));
      expect(counts.reduce((a, b) => a + b, 0)).to.equal(r.truth.length);
    }
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="tables-toggle"]')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('table.counts.visually-hidden')).to.equal(null);
    await expect(el).to.be.accessible();
    await s.dispose();
  });

  it('gives the code the kNN-5 accuracy that metrics() reports', async () => {
    const s = await store();
    await s.train({ epochs: 1 });
    const el = await mount(s);
    expect(el.results.model!.accuracy).to.equal((await s.metrics()).knnAccuracy);
    await s.dispose();
  });

  it('re-runs with a new k from its input, and reports a bad k keeping the last good one', async () => {
    const s = await store();
    const el = await mount(s);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[part="k"]')!;
    input.value = '3';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.k).to.equal(3);
    expect([el.results.model!.k, el.results.pca!.k, el.results.pixels!.k]).to.deep.equal([3, 3, 3]);
    expect(panel(el, 'pixels').querySelector('.accuracy')!.textContent).to.contain('k = 3');

    const errors: { code: string; message: string; attribute?: string }[] = [];
    el.addEventListener('ae-error', (e) => errors.push(e.detail));
    el.setAttribute('k', '0');
    await el.updateComplete;
    expect(errors.map((e) => [e.code, e.attribute])).to.deep.equal([['input-invalid', 'k']]);
    expect(errors[0].message).to.equal('k="0" must be a whole number from 1 to 50.');
    expect(el.shadowRoot!.querySelector('.error[role="alert"]')!.textContent).to.contain(errors[0].message);
    expect(el.results.model!.k, 'the last good k stays').to.equal(3);

    el.setAttribute('k', '7');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    expect(el.results.model!.k).to.equal(7);
    expect(errors.length).to.equal(1);
    await s.dispose();
  });

  it('follows the model while it trains: the code matrix changes in place, PCA and pixels stay', async () => {
    const s = await store();
    const el = await mount(s);
    const first = el.results.model!;
    const { pca, pixels } = el.results;
    const cell = panel(el, 'model').querySelector('svg.matrix g.cell')!;
    const seen = new Set([first]);
    const watch = setInterval(() => seen.add(el.results.model!), 20);
    await s.train({ epochs: 15, batchSize: 32 });
    clearInterval(watch);
    const during = seen.size - 1;
    await el.updateComplete;
    const last = el.results.model!;
    expect(during, 'results seen while training').to.be.at.least(2);
    expect(Array.from(last.confusion)).to.not.deep.equal(Array.from(first.confusion));
    expect(panel(el, 'model').querySelector('svg.matrix g.cell'), 'the same cell, updated').to.equal(cell);
    expect(el.results.pca).to.equal(pca);
    expect(el.results.pixels).to.equal(pixels);
    expect(last.accuracy).to.equal((await s.knn()).accuracy);
    await s.dispose();
  });

  it('classifies a drawing from its own pad and from the pad that `pad` names, showing the nearest train images', async () => {
    const s = await store();
    const el = await mount(s, { draw: '', k: '4' });
    const ds = await s.dataset({ train: true });
    const own = el.shadowRoot!.querySelector('ae-draw-pad')!;
    const classified = oneEvent(el, 'ae-classify');
    await drawStroke(own, [[0.5, 0.15], [0.5, 0.85]]);
    const { detail } = await classified;
    await el.updateComplete;
    expect(detail.neighbours.length).to.equal(4);
    expect(detail.neighbours.every((i: number) => ds.trainIndices.includes(i))).to.equal(true);
    expect(detail.name).to.equal(String(detail.label));
    expect(el.prediction!.predicted[0]).to.equal(detail.label);
    const canvases = el.shadowRoot!.querySelectorAll('canvas.neighbour');
    expect(canvases.length).to.equal(4);
    expect(canvases[0].getAttribute('aria-label')).to.equal(`Train label ${ds.labels![detail.neighbours[0]]} (image ${detail.neighbours[0]})`);
    expect(el.shadowRoot!.querySelector('.verdict')!.textContent).to.contain(`looks like ${detail.label}`);
    // The same classification through the store: the vote of the same neighbours.
    const again = await s.knnQuery((own as AeDrawPad).value!, 1, { k: 4 });
    expect(Array.from(again.neighbours)).to.deep.equal(detail.neighbours);
    await expect(el).to.be.accessible();

    const other = await mount(s, { pad: 'outside' }, '<ae-draw-pad id="outside"></ae-draw-pad>');
    expect(other.shadowRoot!.querySelector('ae-draw-pad'), 'no pad of its own').to.equal(null);
    const pad = other.parentElement!.querySelector<AeDrawPad>('#outside')!;
    const heard = oneEvent(other, 'ae-classify');
    await drawStroke(pad, [[0.3, 0.3], [0.7, 0.3], [0.3, 0.8], [0.7, 0.8]]);
    expect((await heard).detail.neighbours.length).to.equal(5);
    await other.updateComplete;
    expect(other.shadowRoot!.querySelectorAll('canvas.neighbour').length).to.equal(5);
    pad.clear();
    await other.updateComplete;
    expect(other.prediction).to.equal(null);

    const errors: string[] = [];
    other.addEventListener('ae-error', (e) => errors.push(`${e.detail.code} ${e.detail.attribute}: ${e.detail.message}`));
    other.pad = 'nowhere';
    await other.updateComplete;
    expect(errors).to.deep.equal(['input-invalid pad: pad="nowhere" names no <ae-draw-pad> beside this element; give the id of one, such as pad="my-pad".']);
    await s.dispose();
  });

  it('says why a drawing cannot be classified on colour images, and classifies them all the same', async () => {
    const [n, side] = [60, 8];
    const images = Float32Array.from({ length: n * side * side * 3 }, (_, j) => (Math.floor(j / (side * side * 3)) % 3) / 3 + ((j * 7919) % 13) / 60);
    const s = await store({ name: 'tiles', images, labels: Array.from({ length: n }, (_, i) => i % 3), classNames: ['dark', 'mid', 'light'], n, height: side, width: side, channels: 3 });
    const el = await mount(s, { draw: '' });
    expect(el.shadowRoot!.querySelector('ae-draw-pad')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="note"]')!.textContent).to.contain('colour images');
    expect(el.results.pixels!.accuracy).to.equal(1);
    expect([...panel(el, 'pixels').querySelectorAll('svg.matrix .row-names text')].map((t) => t.textContent)).to.deep.equal(['dark', 'mid', 'light']);
    await expect(el).to.be.accessible();
    await s.dispose();
  });

  it('leaves no tensor behind', async () => {
    const s = await store();
    await s.train({ epochs: 1 }); // the optimizer's slots
    await s.knn({ space: 'pca' }); // the PCA the store keeps
    const start = (await s.memory()).numTensors;
    const el = await mount(s, { draw: '' });
    await drawStroke(el.shadowRoot!.querySelector('ae-draw-pad')!, [[0.5, 0.2], [0.5, 0.8]]);
    await el.updateComplete;
    el.k = 9;
    await el.updateComplete;
    el.remove();
    expect((await s.memory()).numTensors).to.equal(start);
    await s.dispose();
  });

  it('on the lab model (mnist-ae-2d), beats PCA-2 from its two numbers; raw pixels do best', async () => {
    const el = await mount(getModelStore('mnist-ae-2d'));
    const { model, pca, pixels } = el.results;
    console.log(`kNN-5 accuracy on the MNIST test split: code ${model!.accuracy}, PCA-2 ${pca!.accuracy}, pixels ${pixels!.accuracy}`);
    expect(model!.accuracy).to.equal((await getModelStore('mnist-ae-2d').metrics()).knnAccuracy);
    expect(pca!.accuracy).to.be.closeTo(0.43, 0.05);
    expect(model!.accuracy).to.be.above(pca!.accuracy + 0.15);
    expect(pixels!.accuracy).to.be.above(0.9);
    expect(model!.truth.length).to.equal(2000);
  });
});
