import * as tf from '@tensorflow/tfjs-core';
import { AEError, said, shown } from './errors.js';
import { checkByteCount, checkManifest, weightsUrl } from './manifest.js';
import type { Autoencoder } from './model.js';
import type { ModelSpec } from './spec.js';
import type { SampleShape } from './sample.js';
import type { ModelFiles, WeightsSource } from './types.js';
import { QUANTIZATIONS, quantizeWeights, type Quantization } from './quantize.js';
import { looksLikeSafetensors, parseSafetensors, type SafeTensors } from './safetensors.js';
import { torchMeta, torchWeights } from './torch-import.js';

/** Key under userDefinedMetadata where a saved model records its spec. */
export const META_KEY = 'autoencoderWidgets';

export interface SavedMeta {
  spec: ModelSpec;
  /** What the model was built for (files from before sample kinds hold height, width and channels alone). */
  shape: SampleShape;
  /** Vectors only: the per-column standardisation the model was trained with. */
  scaling?: { mean: number[]; std: number[] };
}

/** Records the spec and sample shape inside model.json, so a load rebuilds the same model. */
function stampMeta(ae: Autoencoder) {
  const scaling = ae.scaling && { mean: Array.from(ae.scaling.mean), std: Array.from(ae.scaling.std) };
  ae.full.setUserDefinedMetadata({ [META_KEY]: { spec: ae.spec, shape: ae.shape, ...(scaling && { scaling }) } satisfies SavedMeta });
}

interface Artifacts {
  specs: tf.io.WeightsManifestEntry[];
  data: ArrayBuffer;
  meta?: SavedMeta;
  from: string;
  /** A PyTorch state_dict: mapped onto the model once it is built (specs and data stay empty). */
  torch?: SafeTensors;
}

function torchArtifacts(data: ArrayBuffer, from: string): Artifacts {
  const torch = parseSafetensors(data, from);
  return { specs: [], data: new ArrayBuffer(0), meta: torchMeta(torch), from, torch };
}

function concat(parts: ArrayBuffer[]): ArrayBuffer {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out.buffer;
}

/** Checks a model.json's shape; the message says what was found instead. */
function parseModelJson(text: string, from: string): { paths: string[]; specs: tf.io.WeightsManifestEntry[]; meta?: SavedMeta } {
  let json: { weightsManifest?: unknown; userDefinedMetadata?: Record<string, unknown> } | null;
  try {
    json = JSON.parse(text);
  } catch {
    const looksHtml = /^\s*</.test(text);
    throw AEError.of('weights-invalid', 'weights.notJson', { from, html: looksHtml });
  }
  if (!json || typeof json !== 'object') throw AEError.of('weights-invalid', 'weights.notObject', { from, got: shown(json) });
  return { ...checkManifest(json.weightsManifest, from), meta: json.userDefinedMetadata?.[META_KEY] as SavedMeta | undefined };
}

async function fetchOk(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw AEError.of('weights-fetch-failed', 'weights.fetch', { url, reason: said(e) }, { url });
  }
  if (!res.ok) throw AEError.of('weights-fetch-failed', 'weights.fetchStatus', { url, status: res.status }, { url, status: res.status });
  return res;
}

async function readArtifacts(source: WeightsSource): Promise<Artifacts> {
  if (source.kind === 'indexeddb') {
    const handler = tf.io.getLoadHandlers(source.url)[0];
    let a: tf.io.ModelArtifacts;
    try {
      a = await handler.load!();
    } catch (e) {
      throw AEError.of('weights-fetch-failed', 'weights.loadFailed', { url: source.url, reason: said(e) }, { url: source.url });
    }
    const data = a.weightData ? concat(Array.isArray(a.weightData) ? a.weightData : [a.weightData]) : new ArrayBuffer(0);
    const { specs } = checkManifest([{ paths: [], weights: a.weightSpecs ?? [] }], source.url);
    return { specs, data, meta: a.userDefinedMetadata?.[META_KEY] as SavedMeta | undefined, from: source.url };
  }
  if (source.kind === 'url') {
    const body = await (await fetchOk(source.url)).arrayBuffer();
    // A safetensors URL is one file: nothing beside it is fetched.
    if (new URL(source.url).pathname.endsWith('.safetensors') || looksLikeSafetensors(body)) return torchArtifacts(body, source.url);
    const { paths, specs, meta } = parseModelJson(new TextDecoder().decode(body), source.url);
    const urls = paths.map((path) => weightsUrl(path, source.url)); // every path checked before any is fetched
    const parts: ArrayBuffer[] = [];
    for (const url of urls) parts.push(await (await fetchOk(url)).arrayBuffer());
    return { specs, data: concat(parts), meta, from: source.url };
  }
  if (source.kind !== 'files' || !Array.isArray(source.files)) throw AEError.of('input-invalid', 'weights.source', { got: shown(source) });
  const torch = source.files.filter((f) => f.name.endsWith('.safetensors'));
  if (torch.length > 1) throw AEError.of('weights-invalid', 'weights.safetensorsMany', { names: torch.map((f) => f.name) });
  if (torch.length) return torchArtifacts(torch[0].data, torch[0].name);
  const json = source.files.find((f) => f.name.endsWith('.json'));
  if (!json) throw AEError.of('weights-invalid', 'weights.noModelJson', { names: source.files.map((f) => f.name) });
  const { paths, specs, meta } = parseModelJson(new TextDecoder().decode(json.data), json.name);
  const parts = paths.map((path) => {
    const base = typeof path === 'string' ? path.split('/').pop() : ''; // nothing is fetched: only the name counts
    const file = source.files.find((f) => f.name === base);
    if (!file) throw AEError.of('weights-invalid', 'weights.fileMissing', { json: json.name, file: String(base) });
    return file.data;
  });
  return { specs, data: concat(parts), meta, from: json.name };
}

/** Reads weights and the spec they were saved with, checking the byte count. */
export async function loadArtifacts(source: WeightsSource): Promise<Artifacts> {
  const a = await readArtifacts(source);
  checkByteCount(a.data, a.specs, a.from);
  return a;
}

/** Assigns saved weights (or a PyTorch state_dict) to a model by layer name; a mismatch names the layer and shapes. */
export function assignWeights(ae: Autoencoder, a: Artifacts): void {
  const { data, specs } = a.torch ? torchWeights(ae, a.torch) : a;
  // tidy: a decode that fails halfway frees what it made.
  const named = tf.tidy(() => tf.io.decodeWeights(data, specs));
  try {
    const keys = Object.keys(named);
    const pairs: [tf.Variable, tf.Tensor][] = [];
    for (const v of new Set([...ae.full.weights, ...ae.decoder.weights])) {
      const name = v.originalName;
      const key = keys.find((k) => k === name) ?? keys.find((k) => k.endsWith(`/${name}`));
      if (!key) {
        throw AEError.of('weights-shape-mismatch', 'weights.layerMissing', { from: a.from, layer: name.split('/')[0], name, shape: v.shape, keys }, { layer: name, expected: v.shape });
      }
      const t = named[key];
      if (t.shape.join() !== v.shape.join()) {
        throw AEError.of('weights-shape-mismatch', 'weights.layerShape', { from: a.from, layer: name.split('/')[0], name, expected: v.shape, got: t.shape }, { layer: name, expected: v.shape, actual: t.shape });
      }
      if (!(t.dataSync() as Float32Array).every(Number.isFinite)) throw AEError.of('weights-invalid', 'weights.notFinite', { from: a.from, key }, { layer: name });
      pairs.push([v.read() as tf.Variable, t]);
    }
    for (const [variable, value] of pairs) variable.assign(value.dtype === 'float32' ? value : tf.cast(value, 'float32'));
  } finally {
    tf.dispose(Object.values(named));
  }
}

/**
 * The model as LayersModel files (model.json + one weights file), with its spec inside;
 * optionally with float16 or uint8 weights (half or a quarter of the bytes).
 */
export async function exportFiles(ae: Autoencoder, name: string, quantize?: Quantization): Promise<ModelFiles> {
  if (quantize !== undefined && !QUANTIZATIONS.includes(quantize)) throw AEError.of('input-invalid', 'error.exportQuantize', { known: QUANTIZATIONS, got: shown(quantize) });
  if (typeof name !== 'string' || !/^[^/\\\x00-\x1f]{1,100}$/.test(name)) throw AEError.of('input-invalid', 'error.exportName', { got: shown(name) });
  let out: ModelFiles | undefined;
  stampMeta(ae);
  await ae.full.save(
    tf.io.withSaveHandler(async (art) => {
      const weightsName = `${name}.weights.bin`;
      const raw = art.weightData ? concat(Array.isArray(art.weightData) ? art.weightData : [art.weightData]) : new ArrayBuffer(0);
      const { data: weights, specs } = quantize ? quantizeWeights(raw, art.weightSpecs ?? [], quantize) : { data: raw, specs: art.weightSpecs };
      const modelJson = JSON.stringify({
        format: art.format,
        generatedBy: art.generatedBy,
        convertedBy: art.convertedBy,
        modelTopology: art.modelTopology,
        userDefinedMetadata: art.userDefinedMetadata,
        weightsManifest: [{ paths: [`./${weightsName}`], weights: specs }],
      });
      out = { modelJson, weightsName, weights };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}

/** Saves to a tf.io URL the engine can reach itself (indexeddb://, localstorage://). */
export async function saveToUrl(ae: Autoencoder, url: string): Promise<void> {
  stampMeta(ae);
  try {
    await ae.full.save(url);
  } catch (e) {
    throw AEError.of('save-failed', 'error.saveFailed', { url, reason: said(e) }, { url });
  }
}
