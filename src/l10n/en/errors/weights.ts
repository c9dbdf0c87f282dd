import type { SampleShape } from '../../../engine/sample.js';
import { section } from '../../catalog.js';
import { shapeWords, type Said } from './words.js';

type From = { from: string };
type Got = { got: string };
/** `name`: a weights entry of a model.json's manifest. */
type Entry = From & { name: string };

/** Saved models: model.json files, their weights, and whether they fit the store. */
export const weightErrors = section({
  // A model.json's manifest
  'weights.pathType': ({ from, got }: From & Got) => `${from} names a weights file ${got}; paths must be non-empty strings.`,
  'weights.pathOutside': ({ from, path, folder }: From & { path: string; folder: string }) =>
    `${from} names its weights at "${path}", outside the model's folder ${folder}. A model file may only name files in its own folder: copy the weights beside model.json.`,
  'weights.entryType': ({ from, got }: From & Got) => `${from}: a weights entry is ${got}, not an object.`,
  'weights.entryName': ({ from, got }: From & Got) => `${from}: a weights entry has the name ${got}; names must be non-empty strings.`,
  'weights.entryTwice': ({ from, name }: Entry) => `${from}: weights "${name}" appear twice in the manifest.`,
  'weights.entryShape': ({ from, name, got }: Entry & Got) => `${from}: weights "${name}" have the shape ${got}; a shape is a list of whole numbers >= 0.`,
  'weights.entryTooBig': ({ from, name, got }: Entry & Got) => `${from}: weights "${name}" declare ${got}: more values than any model this library builds.`,
  'weights.entryDtype': ({ from, name, got }: Entry & Got) =>
    `${from}: weights "${name}" are declared ${got}, but every weight of these models is float32 (stored as float32, or quantised with "quantization"). Reading the bytes as ${got} would load garbage.`,
  'weights.entryQuantization': ({ from, name, got, known }: Entry & Got & { known: readonly string[] }) => `${from}: weights "${name}" have the quantization ${got}; known: ${known.join(', ')}.`,
  'weights.entryScale': ({ from, name, dtype, scale, min }: Entry & { dtype: string; scale: string; min: string }) =>
    `${from}: weights "${name}" are quantised to ${dtype} but have scale ${scale} and min ${min}; both must be finite numbers, scale >= 0.`,
  'weights.noManifest': ({ from }: From) => `${from} has no "weightsManifest" list: it is not a TF.js LayersModel model.json.`,
  'weights.group': ({ from, got }: From & Got) => `${from}: each "weightsManifest" group needs "paths" and "weights" lists; got ${got}.`,
  'weights.byteCount': ({ from, bytes, expected }: From & { bytes: number; expected: number }) =>
    `The weights of ${from} ${bytes < expected ? 'are truncated' : 'are longer than their manifest says (they belong to another model.json?)'}: ${bytes} bytes where the manifest describes ${expected}. Re-download or re-save the model.`,
  // Reading the files
  'weights.notJson': ({ from, html }: From & { html: boolean }) => `${from} is not a model.json${html ? ' (the server sent an HTML page: is the path right?)' : ' (it is not valid JSON)'}.`,
  'weights.notObject': ({ from, got }: From & Got) => `${from} is not a model.json (it holds ${got}).`,
  'weights.fetch': ({ url, reason }: { url: string; reason: Said }) => `Could not fetch ${url}: ${reason}.`,
  'weights.fetchStatus': ({ url, status }: { url: string; status: number }) => `Could not fetch ${url}: HTTP ${status}${status === 404 ? ' (not found)' : ''}.`,
  'weights.loadFailed': ({ url, reason }: { url: string; reason: Said }) => `Could not load ${url}: ${reason}`,
  'weights.source': ({ got }: Got) => `Weights come from a URL, indexeddb:// or files; got ${got}.`,
  'weights.safetensorsMany': ({ names }: { names: string[] }) => `Select one .safetensors file; got ${names.join(', ')} (sharded checkpoints are not read).`,
  'weights.noModelJson': ({ names }: { names: string[] }) => `No model.json among the files (${names.join(', ') || 'none'}).`,
  'weights.fileMissing': ({ json, file }: { json: string; file: string }) => `${json} needs the weights file "${file}"; select it together with the model.json.`,
  // Assigning them to the model
  'weights.layerMissing': ({ from, layer, name, shape, keys }: From & { layer: string; name: string; shape: (number | null)[]; keys: string[] }) =>
    `${from} has no weights for layer "${layer}" (${name}, shape [${shape}]). Its weights are: ${keys.join(', ')}.`,
  'weights.layerShape': ({ from, layer, name, expected, got }: From & { layer: string; name: string; expected: (number | null)[]; got: number[] }) =>
    `Layer "${layer}" expects ${name} of shape [${expected}] but ${from} has [${got}]. The file was saved from a different architecture.`,
  'weights.notFinite': ({ from, key }: From & { key: string }) => `${from}: weights "${key}" hold NaN or infinite values; the model that saved them had diverged.`,
  // Whether the saved model fits this store
  'weights.savedShape': ({ from, saved, shape }: From & { saved: SampleShape; shape: SampleShape }) =>
    `${from} was trained on ${shapeWords(saved)} samples; this store's data holds ${shapeWords(shape)} samples. Load it into a store with matching data.`,
  'weights.savedScaling': ({ from, standardised }: From & { standardised: boolean }) =>
    `${from} was trained on data ${standardised ? 'standardised by other column means and deviations' : 'that was not standardised'} than this store's data. Load it into a store with the data it was trained on.`,
  'weights.savedSpec': ({ from, reason }: From & { reason: Said }) => `${from} records a model spec this library cannot build: ${reason}`,
  'weights.sampleKind': ({ from, got, known }: From & Got & { known: readonly string[] }) => `${from} records samples of kind ${got}; known: ${known.join(', ')}.`,
  'weights.scaling': ({ from }: From) => `${from} records a standardisation that is not two equal lists of finite numbers (std > 0).`,
  'weights.dataChanged': ({ loaded, data }: { loaded: SampleShape; data: SampleShape }) =>
    `The loaded model takes ${shapeWords(loaded)} samples, but the store's data changed to ${shapeWords(data)} samples meanwhile.`,
  'weights.presetMissing': ({ id, url }: { id: string; url: string }) => `No pretrained weights for preset "${id}" at ${url}. The model is freshly initialised: train it, or load weights.`,
});
