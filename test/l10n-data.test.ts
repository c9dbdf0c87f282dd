import { expect, fixture, html } from '@open-wc/testing';
import { configure, getModelStore, type AeAnomalyView, type AeDataSource, type AeLatentClassifier, type DatasetInput, type ModelStore } from '../src/index.js';
import { freshStore, subset } from './helpers.js';

// <ae-anomaly-view>, <ae-latent-classifier> and <ae-data-source> in Polish: labels,
// numbers with a decimal comma, and errors in the language with their codes unchanged.

type AeEvent = { code: string; message: string; attribute?: string };

const texts = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const text = (el: HTMLElement, selector: string) => texts(el, selector).join(' ');
const settle = async (el: HTMLElement & { updateComplete: Promise<unknown> }) => {
  await new Promise((r) => setTimeout(r)); // the lang observer's callback runs after the change
  await el.updateComplete;
};

function record(el: HTMLElement) {
  const errors: AeEvent[] = [];
  el.addEventListener('ae-error', (e) => errors.push((e as CustomEvent<AeEvent>).detail));
  return errors;
}

describe('languages: anomaly view, classifier and data source', () => {
  let data: DatasetInput;
  let store: ModelStore;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('l10n-data-source').dataset(), 400);
  });

  beforeEach(async () => {
    store = freshStore('l10n-data');
    await store.setDataset(data);
  });

  afterEach(() => store.dispose());

  it('<ae-anomaly-view lang="pl">: Polish labels, scores and axes, numbers with a decimal comma', async () => {
    const el = await fixture<AeAnomalyView>(html`<ae-anomaly-view lang="pl" model=${store.id} anomaly-label="0"></ae-anomaly-view>`);
    await el.updateComplete;
    const d = el.detection!;
    expect(d, 'scores against anomaly-label').to.not.equal(null);
    expect(text(el, 'label.threshold')).to.match(/^Próg \d+,\d+$/);
    expect(text(el, '.summary')).to.match(/^\d+ z \d+ obrazów testowych \(\d+,\d%\) ma(ją)? błąd powyżej \d+,\d+\.$/);
    expect(texts(el, 'dl.scores dt')).to.deep.equal(['Precyzja', 'Czułość', 'ROC AUC']);
    const auc = new Intl.NumberFormat('pl', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(d.auc);
    expect(auc).to.contain(',');
    expect(text(el, 'dl.scores')).to.contain(`ROC AUC ${auc}`).and.contain(`oznaczono ${d.confusion.tp} z ${d.anomalies} anomalii`);
    expect(text(el, 'svg.roc title')).to.equal(`Krzywa ROC błędu rekonstrukcji, AUC ${auc}`);
    expect(texts(el, 'svg.roc .axis-label')).to.deep.equal(['odsetek fałszywie dodatnich', 'odsetek prawdziwie dodatnich (czułość)']);
    expect(texts(el, 'svg.roc .x.axis .tick text')).to.include('0,2');
    expect(texts(el, 'svg.histogram .axis .tick text').some((t) => /^0,\d+$/.test(t)), 'histogram ticks with a comma').to.equal(true);
    expect(text(el, 'p.title')).to.contain('Narysuj cyfrę albo literę').and.contain('Najgorzej zrekonstruowane obrazy testowe');
    expect(el.shadowRoot!.querySelector('canvas.worst')!.getAttribute('aria-label')).to.match(/, błąd \d+,\d+$/);

    // A bad anomaly-label in Polish; its code and attribute as in English.
    const errors = record(el);
    el.setAttribute('anomaly-label', 'kot');
    await el.updateComplete;
    expect(errors.map((e) => [e.code, e.attribute])).to.deep.equal([['input-invalid', 'anomaly-label']]);
    expect(errors[0].message).to.equal('anomaly-label="kot": te dane nie mają klasy „kot”; podaj klasy, które są anomaliami, rozdzielone przecinkami: etykiety to 0, 1, 2, 3, 4, 5, 6, 7, 8, 9.');

    // Back to English: the same element, its words and numbers re-rendered.
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(text(el, 'label.threshold')).to.match(/^Threshold \d+\.\d+$/);
    expect(text(el, '.error')).to.contain('anomaly-label="kot" names no class of this data ("kot")');
  });

  it('<ae-latent-classifier lang="pl">: Polish controls, captions and matrices; accuracy as 88,6%', async () => {
    const wrapper = await fixture(html`<div lang="pl"></div>`);
    const el = document.createElement('ae-latent-classifier') as AeLatentClassifier;
    el.model = store.id;
    wrapper.append(el);
    await el.updateComplete;
    const r = el.results.model!;
    expect(text(el, '.controls label')).to.equal('Sąsiedzi (k)');
    expect(text(el, 'button[part="tables-toggle"]')).to.equal('Pokaż liczby w tabelach');
    const panel = el.shadowRoot!.querySelector<HTMLElement>('figure[part~="model"]')!;
    const percent = new Intl.NumberFormat('pl', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.accuracy);
    expect(percent).to.match(/^\d+,\d%$/);
    expect(panel.querySelector('.accuracy strong')!.textContent).to.equal(percent);
    expect(panel.querySelector('.accuracy')!.textContent!.replace(/\s+/g, ' ')).to.contain(`${percent} trafnie`).and.contain(`z ${r.truth.length} obrazów testowych, k = 5)`);
    expect(panel.querySelector('.title')!.textContent).to.equal('Kod autoenkodera (2 liczby)');
    expect(panel.querySelector('svg.matrix')!.getAttribute('aria-label')).to.match(/^Macierz pomyłek, Kod autoenkodera \(2 liczby\): \d+,\d% obrazów testowych na przekątnej/);
    expect([...panel.querySelectorAll('svg.matrix .axis-title')].map((t) => t.textContent)).to.deep.equal(['klasa prawdziwa', 'klasa przewidziana']);
    expect(panel.querySelector('table caption')!.textContent).to.contain('próbki testowe według klasy prawdziwej');
    expect(panel.querySelector('table thead th')!.textContent).to.equal('prawdziwa \\ przewidziana');
    expect(el.shadowRoot!.querySelector('figure[part~="pca"] .title')!.textContent).to.equal('PCA (2 składowe)');
    expect(el.shadowRoot!.querySelector('figure[part~="pixels"] .title')!.textContent).to.match(/^Surowe piksele \(784 liczby\)$/);

    const errors = record(el);
    el.pad = 'nigdzie';
    await el.updateComplete;
    expect(errors.map((e) => [e.code, e.attribute])).to.deep.equal([['input-invalid', 'pad']]);
    expect(errors[0].message).to.equal('pad="nigdzie": obok tego elementu nie ma <ae-draw-pad> o takim id; podaj id jednego z nich, np. pad="my-pad".');
    expect(text(el, '.drawing')).to.contain('Narysuj cyfrę na padzie');
  });

  it('<ae-data-source lang="pl">: the summary, the skipped rows and the report in Polish; 10 000 with a Polish space', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source lang="pl" model=${store.id} label-column="kind"></ae-data-source>`);
    expect(text(el, '[part~="drop-zone"]')).to.equal('Upuść tu obrazy, folder z folderami klas albo jeden plik CSV/TSV lub naciśnij, aby wybrać pliki');
    expect(text(el, '[part~="folder-button"]')).to.equal('Wybierz folder…');
    const errors = record(el);
    const lines = ['a,b,kind,c'];
    for (let i = 0; i < 10_000; i++) lines.push(`${i % 97},${(i * 7) % 13},${i % 4 ? 'normal' : 'odd'},${(i * 37) % 11}`);
    lines.splice(12, 0, '1,2,normal'); // line 13: ragged
    lines.splice(20, 0, '1,abc,odd,3'); // line 21: not a number
    await el.addFiles([new File([lines.join('\n')], 'rows.csv', { type: 'text/csv' })]);
    expect(el.summary!.n).to.equal(10_000);
    // The event's data stays in English: pages branch on it.
    expect(el.summary!.skipped).to.deep.equal([
      { name: 'line 13', reason: 'has 3 cells; the header has 4' },
      { name: 'line 21', reason: 'column "b" is "abc", not a number' },
    ]);
    expect(text(el, '.counts')).to.match(/^rows\.csv: 10\s000 próbek, każda próbka to wektor 3 liczb, w 2 klasach:$/);
    expect(texts(el, '.classes li')).to.deep.equal(['odd: 2500', 'normal: 7500']);
    expect(texts(el, '[part~="problems"] li')).to.deep.equal(['wiersz 13: ma 3 komórki; nagłówek ma 4', 'wiersz 21: kolumna „b” zawiera „abc”, a nie liczbę']);
    expect(el.shadowRoot!.querySelector('canvas[part~="thumbnails"]')!.getAttribute('aria-label')).to.match(/^12 z 10\s000 wierszy, rozłożone po całych danych$/);
    expect(errors.map((e) => e.code)).to.deep.equal(['dataset-invalid']);
    expect(errors[0].message).to.match(/^rows\.csv: Pominięto 2 elementy \(wiersz 13: ma 3 komórki; nagłówek ma 4; wiersz 21: kolumna „b” zawiera „abc”, a nie liczbę\); pozostałych 10\s000 jest używanych\.$/);
  });

  it('a CSV error in <ae-data-source lang="pl"> is in Polish, the ae-error code unchanged, and follows the language', async () => {
    const el = await fixture<AeDataSource>(html`<ae-data-source lang="pl" model=${store.id}></ae-data-source>`);
    const errors = record(el);
    await el.addFiles([new File([''], 'empty.csv', { type: 'text/csv' })]);
    expect(errors.map((e) => e.code)).to.deep.equal(['dataset-invalid']);
    expect(errors[0].message).to.equal('Plik empty.csv jest pusty.');
    expect(text(el, '.error[role="alert"]')).to.equal('Plik empty.csv jest pusty.');

    el.setAttribute('label-column', 'class');
    await el.updateComplete; // the empty file again, with the new option
    await el.addFiles([new File(['a,b\n1,2\n3,4\n'], 'two.csv', { type: 'text/csv' })]);
    expect(new Set(errors.map((e) => e.code))).to.deep.equal(new Set(['dataset-invalid']));
    expect(errors.at(-1)!.message).to.equal('Kolumny etykiet "class" nie ma w tabeli: kolumny to „a”, „b”.');

    el.setAttribute('lang', 'en');
    await settle(el);
    expect(text(el, '.error[role="alert"]')).to.equal('The label column "class" is not in the table: the columns are "a", "b".');
    expect(await store.dataset()).to.include({ name: data.name, n: data.n });
  });
});
