import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { configure, getModelStore, type AeDenoiseDemo, type AeLatentScatter } from '../../src/index.js';
import { rejection } from '../helpers.js';

// Every element on the colour emoji presets: colour where the pictures have colour, the
// categories by name, the drawing pad replaced by a note, axe clean, no console errors.

const CATEGORIES = ['Smileys & Emotion', 'People & Body', 'Animals & Nature', 'Food & Drink', 'Travel & Places', 'Activities', 'Objects', 'Symbols', 'Flags'];

/** Pixels of a canvas whose channels differ by more than `gap`: colour, not grey. */
function colourPixels(canvas: HTMLCanvasElement, gap = 40): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > gap) count++;
  }
  return count;
}

const canvases = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLCanvasElement>(selector)];

describe('elements on colour emoji', () => {
  const errors: string[] = [];
  const original = console.error;
  before(() => {
    configure({ backend: 'wasm' });
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      original(...args);
    };
  });
  after(() => (console.error = original));
  afterEach(() => expect(errors, 'console errors').to.deep.equal([]));

  it('the grid paints emoji in colour at 32x32 and their reconstructions, and passes axe', async () => {
    const el = await fixture<LitElement>(html`<ae-reconstruction-grid model="emoji-ae" count="9"></ae-reconstruction-grid>`);
    await el.updateComplete;
    const originals = canvases(el, 'canvas.original');
    expect(originals.length).to.equal(9);
    expect(originals.every((c) => c.width === 32 && c.height === 32)).to.equal(true);
    const coloured = originals.filter((c) => colourPixels(c) > 20).length;
    expect(coloured).to.be.at.least(6); // most emoji have colour; a few are black and white
    expect(canvases(el, 'canvas.reconstruction').filter((c) => colourPixels(c) > 20).length).to.be.at.least(5);
    const labels = originals.map((c) => c.getAttribute('aria-label')!);
    expect(labels.every((l) => CATEGORIES.some((name) => l.includes(name)))).to.equal(true);
    // The shipped basis has 32 components, so the 32-D model is set beside PCA-32 without the train images.
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).to.contain('PCA with 32 components');
    await expect(el).to.be.accessible();
  });

  it('the scatter names the nine categories in its legend and shows a colour thumbnail', async () => {
    const el = await fixture<AeLatentScatter>(html`<ae-latent-scatter model="emoji-ae-2d"></ae-latent-scatter>`);
    await el.updateComplete;
    const legend = [...el.shadowRoot!.querySelectorAll('.legend li')].map((li) => li.textContent!.trim());
    expect(legend).to.deep.equal(CATEGORIES);
    const ds = await getModelStore('emoji-ae-2d').dataset();
    expect(el.points.length).to.equal(2 * ds.testIndices.length);
    await expect(el).to.be.accessible();
  });

  it('the denoise demo corrupts colour per channel and says why drawing is off', async () => {
    const el = await fixture<AeDenoiseDemo>(html`<ae-denoise-demo model="emoji-ae" task="superres" factor="2"></ae-denoise-demo>`);
    await el.updateComplete;
    const { clean, corrupted, restored } = el.images!;
    expect(clean.length).to.equal(32 * 32 * 3);
    expect(corrupted.length).to.equal(clean.length);
    expect(restored.length).to.equal(clean.length);
    expect(el.errors!.corrupted).to.be.above(0);
    el.source = 'draw';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('ae-draw-pad')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="pad-note"]')!.textContent).to.contain('colour images');
    await expect(el).to.be.accessible();
  });

  it('the walk decodes colour images and the anomaly view ranks colour emoji', async () => {
    const walk = await fixture<LitElement>(html`<vae-latent-walk model="emoji-ae-2d" grid="5"></vae-latent-walk>`);
    await walk.updateComplete;
    const grid = canvases(walk, 'canvas.manifold')[0];
    expect([grid.width, grid.height]).to.deep.equal([160, 160]);
    expect(colourPixels(grid)).to.be.above(100);
    expect(walk.shadowRoot!.querySelector('ae-draw-pad')).to.equal(null);
    await expect(walk).to.be.accessible();

    const anomaly = await fixture<LitElement>(html`<ae-anomaly-view model="emoji-ae" top="4"></ae-anomaly-view>`);
    await anomaly.updateComplete;
    const worst = canvases(anomaly, 'canvas.worst');
    expect(worst.length).to.equal(4);
    expect(worst.some((c) => colourPixels(c) > 20)).to.equal(true);
    await expect(anomaly).to.be.accessible();
  });

  it('elements of one model that name different data get data-conflict; the store keeps its data', async () => {
    const a = await fixture<LitElement>(html`<ae-reconstruction-grid model="emoji-conflict" data="emoji-32" count="2"></ae-reconstruction-grid>`);
    await a.updateComplete;
    const store = getModelStore('emoji-conflict');
    expect((await store.dataset()).channels).to.equal(3);
    const seen = new Promise<CustomEvent>((resolve) => document.addEventListener('ae-error', (e) => resolve(e as CustomEvent), { once: true }));
    const b = await fixture<LitElement>(html`<ae-reconstruction-grid model="emoji-conflict" data="mnist-10k" count="2"></ae-reconstruction-grid>`);
    expect((await seen).detail.code).to.equal('data-conflict');
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('emoji-32');
    expect((await store.dataset()).channels).to.equal(3);
    expect((await rejection(Promise.resolve().then(() => store.useData('nonsense')))).code).to.equal('input-invalid');
    // A preset's data is the data it was trained on, before it has loaded too.
    const preset = await rejection(Promise.resolve().then(() => getModelStore('mnist-conv-ae').useData('emoji-32')));
    expect([preset.code, preset.message.includes('preset "mnist-conv-ae"')]).to.deep.equal(['data-conflict', true]);
    getModelStore('mnist-conv-ae').useData('mnist-10k'); // its own data is fine
    await store.dispose();
  });
});
