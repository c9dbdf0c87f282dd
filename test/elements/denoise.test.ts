import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configure, getModelStore, type AeDenoiseDemo, type AeDrawPad } from '../../src/index.js';
import { freshStore, subset } from '../helpers.js';
import { drawStroke } from './draw.js';

describe('<ae-draw-pad>', () => {
  it('turns a drawn stroke into a centred 28x28 image, and clears', async () => {
    const pad = await fixture<AeDrawPad>(html`<ae-draw-pad style="--ae-pad-size: 200px"></ae-draw-pad>`);
    expect(pad.value).to.equal(null);
    // A vertical bar in the left part of the pad: a "1", off centre.
    const detail = await drawStroke(pad, [[0.2, 0.15], [0.2, 0.5], [0.21, 0.85]]);
    expect(detail.empty).to.equal(false);
    expect(detail.image.length).to.equal(28 * 28);
    const img = detail.image;
    let mass = 0;
    let mx = 0;
    let my = 0;
    let rowsWithInk = 0;
    for (let y = 0; y < 28; y++) {
      let ink = 0;
      for (let x = 0; x < 28; x++) {
        const v = img[y * 28 + x];
        expect(v).to.be.within(0, 1);
        mass += v;
        mx += v * x;
        my += v * y;
        ink += v;
      }
      if (ink > 0.5) rowsWithInk++;
    }
    // Centred by its centre of mass and scaled to MNIST's 20-pixel box.
    expect(mx / mass).to.be.within(12.5, 14.5);
    expect(my / mass).to.be.within(12.5, 14.5);
    expect(rowsWithInk).to.be.within(17, 22);
    await expect(pad).to.be.accessible();
    const cleared = oneEvent(pad, 'ae-draw');
    pad.shadowRoot!.querySelector('button')!.click();
    expect((await cleared).detail.empty).to.equal(true);
    expect(pad.value).to.equal(null);
  });
});

describe('<ae-denoise-demo>', () => {
  before(() => configure({ backend: 'wasm' }));

  it('restores each corruption of the pretrained denoising model below the corrupted error, and passes axe', async () => {
    const el = await fixture<AeDenoiseDemo>(html`<ae-denoise-demo model="mnist-dae"></ae-denoise-demo>`);
    await el.updateComplete;
    const settings: Partial<AeDenoiseDemo>[] = [
      { task: 'denoise', noiseType: 'gaussian', noise: 0.5 },
      { task: 'denoise', noiseType: 'salt-pepper', noise: 0.2 },
      { task: 'denoise', noiseType: 'masking', noise: 0.5 },
      { task: 'inpaint', block: 10 },
      { task: 'superres', factor: 4 },
    ];
    for (const s of settings) {
      Object.assign(el, s);
      await el.updateComplete;
      const e = el.errors!;
      const clean = el.images!.clean;
      expect(clean.length).to.equal(784);
      expect(e.corrupted, JSON.stringify(s)).to.be.above(0);
      expect(e.restored, JSON.stringify(s)).to.be.below(e.corrupted);
      // The whole test split, not just this image: restored below corrupted.
      expect(el.shadowRoot!.querySelector('.summary')!.textContent, JSON.stringify(s)).to.match(/(corrupted|downsampled) [\d.]+ → restored [\d.]+\s+\([\d.]+× lower\)/);
    }
    await expect(el).to.be.accessible();
  });

  it('"New sample" picks another test image; a drawing is corrupted and restored', async () => {
    const el = await fixture<AeDenoiseDemo>(html`<ae-denoise-demo model="mnist-dae"></ae-denoise-demo>`);
    await el.updateComplete;
    const first = el.images!.clean;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'New sample')!.click();
    await el.updateComplete;
    expect(el.images!.clean).to.not.deep.equal(first);
    el.source = 'draw';
    await el.updateComplete;
    expect(el.images).to.equal(null);
    const pad = el.shadowRoot!.querySelector('ae-draw-pad')!;
    const drawn = await drawStroke(pad, [[0.3, 0.2], [0.7, 0.2], [0.4, 0.8]]); // a "7"
    await el.updateComplete;
    expect(el.images!.clean).to.deep.equal(drawn.image);
    expect(el.errors!.restored).to.be.below(el.errors!.corrupted);
  });

  it('reports bad attributes in the element and keeps the store usable', async () => {
    const el = await fixture<AeDenoiseDemo>(html`<ae-denoise-demo model="mnist-dae" noise="5"></ae-denoise-demo>`);
    const codes: string[] = [];
    el.addEventListener('ae-error', (e) => codes.push(e.detail.code));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('noise="5"');
    el.setAttribute('task', 'sharpen');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('task="sharpen"');
    expect(codes.length).to.be.above(0);
    expect(codes.every((c) => c === 'input-invalid')).to.equal(true);
    el.removeAttribute('noise');
    el.setAttribute('task', 'inpaint');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    expect(el.errors!.restored).to.be.below(el.errors!.corrupted);
  });

  it('says so when the model was not trained to denoise, and refreshes while it trains', async () => {
    const store = freshStore('plain');
    await store.setDataset(subset(await getModelStore('denoise-source').dataset(), 300));
    const el = await fixture<AeDenoiseDemo>(html`<ae-denoise-demo model=${store.id}></ae-denoise-demo>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.contain('not trained to denoise');
    const before = el.errors!.restored;
    await store.setSpec({ kind: 'denoising' });
    await store.train({ epochs: 3 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.note')).to.equal(null);
    expect(el.errors!.restored).to.not.equal(before);
    await store.dispose();
  });

  it('colorizes grey emoji with the colorizing preset: its own task, panels named for it, no drawing, and axe passes', async () => {
    const el = await fixture<AeDenoiseDemo>(html`<ae-denoise-demo model="emoji-colorize"></ae-denoise-demo>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect((root.querySelector('select') as HTMLSelectElement).value).to.equal('colorize');
    expect([...root.querySelectorAll('figcaption')].map((f) => f.textContent!.split('·')[0].trim())).to.deep.equal(['Original', 'Grey input', 'Colorized']);
    const { clean, corrupted } = el.images!;
    expect(clean.length).to.equal(32 * 32 * 3);
    let spread = 0;
    for (let i = 0; i < corrupted.length; i += 3) spread = Math.max(spread, Math.abs(corrupted[i] - corrupted[i + 1]), Math.abs(corrupted[i] - corrupted[i + 2]));
    expect(spread, 'the input is grey').to.be.below(1e-6);
    // The whole test split: the colorized images well below the grey ones' colour error.
    const [grey, colour] = [...root.querySelector('.summary')!.textContent!.matchAll(/(\d+\.\d+)\s/g)].map((m) => Number(m[1]));
    expect(colour).to.be.below(0.6 * grey);
    await expect(el).to.be.accessible();
    el.source = 'draw';
    await el.updateComplete;
    expect(root.querySelector('ae-draw-pad')).to.equal(null);
    expect(root.querySelector('[part="pad-note"]')!.textContent).to.contain('no colour');
    expect(el.images).to.equal(null);
  });

  it('says why it cannot colorize grey data', async () => {
    const el = document.createElement('ae-denoise-demo');
    Object.assign(el, { model: 'mnist-dae', task: 'colorize' });
    const error = oneEvent(el, 'ae-error');
    document.body.append(el);
    await el.updateComplete;
    expect((await error).detail.code).to.equal('input-invalid');
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('colour images (3 channels)');
    el.remove();
  });
});
