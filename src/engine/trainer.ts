import * as tf from '@tensorflow/tfjs-core';
import { AEError } from './errors.js';
import type { Autoencoder } from './model.js';
import { batchOf, reconstructTensor, reportedNames, stackNamed, updatesOf } from './losses.js';
import { kindOf, seriesOf } from './spec.js';
import { mulberry32, shuffle } from './random.js';
import { nextTask, now } from './schedule.js';
import type { TrainOptions, TrainProgress, TrainResult } from './types.js';
import { gatherAt, labelsAt, sumChunks } from './chunks.js';
import { sampleSize } from './sample.js';
import { drawEdges, type SplitGraph } from './neighbour-graph.js';

/** What the loop needs from its owner; keeps the loop free of session details. */
export interface TrainContext {
  ae: Autoencoder;
  /** One per update of the model's kind. */
  optimizers: tf.Optimizer[];
  /** Labels of every sample, when the kind trains on them. */
  labels?: Uint8Array;
  /** Every sample of the dataset, shaped for the model. */
  samples: tf.Tensor;
  trainIndices: Uint32Array;
  testIndices: Uint32Array;
  /** Each split's neighbour graph and the edges per batch, for kinds that draw edges from one. */
  graphs?: { train: SplitGraph; test: SplitGraph; edges: number };
  seed: number;
  /** Steps this model has trained before this call: a later call continues the seeded shuffle and noise instead of repeating them. */
  stepsBefore: number;
  /** Resolves when the loop may go on; rejects never. Returns false to stop. */
  gate(): Promise<boolean> | boolean;
  onProgress(p: TrainProgress): void;
  onWeights(): void;
}

const REPORT_MS = 100;
const YIELD_MS = 25;
const EVAL_BATCH = 500;

/** `count` edges of a graph drawn by weight, as the samples at their two ends. */
function edgeBatch(samples: tf.Tensor, graph: SplitGraph, count: number, rand: () => number) {
  const { from, to } = drawEdges(graph, count, rand);
  return { from: gatherAt(samples, from), to: gatherAt(samples, to) };
}

/** Mean loss, named terms and reconstruction MSE over a set of samples, in batches. */
export async function evaluate(ae: Autoencoder, samples: tf.Tensor, indices: Uint32Array, seed: number, labels?: Uint8Array, graph?: { split: SplitGraph; edges: number }) {
  const series = seriesOf(kindOf(ae.spec.kind));
  const updates = updatesOf(ae);
  const names = reportedNames(updates);
  const sums = await sumChunks(
    indices.length,
    (start, end) => {
      const at = indices.subarray(start, end);
      const x = gatherAt(samples, at);
      const edges = graph && edgeBatch(samples, graph.split, graph.edges, mulberry32(seed + start));
      const opts = { training: false, seed, labels: labels && labelsAt(labels, at), edges };
      // An update that reports nothing (no terms, not the first) is not run.
      const losses = updates.flatMap((u, i) => (names[i].length ? [stackNamed(u.loss(batchOf(ae, x, opts)), names[i])] : []));
      return tf.concat([tf.reshape(tf.sum(tf.squaredDifference(x, reconstructTensor(ae, x))), [1]), tf.mul(tf.concat(losses), end - start)]);
    },
    EVAL_BATCH,
  );
  const n = indices.length;
  const testTerms = Object.fromEntries(series.map((name, i) => [name, sums[2 + i] / n]));
  return { testLoss: sums[1] / n, testMse: sums[0] / (n * sampleSize(ae.shape)), testKl: testTerms.kl ?? 0, ...(series.length && { testTerms }) };
}

/** The one training loop: shuffled mini-batches, any variant's loss, cooperative yields. */
export async function trainLoop(ctx: TrainContext, opts: TrainOptions): Promise<TrainResult> {
  const { ae, optimizers, samples, trainIndices } = ctx;
  const updates = updatesOf(ae);
  const series = seriesOf(kindOf(ae.spec.kind));
  const weightsOf = (owner: string) => (owner === 'autoencoder' ? ae.trainable : (owner === 'encoder' ? ae.encoder : ae.networks[owner]).trainableWeights.map((v) => v.read() as tf.Variable));
  const vars = updates.map((u) => weightsOf(u.weights));
  const n = trainIndices.length;
  const batch = Math.min(opts.batchSize, n);
  const stepsPerEpoch = Math.ceil(n / batch);
  const rand = mulberry32(ctx.seed ? ctx.seed + 7919 * ctx.stepsBefore : Math.floor(Math.random() * 2 ** 31));
  const totalPlanned = opts.epochs * stepsPerEpoch;
  // Adam keeps its rate in a protected field; each call sets it (the optimizers and their moments persist).
  const scales = updates.map((u) => u.rate?.(ae.spec) ?? 1);
  const setRate = (lr: number) => optimizers.forEach((o, i) => ((o as unknown as { learningRate: number }).learningRate = lr * scales[i]));
  setRate(opts.learningRate);
  const order = new Int32Array(n);
  let totalSteps = 0;
  let lastLoss = NaN;
  let last: Partial<Awaited<ReturnType<typeof evaluate>>> = {};
  /** Per step: [loss, ...series] (a scalar when the kind has no series). */
  const pending: tf.Tensor[] = [];
  const width = 1 + series.length;
  let windowStart = now();
  let windowSamples = 0;
  let lastYield = now();

  const report = async (epoch: number, step: number) => {
    if (pending.length === 0) return;
    const stacked = tf.stack(pending);
    const values = await stacked.data();
    tf.dispose([stacked, ...pending]);
    const steps = pending.length;
    pending.length = 0;
    const bad = values.findIndex((l) => !Number.isFinite(l));
    if (bad >= 0) {
      const rate = (optimizers[0] as unknown as { learningRate: number }).learningRate;
      const at = totalSteps - steps + Math.floor(bad / width) + 1;
      const term = bad % width ? series[(bad % width) - 1] : undefined;
      throw AEError.of('training-diverged', 'error.diverged', { term, value: String(values[bad]), step: at, rate }, { step: at, learningRate: rate });
    }
    const column = (c: number) => Array.from({ length: steps }, (_, i) => values[i * width + c]);
    const losses = column(0);
    const t = now();
    const samplesPerSec = (windowSamples * 1000) / Math.max(1, t - windowStart);
    windowStart = t;
    windowSamples = 0;
    lastLoss = losses[losses.length - 1];
    const named = series.length ? { series: Object.fromEntries(series.map((name, i) => [name, column(i + 1)])) } : {};
    ctx.onProgress({ phase: 'step', epoch, epochs: opts.epochs, step, stepsPerEpoch, totalSteps, losses, loss: lastLoss, samplesPerSec, ...named });
  };

  const names = reportedNames(updates);
  /** Every update of one batch; returns [loss, ...series] (a scalar when there are no series). */
  const trainStep = (x: tf.Tensor, seed: number | undefined, labels?: Uint8Array, edges?: { from: tf.Tensor; to: tf.Tensor }): tf.Tensor => {
    const parts: tf.Tensor[] = [];
    updates.forEach((u, i) => {
      const opts = { training: true, seed: seed === undefined ? undefined : seed + 7 * i, labels, edges };
      if (updates.length === 1 && names[0].length === 1) {
        // One update reporting its loss alone: minimize() returns it, no stack per step.
        parts.push(optimizers[i].minimize(() => u.loss(batchOf(ae, x, opts)).loss, true, vars[i]) as tf.Scalar);
        return;
      }
      optimizers[i].minimize(() => {
        const out = u.loss(batchOf(ae, x, opts));
        if (names[i].length) parts.push(tf.keep(stackNamed(out, names[i])));
        return out.loss;
      }, false, vars[i]);
    });
    if (parts.length === 1) return parts[0];
    const row = tf.concat(parts);
    tf.dispose(parts);
    return row;
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    order.set(trainIndices);
    shuffle(order, rand);
    for (let step = 0; step < stepsPerEpoch; step++) {
      if (!(await ctx.gate())) {
        await report(epoch, step);
        return { stopped: true, epochs: epoch - 1, steps: totalSteps, loss: lastLoss, ...last };
      }
      const batchIndices = order.subarray(step * batch, (step + 1) * batch);
      const idx = tf.tensor1d(batchIndices, 'int32');
      const x = tf.gather(samples, idx);
      if (opts.finalLearningRate !== undefined) {
        // Cosine decay from learningRate to finalLearningRate over this call's steps.
        const t = totalSteps / Math.max(1, totalPlanned - 1);
        setRate(opts.finalLearningRate + 0.5 * (opts.learningRate - opts.finalLearningRate) * (1 + Math.cos(Math.PI * t)));
      }
      const stepSeed = ctx.seed ? ctx.seed * 100003 + ctx.stepsBefore + totalSteps : undefined;
      const labels = ctx.labels && labelsAt(ctx.labels, batchIndices);
      const edges = ctx.graphs && edgeBatch(samples, ctx.graphs.train, ctx.graphs.edges, rand);
      pending.push(trainStep(x, stepSeed, labels, edges));
      tf.dispose([idx, x, ...(edges ? [edges.from, edges.to] : [])]);
      totalSteps++;
      windowSamples += Math.min(batch, n - step * batch);
      const t = now();
      if (t - windowStart >= REPORT_MS) await report(epoch, step + 1);
      if (now() - lastYield >= YIELD_MS) {
        await nextTask();
        lastYield = now();
      }
    }
    await report(epoch, stepsPerEpoch);
    last = await evaluate(ae, samples, ctx.testIndices, ctx.seed || 1, ctx.labels, ctx.graphs && { split: ctx.graphs.test, edges: ctx.graphs.edges });
    ctx.onProgress({ phase: 'epoch', epoch, epochs: opts.epochs, step: stepsPerEpoch, stepsPerEpoch, totalSteps, losses: [], loss: lastLoss, samplesPerSec: 0, ...last });
    ctx.onWeights();
  }
  return { stopped: false, epochs: opts.epochs, steps: totalSteps, loss: lastLoss, ...last };
}
