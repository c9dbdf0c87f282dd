import { expect } from '@open-wc/testing';
import { configure, getModelStore, type BackendName, type ModelSpec } from '../../src/index.js';
import { collectLosses, freshStore, pick, subset } from '../helpers.js';

/**
 * Every variant takes the same first training steps on every backend: init, shuffle and
 * noise are seeded, so the losses, and what the steps did to the reconstructions, must
 * agree with wasm's (where the variant suite shows the loss falls) up to float error.
 * Comparing the change, not the outputs, catches a backend whose steps are too small.
 */
const VARIANTS: [string, Partial<ModelSpec>][] = [
  ['ae', { kind: 'ae' }],
  ['denoising', { kind: 'denoising', noiseType: 'salt-pepper', noise: 0.2, latentDim: 8 }],
  ['sparse', { kind: 'sparse', sparsity: 0.01, latentDim: 8 }],
  ['contractive', { kind: 'contractive', contraction: 0.01 }],
  ['vae', { kind: 'vae', loss: 'bce' }],
  ['conv', { kind: 'conv', hidden: [], latentDim: 4, codeActivation: 'linear', filters: [4, 8] }],
  // Three updates per batch; the reconstruction after step 1 carries the discriminator's and the encoder's fooling updates.
  ['aae', { kind: 'aae', hidden: [64], codeActivation: 'linear', prior: 'circle', supervised: true, discriminator: [16] }],
];

interface Steps {
  losses: number[];
  /** Reconstructions of fixed images after training minus before. */
  change: Float32Array;
}

async function firstSteps(backend: BackendName, data: ReturnType<typeof subset>, probe: Float32Array): Promise<Record<string, Steps>> {
  configure({ backend });
  const out: Record<string, Steps> = {};
  for (const [name, spec] of VARIANTS) {
    const s = freshStore(`agree-${backend}`);
    await s.setDataset(data);
    await s.setSpec({ ...spec, seed: 21 });
    expect(s.backend).to.equal(backend);
    const before = await s.reconstruct(probe, 4);
    const losses = await collectLosses(s, () => s.train({ epochs: 3, batchSize: 16 }));
    const after = await s.reconstruct(probe, 4);
    out[name] = { losses, change: after.map((v, i) => v - before[i]) };
    await s.dispose();
  }
  return out;
}

const norm = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));

describe('backends agree', () => {
  let data: ReturnType<typeof subset>;
  let probe: Float32Array;
  let reference: Record<string, Steps>;

  before(async () => {
    configure({ backend: 'wasm' });
    const ds = await getModelStore('agree-source').dataset();
    data = subset(ds, 20); // 16 train images: one step per epoch
    probe = pick(ds, [100, 200, 300, 400]);
    reference = await firstSteps('wasm', data, probe);
  });

  for (const backend of ['cpu', 'webgl', 'webgpu'] as BackendName[]) {
    it(`${backend} takes the same steps as wasm for every variant`, async () => {
      const result = await firstSteps(backend, data, probe);
      for (const [name] of VARIANTS) {
        const { losses, change } = result[name];
        const ref = reference[name];
        expect(losses, name).to.have.length(3);
        losses.forEach((l, i) => {
          expect(Number.isFinite(l), `${name} step ${i}`).to.equal(true);
          expect(Math.abs(l - ref.losses[i]) / Math.abs(ref.losses[i]), `${name} step ${i}: ${l} vs wasm ${ref.losses[i]}`).to.be.below(0.01);
        });
        expect(norm(ref.change), `${name}: training changed nothing on wasm`).to.be.above(0);
        const gap = norm(change.map((v, i) => v - ref.change[i])) / norm(ref.change);
        expect(gap, `${name}: reconstructions moved differently from wasm's`).to.be.below(0.05);
      }
    });
  }
});
