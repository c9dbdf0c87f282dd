import { registerMatMulTranspose } from '../matmul-transpose.js';
import { registerAdamUpdate } from './adam.js';
import { registerConvGrads } from './conv-grads.js';
import { registerGather } from './gather.js';
import { registerIdentity } from './identity.js';

/** Kernels the engine adds to, or puts in place of, tfjs-backend-wasm 4.22's own. */
export function registerWasmKernels(): void {
  registerConvGrads();
  registerMatMulTranspose('wasm');
  registerGather();
  registerIdentity();
  registerAdamUpdate();
}
