import { expect, fixture, html } from '@open-wc/testing';
import { configure, getModelStore, type AeAnomalyView, type AeDenoiseDemo, type AeDrawPad, type AeLatentClassifier, type AeLatentScatter, type AeReconstructionGrid, type ModelStore, type VaeLatentWalk } from '../../src/index.js';
import { freshStore, subset } from '../helpers.js';
import { drawStroke } from './draw.js';

// Every element, every kind of bad attribute: each gets an inline message that names the
// attribute and what it allows, one `ae-error` with a stable code, no uncaught error, and
// the element keeps working, and recovers when the attribute is good again.

type Tag = 'ae-latent-scatter' | 'ae-reconstruction-grid' | 'ae-denoise-demo' | 'vae-latent-walk' | 'ae-anomaly-view' | 'ae-latent-classifier' | 'ae-trainer' | 'ae-draw-pad' | 'ae-data-source';

interface Case {
  tag: Tag;
  /** Attributes the element starts with (besides `model`). */
  start?: Record<string, string>;
  attribute: string;
  /** The bad value (set as the attribute's text). */
  bad: string;
  /** A good value, or null to remove the attribute. */
  good: string | null;
  /** What the message must say is allowed. */
  allowed: RegExp;
  code?: string;
  /** Whether the element still shows its work while the value is bad (not so without a model). */
  worksWhileBad?: boolean;
}

const CASES: Case[] = [
  { tag: 'ae-latent-scatter', attribute: 'split', bad: 'nope', good: 'train', allowed: /must be one of "all", "train" or "test"/ },
  { tag: 'ae-latent-scatter', attribute: 'compare', bad: 'umap', good: 'pca', allowed: /must be "pca" or empty/ },
  { tag: 'ae-latent-scatter', attribute: 'dims', bad: '0,7', good: '0,1', allowed: /two different code dimensions from 0 to 1/ },
  { tag: 'ae-latent-scatter', attribute: 'dims', bad: '1,1', good: '1,0', allowed: /two different code dimensions/ },
  { tag: 'ae-latent-scatter', attribute: 'model', bad: '', good: 'STORE', allowed: /is empty: name the model store/, worksWhileBad: false },
  { tag: 'ae-latent-scatter', attribute: 'theme', bad: 'blue', good: 'dark', allowed: /must be one of "light" or "dark"/ },
  { tag: 'ae-latent-scatter', attribute: 'data', bad: '', good: null, allowed: /is empty: name a bundled dataset/ },
  { tag: 'ae-anomaly-view', attribute: 'data', bad: 'no-such-data', good: null, allowed: /Bundled: mnist-10k, emoji-32; otherwise give the URL of a dataset file/ },
  { tag: 'ae-reconstruction-grid', attribute: 'count', bad: '0', good: '4', allowed: /whole number from 1 to 100/ },
  { tag: 'ae-reconstruction-grid', attribute: 'count', bad: 'abc', good: '3', allowed: /whole number from 1 to 100/ },
  { tag: 'ae-reconstruction-grid', attribute: 'count', bad: '2.5', good: '2', allowed: /whole number from 1 to 100/ },
  { tag: 'ae-reconstruction-grid', attribute: 'indices', bad: '1,x', good: '0,1', allowed: /image numbers from 0 to 119/ },
  { tag: 'ae-reconstruction-grid', attribute: 'indices', bad: '-1', good: null, allowed: /image numbers from 0 to 119/ },
  { tag: 'ae-reconstruction-grid', attribute: 'model', bad: '   ', good: 'STORE', allowed: /is empty/, worksWhileBad: false },
  { tag: 'ae-denoise-demo', attribute: 'task', bad: 'sharpen', good: 'inpaint', allowed: /one of "denoise", "inpaint", "superres" or "colorize"/ },
  { tag: 'ae-denoise-demo', attribute: 'noise-type', bad: 'pink', good: 'masking', allowed: /one of "gaussian", "salt-pepper" or "masking"/ },
  { tag: 'ae-denoise-demo', attribute: 'noise', bad: '-0.1', good: '0.3', allowed: /number from 0 to 1 for gaussian noise/ },
  { tag: 'ae-denoise-demo', attribute: 'noise', bad: 'NaN', good: null, allowed: /number from 0 to 1/ },
  { tag: 'ae-denoise-demo', start: { task: 'inpaint' }, attribute: 'block', bad: '0', good: '6', allowed: /whole number of pixels from 1 to 28/ },
  { tag: 'ae-denoise-demo', start: { task: 'superres' }, attribute: 'factor', bad: '3', good: '4', allowed: /must be 2 or 4/ },
  { tag: 'ae-denoise-demo', attribute: 'seed', bad: 'abc', good: '2', allowed: /whole number, such as 1/ },
  { tag: 'ae-denoise-demo', attribute: 'index', bad: '-3', good: '5', allowed: /image number from 0 to 119/ },
  { tag: 'ae-denoise-demo', attribute: 'source', bad: 'camera', good: 'test', allowed: /one of "test" or "draw"/ },
  { tag: 'vae-latent-walk', attribute: 'grid', bad: '1', good: '3', allowed: /whole number from 2 to 30/ },
  { tag: 'vae-latent-walk', attribute: 'grid', bad: 'abc', good: '4', allowed: /whole number from 2 to 30/ },
  { tag: 'vae-latent-walk', attribute: 'steps', bad: '31', good: '4', allowed: /whole number from 2 to 30/ },
  { tag: 'vae-latent-walk', attribute: 'range', bad: '3,-3', good: '-2,2', allowed: /"low,high" with low < high/ },
  { tag: 'vae-latent-walk', attribute: 'range', bad: '0,Infinity', good: null, allowed: /"low,high" with low < high/ },
  { tag: 'vae-latent-walk', attribute: 'from', bad: '99999', good: '2', allowed: /image number from 0 to 119/ },
  { tag: 'vae-latent-walk', attribute: 'to', bad: 'x', good: null, allowed: /image number from 0 to 119/ },
  { tag: 'vae-latent-walk', attribute: 'seed', bad: '1.5', good: '3', allowed: /whole number, such as 1/ },
  { tag: 'vae-latent-walk', attribute: 'dims', bad: '0', good: '1,0', allowed: /two different code dimensions from 0 to 1/ },
  { tag: 'ae-anomaly-view', attribute: 'bins', bad: '2', good: '20', allowed: /whole number from 5 to 200/ },
  { tag: 'ae-anomaly-view', attribute: 'top', bad: '-1', good: '3', allowed: /whole number from 0 to 40/ },
  { tag: 'ae-anomaly-view', attribute: 'threshold', bad: '-0.5', good: '0.05', allowed: /number of 0 or more/ },
  { tag: 'ae-anomaly-view', attribute: 'threshold', bad: 'abc', good: null, allowed: /number of 0 or more/ },
  { tag: 'ae-anomaly-view', attribute: 'model', bad: '', good: 'STORE', allowed: /is empty/, worksWhileBad: false },
  { tag: 'ae-anomaly-view', attribute: 'anomaly-label', bad: 'cat', good: '3', allowed: /names no class of this data \("cat"\); it must name the classes that are anomalies, separated by commas: the labels are 0, 1, /},
  { tag: 'ae-anomaly-view', attribute: 'anomaly-label', bad: '', good: null, allowed: /must name the classes that are anomalies/ },
  { tag: 'ae-latent-classifier', attribute: 'k', bad: '0', good: '3', allowed: /whole number from 1 to 50/ },
  { tag: 'ae-latent-classifier', attribute: 'k', bad: 'abc', good: null, allowed: /whole number from 1 to 50/ },
  { tag: 'ae-latent-classifier', attribute: 'k', bad: '51', good: '50', allowed: /whole number from 1 to 50/ },
  { tag: 'ae-latent-classifier', attribute: 'pad', bad: 'no-such-pad', good: null, allowed: /names no <ae-draw-pad> beside this element/ },
  { tag: 'ae-trainer', attribute: 'latent-dim', bad: '0', good: '3', allowed: /whole number from 1 to/ },
  { tag: 'ae-trainer', attribute: 'kind', bad: 'gan', good: 'ae', allowed: /must be one of ae, / },
  { tag: 'ae-trainer', attribute: 'activation', bad: 'swish', good: 'elu', allowed: /must be one of relu/ },
  { tag: 'ae-trainer', attribute: 'epochs', bad: '0', good: '2', allowed: /whole number of at least 1/ },
  { tag: 'ae-trainer', attribute: 'batch-size', bad: '1.5', good: '32', allowed: /whole number of at least 1/ },
  { tag: 'ae-trainer', attribute: 'learning-rate', bad: 'NaN', good: '0.01', allowed: /number between 0 and 1/ },
  { tag: 'ae-trainer', attribute: 'model', bad: '', good: 'STORE', allowed: /is empty/, worksWhileBad: false },
  { tag: 'ae-draw-pad', attribute: 'height', bad: '-5', good: '16', allowed: /whole number of pixels from 8 to 128/ },
  { tag: 'ae-draw-pad', attribute: 'height', bad: '0', good: null, allowed: /whole number of pixels from 8 to 128/ },
  { tag: 'ae-draw-pad', attribute: 'height', bad: '12.5', good: '12', allowed: /whole number of pixels from 8 to 128/ },
  { tag: 'ae-draw-pad', attribute: 'width', bad: 'abc', good: '20', allowed: /whole number of pixels from 8 to 128/ },
  { tag: 'ae-draw-pad', attribute: 'width', bad: '100000', good: '28', allowed: /whole number of pixels from 8 to 128/ },
  { tag: 'ae-draw-pad', attribute: 'label', bad: '', good: 'Draw a digit', allowed: /must name the pad for screen readers/ },
  { tag: 'ae-draw-pad', attribute: 'theme', bad: 'sepia', good: null, allowed: /must be one of "light" or "dark"/ },
  { tag: 'ae-data-source', attribute: 'size', bad: '7', good: '28x28', allowed: /a side from 8 to 128 pixels, such as "32", or height x width/ },
  { tag: 'ae-data-source', attribute: 'size', bad: '28x', good: null, allowed: /a side from 8 to 128 pixels/ },
  { tag: 'ae-data-source', attribute: 'channels', bad: '2', good: '3', allowed: /must be "1" \(grey\) or "3" \(colour\)/ },
  { tag: 'ae-data-source', attribute: 'standardize', bad: 'maybe', good: 'false', allowed: /must be "true" or "false"/ },
  { tag: 'ae-data-source', attribute: 'tile', bad: '4x4', good: '28x28', allowed: /a side from 8 to 128 pixels/ },
  { tag: 'ae-data-source', attribute: 'model', bad: '', good: 'STORE', allowed: /is empty: name the model store/, worksWhileBad: false },
];

/** Asserts the element still does its work (and returns what it shows, where that helps). */
async function works(el: HTMLElement, tag: Tag) {
  const shadow = el.shadowRoot!;
  switch (tag) {
    case 'ae-latent-scatter':
      expect((el as AeLatentScatter).points.length).to.be.above(0);
      break;
    case 'ae-reconstruction-grid':
      expect(shadow.querySelectorAll('canvas.reconstruction').length).to.be.above(0);
      expect(shadow.querySelector('.summary')!.textContent).to.contain('Mean test error');
      break;
    case 'ae-denoise-demo':
      expect((el as AeDenoiseDemo).images).to.not.equal(null);
      break;
    case 'vae-latent-walk':
      expect((el as VaeLatentWalk).gridImages!.length).to.be.above(0);
      break;
    case 'ae-anomaly-view':
      expect((el as AeAnomalyView).scores!.length).to.be.above(0);
      break;
    case 'ae-latent-classifier':
      expect((el as AeLatentClassifier).results.model!.accuracy).to.be.within(0, 1);
      break;
    case 'ae-trainer':
      expect(shadow.querySelector('.spec')!.textContent).to.contain(' · ');
      expect(shadow.querySelector('button.primary')).to.not.equal(null);
      break;
    case 'ae-data-source':
      expect(shadow.querySelector('button[part~="drop-zone"]')).to.not.equal(null);
      expect(shadow.querySelector('[part~="progress"][role="status"]')).to.not.equal(null);
      break;
    case 'ae-draw-pad': {
      const pad = el as AeDrawPad;
      const sides = (a: string, fallback: number) => (/^\d+$/.test(pad.getAttribute(a) ?? '') && +pad.getAttribute(a)! >= 8 && +pad.getAttribute(a)! <= 128 ? +pad.getAttribute(a)! : fallback);
      const drawn = await drawStroke(pad, [[0.5, 0.2], [0.5, 0.8]]);
      expect(drawn.empty).to.equal(false);
      expect(drawn.image.length).to.equal(sides('height', 28) * sides('width', 28));
      expect(Array.from(drawn.image as Float32Array).some((v) => v > 0)).to.equal(true);
      pad.clear();
      break;
    }
  }
}

describe('bad attributes on every element', () => {
  let store: ModelStore;

  before(async () => {
    configure({ backend: 'wasm' });
    store = freshStore('bad-attr');
    await store.setDataset(subset(await getModelStore('bad-attr-source').dataset(), 120));
  });

  after(() => store.dispose());

  it(`has at least 25 cases, and some on every element`, () => {
    expect(CASES.length).to.be.at.least(25);
    const tags: Tag[] = ['ae-latent-scatter', 'ae-reconstruction-grid', 'ae-denoise-demo', 'vae-latent-walk', 'ae-anomaly-view', 'ae-latent-classifier', 'ae-trainer', 'ae-draw-pad', 'ae-data-source'];
    for (const tag of tags) expect(CASES.filter((c) => c.tag === tag).length, tag).to.be.at.least(3);
  });

  for (const c of CASES) {
    it(`<${c.tag} ${c.attribute}="${c.bad}">: says what is allowed, fires ae-error, recovers with ${c.good === null ? 'the attribute removed' : `"${c.good}"`}`, async () => {
      const uncaught: string[] = [];
      const onError = (e: ErrorEvent) => uncaught.push(String(e.message));
      const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason?.message ?? e.reason));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const el = document.createElement(c.tag) as HTMLElement & { updateComplete: Promise<boolean> };
        if (c.tag !== 'ae-draw-pad') el.setAttribute('model', store.id);
        for (const [k, v] of Object.entries(c.start ?? {})) el.setAttribute(k, v);
        el.style.width = '320px';
        const wrapper = await fixture(html`<div></div>`);
        wrapper.append(el);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.error'), 'no error before the bad value').to.equal(null);

        const events: { code: string; message: string; source: string; attribute?: string }[] = [];
        el.addEventListener('ae-error', (e) => events.push(e.detail));
        el.setAttribute(c.attribute, c.bad);
        await el.updateComplete;
        await el.updateComplete; // a refresh the bad value started has settled too

        const mine = events.filter((e) => e.attribute === c.attribute);
        expect(mine.length, JSON.stringify(events)).to.equal(1);
        expect(mine[0].code).to.equal(c.code ?? 'input-invalid');
        expect(mine[0].source).to.equal(c.tag);
        expect(mine[0].message).to.contain(`${c.attribute}=`);
        expect(mine[0].message).to.match(c.allowed);
        const region = el.shadowRoot!.querySelector('.error[role="alert"]');
        expect(region, 'an inline message').to.not.equal(null);
        expect(region!.textContent).to.contain(mine[0].message);
        if (c.worksWhileBad !== false) await works(el, c.tag);
        else expect(el.shadowRoot!.textContent, 'not "Loading…" without a model').to.not.contain('Loading…');

        if (c.good === null) el.removeAttribute(c.attribute);
        else el.setAttribute(c.attribute, c.good === 'STORE' ? store.id : c.good);
        await el.updateComplete;
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.error'), el.shadowRoot!.querySelector('.error')?.textContent ?? '').to.equal(null);
        await works(el, c.tag);
        expect(events.filter((e) => e.attribute !== c.attribute), 'no other errors').to.deep.equal([]);
        expect(uncaught).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });
  }
});
