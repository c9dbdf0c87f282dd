import { expect, fixture, html } from '@open-wc/testing';
import { AEError, configure, getModelStore, type AeLatentScatter, type AeReconstructionGrid, type ModelStore, type VaeLatentWalk } from '../../src/index.js';
import { formatsOf } from '../../src/l10n/formats.js';
import { freshStore, mse, subset } from '../helpers.js';

// An element's refresh that was started on one store (or for one attribute value) and
// finishes after the element moved on must leave no trace: nothing of it drawn, none of
// its errors reported. Each test holds one store call of the old refresh until the
// element has moved on, then lets it finish (or fail).

type Method = 'codes' | 'pcaCodes' | 'decode' | 'reconstruct';

/**
 * Holds the next call of `store[method]`: the call runs, but its answer waits until the
 * test releases it (or fails it). Later calls are not held.
 */
function hold(store: ModelStore, method: Method) {
  const own = store as unknown as Record<string, unknown>;
  const original = (store[method] as (...a: unknown[]) => Promise<unknown>).bind(store);
  let entered!: () => void;
  const called = new Promise<void>((resolve) => (entered = resolve));
  let open!: (outcome: Error | null) => void;
  const gate = new Promise<Error | null>((resolve) => (open = resolve));
  own[method] = async (...args: unknown[]) => {
    delete own[method];
    entered();
    const answer = await original(...args);
    const failure = await gate;
    if (failure) throw failure;
    return answer;
  };
  return { called, release: () => open(null), fail: (e: Error) => open(e) };
}

/** Collects `ae-error` events of `el` and uncaught errors of the page. */
function watch(el: HTMLElement) {
  const errors: string[] = [];
  const uncaught: string[] = [];
  el.addEventListener('ae-error', (e) => errors.push(`${e.detail.code}: ${e.detail.message}`));
  const onError = (e: ErrorEvent) => uncaught.push(String(e.message));
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason?.message ?? e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    uncaught,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Every text the element's shadow root showed, including ones replaced since. */
function texts(el: Element) {
  const seen: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.oldValue) seen.push(r.oldValue);
      seen.push(r.target.textContent ?? '');
    }
  });
  observer.observe(el.shadowRoot!, { subtree: true, characterData: true, characterDataOldValue: true, childList: true });
  return { seen, stop: () => (observer.disconnect(), seen) };
}

/** Lets the held call's continuation run (store calls queue behind one another). */
async function drain(store: ModelStore) {
  await store.encode(new Float32Array(784), 1);
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

async function place<T extends HTMLElement>(tag: string, store: ModelStore, attrs: Record<string, string> = {}): Promise<T> {
  const el = document.createElement(tag) as T & { model: string };
  el.model = store.id;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.width = '320px';
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  return el;
}

/** The element reported no error and the page threw none; then the stores are freed. */
async function expectQuiet(w: ReturnType<typeof watch>, ...done: ModelStore[]) {
  expect(w.errors).to.deep.equal([]);
  expect(w.uncaught).to.deep.equal([]);
  w.stop();
  await Promise.all(done.map((s) => s.dispose()));
}

describe('stale refreshes', () => {
  let big: ReturnType<typeof subset>;
  let small: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('stale-source').dataset();
    big = subset(ds, 300);
    small = subset(ds, 120);
  });

  async function stores(spec = {}) {
    const a = freshStore('stale-a');
    const b = freshStore('stale-b');
    await a.setDataset(big);
    await b.setDataset(small);
    if (Object.keys(spec).length) await Promise.all([a.setSpec(spec), b.setSpec(spec)]);
    return [a, b] as const;
  }

  /** Two stores and the element on the first, its refresh held inside `store[method]` and watched for errors. */
  async function heldRefresh<T extends HTMLElement>(tag: string, method: Method, attrs: Record<string, string> = {}) {
    const [a, b] = await stores();
    const held = hold(a, method);
    const el = await place<T>(tag, a, attrs);
    const w = watch(el);
    await held.called;
    return { a, b, held, el, w };
  }

  it('scatter: a new model mid-refresh draws the new store only, and the old store\'s failure is not reported', async () => {
    const { a, b, held, el, w } = await heldRefresh<AeLatentScatter>('ae-latent-scatter', 'codes');
    el.model = b.id;
    held.fail(new AEError('disposed', `Store "${a.id}" went away.`));
    await el.updateComplete;
    await drain(a);
    await el.updateComplete;
    const expected = await b.codes('test');
    expect(el.points.length).to.equal(expected.indices.length * 2);
    expect(Array.from(el.points.subarray(0, 4))).to.deep.equal(Array.from(expected.codes.subarray(0, 4)));
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    await expectQuiet(w, a, b);
  });

  it('scatter: a new split mid-refresh never shows the old split\'s points', async () => {
    const { a, b, held, el, w } = await heldRefresh<AeLatentScatter>('ae-latent-scatter', 'codes', { split: 'test' });
    const shown = texts(el);
    el.split = 'all';
    await new Promise((r) => requestAnimationFrame(r));
    held.release();
    await el.updateComplete;
    await drain(a);
    await el.updateComplete;
    const seen = shown.stop();
    expect(el.points.length).to.equal(300 * 2);
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('300 images');
    const testCount = (await a.dataset()).testIndices.length;
    expect(testCount).to.not.equal(300);
    expect(seen.filter((t) => new RegExp(`\\b${testCount} (test )?images`).test(t))).to.deep.equal([]);
    await expectQuiet(w, a, b);
  });

  it('grid: a new model mid-refresh shows the new store\'s errors and PCA, not the old store\'s', async () => {
    const { a, b, held, el, w } = await heldRefresh<AeReconstructionGrid>('ae-reconstruction-grid', 'pcaCodes', { count: '4' });
    el.model = b.id;
    held.release();
    await el.updateComplete;
    await drain(a);
    await el.updateComplete;
    const pca = await b.pcaCodes(2, 'test');
    const evaluation = await b.evaluate();
    const strong = [...el.shadowRoot!.querySelectorAll('.summary strong')].map((s) => s.textContent);
    const formatLoss = formatsOf('en').loss;
    expect(strong).to.deep.equal([formatLoss(evaluation.testMse), formatLoss(pca.testMse)]);
    expect(formatLoss((await a.pcaCodes(2, 'test')).testMse)).to.not.equal(formatLoss(pca.testMse)); // the check can tell them apart
    await expectQuiet(w, a, b);
  });

  it('grid: the old store failing after the switch reports nothing', async () => {
    const { a, b, held, el, w } = await heldRefresh<AeReconstructionGrid>('ae-reconstruction-grid', 'reconstruct', { count: '4' });
    el.model = b.id;
    held.fail(new AEError('worker-failed', 'The old engine stopped.'));
    await el.updateComplete;
    await drain(a);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('canvas.reconstruction').length).to.equal(4);
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).to.contain('Mean test error');
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    await expectQuiet(w, a, b);
  });

  it('walk: a new grid size mid-refresh never draws the old size, and a new model never draws the old store', async () => {
    const { a, b, held, el, w } = await heldRefresh<VaeLatentWalk>('vae-latent-walk', 'decode', { grid: '3', steps: '4' });
    const shown = texts(el);
    el.grid = 4;
    await new Promise((r) => requestAnimationFrame(r));
    held.release();
    await el.updateComplete;
    await drain(a);
    await el.updateComplete;
    expect(el.gridImages!.length).to.equal(16 * 784);
    expect(shown.stop().filter((t) => t.includes('3×3'))).to.deep.equal([]);

    // From the same first image (both data sets start with it), through different weights.
    const first = Float32Array.from({ length: 784 }, (_, i) => big.images[i]);
    const [fromA, fromB] = await Promise.all([a.reconstruct(first, 1), b.reconstruct(first, 1)]);
    expect(mse(fromA, fromB)).to.be.above(1e-6);
    const again = hold(a, 'codes');
    el.setAttribute('from', '0');
    el.setAttribute('to', '1');
    await again.called;
    el.model = b.id;
    again.fail(new AEError('disposed', `Store "${a.id}" went away.`));
    await el.updateComplete;
    await drain(a);
    await el.updateComplete;
    expect(el.gridImages!.length).to.equal(16 * 784);
    expect(mse(el.stripImages!.subarray(0, 784), fromB)).to.be.below(1e-6);
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    await expectQuiet(w, a, b);
  });
  it('walk: a cursor decode still running on the old store fires no ae-decode and draws nothing', async () => {
    const [a, b] = await stores();
    const el = await place<VaeLatentWalk>('vae-latent-walk', a, { grid: '3', steps: '3' });
    await el.updateComplete;
    const w = watch(el);
    const decoded: { latent: number[]; image: Float32Array }[] = [];
    el.addEventListener('ae-decode', (e) => decoded.push(e.detail));
    const held = hold(a, 'decode');
    el.shadowRoot!.querySelector('[part="plane"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await held.called;
    el.model = b.id;
    held.release();
    await el.updateComplete;
    await drain(a);
    await el.updateComplete;
    expect(decoded.length).to.be.above(0); // the new store's decode of the cursor
    for (const d of decoded) expect(mse(d.image, await b.decode(Float32Array.from(d.latent), 1))).to.be.below(1e-9);
    await expectQuiet(w, a, b);
  });
});
