import { section } from '../../catalog.js';

type From = { from: string };
/** A tensor the model needs: under the layer's own name, or (`side`) as the next layer of an nn.Sequential. */
export type MissingTensor = { key: string; layer?: string; side?: string };
/** `key`: the tensor's name in the file. */
type Where = { key: string };

/** PyTorch state_dicts in .safetensors files: reading the file, then matching its tensors to the model. */
export const torchErrors = section({
  'torch.unusable': ({ from, reason }: From & { reason: string }) => `${from} is not a usable safetensors file: ${reason}`,
  'torch.short': ({ bytes }: { bytes: number }) => `it holds ${bytes} bytes, fewer than the 8 of its header length.`,
  'torch.headerLength': ({ length, follow }: { length: number; follow: number }) => `its header length says ${length} bytes but only ${follow} follow (a truncated download, or not a safetensors file).`,
  'torch.headerJson': 'its header is not valid JSON.',
  'torch.headerObject': ({ got }: { got: string }) => `its header is ${got}, not a JSON object.`,
  'torch.metadata': ({ got }: { got: string }) => `"__metadata__" must map names to strings; got ${got}.`,
  'torch.dtype': ({ key, dtype }: Where & { dtype: string }) => `tensor "${key}" has dtype ${dtype}; weights must be F32, F16, BF16 or F64.`,
  'torch.shape': ({ key, got }: Where & { got: string }) => `tensor "${key}" has the shape ${got}; a shape is a list of whole numbers >= 0.`,
  'torch.tooBig': ({ key, got }: Where & { got: string }) => `tensor "${key}" declares ${got}: more values than any model this library builds.`,
  'torch.offsets': ({ key, got, size }: Where & { got: string; size: number }) => `tensor "${key}" has data_offsets ${got}; they must be [begin, end] within the ${size} data bytes.`,
  'torch.span': ({ key, bytes, dtype, shape, want }: Where & { bytes: number; dtype: string; shape: number[]; want: number }) => `tensor "${key}" spans ${bytes} bytes, but ${dtype} of shape [${shape}] takes ${want}.`,
  'torch.metadataJson': ({ from, field }: From & { field: string }) => `${from}: "__metadata__.${field}" is not valid JSON.`,
  'torch.missing': ({ from, missing, held }: From & { missing: MissingTensor[]; held: string[] }) =>
    `${from} lacks tensors this model needs: ${missing.map((m) => `${m.key} (${m.side ? `or the next layer of "${m.side}"` : m.layer})`).join(', ')}. It holds: ${held.join(', ') || 'nothing'}.`,
  'torch.shapeMismatch': ({ from, key, actual, layer, expected }: From & { key: string; actual: number[]; layer: string; expected: number[] }) =>
    `${from}: tensor "${key}" has shape [${actual}], but layer "${layer}" needs [${expected}] (PyTorch layout). The file was saved from a different architecture: set the spec it was trained with.`,
  'torch.extra': ({ from, extra }: From & { extra: string[] }) => `${from} holds tensors this model has no layer for: ${extra.join(', ')}. The file was saved from a different architecture.`,
  'torch.notFinite': ({ from, key, value, index, range }: From & { key: string; value: number; index: number; range: boolean }) =>
    `${from}: tensor "${key}" holds ${value} at index ${index}${range ? " (beyond float32's range)" : ''}; weights must be finite.`,
});
