import { expect } from '@open-wc/testing';
import { configure, getModelStore, type ModelSpec } from '../src/index.js';
import { avg, collectLosses, freshStore, pick, subset } from './helpers.js';

// Every variant on 1,024 real digits: two epochs must give finite, falling loss.
describe('variants', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('variants-source').dataset();
    data = subset(ds, 1024);
  });

  const cases: [string, Partial<ModelSpec>][] = [
    ['plain ae', { kind: 'ae' }],
    ['deep ae', { kind: 'ae', hidden: [256, 128, 64], codeActivation: 'linear', latentDim: 8 }],
    ['bce loss', { kind: 'ae', loss: 'bce' }],
    ['denoising gaussian', { kind: 'denoising', noiseType: 'gaussian', noise: 0.5, latentDim: 16 }],
    ['denoising salt-pepper', { kind: 'denoising', noiseType: 'salt-pepper', noise: 0.2, latentDim: 16 }],
    ['denoising masking', { kind: 'denoising', noiseType: 'masking', noise: 0.3, latentDim: 16 }],
    ['sparse', { kind: 'sparse', sparsity: 0.01, latentDim: 32, codeActivation: 'relu' }],
    ['contractive', { kind: 'contractive', contraction: 0.01 }],
    ['vae', { kind: 'vae', loss: 'bce' }],
    ['conv', { kind: 'conv', hidden: [], latentDim: 8, codeActivation: 'linear' }],
  ];

  for (const [name, spec] of cases) {
    it(`${name} trains with finite, falling loss`, async () => {
      const store = freshStore('variant');
      await store.setDataset(data);
      await store.setSpec({ ...spec, seed: 11 });
      const losses = await collectLosses(store, () => store.train({ epochs: 2, batchSize: 64 }));
      const steps = Math.ceil((await store.dataset()).trainIndices.length / 64);
      expect(losses.length).to.equal(2 * steps);
      expect(losses.every(Number.isFinite)).to.equal(true);
      expect(avg(losses.slice(-8))).to.be.below(avg(losses.slice(0, 8)));
      expect(store.backend).to.equal('wasm'); // conv too, through the engine's own filter-gradient kernel
      await store.dispose();
    });
  }

  it('encode, decode and reconstruct return the documented shapes', async () => {
    const store = freshStore('shapes');
    await store.setDataset(data);
    await store.setSpec({ latentDim: 5, codeActivation: 'linear' });
    const images = pick(await store.dataset(), [0, 1, 2, 3]);
    const codes = await store.encode(images, 4);
    expect(codes).to.be.instanceOf(Float32Array);
    expect(codes.length).to.equal(4 * 5);
    expect((await store.decode(codes, 4)).length).to.equal(4 * 784);
    expect((await store.reconstruct(images, 4)).length).to.equal(4 * 784);
    expect((await store.encode(new Float32Array(0), 0)).length).to.equal(0);
    await store.dispose();
  });

  it('a VAE has a positive KL term that beta=1 keeps smaller than beta=0', async () => {
    const kl: Record<number, number> = {};
    for (const beta of [0, 1]) {
      const store = freshStore('vae');
      await store.setDataset(data);
      await store.setSpec({ kind: 'vae', loss: 'bce', beta, seed: 5 });
      await store.train({ epochs: 4 });
      const evaluation = await store.evaluate();
      kl[beta] = evaluation.testKl;
      await store.dispose();
    }
    expect(kl[1]).to.be.above(0);
    expect(kl[0]).to.be.above(kl[1]);
  });
});
