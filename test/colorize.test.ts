import { expect } from '@open-wc/testing';
import { configure, getModelStore, LUMA, type Dataset } from '../src/index.js';
import { colouredDigits, freshStore, pick, rejection, subset } from './helpers.js';

// Colorization: the grayscale corruption, and the colorize kind trained on digits painted
// one colour per class (their colour follows from their shape).
describe('colorization', () => {
  let digits: Dataset;
  let coloured: ReturnType<typeof colouredDigits>;

  before(async () => {
    configure({ backend: 'wasm' });
    digits = await getModelStore('colorize-source').dataset();
    coloured = colouredDigits(digits, 1200);
  });

  it('corrupt() grayscale puts each pixel\'s Rec. 601 luma in all three channels, or moves part of the way', async () => {
    const s = freshStore('grey');
    await s.setDataset(coloured);
    const images = (coloured.images as Float32Array).slice(0, 2 * 28 * 28 * 3);
    const grey = await s.corrupt(images, 2, { noiseType: 'grayscale' }); // all the way by default
    const half = await s.corrupt(images, 2, { noiseType: 'grayscale', noise: 0.5 });
    let worst = 0;
    let coloursSeen = 0;
    for (let p = 0; p < images.length; p += 3) {
      const y = LUMA[0] * images[p] + LUMA[1] * images[p + 1] + LUMA[2] * images[p + 2];
      if (Math.abs(images[p] - images[p + 2]) > 0.1) coloursSeen++;
      for (let c = 0; c < 3; c++) {
        worst = Math.max(worst, Math.abs(grey[p + c] - y), Math.abs(half[p + c] - (images[p + c] + y) / 2));
      }
    }
    expect(coloursSeen, 'the test images have colour to take out').to.be.above(50);
    expect(worst).to.be.below(1e-5);
    await s.dispose();
  });

  it('grayscale needs colour images, and its amount is a share from 0 to 1', async () => {
    const s = freshStore('grey-bad');
    await s.setDataset(subset(digits, 200));
    const grey = await rejection(s.corrupt(pick(digits, [0]), 1, { noiseType: 'grayscale', noise: 1 }));
    expect(grey.code).to.equal('input-invalid');
    expect(grey.message).to.contain('colour images (3 channels)');
    const spec = await rejection(s.setSpec({ kind: 'colorize', hidden: [], filters: [4, 8] }).then(() => s.train({ epochs: 1 })));
    expect(spec.code).to.equal('spec-invalid');
    expect(spec.message).to.contain('needs colour images');
    const dae = await rejection(s.setSpec({ kind: 'denoising', noiseType: 'grayscale', noise: 1 }).then(() => s.train({ epochs: 1 })));
    expect(dae.code).to.equal('spec-invalid');
    expect(dae.message).to.contain('"grayscale" needs colour images');
    await s.setDataset(coloured);
    const much = await rejection(s.corrupt((coloured.images as Float32Array).slice(0, 2352), 1, { noiseType: 'grayscale', noise: 1.5 }));
    expect(much.code).to.equal('input-invalid');
    expect(much.message).to.contain('noise');
    await s.dispose();
  });

  it('a colorize model learns colour from grey: below the grey input, its code the grey image and a map of latentDim per position', async () => {
    const s = freshStore('colorize');
    await s.setDataset(coloured);
    await s.setSpec({ kind: 'colorize', latentDim: 8, hidden: [], filters: [16, 32], codeActivation: 'linear', seed: 3 });
    const before = await s.evaluateDenoising();
    expect(before.noiseType, 'the default corruption is the one it learns to undo').to.equal('grayscale');
    await s.train({ epochs: 8, batchSize: 32, learningRate: 2e-3 });
    const after = await s.evaluateDenoising();
    expect(after.noisyMse).to.equal(before.noisyMse);
    expect(after.restoredMse).to.be.below(0.8 * after.noisyMse);
    expect(after.restoredMse).to.be.below(before.restoredMse);
    // The 28x28 grey image, then 7x7 positions (28 halved twice) of 8 channels.
    const images = (coloured.images as Float32Array).slice(0, 2 * 2352);
    const codes = await s.encode(images, 2);
    expect(codes.length).to.equal(2 * (784 + 7 * 7 * 8));
    const grey = await s.corrupt(images, 2, { noiseType: 'grayscale', noise: 1 });
    for (const i of [0, 300, 783]) expect(codes[i]).to.be.closeTo(grey[i * 3], 1e-5);
    // Colour in never reaches the convolutions: a colour image and its grey version colorize alike.
    const [fromColour, fromGrey] = [await s.reconstruct(images, 2), await s.reconstruct(grey, 2)];
    expect(Math.max(...fromColour.map((v, i) => Math.abs(v - fromGrey[i])))).to.be.below(1e-5);
    expect((await s.decode(codes, 2)).length).to.equal(2 * 2352);
    const m = await s.metrics();
    expect(m.latentDim).to.equal(8);
    expect(m.pca.components, 'PCA as wide as the code, at most 256').to.equal(256);
    await s.dispose();
  });
});
