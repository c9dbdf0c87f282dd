import { expect } from '@open-wc/testing';
import { configure, getModelStore, type ModelSpec, type ModelStore } from '../src/index.js';
import { kindModules, registerKind, seriesOf } from '../src/engine/kinds/registry.js';
import { normalizeSpec } from '../src/engine/spec.js';
import { priorFit } from '../src/engine/kinds/priors.js';
import { colouredDigits, freshStore, pick, rejection, subset } from './helpers.js';
import { codeDecay } from './kinds/code-decay.js';

// Every kind of the registry, on real digits, with the engine in the page (a kind registered
// by this file must reach it): builds, trains with finite named losses, saves and loads.
describe('model kinds', () => {
  let data: ReturnType<typeof subset>;
  /** Colour images, for the kinds that need them. */
  let coloured: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm', worker: false });
    registerKind(codeDecay);
    const digits = await getModelStore('kinds-source').dataset();
    data = subset(digits, 600);
    coloured = colouredDigits(digits, 600);
  });

  /** Per-step losses and named series of one run. */
  async function run(store: ModelStore, epochs: number, batchSize = 50) {
    const losses: number[] = [];
    const series: Record<string, number[]> = {};
    const onProgress = (e: Event) => {
      const p = (e as CustomEvent).detail as { losses: number[]; series?: Record<string, number[]> };
      losses.push(...p.losses);
      for (const [name, values] of Object.entries(p.series ?? {})) (series[name] ??= []).push(...values);
    };
    store.addEventListener('progress', onProgress);
    try {
      const result = await store.train({ epochs, batchSize });
      return { losses, series, result };
    } finally {
      store.removeEventListener('progress', onProgress);
    }
  }

  const conv = (kind: string) => kindModules().find((k) => k.name === kind)?.architecture === 'conv';
  const specFor = (kind: string): Partial<ModelSpec> =>
    ({ kind, seed: 5, hidden: conv(kind) ? [] : [64], latentDim: 4, codeActivation: 'linear', ...(conv(kind) && { filters: [4, 8] }) }) as Partial<ModelSpec>;
  const dataFor = (kind: string) => (kind === 'colorize' ? coloured : data);

  it('lists every kind once, with fields no two kinds share', () => {
    const names = kindModules().map((k) => k.name);
    expect(new Set(names).size).to.equal(names.length);
    const fields = kindModules().flatMap((k) => Object.keys(k.fields));
    expect(new Set(fields).size).to.equal(fields.length);
    expect(names).to.include.members(['ae', 'denoising', 'sparse', 'contractive', 'vae', 'conv', 'aae', 'colorize', 'code-decay']);
  });

  for (const name of ['ae', 'denoising', 'sparse', 'contractive', 'vae', 'conv', 'aae', 'colorize', 'umap-ae', 'code-decay']) {
    it(`${name}: trains with finite named losses, saves and loads`, async () => {
      const kind = kindModules().find((k) => k.name === name)!;
      const probe = getModelStore('kinds-source');
      const empty = (await probe.memory()).numTensors;
      const store = freshStore(`kind-${name}`);
      await store.setDataset(dataFor(name));
      await store.setSpec(specFor(name));
      const { losses, series, result } = await run(store, 1);
      const steps = Math.ceil((await store.dataset()).trainIndices.length / 50);
      expect(losses.length).to.equal(steps);
      expect(losses.every(Number.isFinite)).to.equal(true);
      expect(Object.keys(series)).to.deep.equal(seriesOf(kind));
      for (const values of Object.values(series)) {
        expect(values.length).to.equal(steps);
        expect(values.every(Number.isFinite)).to.equal(true);
      }
      expect(Object.keys(result.testTerms ?? {})).to.deep.equal(seriesOf(kind));
      expect(Number.isFinite(result.testLoss)).to.equal(true);
      const trained = (await store.memory()).numTensors; // with every update's Adam slots
      await run(store, 1);
      expect((await store.memory()).numTensors, 'a second run leaks nothing').to.equal(trained);

      const images = pick(await store.dataset(), [0, 1, 2]);
      const expected = await store.reconstruct(images, 3);
      const files = await store.exportFiles(`kind-${name}`);
      const copy = freshStore(`kind-${name}-copy`);
      await copy.setDataset(dataFor(name));
      await copy.load([new File([files.modelJson], 'm.json'), new File([files.weights], files.weightsName)]);
      expect(copy.spec.kind).to.equal(name);
      expect(Array.from(await copy.reconstruct(images, 3))).to.deep.equal(Array.from(expected));
      await Promise.all([store.dispose(), copy.dispose()]);
      expect((await probe.memory()).numTensors, 'freed with the stores').to.equal(empty);
    });
  }

  it('a registered kind checks its own fields', async () => {
    expect(normalizeSpec({ kind: 'code-decay' } as unknown as Partial<ModelSpec>)).to.have.property('decay', 0.01);
    const store = freshStore('kind-bad');
    await store.setDataset(data);
    const e = await rejection(store.setSpec({ kind: 'code-decay', decay: -1 } as unknown as Partial<ModelSpec>));
    expect(e.code).to.equal('spec-invalid');
    expect(e.message).to.equal('Model spec "decay" must be a number from 0 to Infinity; got -1.');
    expect((await rejection(store.setSpec({ kind: 'nope' as ModelSpec['kind'] }))).message).to.match(/^Model spec "kind" must be one of ae, denoising, .*code-decay; got "nope"\.$/);
    await store.dispose();
  });

  it("the AAE's discriminator learns and the encoder's fooling loss moves", async () => {
    const store = freshStore('kind-aae');
    await store.setDataset(data);
    await store.setSpec({ kind: 'aae', seed: 3, hidden: [64], latentDim: 2, codeActivation: 'linear', prior: 'circle', supervised: true });
    const { series } = await run(store, 5, 16); // 150 steps
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [early, late] = [series.discriminator.slice(0, 3), series.discriminator.slice(-10)];
    expect(Math.abs(mean(early) - Math.LN2), `starts near chance: ${mean(early)}`).to.be.below(0.15);
    expect(mean(late), 'tells codes from prior draws better than chance').to.be.below(0.6);
    expect(Math.abs(mean(series.generator.slice(-10)) - mean(series.generator.slice(0, 3)))).to.be.above(0.05);
    // The supervised prior needs labels, and at least as many components as classes.
    expect((await rejection(store.setSpec({ components: 4 }))).message).to.equal(`Model spec "components" must be at least the data's 10 classes for the supervised prior; got 4.`);
    const unlabelled = freshStore('kind-aae-unlabelled');
    await unlabelled.setDataset({ ...data, labels: undefined });
    expect((await rejection(unlabelled.setSpec({ kind: 'aae', prior: 'circle', supervised: true }))).code).to.equal('spec-invalid');
    await Promise.all([store.dispose(), unlabelled.dispose()]);
  });

  it('only generative kinds have a prior', async () => {
    const store = freshStore('kind-prior');
    await store.setDataset(data);
    expect((await rejection(store.samplePrior(4))).code).to.equal('input-invalid');
    await store.setSpec({ kind: 'vae', latentDim: 3 });
    const a = await store.samplePrior(4, 9);
    expect(a.length).to.equal(12);
    expect(Array.from(await store.samplePrior(4, 9))).to.deep.equal(Array.from(a));
    await store.setSpec({ kind: 'aae', latentDim: 2, prior: 'circle', components: 10 });
    const codes = await store.samplePrior(1000, 2);
    const fit = priorFit(codes, 2, 'circle', 10);
    // At least the nearest component's region holds each draw's own 95%.
    expect(fit.inside).to.be.within(0.93, 0.985);
    await store.dispose();
  });
});
