import { expect, fixture, html } from '@open-wc/testing';
import { configure, getModelStore, type AeReconstructionGrid, type ModelStore } from '../../src/index.js';
import { freshStore, subset } from '../helpers.js';

describe('<ae-reconstruction-grid>', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('grid-source').dataset(), 300);
  });

  async function mount(store: ModelStore, attrs: Record<string, string> = {}) {
    const el = document.createElement('ae-reconstruction-grid') as AeReconstructionGrid;
    el.model = store.id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    const wrapper = await fixture(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    return el;
  }

  async function store() {
    const s = freshStore('grid');
    await s.setDataset(data);
    return s;
  }

  const captions = (el: Element) => [...el.shadowRoot!.querySelectorAll('.mse')].map((c) => Number(c.textContent));
  const meanError = (el: Element) => Number(/MSE\)?\s*([\d.]+)/.exec(el.shadowRoot!.querySelector('.summary')!.textContent!)![1]);

  it('shows one test image per digit over its reconstruction, with errors, and passes axe', async () => {
    const s = await store();
    const el = await mount(s);
    const ds = await s.dataset();
    const originals = el.shadowRoot!.querySelectorAll('canvas.original');
    expect(originals.length).to.equal(10);
    const labels = [...originals].map((c) => /label (\d)/.exec(c.getAttribute('aria-label')!)![1]);
    expect(new Set(labels).size).to.equal(10);
    expect([...originals].every((c) => ds.testIndices.includes(Number(/image (\d+)/.exec(c.getAttribute('aria-label')!)![1])))).to.equal(true);
    expect(captions(el).every((e) => e > 0 && e < 1)).to.equal(true);
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).to.contain('PCA with 2 components');
    await expect(el).to.be.accessible();
    await s.dispose();
  });

  it('follows count and indices, and reports bad values', async () => {
    const s = await store();
    const el = await mount(s, { count: '4' });
    expect(el.shadowRoot!.querySelectorAll('canvas.reconstruction').length).to.equal(4);
    el.indices = '3, 7';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('canvas.original').length).to.equal(2);
    const codes: string[] = [];
    el.addEventListener('ae-error', (e) => codes.push(e.detail.code));
    el.indices = '1,99999';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('indices="1,99999"');
    expect(el.shadowRoot!.querySelectorAll('canvas.original').length).to.equal(2);
    expect(codes).to.deep.equal(['input-invalid']);
    await s.dispose();
  });

  it('refreshes while the model trains: the mean test error falls', async () => {
    const s = await store();
    const el = await mount(s);
    const before = meanError(el);
    await s.train({ epochs: 3 });
    await el.updateComplete;
    expect(meanError(el)).to.be.below(before);
    await s.dispose();
  });
});
