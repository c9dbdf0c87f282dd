import { expect } from '@open-wc/testing';
import { configure, getModelStore, type Dataset } from '../src/index.js';
import { freshStore, pick, rejection, subset } from './helpers.js';

describe('denoising: corrupt() and evaluateDenoising()', () => {
  let data: ReturnType<typeof subset>;
  let ds: Dataset;

  before(async () => {
    configure({ backend: 'wasm' });
    ds = await getModelStore('denoise-source').dataset();
    data = subset(ds, 2000);
  });

  it('a denoising model trained live restores its noise below the corrupted error', async () => {
    const s = freshStore('dae');
    await s.setDataset(data);
    await s.setSpec({ kind: 'denoising', noiseType: 'gaussian', noise: 0.5, latentDim: 32, hidden: [256], codeActivation: 'linear', loss: 'bce', seed: 3 });
    await s.train({ epochs: 3 });
    const r = await s.evaluateDenoising();
    expect(r.noiseType).to.equal('gaussian');
    expect(r.noisyMse).to.be.above(0);
    expect(r.restoredMse).to.be.below(r.noisyMse);
    // Seeded corruption: the same call gives the same figures.
    expect((await s.evaluateDenoising()).noisyMse).to.equal(r.noisyMse);
    await s.dispose();
  });

  it('corrupt(): inpaint blanks one square per image, superres repeats block averages, all seeded', async () => {
    const s = freshStore('corrupt');
    await s.setDataset(data);
    const images = pick(ds, [0, 1, 2, 3]);
    const before = (await s.memory()).numTensors;
    const holed = await s.corrupt(images, 4, { noiseType: 'inpaint', noise: 10 / 28, seed: 5 });
    expect(holed.length).to.equal(images.length);
    for (let k = 0; k < 4; k++) {
      // The zeroed pixels that were not zero before all lie in one 10x10 square.
      const changed: [number, number][] = [];
      for (let p = 0; p < 784; p++) if (images[k * 784 + p] !== holed[k * 784 + p]) changed.push([Math.floor(p / 28), p % 28]);
      expect(changed.every(([y, x]) => holed[k * 784 + y * 28 + x] === 0)).to.equal(true);
      const ys = changed.map((c) => c[0]);
      const xs = changed.map((c) => c[1]);
      expect(Math.max(...ys) - Math.min(...ys)).to.be.below(10);
      expect(Math.max(...xs) - Math.min(...xs)).to.be.below(10);
    }
    expect(await s.corrupt(images, 4, { noiseType: 'inpaint', noise: 10 / 28, seed: 5 })).to.deep.equal(holed);
    const coarse = await s.corrupt(images, 4, { noiseType: 'superres', noise: 4 });
    // Each 4x4 block holds one value: the mean of the original block.
    for (const [by, bx] of [[3, 3], [2, 4], [5, 1]]) {
      let sum = 0;
      for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) sum += images[(by * 4 + y) * 28 + bx * 4 + x];
      for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) expect(coarse[(by * 4 + y) * 28 + bx * 4 + x]).to.be.closeTo(sum / 16, 1e-5);
    }
    const mixed = await s.corrupt(images, 4, { noiseType: 'mixed', noise: 0.8, seed: 9 });
    expect(mixed).to.not.deep.equal(images);
    expect((await s.memory()).numTensors).to.equal(before);
    await s.dispose();
  });

  it('rejects a noise amount out of range, or a wrong image size, with input-invalid', async () => {
    const s = freshStore('dae-bad');
    await s.setDataset(data);
    const err = await rejection(s.evaluateDenoising({ noiseType: 'masking', noise: 2 }));
    expect(err.code).to.equal('input-invalid');
    expect(err.message).to.contain('noise');
    expect((await rejection(s.corrupt(new Float32Array(784), 1, { noiseType: 'superres', noise: 20 }))).code).to.equal('input-invalid');
    const wrong = await rejection(s.corrupt(new Float32Array(700), 1, { noiseType: 'gaussian', noise: 0.5 }));
    expect(wrong.code).to.equal('input-invalid');
    expect(wrong.message).to.contain('28x28');
    expect((await s.corrupt(new Float32Array(784), 1, { noiseType: 'gaussian', noise: 0.5 })).length).to.equal(784);
    await s.dispose();
  });
});
