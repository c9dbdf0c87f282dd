import * as tf from '@tensorflow/tfjs-core';
import { AEError } from './errors.js';
import type { Autoencoder } from './model.js';
import type { ModelSpec } from './spec.js';
import type { SampleShape } from './sample.js';
import type { ModelFiles, WeightsSource } from './types.js';
import { quantizeWeights, type Quantization } from './quantize.js';

/** Key under userDefinedMetadata where a saved model records its spec. */
export const META_KEY = 'autoencoderWidgets';

export interface SavedMeta {
  spec: ModelSpec;
  /** What the model was built for (files from before sample kinds hold height, width and channels alone). */
  shape: SampleShape;
}

/** Records the spec and sample shape inside model.json, so a load rebuilds the same model. */
const stampMeta = (ae: Autoencoder) => ae.full.setUserDefinedMetadata({ [META_KEY]: { spec: ae.spec, shape: ae.shape } satisfies SavedMeta });

interface Artifacts {
  specs: tf.io.WeightsManifestEntry[];
  data: ArrayBuffer;
  meta?: SavedMeta;
  from: string;
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

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

function specBytes(s: tf.io.WeightsManifestEntry): number {
  const count = s.shape.reduce((a, b) => a * b, 1);
  const dtype = s.quantization?.dtype ?? s.dtype;
  return count * (BYTES[dtype] ?? 4);
}

/** Checks a model.json's shape; the message says what was found instead. */
function parseModelJson(text: string, from: string): { manifest: tf.io.WeightsManifestConfig; meta?: SavedMeta } {
  let json: { weightsManifest?: tf.io.WeightsManifestConfig; userDefinedMetadata?: Record<string, unknown> };
  try {
    json = JSON.parse(text);
  } catch {
    const looksHtml = /^\s*</.test(text);
    throw new AEError('weights-invalid', `${from} is not a model.json${looksHtml ? ' (the server sent an HTML page: is the path right?)' : ' (it is not valid JSON)'}.`);
  }
  if (!json || !Array.isArray(json.weightsManifest)) {
    throw new AEError('weights-invalid', `${from} has no "weightsManifest": it is not a TF.js LayersModel model.json.`);
  }
  return { manifest: json.weightsManifest, meta: json.userDefinedMetadata?.[META_KEY] as SavedMeta | undefined };
}

async function fetchOk(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new AEError('weights-fetch-failed', `Could not fetch ${url}: ${(e as Error).message}.`, { url });
  }
  if (!res.ok) throw new AEError('weights-fetch-failed', `Could not fetch ${url}: HTTP ${res.status}${res.status === 404 ? ' (not found)' : ''}.`, { url, status: res.status });
  return res;
}

async function readArtifacts(source: WeightsSource): Promise<Artifacts> {
  if (source.kind === 'indexeddb') {
    const handler = tf.io.getLoadHandlers(source.url)[0];
    let a: tf.io.ModelArtifacts;
    try {
      a = await handler.load!();
    } catch (e) {
      throw new AEError('weights-fetch-failed', `Could not load ${source.url}: ${(e as Error).message}`, { url: source.url });
    }
    const data = a.weightData ? concat(Array.isArray(a.weightData) ? a.weightData : [a.weightData]) : new ArrayBuffer(0);
    return { specs: a.weightSpecs ?? [], data, meta: a.userDefinedMetadata?.[META_KEY] as SavedMeta | undefined, from: source.url };
  }
  if (source.kind === 'url') {
    const text = await (await fetchOk(source.url)).text();
    const { manifest, meta } = parseModelJson(text, source.url);
    const parts: ArrayBuffer[] = [];
    for (const group of manifest) {
      for (const path of group.paths) parts.push(await (await fetchOk(new URL(path, new URL(source.url, location.href)).href)).arrayBuffer());
    }
    return { specs: manifest.flatMap((g) => g.weights), data: concat(parts), meta, from: source.url };
  }
  const json = source.files.find((f) => f.name.endsWith('.json'));
  if (!json) throw new AEError('weights-invalid', `No model.json among the files (${source.files.map((f) => f.name).join(', ') || 'none'}).`);
  const { manifest, meta } = parseModelJson(new TextDecoder().decode(json.data), json.name);
  const parts = manifest.flatMap((g) =>
    g.paths.map((path) => {
      const base = path.split('/').pop();
      const file = source.files.find((f) => f.name === base);
      if (!file) throw new AEError('weights-invalid', `${json.name} needs the weights file "${base}"; select it together with the model.json.`);
      return file.data;
    }),
  );
  return { specs: manifest.flatMap((g) => g.weights), data: concat(parts), meta, from: json.name };
}

/** Reads weights and the spec they were saved with, checking the byte count. */
export async function loadArtifacts(source: WeightsSource): Promise<Artifacts> {
  const a = await readArtifacts(source);
  const expected = a.specs.reduce((s, w) => s + specBytes(w), 0);
  if (a.data.byteLength < expected) {
    throw new AEError('weights-invalid', `The weights of ${a.from} are truncated: ${a.data.byteLength} bytes where the manifest describes ${expected}. Re-download or re-save the model.`, { expected, actual: a.data.byteLength });
  }
  return a;
}

/** Assigns saved weights to a model by layer name; a mismatch names the layer and shapes. */
export function assignWeights(ae: Autoencoder, a: Artifacts): void {
  const named = tf.io.decodeWeights(a.data, a.specs);
  try {
    const keys = Object.keys(named);
    const pairs: [tf.Variable, tf.Tensor][] = [];
    for (const v of new Set([...ae.full.weights, ...ae.decoder.weights])) {
      const name = v.originalName;
      const key = keys.find((k) => k === name) ?? keys.find((k) => k.endsWith(`/${name}`));
      if (!key) {
        throw new AEError('weights-shape-mismatch', `${a.from} has no weights for layer "${name.split('/')[0]}" (${name}, shape [${v.shape}]). Its weights are: ${keys.join(', ')}.`, { layer: name, expected: v.shape });
      }
      const t = named[key];
      if (t.shape.join() !== v.shape.join()) {
        throw new AEError('weights-shape-mismatch', `Layer "${name.split('/')[0]}" expects ${name} of shape [${v.shape}] but ${a.from} has [${t.shape}]. The file was saved from a different architecture.`, { layer: name, expected: v.shape, actual: t.shape });
      }
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
    throw new AEError('save-failed', `Could not save to ${url}: ${(e as Error).message}`, { url });
  }
}
