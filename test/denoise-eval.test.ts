import { expect } from '@open-wc/testing';
import { configure, getModelStore, type NoiseType } from '../src/index.js';
import { freshStore, rejection, subset } from './helpers.js';

describe('evaluateDenoising', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('denoise-source').dataset(), 2000);
  });

  const cases: [NoiseType, number][] = [
    ['gaussian', 0.5],
    ['salt-pepper', 0.3],
    ['masking', 0.5],
  ];

  for (const [noiseType, noise] of cases) {
    it(`a denoising model restores ${noiseType} noise below the corrupted error`, async () => {
      const s = freshStore('dae');
      await s.setDataset(data);
      await s.setSpec({ kind: 'denoising', noiseType, noise, latentDim: 32, hidden: [256], codeActivation: 'linear', loss: 'bce', seed: 3 });
      await s.train({ epochs: 3 });
      const r = await s.evaluateDenoising();
      expect(r.noiseType).to.equal(noiseType);
      expect(r.noisyMse).to.be.above(0);
      expect(r.restoredMse).to.be.below(r.noisyMse);
      // Seeded corruption: the same call gives the same figures.
      expect((await s.evaluateDenoising()).noisyMse).to.equal(r.noisyMse);
      await s.dispose();
    });
  }

  it('rejects a noise amount out of range with input-invalid', async () => {
    const s = freshStore('dae-bad');
    await s.setDataset(data);
    const err = await rejection(s.evaluateDenoising({ noiseType: 'masking', noise: 2 }));
    expect(err.code).to.equal('input-invalid');
    expect(err.message).to.contain('noise');
    await s.dispose();
  });
});
