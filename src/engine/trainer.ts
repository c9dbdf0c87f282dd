import * as tf from '@tensorflow/tfjs-core';
import { AEError } from './errors.js';
import type { Autoencoder } from './model.js';
import { batchKl, variantLoss, reconstructTensor } from './losses.js';
import { mulberry32, shuffle } from './random.js';
import { nextTask, now } from './schedule.js';
import type { TrainOptions, TrainProgress, TrainResult } from './types.js';
import { gatherAt, sumChunks } from './chunks.js';
import { sampleSize } from './sample.js';

/** What the loop needs from its owner; keeps the loop free of session details. */
export interface TrainContext {
  ae: Autoencoder;
  optimizer: tf.Optimizer;
  /** Every sample of the dataset, shaped for the model. */
  samples: tf.Tensor;
  trainIndices: Uint32Array;
  testIndices: Uint32Array;
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

/** Mean loss and reconstruction MSE over a set of samples, in batches. */
export async function evaluate(ae: Autoencoder, samples: tf.Tensor, indices: Uint32Array, seed: number) {
  const [loss, sq, kl] = await sumChunks(
    indices.length,
    (start, end) => {
      const x = gatherAt(samples, indices.subarray(start, end));
      const l = tf.mul(variantLoss(ae, x, { training: false, seed }), end - start);
      const e = tf.sum(tf.squaredDifference(x, reconstructTensor(ae, x)));
      const k = tf.mul(batchKl(ae, x), end - start);
      return tf.stack([l, e, k]);
    },
    EVAL_BATCH,
  );
  return { testLoss: loss / indices.length, testMse: sq / (indices.length * sampleSize(ae.shape)), testKl: kl / indices.length };
}

/** The one training loop: shuffled mini-batches, any variant's loss, cooperative yields. */
export async function trainLoop(ctx: TrainContext, opts: TrainOptions): Promise<TrainResult> {
  const { ae, optimizer, samples, trainIndices } = ctx;
  const n = trainIndices.length;
  const batch = Math.min(opts.batchSize, n);
  const stepsPerEpoch = Math.ceil(n / batch);
  const rand = mulberry32(ctx.seed ? ctx.seed + 7919 * ctx.stepsBefore : Math.floor(Math.random() * 2 ** 31));
  const totalPlanned = opts.epochs * stepsPerEpoch;
  // Adam keeps its rate in a protected field; each call sets it (the optimizer and its moments persist).
  const setRate = (lr: number) => ((optimizer as unknown as { learningRate: number }).learningRate = lr);
  setRate(opts.learningRate);
  const order = new Int32Array(n);
  let totalSteps = 0;
  let lastLoss = NaN;
  let last: { testLoss?: number; testMse?: number; testKl?: number } = {};
  const pending: tf.Scalar[] = [];
  let windowStart = now();
  let windowSamples = 0;
  let lastYield = now();

  const report = async (epoch: number, step: number) => {
    if (pending.length === 0) return;
    const stacked = tf.stack(pending);
    const losses = Array.from(await stacked.data());
    tf.dispose([stacked, ...pending]);
    pending.length = 0;
    const bad = losses.findIndex((l) => !Number.isFinite(l));
    if (bad >= 0) {
      const rate = (optimizer as unknown as { learningRate: number }).learningRate;
      throw new AEError('training-diverged', `Training diverged: the loss became ${losses[bad]} at step ${totalSteps - losses.length + bad + 1} (learning rate ${rate}). The weights are no longer usable: reset the model, then train with a smaller learning rate.`, { step: totalSteps - losses.length + bad + 1, learningRate: rate });
    }
    const t = now();
    const samplesPerSec = (windowSamples * 1000) / Math.max(1, t - windowStart);
    windowStart = t;
    windowSamples = 0;
    lastLoss = losses[losses.length - 1];
    ctx.onProgress({ phase: 'step', epoch, epochs: opts.epochs, step, stepsPerEpoch, totalSteps, losses, loss: lastLoss, samplesPerSec });
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    order.set(trainIndices);
    shuffle(order, rand);
    for (let step = 0; step < stepsPerEpoch; step++) {
      if (!(await ctx.gate())) {
        await report(epoch, step);
        return { stopped: true, epochs: epoch - 1, steps: totalSteps, loss: lastLoss, ...last };
      }
      const idx = tf.tensor1d(order.subarray(step * batch, (step + 1) * batch), 'int32');
      const x = tf.gather(samples, idx);
      if (opts.finalLearningRate !== undefined) {
        // Cosine decay from learningRate to finalLearningRate over this call's steps.
        const t = totalSteps / Math.max(1, totalPlanned - 1);
        setRate(opts.finalLearningRate + 0.5 * (opts.learningRate - opts.finalLearningRate) * (1 + Math.cos(Math.PI * t)));
      }
      const stepSeed = ctx.seed ? ctx.seed * 100003 + ctx.stepsBefore + totalSteps : undefined;
      const loss = optimizer.minimize(() => variantLoss(ae, x, { training: true, seed: stepSeed }), true, ae.trainable) as tf.Scalar;
      tf.dispose([idx, x]);
      pending.push(loss);
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
    last = await evaluate(ae, samples, ctx.testIndices, ctx.seed || 1);
    ctx.onProgress({ phase: 'epoch', epoch, epochs: opts.epochs, step: stepsPerEpoch, stepsPerEpoch, totalSteps, losses: [], loss: lastLoss, samplesPerSec: 0, ...last });
    ctx.onWeights();
  }
  return { stopped: false, epochs: opts.epochs, steps: totalSteps, loss: lastLoss, ...last };
}
