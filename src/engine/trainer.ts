import * as tf from '@tensorflow/tfjs-core';
import type { Autoencoder } from './model.js';
import { batchKl, variantLoss, reconstructTensor } from './losses.js';
import { mulberry32, shuffle } from './random.js';
import { nextTask, now } from './schedule.js';
import type { TrainOptions, TrainProgress, TrainResult } from './types.js';

/** What the loop needs from its owner; keeps the loop free of session details. */
export interface TrainContext {
  ae: Autoencoder;
  optimizer: tf.Optimizer;
  images: tf.Tensor4D;
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

/** Mean loss and reconstruction MSE over a set of images, in batches. */
export async function evaluate(ae: Autoencoder, images: tf.Tensor4D, indices: Uint32Array, seed: number) {
  let loss = 0;
  let sq = 0;
  let kl = 0;
  for (let start = 0; start < indices.length; start += EVAL_BATCH) {
    const idx = indices.subarray(start, start + EVAL_BATCH);
    const sums = tf.tidy(() => {
      const x = tf.gather(images, tf.tensor1d(Int32Array.from(idx), 'int32'));
      const l = tf.mul(variantLoss(ae, x, { training: false, seed }), idx.length);
      const e = tf.sum(tf.squaredDifference(x, reconstructTensor(ae, x)));
      const k = tf.mul(batchKl(ae, x), idx.length);
      return tf.stack([l, e, k]);
    });
    const [l, e, k] = await sums.data();
    sums.dispose();
    loss += l;
    sq += e;
    kl += k;
  }
  const pixels = images.shape[1] * images.shape[2] * images.shape[3];
  return { testLoss: loss / indices.length, testMse: sq / (indices.length * pixels), testKl: kl / indices.length };
}

/** The one training loop: shuffled mini-batches, any variant's loss, cooperative yields. */
export async function trainLoop(ctx: TrainContext, opts: TrainOptions): Promise<TrainResult> {
  const { ae, optimizer, images, trainIndices } = ctx;
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
      const x = tf.gather(images, idx);
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
    last = await evaluate(ae, images, ctx.testIndices, ctx.seed || 1);
    ctx.onProgress({ phase: 'epoch', epoch, epochs: opts.epochs, step: stepsPerEpoch, stepsPerEpoch, totalSteps, losses: [], loss: lastLoss, samplesPerSec: 0, ...last });
    ctx.onWeights();
  }
  return { stopped: false, epochs: opts.epochs, steps: totalSteps, loss: lastLoss, ...last };
}
