import { expect, fixture, html } from '@open-wc/testing';
import { configure, getConfig, parseTable, type AeLatentScatter, type AeReconstructionGrid, type ModelStore } from '../../src/index.js';
import { freshStore } from '../helpers.js';

// The views on vector data: the grid draws each reconstruction as a second line over its
// input, the scatter places every test row, the trainer trains them.

const defaults = { ...getConfig() };

/** Dark grey pixels (the ink line) and clearly blue ones (the accent line): anti-aliased greys count as neither. */
function colourCounts(canvas: HTMLCanvasElement) {
  const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const counts = { ink: 0, accent: 0 };
  for (let i = 0; i < px.length; i += 4) {
    const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
    if (b - r > 60) counts.accent++;
    else if (Math.max(r, g, b) < 110 && Math.abs(b - r) < 30) counts.ink++;
  }
  return counts;
}

describe('views of vector data', () => {
  let store: ModelStore;

  before(async () => {
    configure({ ...defaults, backend: 'wasm' });
    const text = await (await fetch(new URL('../../data/ecg-beats.csv', import.meta.url))).text();
    const { input } = parseTable(text.split('\n').slice(0, 401).join('\n'), { labelColumn: 'label', name: 'ecg-400' });
    store = freshStore('vector-views');
    await store.setSpec({ hidden: [64], latentDim: 2, activation: 'relu', codeActivation: 'linear' });
    await store.setDataset(input);
  });

  after(async () => {
    await store.dispose();
    configure({ ...defaults });
  });

  it('the trainer trains vectors; the grid draws input and reconstruction as two lines with the error', async () => {
    const wrapper = await fixture(html`<div><ae-trainer model=${store.id} epochs="5"></ae-trainer><ae-reconstruction-grid model=${store.id} count="4"></ae-reconstruction-grid></div>`);
    const grid = wrapper.querySelector('ae-reconstruction-grid') as AeReconstructionGrid;
    await grid.updateComplete;
    const before = Number(grid.shadowRoot!.querySelector('.mse')!.textContent);
    const result = await store.train({ epochs: 5, batchSize: 32, learningRate: 2e-3 });
    expect(Number.isFinite(result.loss)).to.equal(true);
    await grid.updateComplete;
    const after = Number(grid.shadowRoot!.querySelector('.mse')!.textContent);
    expect(after).to.be.lessThan(before);
    const [original] = grid.shadowRoot!.querySelectorAll<HTMLCanvasElement>('canvas.original');
    const [both] = grid.shadowRoot!.querySelectorAll<HTMLCanvasElement>('canvas.reconstruction');
    expect(both.getAttribute('aria-label')).to.match(/^Input and reconstruction of sample \d+, error /);
    const plain = colourCounts(original);
    const overlaid = colourCounts(both);
    expect(plain.ink, 'the input line').to.be.greaterThan(50);
    expect(plain.accent, 'no second line on the input alone').to.equal(0);
    expect(overlaid.accent, 'the reconstruction line').to.be.greaterThan(50);
    expect(overlaid.ink, 'the input line under it').to.be.greaterThan(10);
    expect(grid.shadowRoot!.querySelector('ul')!.classList.contains('vectors')).to.equal(true);
    await expect(grid).to.be.accessible();
  });

  it('the scatter places every test row by its 2-D code', async () => {
    const el = (await fixture(html`<ae-latent-scatter model=${store.id} split="test"></ae-latent-scatter>`)) as AeLatentScatter;
    await el.updateComplete;
    const ds = await store.dataset();
    const codes = await store.codes('test');
    expect(codes.indices.length).to.equal(ds.testIndices.length);
    expect(el.shadowRoot!.textContent).to.include(String(ds.testIndices.length));
  });
});
