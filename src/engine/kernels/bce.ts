import * as tf from '@tensorflow/tfjs-core';
import { heap, type KernelArgs, type WasmBackend } from './wasm-heap.js';

/**
 * Binary cross-entropy summed over every value, as one kernel and one gradient kernel on
 * wasm. The engine's loss (losses.ts) is otherwise ten elementwise ops forward and fifteen
 * back over the whole batch of images: with the SIMD GEMM, a third of a dense step.
 * Same definition: the output clipped to [1e-7, 1 - 1e-7], and no gradient where it was.
 */
export const BCE_SUM = 'AEBceSum';
const BCE_GRAD = 'AEBceGrad';

// clipByValue's bounds as float32, as its gradient compares them.
const LO = Math.fround(1e-7);
const HI = Math.fround(1 - 1e-7);
const clip = (p: number) => (p < LO ? LO : p > HI ? HI : p);

/** -sum(t log p + (1 - t) log(1 - p)) over the clipped output p, as a float32 scalar. */
function bceSum({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const b = backend as WasmBackend;
  const { target, output } = inputs as Record<'target' | 'output', tf.TensorInfo>;
  const out = b.makeOutput([], 'float32');
  const [t, p] = [heap(b, target), heap(b, output)];
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const q = clip(p[i]);
    sum -= t[i] * Math.log(q) + (1 - t[i]) * Math.log(1 - q);
  }
  heap(b, out)[0] = sum;
  return out;
}

/** d sum / d output, times the upstream scalar dy: ((1 - t)/(1 - p) - t/p) dy inside the clip, 0 outside. */
function bceGrad({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const b = backend as WasmBackend;
  const { target, output, dy } = inputs as Record<'target' | 'output' | 'dy', tf.TensorInfo>;
  const out = b.makeOutput([...output.shape], 'float32');
  const [t, p, d, g] = [heap(b, target), heap(b, output), heap(b, dy), heap(b, out)];
  const scale = d[0];
  for (let i = 0; i < p.length; i++) {
    const q = p[i];
    g[i] = q >= LO && q <= HI ? ((1 - t[i]) / (1 - q) - t[i] / q) * scale : 0;
  }
  return out;
}

/** Puts both kernels in place for the wasm backend, and the loss's gradient (once). */
export function registerBce(): void {
  if (tf.getKernel(BCE_SUM, 'wasm')) return;
  tf.registerKernel({ kernelName: BCE_SUM, backendName: 'wasm', kernelFunc: bceSum as unknown as tf.KernelFunc });
  tf.registerKernel({ kernelName: BCE_GRAD, backendName: 'wasm', kernelFunc: bceGrad as unknown as tf.KernelFunc });
  tf.registerGradient({
    kernelName: BCE_SUM,
    inputsToSave: ['target', 'output'],
    gradFunc: (dy, saved) => {
      const [target, output] = saved;
      return {
        output: () => tf.engine().runKernel(BCE_GRAD, { target, output, dy: dy as tf.Tensor }) as tf.Tensor,
        // Targets are data in every kind; should one ever depend on weights, the plain ops.
        target: () => {
          const q = tf.clipByValue(output, LO, HI);
          return tf.mul(dy as tf.Tensor, tf.sub(tf.log(tf.sub(1, q)), tf.log(q)));
        },
      };
    },
  });
}

/** The summed loss through the kernel where this backend has it, else null. */
export function bceSumKernel(target: tf.Tensor, output: tf.Tensor): tf.Scalar | null {
  if (!tf.getKernel(BCE_SUM, tf.getBackend()) || target.dtype !== 'float32' || output.dtype !== 'float32' || !tf.util.arraysEqual(target.shape, output.shape)) return null;
  return tf.engine().runKernel(BCE_SUM, { target, output }) as tf.Scalar;
}
