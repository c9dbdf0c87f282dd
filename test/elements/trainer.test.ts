import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure, getModelStore, type AeTrainer } from '../../src/index.js';
import { freshStore, subset } from '../helpers.js';

describe('<ae-trainer>', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('trainer-source').dataset(), 256);
  });

  async function mount(attrs = '') {
    const store = freshStore('trainer');
    await store.setDataset(data);
    const el = document.createElement('ae-trainer') as AeTrainer;
    el.model = store.id;
    el.epochs = 2;
    for (const [k, v] of attrs.split(' ').filter(Boolean).map((a) => a.split('='))) el.setAttribute(k, v);
    const wrapper = await fixture(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    return { el, store };
  }

  const button = (el: AeTrainer, name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

  it('renders its controls and passes axe', async () => {
    const { el, store } = await mount();
    await store.ready();
    await el.updateComplete;
    for (const name of ['Train', 'Pause', 'Stop', 'Reset', 'Download', 'Open files…']) expect(button(el, name), name).to.exist;
    await expect(el).to.be.accessible();
    await store.dispose();
  });

  it('trains from the Train button: epochs announced, loss chart drawn, ae-train-end fired', async () => {
    const { el, store } = await mount();
    const epochs: number[] = [];
    el.addEventListener('ae-epoch', (e) => epochs.push(e.detail.epoch));
    const ended = oneEvent(el, 'ae-train-end');
    const started = oneEvent(store, 'statechange');
    button(el, 'Train').click();
    await started;
    await el.updateComplete;
    // No step reported yet: the bar is indeterminate and says so.
    expect(el.shadowRoot!.querySelector('.progress label')!.textContent).to.contain('starting');
    expect(el.shadowRoot!.querySelector('.progress progress:not([max])')).to.exist;
    const { detail } = await ended;
    expect(detail.stopped).to.equal(false);
    expect(epochs).to.deep.equal([1, 2]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/Training finished: test loss \d/);
    expect(el.shadowRoot!.querySelector('path.train')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L/);
    expect(el.shadowRoot!.querySelectorAll('.test-dots circle').length).to.equal(2);
    await store.dispose();
  });

  it("draws a line per named loss of the kind: an AAE's discriminator and generator beside its reconstruction", async () => {
    const { el, store } = await mount('kind=aae prior=circle epochs=1');
    await store.ready();
    for (let i = 0; i < 100 && store.spec.kind !== 'aae'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(store.spec.kind).to.equal('aae');
    const ended = oneEvent(el, 'ae-train-end');
    button(el, 'Train').click();
    await ended;
    await el.updateComplete;
    const paths = [...el.shadowRoot!.querySelectorAll('g.series path')];
    expect(paths.map((p) => p.getAttribute('class'))).to.deep.equal(['series-1', 'series-2']);
    for (const p of paths) expect(p.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L/);
    const caption = el.shadowRoot!.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ');
    expect(caption).to.contain('train reconstruction per step').and.contain('discriminator').and.contain('generator');
    expect(el.shadowRoot!.querySelector('.spec')!.textContent).to.contain('circle of 10 prior');
    await store.dispose();
  });

  it('trains a UMAP-regularised model set by its attributes, announcing the neighbour graph while it builds', async () => {
    const { el, store } = await mount('kind=umap-ae umap-weight=2 neighbours=8 min-dist=0.05 epochs=1');
    await store.ready();
    for (let i = 0; i < 100 && store.spec.kind !== 'umap-ae'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(store.spec).to.include({ kind: 'umap-ae', umapWeight: 2, neighbours: 8, minDist: 0.05 });
    const said: string[] = [];
    const status = () => el.shadowRoot!.querySelector('[role=status]')!.textContent!;
    const watch = new MutationObserver(() => said.push(status()));
    watch.observe(el.shadowRoot!, { subtree: true, characterData: true, childList: true });
    const ended = oneEvent(el, 'ae-train-end');
    button(el, 'Train').click();
    await ended;
    watch.disconnect();
    const train = (await store.dataset()).trainIndices.length;
    expect(said.some((t) => t.includes(`Building the neighbour graph: ${train} of ${train} samples`)), said.join(' | ')).to.equal(true);
    const caption = el.shadowRoot!.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ');
    expect(caption).to.contain('umap');
    el.setAttribute('umap-weight', '-1');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('umap-weight="-1"');
    expect(el.umapWeight).to.equal(2);
    await store.dispose();
  });

  it('trains and stops from the keyboard alone', async () => {
    const { el, store } = await mount();
    el.epochs = 50;
    await el.updateComplete;
    button(el, 'Train').focus();
    const ended = oneEvent(el, 'ae-train-end');
    await sendKeys({ press: 'Enter' });
    await oneEvent(store, 'progress');
    await el.updateComplete;
    button(el, 'Stop').focus();
    await sendKeys({ press: 'Space' });
    expect((await ended).detail.stopped).to.equal(true);
    await store.dispose();
  });

  it('pauses, resumes and stops from its buttons', async () => {
    const { el, store } = await mount();
    el.epochs = 50;
    await el.updateComplete;
    const ended = oneEvent(el, 'ae-train-end');
    button(el, 'Train').click();
    await oneEvent(store, 'progress');
    await el.updateComplete;
    button(el, 'Pause').click();
    await oneEvent(el, 'ae-status');
    await el.updateComplete;
    expect(store.status).to.equal('paused');
    expect(button(el, 'Resume').getAttribute('aria-pressed')).to.equal('true');
    button(el, 'Resume').click();
    await oneEvent(el, 'ae-status');
    expect(store.status).to.equal('training');
    await el.updateComplete;
    button(el, 'Stop').click();
    expect((await ended).detail.stopped).to.equal(true);
    await store.dispose();
  });

  it('applies spec attributes to the store and shows bad values inline with ae-error, keeping the last good one', async () => {
    const { el, store } = await mount('latent-dim=3 hidden=64,32');
    await store.ready();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await store.encode(new Float32Array(784), 1); // queued after setSpec
    expect(store.spec.latentDim).to.equal(3);
    expect(store.spec.hidden).to.deep.equal([64, 32]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.spec')!.textContent).to.contain('64-32-3'); // the summary follows the spec
    const errors: string[] = [];
    el.addEventListener('ae-error', (e) => errors.push(e.detail.code));
    el.setAttribute('latent-dim', 'abc');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('latent-dim="abc"');
    expect(el.latentDim).to.equal(3);
    el.setAttribute('hidden', '-5');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('hidden="-5"');
    expect(el.hiddenLayers).to.equal('64,32');
    el.setAttribute('learning-rate', '7');
    await el.updateComplete;
    expect(errors).to.deep.equal(['input-invalid', 'input-invalid', 'input-invalid']);
    expect(getComputedStyle(el).display).to.equal('block'); // hidden= names layers here
    await store.encode(new Float32Array(784), 1);
    expect(store.spec.latentDim).to.equal(3);
    await store.dispose();
  });

  it('holds an architecture change made during training until Reset', async () => {
    const { el, store } = await mount();
    el.epochs = 50;
    await el.updateComplete;
    const ended = oneEvent(el, 'ae-train-end');
    button(el, 'Train').click();
    await oneEvent(store, 'progress');
    el.setAttribute('latent-dim', '4');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pending')).to.exist;
    expect(store.spec.latentDim).to.equal(2);
    button(el, 'Apply now').click();
    await ended;
    await store.encode(new Float32Array(784), 1);
    expect(store.spec.latentDim).to.equal(4);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pending')).to.equal(null);
    await store.dispose();
  });
});
