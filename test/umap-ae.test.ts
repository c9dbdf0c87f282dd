import { expect } from '@open-wc/testing';
import { configure, getModelStore, type ModelSpec, type ModelStore, type TrainProgress } from '../src/index.js';
import { freshStore, subset } from './helpers.js';

// The UMAP-regularised autoencoder trained live on real digits, beside a plain one.
describe('umap-ae', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('umap-source').dataset({ train: true }), 3000);
  });

  const base: Partial<ModelSpec> = { latentDim: 2, hidden: [128], codeActivation: 'linear', loss: 'bce', seed: 4 };

  async function trained(kind: 'ae' | 'umap-ae', progress: TrainProgress[] = []): Promise<ModelStore> {
    const s = freshStore(`umap-${kind}`);
    await s.setDataset(data);
    await s.setSpec({ ...base, kind });
    s.addEventListener('progress', (e) => progress.push((e as CustomEvent<TrainProgress>).detail));
    await s.train({ epochs: 15, batchSize: 64 });
    return s;
  }

  it('builds its graph with progress first, then trains, and its 2-D codes classify better than a plain autoencoder\'s at the same steps', async () => {
    const progress: TrainProgress[] = [];
    const umap = await trained('umap-ae', progress);
    const plain = await trained('ae');
    const train = (await umap.dataset()).trainIndices.length;
    const graph = progress.filter((p) => p.phase === 'graph');
    expect(graph.length).to.be.above(0);
    expect(progress.indexOf(graph.at(-1)!), 'the graph comes before the first step').to.be.below(progress.findIndex((p) => p.phase === 'step'));
    expect(graph.at(-1)!.graph).to.deep.equal({ done: train, total: train });
    const steps = progress.filter((p) => p.phase === 'step');
    expect(Object.keys(steps[0].series!)).to.deep.equal(['reconstruction', 'umap']);
    expect(steps.flatMap((p) => p.series!.umap).every(Number.isFinite)).to.equal(true);
    const [u, p] = [await umap.metrics(), await plain.metrics()];
    expect(u.knnAccuracy!, `UMAP-AE ${u.knnAccuracy} against plain ${p.knnAccuracy}`).to.be.above(p.knnAccuracy! + 0.04);
    expect(Number.isFinite(u.testMse)).to.equal(true);
    await Promise.all([umap.dispose(), plain.dispose()]);
  });
});
