import * as tf from '@tensorflow/tfjs-core';
import { ADAM_UPDATE, type AdamUpdateAttrs } from './kernels/adam.js';

/**
 * tf.train.adam whose update is one kernel per variable where the backend has one (wasm:
 * kernels/adam.ts), and tfjs's own update elsewhere. Same state, same results within
 * float32 rounding; the moments stay in tfjs's slots, so getWeights() keeps working.
 */
export class Adam extends tf.AdamOptimizer {
  /** Steps taken by the fused kernel, which leaves tfjs's accBeta1/2 behind. */
  private fusedSteps = 0;

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7) {
    super(learningRate, beta1, beta2, epsilon);
  }

  override applyGradients(grads: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    if (!tf.getKernel(ADAM_UPDATE, tf.getBackend())) {
      this.catchUp();
      super.applyGradients(grads);
      return;
    }
    const list = Array.isArray(grads) ? grads : Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));
    const self = this as unknown as Slots;
    const t = this.iterations + 1;
    const attrs: AdamUpdateAttrs = {
      rate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      c1: 1 - this.beta1 ** t,
      c2: 1 - this.beta2 ** t,
    };
    tf.tidy(() => {
      list.forEach(({ name, tensor: g }, i) => {
        const value = tf.engine().registeredVariables[name];
        self.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        self.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        if (g == null) return;
        const m = self.accumulatedFirstMoment[i].variable;
        const v = self.accumulatedSecondMoment[i].variable;
        const [x1, m1, v1] = tf.engine().runKernel(ADAM_UPDATE, { value, m, v, g }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        value.assign(x1);
        m.assign(m1);
        v.assign(v1);
      });
    });
    this.fusedSteps++;
    (this as unknown as { incrementIterations(): void }).incrementIterations();
  }

  /** Brings tfjs's accumulated betas up to date before its own update runs after ours. */
  private catchUp(): void {
    if (!this.fusedSteps) return;
    const self = this as unknown as Slots;
    const t = this.iterations + 1;
    tf.tidy(() => {
      self.accBeta1.assign(tf.scalar(this.beta1 ** t));
      self.accBeta2.assign(tf.scalar(this.beta2 ** t));
    });
    this.fusedSteps = 0;
  }
}

/** tf.AdamOptimizer's state, protected in its typings. */
interface Slots {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
}
