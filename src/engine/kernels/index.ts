import { registerMatMulTranspose } from '../matmul-transpose.js';
import { registerAdamUpdate } from './adam.js';
import { registerBce } from './bce.js';
import { registerConvGrads } from './conv-grads.js';
import { registerGather } from './gather.js';
import { registerIdentity } from './identity.js';
import { registerMatMul } from './matmul.js';

let registered = false;

/** Kernels the engine adds to, or puts in place of, tfjs-backend-wasm 4.22's own (once). */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  registerConvGrads();
  registerMatMulTranspose();
  registerMatMul(); // after the transposing wrapper, which it falls back to
  registerGather();
  registerIdentity();
  registerAdamUpdate();
  registerBce();
}
