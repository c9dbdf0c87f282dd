import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm 4.22's BackendWasm that kernels written in JS use. */
export interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: tf.DataId): boolean;
  incRef(dataId: tf.DataId): void;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  dataIdMap: { get(dataId: tf.DataId): { memoryOffset: number } };
  /** The emscripten module; its `asm` exports hold the heap's WebAssembly.Memory. */
  wasm?: { asm?: { memory?: WebAssembly.Memory } };
}

/** What replaces a kernel: a result, or null to leave the call to the kernel it replaced. */
export type KernelWrap = (backend: WasmBackend, args: KernelArgs, previous: tf.KernelFunc) => tf.TensorInfo | null;

/**
 * Puts `ours` in front of the wasm kernel registered now, which runs wherever ours returns
 * null. Wraps stack: a later one falls back to the earlier. registerWasmKernels() calls
 * each once.
 */
export function wrapKernel(kernelName: string, ours: KernelWrap): void {
  const previous = tf.getKernel(kernelName, 'wasm');
  if (!previous) return;
  const kernelFunc = ((args: KernelArgs) => ours(args.backend as WasmBackend, args, previous.kernelFunc) ?? previous.kernelFunc(args as never)) as tf.KernelFunc;
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ ...previous, kernelFunc });
}

/**
 * A float32 view of a tensor on the wasm heap. Any allocation may grow (and so detach)
 * the heap, so take views only after every makeOutput of a kernel.
 */
export const heap = (backend: WasmBackend, t: tf.TensorInfo): Float32Array => backend.typedArrayFromHeap(t);

/** Byte offset of a tensor on the wasm heap, for the engine's own wasm module (wasm-simd.ts). */
export const offsetOf = (backend: WasmBackend, t: tf.TensorInfo): number => backend.dataIdMap.get(t.dataId).memoryOffset;

/** The same data seen with another shape (no copy; the caller keeps ownership). */
export const asShape = (t: tf.TensorInfo, shape: number[]): tf.TensorInfo => ({ dataId: t.dataId, dtype: t.dtype, shape });

/** a [m, k] times b [k, n] through the backend's BatchMatMul (XNNPACK when untransposed). */
export function gemm(backend: WasmBackend, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
  const mm = tf.getKernel(tf.BatchMatMul, 'wasm');
  if (!mm) throw new Error('wasm BatchMatMul is missing');
  const out = mm.kernelFunc({ inputs: { a, b }, backend: backend as unknown as tf.KernelBackend, attrs: { transposeA: false, transposeB: false } }) as tf.TensorInfo;
  return asShape(out, out.shape.slice(-2));
}

/** Conv2D geometry of an NHWC convolution (dilation 1), as the grad kernels need it. */
export function convGeometry(xShape: number[], filterShape: number[], attrs: { strides: number | [number, number]; pad: unknown; dataFormat?: string; dimRoundingMode?: string }) {
  if (attrs.dataFormat === 'NCHW') throw new Error('only NHWC convolutions are supported on wasm');
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad as 'same',
    attrs.dimRoundingMode as 'round',
    false,
    'channelsLast',
  );
  return {
    n: info.batchSize,
    h: info.inHeight,
    w: info.inWidth,
    ci: info.inChannels,
    oh: info.outHeight,
    ow: info.outWidth,
    co: info.outChannels,
    fh: info.filterHeight,
    fw: info.filterWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}
export type ConvGeometry = ReturnType<typeof convGeometry>;

export type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/** The backend's own Conv2D (XNNPACK), stride 1. */
export function conv2d(b: WasmBackend, x: tf.TensorInfo, filter: tf.TensorInfo, pad: unknown, dilations: [number, number]): tf.TensorInfo {
  const k = tf.getKernel(tf.Conv2D, 'wasm');
  if (!k) throw new Error('wasm Conv2D is missing');
  const attrs = { strides: [1, 1], pad, dataFormat: 'NHWC', dilations, dimRoundingMode: undefined } as unknown as tf.NamedAttrMap;
  return k.kernelFunc({ inputs: { x, filter }, backend: b as unknown as tf.KernelBackend, attrs }) as tf.TensorInfo;
}

