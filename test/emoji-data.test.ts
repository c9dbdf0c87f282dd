import { expect } from '@open-wc/testing';
import { fetchDataset, fetchTrainPart, meanOf, type Dataset } from '../src/engine/dataset.js';

// The bundled colour dataset (scripts/lib/emoji.mjs, data/README.md): base emoji split
// 80/20 by category, skin-tone variations of train emoji in the train part only.
const CLASS_NAMES = ['Smileys & Emotion', 'People & Body', 'Animals & Nature', 'Food & Drink', 'Travel & Places', 'Activities', 'Objects', 'Symbols', 'Flags'];
// Base emoji per category in emoji-datasource-google 16.0.0 (without skin tones).
const BASE_PER_CLASS = [169, 381, 159, 131, 218, 85, 264, 224, 261]; // emoji per category after duplicates are removed (data/README.md)
const SIZE = 32 * 32 * 3;

describe('bundled emoji-32 data', () => {
  let test: Dataset;
  let whole: Dataset;

  before(async () => {
    test = await fetchDataset('/data/emoji-32.test.bin');
    whole = await fetchTrainPart(test);
  });

  it('loads a test part that names its train part, and joins them with test images first', () => {
    expect([test.height, test.width, test.channels]).to.deep.equal([32, 32, 3]);
    expect(test.trainPart).to.match(/\/data\/emoji-32\.train\.bin$/);
    expect([test.testIndices.length, test.trainIndices.length]).to.deep.equal([test.n, 0]);
    expect(whole.n).to.be.above(test.n);
    expect(whole.trainPart).to.equal(undefined);
    expect([whole.height, whole.width, whole.channels]).to.deep.equal([32, 32, 3]);
    expect(whole.images.length).to.equal(whole.n * SIZE);
    expect(whole.images.subarray(0, test.images.length)).to.deep.equal(test.images);
    expect(whole.labels!.subarray(0, test.n)).to.deep.equal(test.labels);
    expect(Array.from(whole.testIndices)).to.deep.equal(Array.from({ length: test.n }, (_, i) => i));
  });

  it('has a disjoint split that covers every image', () => {
    const seen = new Uint8Array(whole.n);
    for (const i of [...whole.testIndices, ...whole.trainIndices]) seen[i]++;
    expect(whole.testIndices.length + whole.trainIndices.length).to.equal(whole.n);
    expect(seen.every((c) => c === 1)).to.equal(true);
  });

  it('labels nine categories by name, and balances the test split by category', () => {
    expect(test.classNames).to.deep.equal(CLASS_NAMES);
    expect(whole.classNames).to.deep.equal(CLASS_NAMES);
    expect(Math.max(...whole.labels!)).to.be.below(9);
    const perClass = new Array(9).fill(0);
    for (const i of whole.testIndices) perClass[whole.labels![i]]++;
    perClass.forEach((count, c) => expect(Math.abs(count - BASE_PER_CLASS[c] * 0.2), CLASS_NAMES[c]).to.be.below(1));
    const base = BASE_PER_CLASS.reduce((a, b) => a + b, 0);
    expect(test.n).to.equal(Math.round(base * 0.2));
    // Every other image of each category is in train.
    const train = new Array(9).fill(0);
    for (const i of whole.trainIndices) train[whole.labels![i]]++;
    train.forEach((count, c) => expect(count, CLASS_NAMES[c]).to.equal(BASE_PER_CLASS[c] - perClass[c]));
  });

  it('carries 32 principal components and the train mean image', () => {
    const basis = whole.basis!;
    expect(basis.k).to.equal(32);
    expect(basis.mean.length).to.equal(SIZE);
    expect(basis.components.length).to.equal(32 * SIZE);
    const mean = meanOf(whole.images, whole.trainIndices, SIZE);
    let drift = 0;
    mean.forEach((v, p) => (drift = Math.max(drift, Math.abs(v - basis.mean[p]))));
    expect(drift).to.be.below(1e-6);
    for (let c = 0; c < 32; c++) {
      let norm = 0;
      for (let p = 0; p < SIZE; p++) norm += basis.components[c * SIZE + p] ** 2;
      expect(norm, `component ${c}`).to.be.closeTo(1, 1e-3);
    }
  });

  it('reconstructs test images better with two components than with the mean image', () => {
    const { mean, components } = test.basis!;
    let meanErr = 0;
    let pcaErr = 0;
    const centred = new Float64Array(SIZE);
    for (const i of test.testIndices) {
      for (let p = 0; p < SIZE; p++) centred[p] = test.images[i * SIZE + p] - mean[p];
      const codes = [0, 1].map((c) => {
        let code = 0;
        for (let p = 0; p < SIZE; p++) code += centred[p] * components[c * SIZE + p];
        return code;
      });
      for (let p = 0; p < SIZE; p++) {
        meanErr += centred[p] ** 2;
        pcaErr += (centred[p] - codes[0] * components[p] - codes[1] * components[SIZE + p]) ** 2;
      }
    }
    meanErr /= test.n * SIZE;
    pcaErr /= test.n * SIZE;
    expect(meanErr).to.be.within(0.03, 0.15);
    expect(pcaErr).to.be.below(meanErr * 0.9);
  });
});
