import { expect, fixture, html } from '@open-wc/testing';
import { configure, getConfig, parseTable, type AeAnomalyView, type ModelStore } from '../../src/index.js';
import { sampleColors } from '../../src/shared/render.js';
import { freshStore } from '../helpers.js';

// <ae-anomaly-view> on the shipped heartbeat signals, trained on normal beats only: the
// worst beats drawn as lines with their reconstruction, precision/recall at the threshold
// and the ROC AUC for `anomaly-label`, checked against the AUC computed here.

const defaults = { ...getConfig() };
const ANOMALIES = ['pvc', 'st-elevation', 't-inversion', 'af'];

/** Area under the ROC curve by its definition: positive-negative pairs ranked right, ties half. */
function auc(positives: number[], negatives: number[]): number {
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

const shadow = (el: Element) => el.shadowRoot!;

describe('<ae-anomaly-view> on heartbeat signals', () => {
  let store: ModelStore;
  let expected: number;
  let classNames: string[];
  const consoleErrors: string[] = [];
  const original = console.error;

  before(async () => {
    configure({ ...defaults, backend: 'wasm' });
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args.map(String).join(' '));
      original(...args);
    };
    const text = await (await fetch(new URL('../../data/ecg-beats.csv', import.meta.url))).text();
    const { input } = parseTable(text, { labelColumn: 'label', name: 'ecg-beats' });
    classNames = input.classNames!;
    const normal = classNames.indexOf('normal');
    const labels = input.labels as Uint8Array;
    const normals = [...labels.keys()].filter((i) => labels[i] === normal);
    const trainIndices = normals.slice(0, Math.round(normals.length * 0.8));
    const inTrain = new Set(trainIndices);
    const testIndices = [...labels.keys()].filter((i) => !inTrain.has(i));
    store = freshStore('ecg-view');
    await store.setSpec({ hidden: [64], latentDim: 8, activation: 'relu', codeActivation: 'linear' });
    await store.setDataset({ ...input, trainIndices, testIndices });
    await store.train({ epochs: 40, batchSize: 32, learningRate: 2e-3 });
    const { indices, errors } = await store.reconstructionErrors('test');
    const pos: number[] = [];
    const neg: number[] = [];
    indices.forEach((i, k) => (labels[i] === normal ? neg : pos).push(errors[k]));
    expected = auc(pos, neg);
  });

  after(async () => {
    console.error = original;
    configure({ ...defaults });
    await store.dispose();
  });

  afterEach(() => expect(consoleErrors, 'console errors').to.deep.equal([]));

  it('shows precision, recall and an AUC >= 0.95 that matches the AUC of the store’s errors', async () => {
    const el = await fixture<AeAnomalyView>(html`<ae-anomaly-view model=${store.id} anomaly-label=${ANOMALIES.join(', ')}></ae-anomaly-view>`);
    await el.updateComplete;
    const d = el.detection!;
    expect(d, 'a detection summary').to.not.equal(null);
    expect(d.classes).to.deep.equal(ANOMALIES);
    expect([d.anomalies, d.normals]).to.deep.equal([500, 400]);
    expect(d.auc).to.be.closeTo(expected, 1e-9);
    expect(d.auc).to.be.at.least(0.95);

    // The numbers as text, and the curve with its title and description.
    const text = shadow(el).querySelector('dl.scores')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Precision').and.to.contain('Recall').and.to.contain(`ROC AUC ${d.auc.toFixed(3)}`);
    expect(text).to.contain(`${(d.precision! * 100).toFixed(1)}%`);
    expect(text).to.contain(`${(d.recall! * 100).toFixed(1)}%`);
    const svg = shadow(el).querySelector('svg.roc')!;
    expect(svg.querySelector('title')!.textContent).to.contain(`AUC ${d.auc.toFixed(3)}`);
    expect(svg.querySelector('desc')!.textContent).to.match(/false-positive rate/);
    const curve = svg.querySelector('path.curve')!;
    expect(curve.getAttribute('d')!.split('L').length, 'a curve of many points').to.be.above(20);

    // The threshold moves precision, recall and the dot on the curve in place.
    const dot = svg.querySelector('circle.at-threshold')!;
    const before = [dot.getAttribute('cx'), dot.getAttribute('cy')];
    const slider = shadow(el).querySelector<HTMLInputElement>('input[type="range"]')!;
    slider.value = String(Number(slider.max) / 50);
    slider.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const lower = el.detection!;
    expect(lower.recall!).to.be.at.least(d.recall!);
    expect(lower.confusion.tp + lower.confusion.fp).to.be.above(d.confusion.tp + d.confusion.fp);
    expect(shadow(el).querySelector('svg.roc')).to.equal(svg);
    expect(svg.querySelector('path.curve')).to.equal(curve); // updated in place, not rebuilt
    expect([dot.getAttribute('cx'), dot.getAttribute('cy')]).to.not.deep.equal(before);
    expect(shadow(el).querySelector('dl.scores')!.textContent).to.contain(`${(lower.recall! * 100).toFixed(1)}%`);
    // Known anomalies are marked inside the histogram's bars.
    expect(shadow(el).querySelectorAll('svg.histogram .anomalies rect').length).to.equal(40);

    await expect(el).to.be.accessible();
  });

  it('takes label numbers too, and draws the worst beats as lines with their reconstruction over them', async () => {
    const numbers = ANOMALIES.map((n) => classNames.indexOf(n)).join(',');
    const el = await fixture<AeAnomalyView>(html`<ae-anomaly-view model=${store.id} anomaly-label=${numbers} top="6"></ae-anomaly-view>`);
    await el.updateComplete;
    expect(el.detection!.auc).to.be.closeTo(expected, 1e-9);
    const canvases = [...shadow(el).querySelectorAll<HTMLCanvasElement>('canvas.worst')];
    expect(canvases.length).to.equal(6);
    const { ink, paper, accent } = sampleColors(el);
    for (const c of canvases) {
      expect(c.classList.contains('vector')).to.equal(true);
      expect([c.width, c.height], 'a line plot, not a 1x140 picture').to.deep.equal([256, 48]);
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const dist = (i: number, rgb: number[]) => Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]);
      // Each pixel goes to the nearest of the three colours; the reconstruction is drawn last, over the input.
      let input = 0;
      const reconColumns = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const [toInk, toPaper, toAccent] = [dist(i, ink), dist(i, paper), dist(i, accent!)];
        if (toInk < toPaper && toInk < toAccent) input++;
        else if (toAccent < toPaper && toAccent < toInk) reconColumns.add((i / 4) % c.width);
      }
      expect(input, 'the input line shows where the reconstruction misses it').to.be.above(40);
      expect(reconColumns.size, 'the reconstruction line runs across the plot').to.be.above(200);
      expect(c.getAttribute('aria-label')).to.match(/error .*input and reconstruction drawn as lines/);
    }
    // The worst beats are anomalies, named under each plot with its error.
    const captions = [...shadow(el).querySelectorAll('ul.worst li span')].map((s) => s.textContent!);
    expect(captions.filter((t) => ANOMALIES.some((a) => t.startsWith(`${a} · `))).length).to.be.at.least(5);
    expect(shadow(el).querySelector('.summary')!.textContent).to.contain('test samples');
    expect(shadow(el).querySelector('[part="pad-note"]')!.textContent).to.contain('vectors');
    await expect(el).to.be.accessible();
  });

  it('reports an unknown anomaly-label as input-invalid naming the attribute and the classes, and recovers', async () => {
    const el = await fixture<AeAnomalyView>(html`<ae-anomaly-view model=${store.id}></ae-anomaly-view>`);
    await el.updateComplete;
    expect(el.detection).to.equal(null);
    expect(shadow(el).querySelector('svg.roc')).to.equal(null);
    const events: { code: string; message: string; attribute?: string }[] = [];
    el.addEventListener('ae-error', (e) => events.push(e.detail));
    for (const bad of ['arrhythmia', 'pvc,,af', '9']) {
      events.length = 0;
      el.setAttribute('anomaly-label', bad);
      await el.updateComplete;
      expect(events.length, bad).to.equal(1);
      expect(events[0].code).to.equal('input-invalid');
      expect(events[0].attribute).to.equal('anomaly-label');
      expect(events[0].message).to.contain(`anomaly-label="${bad}"`);
      expect(events[0].message).to.contain(`the classes are ${classNames.map((n) => `"${n}"`).join(', ')}`);
      expect(classNames.slice().sort()).to.deep.equal(['af', 'normal', 'pvc', 'st-elevation', 't-inversion']);
      expect(shadow(el).querySelector('.error[role="alert"]')!.textContent).to.contain(events[0].message);
      expect(el.detection).to.equal(null);
      expect(el.scores!.length, 'the histogram still works').to.equal(900);
    }
    el.setAttribute('anomaly-label', 'pvc');
    await el.updateComplete;
    expect(shadow(el).querySelector('.error')).to.equal(null);
    expect(el.detection!.anomalies).to.equal(125);
    expect(el.detection!.normals).to.equal(775); // the other anomalies count as normal here
    el.removeAttribute('anomaly-label');
    await el.updateComplete;
    expect(el.detection).to.equal(null);
    expect(shadow(el).querySelector('svg.roc')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says so when the data has no labels', async () => {
    const plain = freshStore('ecg-plain');
    await plain.setDataset({ name: 'rows', images: Float32Array.from({ length: 60 * 8 }, (_, i) => Math.sin(i)), n: 60, sample: 'vector', length: 8 });
    const el = await fixture<AeAnomalyView>(html`<ae-anomaly-view model=${plain.id} anomaly-label="1"></ae-anomaly-view>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('.error')!.textContent).to.contain('anomaly-label="1" needs data with labels');
    expect(el.scores!.length).to.be.above(0);
    el.remove();
    await plain.dispose();
  });
});
