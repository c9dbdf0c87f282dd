import * as tf from '@tensorflow/tfjs-core';
import { AEError } from './errors.js';
import { registerWasmKernels } from './kernels/index.js';

import { BACKENDS, type BackendName, type BackendPreference } from './backend-names.js';

export { BACKENDS, type BackendName, type BackendPreference };

export interface BackendChoice {
  backend: BackendName;
  /** Why each backend ahead of the chosen one was passed over. */
  skipped: { backend: BackendName; reason: string }[];
}

export interface BackendOptions {
  preference: BackendPreference;
  /** Directory of the tfjs-backend-wasm .wasm files (absolute URL). */
  wasmPaths: string;
  /** Threads for multi-threaded wasm (cross-origin isolated pages only); 0 = cores - 1. */
  wasmThreads?: number;
}

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Loads a backend's module (each registers itself) only when it is tried. */
async function register(name: BackendName, { wasmPaths, wasmThreads = 0 }: BackendOptions): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  else if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(wasmPaths.endsWith('/') ? wasmPaths : `${wasmPaths}/`);
    // One core stays free by default: the page must keep drawing frames while training.
    wasm.setThreadsCount(wasmThreads > 0 ? wasmThreads : Math.max(1, (globalThis.navigator?.hardwareConcurrency || 2) - 1));
    registerWasmKernels();
  }
}

/** A reason to pass a backend over in `auto`, or null when it looks like real hardware. */
async function autoVeto(name: BackendName): Promise<string | null> {
  if (name === 'webgpu') {
    const gpu = (globalThis.navigator as unknown as { gpu?: { requestAdapter(): Promise<GPUAdapterLike | null> } })?.gpu;
    if (!gpu) return 'navigator.gpu is missing (WebGPU is off, or the page is not a secure context)';
    const adapter = await gpu.requestAdapter().catch(() => null);
    if (!adapter) return 'no WebGPU adapter';
    const info = adapter.info ?? {};
    if (adapter.isFallbackAdapter || info.isFallbackAdapter) return 'the WebGPU adapter is a software fallback (slower than wasm)';
    if (SOFTWARE_GL.test(`${info.vendor} ${info.architecture} ${info.description}`)) return `the WebGPU adapter is software (${info.vendor || info.architecture})`;
    return null;
  }
  if (name === 'webgl') {
    const renderer = webglRenderer();
    if (renderer === null) return 'WebGL2 is unavailable';
    if (SOFTWARE_GL.test(renderer)) return `WebGL runs on a software renderer (${renderer}); wasm is faster`;
    return null;
  }
  return null;
}

interface GPUAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

function webglRenderer(): string | null {
  try {
    const canvas: OffscreenCanvas | HTMLCanvasElement =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

/**
 * `auto` ranks hardware GPUs first, then wasm, then cpu: a software GPU is slower than
 * wasm, so it is only used when forced. A forced backend that cannot start is an error.
 */
export async function initBackend(opts: BackendOptions): Promise<BackendChoice> {
  const skipped: BackendChoice['skipped'] = [];
  const forced = opts.preference !== 'auto';
  const order = forced ? [opts.preference as BackendName] : BACKENDS;
  for (const name of order) {
    if (!forced) {
      const veto = await autoVeto(name);
      if (veto) {
        skipped.push({ backend: name, reason: veto });
        continue;
      }
    }
    try {
      await register(name, opts);
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { backend: name, skipped };
      }
      skipped.push({ backend: name, reason: 'failed to initialise' });
    } catch (e) {
      skipped.push({ backend: name, reason: `failed to initialise: ${(e as Error).message}` });
    }
  }
  const why = skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ');
  // The reasons stay as the browser and TensorFlow.js give them.
  if (forced) throw AEError.of('backend-unavailable', 'error.backendForced', { backend: opts.preference, why }, { skipped });
  throw AEError.of('backend-unavailable', 'error.noBackend', { why }, { skipped });
}

/** Kernels a backend must have to train a model; missing ones are named in the error. */
export function missingKernels(backend: string, kernels: readonly string[]): string[] {
  return kernels.filter((k) => !tf.getKernel(k, backend));
}

export const CONV_TRAINING_KERNELS = ['Conv2DBackpropFilter', 'Conv2DBackpropInput'] as const;
