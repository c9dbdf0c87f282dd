import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { MissingTensor } from '../l10n/en/errors/torch.js';
import { AEError } from './errors.js';
import type { Autoencoder } from './model.js';
import type { SavedMeta } from './persistence.js';
import { tensorValues, type SafeTensors } from './safetensors.js';

// A PyTorch state_dict (read from safetensors) mapped onto a built model. Each of our
// layers with weights takes "<our layer name>.weight" / ".bias" if the file has them, else
// the next Linear/Conv2d/ConvTranspose2d of an nn.Sequential "encoder" or "decoder"
// ("encoder.0.weight", "encoder.2.weight", ...: indices in order, activations skipped).
// Layouts are converted to ours, and PyTorch's channel-first flattening to our
// channel-last one wherever a Linear meets an image-shaped tensor.

/** The saved record a file's "__metadata__" carries ("spec", "shape", "scaling", each a JSON string), if any. */
export function torchMeta(file: SafeTensors): SavedMeta | undefined {
  const keys = (['spec', 'shape', 'scaling'] as const).filter((k) => k in file.metadata);
  if (!keys.length) return undefined;
  const meta: Record<string, unknown> = {};
  for (const k of keys) {
    try {
      meta[k] = JSON.parse(file.metadata[k]);
    } catch {
      throw AEError.of('weights-invalid', 'torch.metadataJson', { from: file.from, field: k });
    }
  }
  return meta as unknown as SavedMeta;
}


/** How one of our variables sits in the file: the key, the shape PyTorch stores, and how to reorder it. */
interface Source {
  key: string;
  layer: string;
  variable: tfl.LayerVariable;
  torchShape: number[];
  /** The stored values viewed as this shape, then axes permuted to our layout. */
  view: number[];
  perm: number[];
}

const product = (s: number[]) => s.reduce((a, b) => a * b, 1);

/** Weights in our layout and naming, ready for tf.io.decodeWeights; every problem names the PyTorch key. */
export function torchWeights(ae: Autoencoder, file: SafeTensors): { specs: tf.io.WeightsManifestEntry[]; data: ArrayBuffer } {
  const weighted = (m: tfl.LayersModel) => m.layers.filter((l) => l.weights.length > 0);
  const sources: Source[] = [];
  const missing: MissingTensor[] = [];
  for (const [side, layers] of [['encoder', weighted(ae.encoder)], ['decoder', weighted(ae.decoder)]] as const) {
    const byName = (l: tfl.layers.Layer) => file.tensors.has(`${l.name}.weight`) || file.tensors.has(`${l.name}.bias`);
    const positions = sequentialIndices(file, side);
    let next = 0;
    for (const layer of layers) {
      const prefix = byName(layer) ? layer.name : next < positions.length ? `${side}.${positions[next++]}` : null;
      for (const variable of layer.weights) {
        const part = variable.originalName.endsWith('/bias') ? 'bias' : 'weight';
        if (!prefix || !file.tensors.has(`${prefix}.${part}`)) {
          missing.push(prefix ? { key: `${prefix}.${part}`, layer: layer.name } : { key: `${layer.name}.${part}`, side });
          continue;
        }
        sources.push({ key: `${prefix}.${part}`, layer: layer.name, variable, ...layout(layer, part, variable.shape as number[]) });
      }
    }
  }
  const held = [...file.tensors.keys()];
  if (missing.length) {
    throw AEError.of('weights-missing', 'torch.missing', { from: file.from, missing, held }, { missing: missing.map((m) => m.key) });
  }
  for (const s of sources) {
    const actual = file.tensors.get(s.key)!.shape;
    if (actual.join() !== s.torchShape.join()) {
      throw AEError.of('weights-shape-mismatch', 'torch.shapeMismatch', { from: file.from, key: s.key, actual, layer: s.layer, expected: s.torchShape }, { key: s.key, layer: s.layer, expected: s.torchShape, actual });
    }
  }
  const used = new Set(sources.map((s) => s.key));
  const extra = held.filter((k) => !used.has(k));
  if (extra.length) {
    throw AEError.of('weights-shape-mismatch', 'torch.extra', { from: file.from, extra }, { extra });
  }
  const out = new Float32Array(sources.reduce((n, s) => n + product(s.torchShape), 0));
  let at = 0;
  for (const s of sources) {
    const values = transpose(tensorValues(file, s.key), s.view, s.perm);
    out.set(values, at);
    at += values.length;
  }
  const specs = sources.map((s) => ({ name: s.variable.originalName, shape: s.variable.shape as number[], dtype: 'float32' as const }));
  return { specs, data: out.buffer };
}

/** The distinct module indices of an nn.Sequential's parameters, in order. */
function sequentialIndices(file: SafeTensors, side: string): number[] {
  const found = new Set<number>();
  for (const key of file.tensors.keys()) {
    const m = new RegExp(`^${side}\\.(\\d+)\\.(weight|bias)$`).exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Where PyTorch keeps what our variable holds. Linear weight [out, in] is our kernel
 * [in, out]; Conv2d [out, in, kh, kw] is our [kh, kw, in, out]; ConvTranspose2d
 * [in, out, kh, kw] is our [kh, kw, out, in] (the same axis order as a conv). A Linear
 * reading a flattened image or feature map sees it channel-first ([C, H, W]), ours
 * channel-last; likewise a Linear whose output is reshaped into one.
 */
function layout(layer: tfl.layers.Layer, part: 'weight' | 'bias', shape: number[]): Omit<Source, 'key' | 'layer' | 'variable'> {
  if (layer.getClassName() !== 'Dense') {
    const perm = part === 'bias' ? [0] : [2, 3, 1, 0];
    const torchShape: number[] = [];
    perm.forEach((p, j) => (torchShape[p] = shape[j]));
    return { torchShape, view: torchShape, perm };
  }
  const outMap = reshapedOutput(layer);
  const outView = outMap ? [outMap[2], outMap[0], outMap[1]] : [shape[shape.length - 1]];
  const outPerm = outMap ? [1, 2, 0] : [0];
  if (part === 'bias') return { torchShape: [product(outView)], view: outView, perm: outPerm };
  const inMap = flattenedInput(layer);
  const inView = inMap ? [inMap[2], inMap[0], inMap[1]] : [shape[0]];
  const inPerm = inMap ? [1, 2, 0] : [0];
  return {
    torchShape: [product(outView), product(inView)],
    view: [...outView, ...inView],
    perm: [...inPerm.map((p) => p + outView.length), ...outPerm],
  };
}

/** [H, W, C] when a Dense layer reads the output of a Flatten of such a map. */
function flattenedInput(layer: tfl.layers.Layer): number[] | null {
  const source = layer.inboundNodes[0]?.inboundLayers[0];
  if (source?.getClassName() !== 'Flatten') return null;
  const shapes = source.inboundNodes[0].inputShapes as unknown[];
  const shape = ((Array.isArray(shapes[0]) ? shapes[0] : shapes) as number[]).slice(1); // [batch, H, W, C]
  return shape.length === 3 ? shape : null;
}

/** [H, W, C] when a Dense layer's output is reshaped to such a map. */
function reshapedOutput(layer: tfl.layers.Layer): number[] | null {
  const next = layer.outboundNodes.map((n) => n.outboundLayer).find((l) => l.getClassName() === 'Reshape');
  const shape = next?.getConfig().targetShape as number[] | undefined;
  return shape?.length === 3 ? shape : null;
}

/** Row-major values of `shape`, with axes reordered by `perm` (out axis j is in axis perm[j]). */
function transpose(src: Float32Array, shape: number[], perm: number[]): Float32Array {
  if (perm.every((p, j) => p === j)) return src;
  const strides = shape.map((_, i) => product(shape.slice(i + 1)));
  const dims = perm.map((p) => shape[p]);
  const step = perm.map((p) => strides[p]);
  const index = dims.map(() => 0);
  const out = new Float32Array(src.length);
  for (let i = 0, from = 0; i < out.length; i++) {
    out[i] = src[from];
    for (let j = dims.length - 1; j >= 0; j--) {
      from += step[j];
      if (++index[j] < dims[j]) break;
      from -= step[j] * dims[j];
      index[j] = 0;
    }
  }
  return out;
}
