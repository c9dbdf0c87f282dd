import { expect, oneEvent } from '@open-wc/testing';
import { configure, getModelStore, type AeLatentScatter, type ModelStore } from '../../src/index.js';
import { freshStore, mounted, subset } from '../helpers.js';

describe('<ae-latent-scatter>', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('scatter-source').dataset(), 300);
  });

  async function mount(store: ModelStore, attrs: Record<string, string> = {}) {
    const el = document.createElement('ae-latent-scatter') as AeLatentScatter;
    el.model = store.id;
    return mounted(el, attrs);
  }

  async function storeWith(spec = {}) {
    const store = freshStore('scatter');
    await store.setDataset(data);
    if (Object.keys(spec).length) await store.setSpec(spec);
    return store;
  }

  const inked = (canvas: HTMLCanvasElement) => {
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
    return n;
  };
  const shadow = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;

  it('plots every image of the split, coloured by label, with a legend, and passes axe', async () => {
    const store = await storeWith();
    const el = await mount(store, { split: 'all' });
    expect(el.points.length).to.equal(300 * 2);
    expect(el.shadowRoot!.querySelectorAll('.legend li').length).to.equal(10);
    expect(inked(shadow(el, '.plot.model canvas') as HTMLCanvasElement)).to.be.above(300);
    await expect(el).to.be.accessible();
    const test = await mount(store); // test by default
    expect(test.points.length).to.equal((await store.dataset()).testIndices.length * 2);
    await store.dispose();
  });

  it('moves its points when the model trains', async () => {
    const store = await storeWith();
    const el = await mount(store);
    const before = el.points.slice();
    await store.train({ epochs: 1 });
    await el.updateComplete;
    const after = el.points;
    let moved = 0;
    for (let i = 0; i < before.length; i++) moved += Math.abs(after[i] - before[i]);
    expect(moved / before.length).to.be.above(1e-3);
    await store.dispose();
  });

  it('moves a latent cursor with the arrow keys and decodes it with Enter', async () => {
    const store = await storeWith();
    const el = await mount(store);
    const surface = shadow(el, '.plot.model .surface');
    surface.focus();
    const key = (k: string) => surface.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    key('ArrowRight');
    key('ArrowUp');
    const decoded = oneEvent(el, 'ae-decode');
    key('Enter');
    const { detail } = await decoded;
    expect(detail.latent).to.have.length(2);
    expect(detail.image).to.have.length(784);
    await el.updateComplete;
    expect(shadow(el, '.decoded-view').hidden).to.equal(false);
    expect(shadow(el, 'svg .cursor').style.display).to.not.equal('none');
    await store.dispose();
  });

  it('decodes the clicked point', async () => {
    const store = await storeWith();
    const el = await mount(store);
    const surface = shadow(el, '.plot.model .surface');
    const r = surface.getBoundingClientRect();
    const decoded = oneEvent(el, 'ae-decode');
    surface.dispatchEvent(new MouseEvent('click', { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true }));
    expect((await decoded).detail.image).to.have.length(784);
    await store.dispose();
  });

  it('projects a wider code on its principal plane, or plots the chosen dims', async () => {
    const store = await storeWith({ latentDim: 4 });
    const el = await mount(store, { split: 'all' });
    expect(el.points.length).to.equal(600);
    expect(shadow(el, '.status').textContent).to.contain('principal components');
    el.dims = '1,3';
    await el.updateComplete;
    expect(shadow(el, '.axis-names').textContent).to.contain('z1').and.contain('z3');
    const decoded = oneEvent(el, 'ae-decode');
    shadow(el, '.plot.model .surface').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect((await decoded).detail.latent).to.have.length(4);
    await store.dispose();
  });

  it('reports bad attributes inline with ae-error and keeps working', async () => {
    const store = await storeWith();
    const el = await mount(store, { split: 'all' });
    const codes: string[] = [];
    el.addEventListener('ae-error', (e) => codes.push(e.detail.code));
    el.setAttribute('split', 'nope');
    await el.updateComplete;
    expect(shadow(el, '.error').textContent).to.contain('split="nope"');
    expect(el.split).to.equal('all');
    el.setAttribute('dims', '0,9');
    await el.updateComplete;
    expect(shadow(el, '.error').textContent).to.contain('dims="0,9"');
    expect(codes).to.deep.equal(['input-invalid', 'input-invalid']);
    expect(el.points.length).to.equal(600);
    await store.dispose();
  });

  it('shows a PCA of the same points beside it with compare="pca"', async () => {
    const store = await storeWith();
    const el = await mount(store, { compare: 'pca', split: 'all' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(shadow(el, '.plot.pca figcaption').textContent).to.match(/test MSE 0\.0\d+/);
    expect(inked(shadow(el, '.plot.pca canvas') as HTMLCanvasElement)).to.be.above(300);
    expect(shadow(el, '.plot.model figcaption').textContent).not.to.match(/5-NN/);
    await store.dispose();
  });

  it('puts each plot\'s 5-NN accuracy and test MSE beside its title with scores', async () => {
    const store = await storeWith();
    await store.train({ epochs: 1 });
    const el = await mount(store, { compare: 'pca', scores: '' });
    const caption = async (plot: string) => {
      for (let i = 0; i < 100 && !/5-NN/.test(shadow(el, `.plot.${plot} figcaption`).textContent!); i++) await new Promise((r) => setTimeout(r, 50));
      return shadow(el, `.plot.${plot} figcaption`).textContent!;
    };
    const m = await store.metrics();
    expect(await caption('model')).to.include(`5-NN ${(m.knnAccuracy! * 100).toFixed(1)}%`).and.include(`test MSE ${m.testMse.toPrecision(4)}`);
    expect(await caption('pca')).to.include(`5-NN ${(m.pca.knnAccuracy! * 100).toFixed(1)}%`).and.include(`test MSE ${m.pca.testMse.toPrecision(4)}`);
    await store.dispose();
  });
});
