import type { MessageArgs, MessageKey } from '../l10n/english.js';
import { AEError, shown } from './errors.js';

// The safetensors format: an 8-byte little-endian header length, a JSON header giving each
// tensor's dtype, shape and byte range (and an optional "__metadata__" map of strings),
// then the raw little-endian bytes. Everything is checked before any value is read.

/** Bytes per value of the float dtypes read; integer tensors never hold model weights here. */
const FLOAT_BYTES = { F32: 4, F16: 2, BF16: 2, F64: 8 } as const;
export type FloatDtype = keyof typeof FLOAT_BYTES;
/** More values than any model here has (as for model.json entries). */
const MAX_VALUES = 2 ** 28;

export interface TensorEntry {
  dtype: FloatDtype;
  shape: number[];
  /** Byte range inside the data that follows the header. */
  begin: number;
  end: number;
}

export interface SafeTensors {
  /** The file name or URL, for messages. */
  from: string;
  tensors: Map<string, TensorEntry>;
  metadata: Record<string, string>;
  bytes: DataView;
}

/** `weights-invalid`: "<file> is not a usable safetensors file: <reason>". */
function invalid<K extends MessageKey>(from: string, key: K, args: MessageArgs<K>, details?: Record<string, unknown>): AEError {
  const reason = { key, args } as unknown as string; // a nested message, translated with the outer one
  return AEError.of('weights-invalid', 'torch.unusable', { from, reason }, details);
}

/** Whether bytes begin as a safetensors file does: a header length below 2^40, then "{". JSON text (a model.json) never holds NUL bytes. */
export function looksLikeSafetensors(data: ArrayBuffer): boolean {
  const b = new Uint8Array(data, 0, Math.min(9, data.byteLength));
  return b.length === 9 && b[5] === 0 && b[6] === 0 && b[7] === 0 && b[8] === 0x7b;
}

/** Reads and checks the header; values are read later, per tensor, by tensorValues. */
export function parseSafetensors(data: ArrayBuffer, from: string): SafeTensors {
  if (data.byteLength < 8) throw invalid(from, 'torch.short', { bytes: data.byteLength });
  const view = new DataView(data);
  const length = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (length > data.byteLength - 8) {
    throw invalid(from, 'torch.headerLength', { length, follow: data.byteLength - 8 }, { length, size: data.byteLength });
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(data, 8, length)));
  } catch {
    throw invalid(from, 'torch.headerJson', undefined);
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw invalid(from, 'torch.headerObject', { got: shown(header) });
  const bytes = new DataView(data, 8 + length);
  const tensors = new Map<string, TensorEntry>();
  let metadata: Record<string, string> = {};
  for (const [key, entry] of Object.entries(header)) {
    if (key === '__metadata__') metadata = checkMetadata(entry, from);
    else tensors.set(key, checkEntry(key, entry, bytes.byteLength, from));
  }
  return { from, tensors, metadata, bytes };
}

function checkMetadata(m: unknown, from: string): Record<string, string> {
  if (!m || typeof m !== 'object' || Array.isArray(m) || !Object.values(m).every((v) => typeof v === 'string')) {
    throw invalid(from, 'torch.metadata', { got: shown(m) });
  }
  return m as Record<string, string>;
}

function checkEntry(key: string, e: unknown, size: number, from: string): TensorEntry {
  const { dtype, shape, data_offsets: offsets } = (e ?? {}) as Record<string, unknown>;
  if (typeof dtype !== 'string' || !Object.hasOwn(FLOAT_BYTES, dtype)) {
    throw invalid(from, 'torch.dtype', { key, dtype: shown(dtype) }, { key, dtype });
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw invalid(from, 'torch.shape', { key, got: shown(shape) }, { key });
  const count = shape.reduce((a: number, b: number) => a * b, 1);
  if (count > MAX_VALUES) throw invalid(from, 'torch.tooBig', { key, got: shown(shape) }, { key });
  const [begin, end] = Array.isArray(offsets) ? offsets : [];
  if (offsets === undefined || (offsets as unknown[]).length !== 2 || !Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || begin > end || end > size) {
    throw invalid(from, 'torch.offsets', { key, got: shown(offsets), size }, { key });
  }
  const want = count * FLOAT_BYTES[dtype as FloatDtype];
  if (end - begin !== want) throw invalid(from, 'torch.span', { key, bytes: end - begin, dtype, shape, want }, { key });
  return { dtype: dtype as FloatDtype, shape, begin, end };
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half bits -> number. */
function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** bfloat16 is the top half of a float32. */
function fromBfloat(h: number): number {
  u32[0] = h << 16;
  return f32[0];
}

/** A tensor's values as float32 in the file's (row-major) order; NaN, infinities and float64 beyond float32's range are refused. */
export function tensorValues(file: SafeTensors, key: string): Float32Array {
  const { dtype, begin, end } = file.tensors.get(key)!;
  const step = FLOAT_BYTES[dtype];
  const v = file.bytes;
  const out = new Float32Array((end - begin) / step);
  for (let i = 0, at = begin; i < out.length; i++, at += step) {
    out[i] = dtype === 'F32' ? v.getFloat32(at, true) : dtype === 'F16' ? fromHalf(v.getUint16(at, true)) : dtype === 'BF16' ? fromBfloat(v.getUint16(at, true)) : v.getFloat64(at, true);
  }
  const bad = out.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) {
    const value = dtype === 'F64' ? v.getFloat64(begin + bad * 8, true) : out[bad];
    throw AEError.of('weights-invalid', 'torch.notFinite', { from: file.from, key, value, index: bad, range: dtype === 'F64' && Number.isFinite(value) }, { key });
  }
  return out;
}
