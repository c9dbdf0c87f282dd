import * as tf from '@tensorflow/tfjs-core';
import { filterGrad } from './filter-grad.js';
import { inputGrad } from './input-grad.js';

/**
 * Both convolution gradients for tfjs-backend-wasm 4.22 through its fast XNNPACK kernels
 * (Conv2D, untransposed BatchMatMul) plus copy loops: it has no Conv2DBackpropFilter,
 * and its Conv2DBackpropInput (also the forward pass of Conv2DTranspose) is a scalar
 * loop, several times slower. NHWC only.
 */
/** Puts both kernels in place for the wasm backend (once; later calls do nothing). */
export function registerConvGrads(): void {
  for (const [kernelName, kernelFunc] of [
    [tf.Conv2DBackpropFilter, filterGrad],
    [tf.Conv2DBackpropInput, inputGrad],
  ] as const) {
    const current = tf.getKernel(kernelName, 'wasm');
    if (current?.kernelFunc === kernelFunc) continue;
    if (current) tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as tf.KernelFunc });
  }
}

