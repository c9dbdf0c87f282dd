import { expect } from '@open-wc/testing';
import { configure, getModelStore, type ModelStore, type StoreStatus } from '../src/index.js';
import { collectLosses, freshStore, pick, rejection, subset } from './helpers.js';

const next = (store: ModelStore, type: 'progress' | 'weightschange') => new Promise((r) => store.addEventListener(type, r, { once: true }));

describe('model store', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('store-source').dataset(), 1024);
  });

  it('gives one store per id, page-wide', () => {
    expect(getModelStore('same')).to.equal(getModelStore('same'));
    expect(getModelStore('same')).to.not.equal(getModelStore('other'));
  });

  it('auto picks the first backend that is real hardware or wasm, and says why it passed others', async () => {
    configure({ backend: 'auto' });
    const s = freshStore('auto');
    await s.ready();
    const order = ['webgpu', 'webgl', 'wasm', 'cpu'];
    const chosen = order.indexOf(s.backend!);
    expect(chosen).to.be.at.least(0);
    expect(s.backendInfo!.skipped.map((x) => x.backend)).to.deep.equal(order.slice(0, chosen));
    for (const skip of s.backendInfo!.skipped) expect(skip.reason).to.be.a('string').and.not.equal('');
    await s.dispose();
    configure({ backend: 'wasm' });
  });

  it('pauses, resumes and stops a run, with status events in order', async () => {
    const s = freshStore('control');
    await s.setDataset(data);
    const statuses: StoreStatus[] = [];
    s.addEventListener('statechange', (e) => statuses.push(e.detail.status));
    const run = s.train({ epochs: 50 });
    await next(s, 'progress');
    expect((await rejection(s.train())).code).to.equal('busy');
    s.pause();
    await new Promise((r) => setTimeout(r, 300));
    expect(s.status).to.equal('paused');
    const pausedAt = s.progress!.totalSteps;
    await new Promise((r) => setTimeout(r, 300));
    expect(s.progress!.totalSteps).to.equal(pausedAt);
    s.resume();
    await next(s, 'progress');
    expect(s.progress!.totalSteps).to.be.above(pausedAt);
    s.stop();
    const result = await run;
    expect(result.stopped).to.equal(true);
    expect(result.epochs).to.be.below(50);
    expect(statuses).to.deep.equal(['training', 'paused', 'training', 'ready']);
    await s.dispose();
  });

  it('reports progress per step batch and per epoch, and weight changes while training', async () => {
    const s = freshStore('events');
    await s.setDataset(data);
    const phases: string[] = [];
    let steps = 0;
    let weights = 0;
    s.addEventListener('progress', (e) => {
      phases.push(e.detail.phase);
      steps += e.detail.losses.length;
      expect(e.detail.totalSteps).to.be.at.least(steps);
    });
    s.addEventListener('weightschange', () => weights++);
    await s.train({ epochs: 2, batchSize: 32 });
    expect(steps).to.equal(2 * Math.ceil(819 / 32));
    expect(phases.filter((p) => p === 'epoch')).to.have.length(2);
    expect(weights).to.be.at.least(2);
    expect(s.progress!.testMse).to.be.a('number');
    await s.dispose();
  });

  it('setSpec during training stops the run and applies the new model', async () => {
    const s = freshStore('respec');
    await s.setDataset(data);
    const run = s.train({ epochs: 50 });
    await next(s, 'progress');
    await s.setSpec({ latentDim: 3, codeActivation: 'linear' });
    expect((await run).stopped).to.equal(true);
    expect(s.spec.latentDim).to.equal(3);
    expect(s.status).to.equal('ready');
    expect((await s.encode(pick(await s.dataset(), [0]), 1)).length).to.equal(3);
    await s.dispose();
  });

  it('a stop sent while a run waits in the queue cancels it', async () => {
    const s = freshStore('queued');
    await s.setDataset(data);
    const run = s.train({ epochs: 5 });
    s.stop();
    const result = await run;
    expect(result.stopped).to.equal(true);
    expect(result.steps).to.equal(0);
    const again = await s.train({ epochs: 1 });
    expect(again.stopped).to.equal(false);
    await s.dispose();
  });

  it('keeps trained weights across calls after a preset failed to load its weights', async () => {
    configure({ backend: 'wasm', weightsBase: '/no-weights-here/' });
    const s = getModelStore('mnist-vae-2d');
    expect((await rejection(s.ready())).code).to.equal('weights-missing');
    await s.ready(); // the model is up: later calls resolve
    await s.setDataset(data);
    await s.train({ epochs: 1 });
    const sample = pick(await s.dataset(), [0, 1]);
    const first = await s.reconstruct(sample, 2);
    expect(Array.from(await s.reconstruct(sample, 2))).to.deep.equal(Array.from(first));
    await s.dispose();
  });
});

describe('training schedule and seeds', () => {
  let data: ReturnType<typeof subset>;

  before(async () => {
    configure({ backend: 'wasm' });
    data = subset(await getModelStore('schedule-source').dataset(), 512);
  });

  async function run(plan: { learningRate: number; finalLearningRate?: number }[]) {
    const s = freshStore('schedule');
    await s.setDataset(data);
    await s.setSpec({ kind: 'denoising', noise: 0.3, seed: 13 });
    const losses: number[][] = [];
    for (const step of plan) losses.push(await collectLosses(s, () => s.train({ epochs: 2, batchSize: 64, ...step })));
    await s.dispose();
    return losses;
  }

  it('a seeded model reproduces its losses exactly, across successive train() calls', async () => {
    const a = await run([{ learningRate: 1e-3 }, { learningRate: 1e-4 }]);
    const b = await run([{ learningRate: 1e-3 }, { learningRate: 1e-4 }]);
    expect(b).to.deep.equal(a);
    // The second call continues the shuffle and noise: it does not replay the first call's batches.
    expect(a[1]).to.not.deep.equal(a[0]);
  });

  it('finalLearningRate decays the rate along a cosine; equal ends mean a constant rate', async () => {
    const constant = await run([{ learningRate: 1e-3 }]);
    const flat = await run([{ learningRate: 1e-3, finalLearningRate: 1e-3 }]);
    const decayed = await run([{ learningRate: 1e-3, finalLearningRate: 1e-6 }]);
    expect(flat).to.deep.equal(constant);
    expect(decayed[0][0]).to.equal(constant[0][0]); // same first step
    expect(decayed[0]).to.not.deep.equal(constant[0]);
    const s = freshStore('schedule-bad');
    expect((await rejection(s.train({ finalLearningRate: -1 }))).code).to.equal('input-invalid');
  });
});
