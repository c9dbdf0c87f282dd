import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configure, getModelStore, PRESETS, registerLanguage, type AeTrainer } from '../src/index.js';
import { KIND_MODULES, KINDS } from '../src/engine/kinds/registry.js';
import { en } from '../src/l10n/en/index.js';
import { pl } from '../src/l10n/pl/index.js';
import { freshStore, subset } from './helpers.js';

const texts = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.trim());

describe('languages', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('l10n-source').dataset(), 128);
  });

  afterEach(() => document.documentElement.removeAttribute('lang'));

  async function mount(lang?: string) {
    const store = freshStore('l10n');
    await store.setDataset(data);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ae-trainer') as AeTrainer;
    el.model = store.id;
    if (lang) el.setAttribute('lang', lang);
    wrapper.append(el);
    await store.ready();
    await el.updateComplete;
    return { el, store, wrapper };
  }

  it("follows the document's lang live: English, then Polish, then English", async () => {
    const { el, store } = await mount();
    expect(texts(el, '.controls button')).to.include.members(['Train', 'Pause', 'Stop', 'Reset']);
    document.documentElement.lang = 'pl';
    await new Promise((r) => setTimeout(r)); // the observer's callback is a microtask after the change
    await el.updateComplete;
    expect(texts(el, '.controls button')).to.include.members(['Trenuj', 'Wstrzymaj', 'Zatrzymaj', 'Reset']);
    expect(texts(el, 'dt')).to.include.members(['Strata', 'Strata testowa']);
    document.documentElement.lang = 'en-GB';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(texts(el, '.controls button')).to.include('Train');
    await store.dispose();
  });

  it("takes its own lang before an ancestor's, and an ancestor's before the document's", async () => {
    document.documentElement.lang = 'en';
    const { el, store, wrapper } = await mount();
    wrapper.setAttribute('lang', 'pl-PL');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(texts(el, '.controls button')).to.include('Trenuj');
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(texts(el, '.controls button')).to.include('Train');
    await store.dispose();
  });

  it('speaks the language of where it is moved to', async () => {
    const { el, store, wrapper } = await mount();
    const polish = document.createElement('div');
    polish.lang = 'pl';
    wrapper.append(polish);
    polish.append(el); // disconnected and connected again, under another lang
    await el.updateComplete;
    expect(texts(el, '.controls button')).to.include('Trenuj');
    await store.dispose();
  });

  it('formats numbers in the language: a Polish loss has a decimal comma', async () => {
    const { el, store } = await mount('pl');
    el.epochs = 1;
    await el.updateComplete;
    const ended = oneEvent(el, 'ae-train-end');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await ended;
    await el.updateComplete;
    const loss = el.shadowRoot!.querySelector('.stats dd')!.textContent!.trim();
    expect(loss).to.match(/^\d+,\d+$/);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/^Trening zakończony: strata testowa \d+,\d+/);
    await store.dispose();
  });

  it('shows attribute errors in the language, and re-translates them when the language changes', async () => {
    const { el, store } = await mount('pl');
    const fired = oneEvent(el, 'ae-error');
    el.setAttribute('batch-size', '0');
    const { detail } = await fired;
    expect(detail.code).to.equal('input-invalid');
    expect(detail.message).to.equal('batch-size="0": wymagana liczba całkowita, co najmniej 1.');
    await el.updateComplete;
    expect(texts(el, '[role=alert] p')).to.deep.equal([detail.message]);
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(texts(el, '[role=alert] p')).to.deep.equal(['batch-size="0" must be a whole number of at least 1.']);
    await store.dispose();
  });

  it('takes a language the page registers, falling back to English for what it lacks', async () => {
    registerLanguage('de', { 'trainer.train': 'Trainieren' });
    const { el, store } = await mount('de');
    expect(texts(el, '.controls button')).to.include.members(['Trainieren', 'Pause', 'Stop']);
    registerLanguage('de', { 'trainer.train': 'Lernen' });
    await el.updateComplete;
    expect(texts(el, '.controls button')).to.include('Lernen');
    await store.dispose();
  });

  it("ships Polish for every English entry, every built-in kind, its loss terms and every preset", () => {
    const missing = Object.keys(en).filter((k) => (pl as Record<string, unknown>)[k] === undefined);
    expect(missing).to.deep.equal([]);
    expect(KINDS.filter((k) => !pl.kinds[k]?.title)).to.deep.equal([]);
    expect(Object.keys(PRESETS).filter((id) => !pl.presets[id])).to.deep.equal([]);
    expect(KIND_MODULES.flatMap((k) => k.updates.flatMap((u) => u.terms ?? [])).filter((t) => !pl.terms[t])).to.deep.equal([]);
  });

  it("writes the spec's summary line in Polish", async () => {
    const { el, store } = await mount('pl');
    await store.setSpec({ kind: 'vae' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.spec')!.textContent).to.match(/^vae · 200-200-2 · relu, kod gaussowski · mse, β 1$/);
    await store.dispose();
  });
});
