import { expect, oneEvent } from '@open-wc/testing';
import { configure, getModelStore, type AeDenoiseDemo, type AeDrawPad, type AeLatentScatter, type AeReconstructionGrid, type ModelStore, type VaeLatentWalk } from '../src/index.js';
import { freshStore, mounted, subset } from './helpers.js';

// The views in Polish: each element mounted with lang="pl" shows its labels in Polish and
// writes its numbers with a decimal comma.

const text = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();
const texts = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const label = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!.getAttribute('aria-label')!;

describe('views in Polish', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('l10n-views-source').dataset(), 300);
  });

  async function storeWith(spec = {}) {
    const store = freshStore('l10n-views');
    await store.setDataset(data);
    if (Object.keys(spec).length) await store.setSpec(spec);
    return store;
  }

  /** Mounts `tag` on `store` with lang="pl" and waits for its first drawing. */
  async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(tag: string, attrs: Record<string, string> = {}, store?: ModelStore): Promise<T> {
    return mounted(document.createElement(tag) as T, { lang: 'pl', ...(store && { model: store.id }), ...attrs });
  }

  it('<ae-latent-scatter>: status, legend and scores in Polish; MSE and axis ticks with a decimal comma', async () => {
    const store = await storeWith();
    const el = await mount<AeLatentScatter>('ae-latent-scatter', { compare: 'pca' }, store);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(text(el, '.status')).to.match(/^\d+ obraz(y|ów) testow(e|ych), 2-wymiarowy kod$/);
    expect(label(el, '.legend')).to.equal('Kolory etykiet');
    expect(text(el, '.plot.model figcaption')).to.equal(`Kody latentne modelu „${store.id}”`);
    expect(text(el, '.plot.pca figcaption')).to.match(/^PCA, 2 składowe \(MSE testowe 0,\d+\)$/);
    const ticks = texts(el, '.plot.model svg .tick text');
    expect(ticks.length).to.be.above(2);
    expect(ticks.some((t) => /\d\.\d/.test(t)), ticks.join(' ')).to.equal(false);
    await store.dispose();
  });

  it('<ae-reconstruction-grid>: summary and labels in Polish; errors with a decimal comma', async () => {
    const store = await storeWith();
    const el = await mount<AeReconstructionGrid>('ae-reconstruction-grid', { count: '4' }, store);
    expect(label(el, '[part="grid"]')).to.equal('Obrazy testowe i ich rekonstrukcje');
    expect(texts(el, '.mse').every((t) => /^0,\d+$/.test(t)), texts(el, '.mse').join(' ')).to.equal(true);
    expect(text(el, '.summary')).to.match(/^Średni błąd rekonstrukcji na zbiorze testowym \(MSE\) 0,\d+ przy 2-wymiarowym kodzie; PCA z 2 składowymi: 0,\d+\.$/);
    expect(label(el, 'canvas.reconstruction')).to.match(/^Rekonstrukcja obrazu \d+, błąd 0,\d+$/);
    await store.dispose();
  });

  it('<vae-latent-walk>: captions and buttons in Polish; coordinates with a decimal comma', async () => {
    const store = await storeWith();
    const el = await mount<VaeLatentWalk>('vae-latent-walk', { grid: '3', steps: '4' }, store);
    expect(el.gridImages!.length).to.equal(9 * 784);
    expect(text(el, '.manifold-figure figcaption')).to.match(/^Zdekodowana siatka 3×3 dla z0 ∈ \[[-−]?\d+,\d\d; [-−]?\d+,\d\d\], z1 ∈ \[[-−]?\d+,\d\d; [-−]?\d+,\d\d\]\.$/);
    expect(el.shadowRoot!.querySelector('[part="plane"]')!.getAttribute('aria-valuetext')).to.match(/^z0 = [-−]?\d+,\d\d; z1 = [-−]?\d+,\d\d$/);
    expect(text(el, '.interpolation .title')).to.equal('Interpolacja w przestrzeni latentnej, 4 kroki');
    expect(texts(el, 'button')).to.include.members(['Nowa para', 'Zdekoduj losowe wartości']);
    expect(text(el, '.note')).to.contain('nie VAE');
    await store.dispose();
  });

  it('<ae-draw-pad>: its name, button and attribute errors in Polish', async () => {
    const pad = await mount<AeDrawPad>('ae-draw-pad');
    expect(label(pad, 'canvas')).to.equal('Pole do rysowania: narysuj cyfrę myszą, palcem lub rysikiem');
    expect(text(pad, 'button')).to.equal('Wyczyść');
    const fired = oneEvent(pad, 'ae-error');
    pad.setAttribute('height', '0');
    expect((await fired).detail.message).to.equal('height="0": wymagana całkowita liczba pikseli od 8 do 128.');
    pad.setAttribute('label', 'Narysuj cyfrę');
    await pad.updateComplete;
    expect(label(pad, 'canvas')).to.equal('Narysuj cyfrę');
  });

  it('<ae-denoise-demo>: panels, controls and summary in Polish; errors and amounts with a decimal comma', async () => {
    const el = await mount<AeDenoiseDemo>('ae-denoise-demo', { model: 'mnist-dae' });
    expect(texts(el, 'figcaption').map((f) => f.split('·')[0].trim())).to.deep.equal(['Czysty', 'Uszkodzony', 'Odtworzony']);
    expect(texts(el, 'figcaption')[1]).to.match(/^Uszkodzony · MSE 0,\d+$/);
    expect(texts(el, 'option')).to.include.members(['Usuń szum', 'Uzupełnij wymazany kwadrat', 'gaussowski']);
    expect(texts(el, 'button')).to.include('Nowa próbka');
    expect(text(el, 'output')).to.equal('0,5');
    expect(text(el, 'p.muted')).to.match(/^Trenowany na: mieszanka .*\(siła 0,8\)\.$/);
    await el.updateComplete;
    expect(text(el, '.summary')).to.match(/^Cały zbiór testowy: uszkodzony 0,\d+ → odtworzony 0,\d+ \(\d+,\d× niższy\)\.$/);
    const fired = oneEvent(el, 'ae-error');
    el.setAttribute('noise', '5');
    expect((await fired).detail.message).to.equal('noise="5": dla szumu „gaussian” wymagana liczba od 0 do 1.');
  });
});
