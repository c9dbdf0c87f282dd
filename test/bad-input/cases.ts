import { configure, getModelStore, type AEErrorCode, type ModelFiles, type ModelStore } from '../../src/index.js';
import { concatBuffers, firstEntry, foreignOrigin, images, N, put, serveModel, SIDE, spoilWeights, tinyData, withValue, type Manifest } from './fixtures.js';

/** One bad input: what to do, the code it must get, and words the message must hold. */
export interface BadCase {
  group: 'tensors' | 'specs' | 'datasets' | 'weights' | 'options';
  name: string;
  code: AEErrorCode;
  message: RegExp;
  /** false: a page-wide call (configure, getModelStore) that no store reports. */
  viaStore?: false;
  run(ctx: { s: ModelStore; files: ModelFiles }): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const any = (v: unknown) => v as any;
const size = SIDE * SIDE;
const data = tinyData();

const tensors: BadCase[] = [
  { group: 'tensors', name: 'encode: NaN in a sample', code: 'input-invalid', message: /encode\(\): value 70 \(item 1.*is NaN/, run: ({ s }) => s.encode(withValue(images(2), 70, NaN), 2) },
  { group: 'tensors', name: 'encode: Infinity', code: 'input-invalid', message: /is Infinity; values must be finite and from 0 to 1/, run: ({ s }) => s.encode(withValue(images(1), 3, Infinity), 1) },
  { group: 'tensors', name: 'encode: a pixel above 1', code: 'input-invalid', message: /is 1\.5; values must be finite and from 0 to 1/, run: ({ s }) => s.encode(withValue(images(1), 0, 1.5), 1) },
  { group: 'tensors', name: 'encode: a negative pixel', code: 'input-invalid', message: /is -0\.25/, run: ({ s }) => s.encode(withValue(images(1), 9, -0.25), 1) },
  { group: 'tensors', name: 'encode: wrong length', code: 'input-invalid', message: /expected 2 samples, each a 8x8x1 image \(128 values\), but got 100/, run: ({ s }) => s.encode(new Float32Array(100), 2) },
  { group: 'tensors', name: 'encode: a plain array', code: 'input-invalid', message: /samples must be a Float32Array; got \[/, run: ({ s }) => s.encode(any(Array.from(images(1))), 1) },
  { group: 'tensors', name: 'encode: a fractional count', code: 'input-invalid', message: /count n must be a whole number >= 0; got 1\.5/, run: ({ s }) => s.encode(images(1), 1.5) },
  { group: 'tensors', name: 'encode: a function instead of samples', code: 'input-invalid', message: /cannot be sent to the engine|must be a Float32Array/, run: ({ s }) => s.encode(any(() => 1), 1) },
  { group: 'tensors', name: 'decode: NaN in a code', code: 'input-invalid', message: /decode\(\): value 1 .* is NaN; values must be finite numbers/, run: ({ s }) => s.decode(new Float32Array([0, NaN]), 1) },
  { group: 'tensors', name: 'decode: -Infinity', code: 'input-invalid', message: /is -Infinity/, run: ({ s }) => s.decode(new Float32Array([-Infinity, 0, 0, 0]), 2) },
  { group: 'tensors', name: 'decode: wrong length', code: 'input-invalid', message: /expected 3 codes, each 2 numbers \(6 values\), but got 5/, run: ({ s }) => s.decode(new Float32Array(5), 3) },
  { group: 'tensors', name: 'reconstruct: NaN', code: 'input-invalid', message: /reconstruct\(\): value 0 .* is NaN/, run: ({ s }) => s.reconstruct(withValue(images(1), 0, NaN), 1) },
  { group: 'tensors', name: 'corrupt: NaN in a sample', code: 'input-invalid', message: /corrupt\(\): value 5 .* is NaN/, run: ({ s }) => s.corrupt(withValue(images(1), 5, NaN), 1, { noiseType: 'gaussian', noise: 0.3 }) },
  { group: 'tensors', name: 'corrupt: an unknown noise type', code: 'input-invalid', message: /corrupt\(\).*noiseType.*"static"/, run: ({ s }) => s.corrupt(images(1), 1, { noiseType: any('static'), noise: 0.3 }) },
  { group: 'tensors', name: 'corrupt: a NaN amount says NaN', code: 'input-invalid', message: /got NaN/, run: ({ s }) => s.corrupt(images(1), 1, { noiseType: 'gaussian', noise: NaN }) },
  { group: 'tensors', name: 'corrupt: a negative seed', code: 'input-invalid', message: /"seed" must be a whole number >= 0; got -1/, run: ({ s }) => s.corrupt(images(1), 1, { noiseType: 'gaussian', noise: 0.3, seed: -1 }) },
  { group: 'tensors', name: 'classify: NaN', code: 'input-invalid', message: /classify\(\): value 2 .* is NaN/, run: ({ s }) => s.classify(withValue(images(1), 2, NaN), 1) },
  { group: 'tensors', name: 'evaluateDenoising: an amount out of range', code: 'input-invalid', message: /evaluateDenoising\(\).*noise.*99/, run: ({ s }) => s.evaluateDenoising({ noiseType: 'gaussian', noise: 99 }) },
  { group: 'tensors', name: 'codes: an unknown split', code: 'input-invalid', message: /Unknown split "everything"/, run: ({ s }) => s.codes(any('everything')) },
  { group: 'tensors', name: 'pcaCodes: zero components', code: 'input-invalid', message: /PCA components must be an integer from 1 to 64; got 0/, run: ({ s }) => s.pcaCodes(0, 'test') },
];

const specs: BadCase[] = [
  { group: 'specs', name: 'latentDim 0', code: 'spec-invalid', message: /latentDim.*got 0/, run: ({ s }) => s.setSpec({ latentDim: 0 }) },
  { group: 'specs', name: 'latentDim NaN says NaN', code: 'spec-invalid', message: /latentDim.*got NaN/, run: ({ s }) => s.setSpec({ latentDim: NaN }) },
  { group: 'specs', name: 'an unknown kind', code: 'spec-invalid', message: /kind.*"gan"/, run: ({ s }) => s.setSpec({ kind: any('gan') }) },
  { group: 'specs', name: 'a negative layer width', code: 'spec-invalid', message: /"hidden\[0\]" must be a whole number from 1 to \d+; got -5/, run: ({ s }) => s.setSpec({ hidden: [-5] }) },
  { group: 'specs', name: 'an unknown activation', code: 'spec-invalid', message: /activation.*"swish"/, run: ({ s }) => s.setSpec({ activation: any('swish') }) },
];

const datasets: BadCase[] = [
  { group: 'datasets', name: 'a label above 255', code: 'dataset-invalid', message: /label 3 is 300; labels must be whole numbers from 0 to 255/, run: ({ s }) => s.setDataset({ ...data, labels: Array.from({ length: N }, (_, i) => (i === 3 ? 300 : 0)) }) },
  { group: 'datasets', name: 'a negative label', code: 'dataset-invalid', message: /label 0 is -1/, run: ({ s }) => s.setDataset({ ...data, labels: Array.from({ length: N }, (_, i) => (i === 0 ? -1 : 0)) }) },
  { group: 'datasets', name: 'a fractional label', code: 'dataset-invalid', message: /label 1 is 1\.5/, run: ({ s }) => s.setDataset({ ...data, labels: Array.from({ length: N }, (_, i) => (i === 1 ? 1.5 : 0)) }) },
  { group: 'datasets', name: 'a repeated train index', code: 'dataset-invalid', message: /"trainIndices" holds sample 4 twice/, run: ({ s }) => s.setDataset({ ...data, trainIndices: [4, 4, 5], testIndices: [6] }) },
  { group: 'datasets', name: 'train and test share a sample', code: 'dataset-invalid', message: /Sample 5 is in both trainIndices and testIndices/, run: ({ s }) => s.setDataset({ ...data, trainIndices: [4, 5], testIndices: [5, 6] }) },
  { group: 'datasets', name: 'a fractional index', code: 'dataset-invalid', message: /"testIndices"\[0\] is 2\.5; indices must be whole numbers from 0 to 39/, run: ({ s }) => s.setDataset({ ...data, trainIndices: [0, 1], testIndices: [2.5] }) },
  { group: 'datasets', name: 'an index past the data', code: 'dataset-invalid', message: /is 40; indices must be whole numbers from 0 to 39/, run: ({ s }) => s.setDataset({ ...data, trainIndices: [0, 40], testIndices: [2] }) },
  { group: 'datasets', name: 'one split without the other', code: 'dataset-invalid', message: /"testIndices" must be given/, run: ({ s }) => s.setDataset({ ...data, trainIndices: [0, 1] }) },
  { group: 'datasets', name: 'too small to test on', code: 'dataset-invalid', message: /splits into 2 train and 0 test samples; a model needs at least 2 to train on and 1 to test on/, run: ({ s }) => s.setDataset({ ...data, images: (data.images as Float32Array).slice(0, 2 * size), labels: undefined, n: 2 }) },
  { group: 'datasets', name: 'a NaN pixel', code: 'dataset-invalid', message: /value 65 \(sample 1\) is NaN; pixels must be 0\.\.1/, run: ({ s }) => s.setDataset({ ...data, images: withValue(data.images as Float32Array, 65, NaN) }) },
  { group: 'datasets', name: 'a pixel of 2 in a Float32Array', code: 'dataset-invalid', message: /is 2; pixels must be 0\.\.1 \(or 0\.\.255 in a Uint8Array\)/, run: ({ s }) => s.setDataset({ ...data, images: withValue(data.images as Float32Array, 0, 2) }) },
  { group: 'datasets', name: 'Infinity in a vector', code: 'dataset-invalid', message: /is Infinity; vectors must hold finite numbers/, run: ({ s }) => s.setDataset({ images: withValue(new Float32Array(N * 5), 7, Infinity), n: N, sample: 'vector', length: 5 }) },
  { group: 'datasets', name: 'images too small', code: 'dataset-invalid', message: /Image height must be a whole number from 8 to 128; got 4/, run: ({ s }) => s.setDataset({ images: new Float32Array(N * 16), n: N, height: 4, width: 4 }) },
  { group: 'datasets', name: 'two channels', code: 'dataset-invalid', message: /1 channel \(grey\) or 3 \(colour\); got 2/, run: ({ s }) => s.setDataset({ ...data, images: new Float32Array(N * size * 2), channels: 2 }) },
  { group: 'datasets', name: 'class names that miss a label', code: 'dataset-invalid', message: /label 1 occurs but only 1 class names are given/, run: ({ s }) => s.setDataset({ ...data, classNames: ['left'] }) },
  { group: 'datasets', name: 'an unknown sample kind', code: 'dataset-invalid', message: /"sample" must be one of image, vector; got "table"/, run: ({ s }) => s.setDataset({ ...data, sample: any('table') }) },
  { group: 'datasets', name: 'training on a class that is not there', code: 'dataset-invalid', message: /"trainLabels" names 7, which is not a class of this data: labels are numbers that occur in the data/, run: ({ s }) => s.setDataset({ ...data, trainLabels: [7] }) },
  { group: 'datasets', name: 'training on an unknown class name', code: 'dataset-invalid', message: /"trainLabels" names "middle".*the classes are "left", "right"/, run: ({ s }) => s.setDataset({ ...data, classNames: ['left', 'right'], trainLabels: ['middle'] }) },
  { group: 'datasets', name: 'no dataset at all', code: 'dataset-invalid', message: /Dataset must be an object/, run: ({ s }) => s.setDataset(any(null)) },
  { group: 'datasets', name: 'a count that is NaN', code: 'dataset-invalid', message: /"n" must be a positive whole number; got NaN/, run: ({ s }) => s.setDataset({ ...data, n: NaN }) },
];

const entry = (edit: (e: Manifest['weightsManifest'][0]['weights'][0], json: Manifest) => void) => (json: Manifest) => edit(firstEntry(json), json);

const weights: BadCase[] = [
  { group: 'weights', name: 'a model.json that is not JSON', code: 'weights-invalid', message: /is not a model\.json \(it is not valid JSON\)/, run: async ({ s }) => s.load(await put(`nojson-${Math.random()}/model.json`, '{"weightsManifest": [', 'application/json')) },
  { group: 'weights', name: 'an HTML page as model.json', code: 'weights-invalid', message: /the server sent an HTML page/, run: async ({ s }) => s.load(await put(`html-${Math.random()}/model.json`, '<!doctype html><p>Not found</p>', 'text/html')) },
  { group: 'weights', name: 'weights on another origin', code: 'weights-invalid', message: /outside the model's folder/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.weightsManifest[0].paths = [`${foreignOrigin()}/__files/stolen.bin`]))) },
  { group: 'weights', name: 'weights above the model folder', code: 'weights-invalid', message: /names its weights at "\.\.\/secret\.bin", outside the model's folder/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.weightsManifest[0].paths = ['../secret.bin']))) },
  { group: 'weights', name: 'an encoded climb out of the folder', code: 'weights-invalid', message: /outside the model's folder/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.weightsManifest[0].paths = ['%2e%2e/%2e%2e/x.bin']))) },
  { group: 'weights', name: 'a protocol-relative weights URL', code: 'weights-invalid', message: /outside the model's folder/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.weightsManifest[0].paths = [`//localhost:${location.port}/__files/x.bin`]))) },
  { group: 'weights', name: 'int32 declared over float bytes', code: 'weights-invalid', message: /are declared "int32", but every weight of these models is float32/, run: async ({ s, files }) => s.load(await serveModel(files, entry((e) => (e.dtype = 'int32')))) },
  { group: 'weights', name: 'an unknown dtype', code: 'weights-invalid', message: /are declared "float64"/, run: async ({ s, files }) => s.load(await serveModel(files, entry((e) => (e.dtype = 'float64')))) },
  { group: 'weights', name: 'an unknown quantization', code: 'weights-invalid', message: /quantization "int4"; known: float16, uint16, uint8/, run: async ({ s, files }) => s.load(await serveModel(files, entry((e) => (e.quantization = { dtype: 'int4' })))) },
  { group: 'weights', name: 'uint8 without a scale', code: 'weights-invalid', message: /quantised to uint8 but have scale undefined/, run: async ({ s, files }) => s.load(await serveModel(files, entry((e) => (e.quantization = { dtype: 'uint8', min: 0 })))) },
  { group: 'weights', name: 'a negative shape', code: 'weights-invalid', message: /have the shape \[64, -200\]; a shape is a list of whole numbers >= 0/, run: async ({ s, files }) => s.load(await serveModel(files, entry((e) => (e.shape = [64, -200])))) },
  { group: 'weights', name: 'a shard longer than its manifest', code: 'weights-invalid', message: /are longer than their manifest says/, run: async ({ s, files }) => s.load(await serveModel(files, undefined, concatBuffers(files.weights, new ArrayBuffer(16)))) },
  { group: 'weights', name: 'a truncated shard', code: 'weights-invalid', message: /are truncated: \d+ bytes where the manifest describes/, run: async ({ s, files }) => s.load(await serveModel(files, undefined, files.weights.slice(0, 1000))) },
  { group: 'weights', name: 'NaN among the weights', code: 'weights-invalid', message: /hold NaN or infinite values/, run: async ({ s, files }) => s.load(await serveModel(files, undefined, spoilWeights(files.weights, 10, NaN))) },
  { group: 'weights', name: 'a layer that is missing', code: 'weights-shape-mismatch', message: /has no weights for layer/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.weightsManifest[0].weights[0].name = 'renamed/kernel'))) },
  { group: 'weights', name: 'a weights file that is not there', code: 'weights-fetch-failed', message: /HTTP 404 \(not found\)/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.weightsManifest[0].paths = ['./elsewhere.bin']))) },
  { group: 'weights', name: 'a saved spec that cannot be built', code: 'weights-invalid', message: /records a model spec this library cannot build: .*latentDim/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.userDefinedMetadata!.autoencoderWidgets.spec.latentDim = -1))) },
  { group: 'weights', name: 'a model saved for other samples', code: 'weights-shape-mismatch', message: /was trained on 28x28x3 image samples; this store's data holds 8x8x1 image samples/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.userDefinedMetadata!.autoencoderWidgets.shape = { kind: 'image', height: 28, width: 28, channels: 3 }))) },
  { group: 'weights', name: 'an unknown sample kind in the file', code: 'weights-invalid', message: /records samples of kind "audio"/, run: async ({ s, files }) => s.load(await serveModel(files, (j) => (j.userDefinedMetadata!.autoencoderWidgets.shape = { kind: 'audio' }))) },
  { group: 'weights', name: 'files without a model.json', code: 'weights-invalid', message: /No model\.json among the files \(w\.bin\)/, run: ({ s }) => s.load([new File([new ArrayBuffer(8)], 'w.bin')]) },
  { group: 'weights', name: 'load(null)', code: 'input-invalid', message: /load\(\) takes a model\.json or \.safetensors URL.*; got null/, run: ({ s }) => s.load(any(null)) },
  { group: 'weights', name: 'load of an empty string', code: 'input-invalid', message: /load\(\) takes a model\.json or \.safetensors URL.*; got ""/, run: ({ s }) => s.load('') },
  { group: 'weights', name: 'load of a number', code: 'input-invalid', message: /got 42/, run: ({ s }) => s.load(any(42)) },
];

const options: BadCase[] = [
  { group: 'options', name: 'exportFiles with an unknown quantisation', code: 'input-invalid', message: /quantize must be one of float16, uint8.*; got "int4"/, run: ({ s }) => s.exportFiles('x', { quantize: any('int4') }) },
  { group: 'options', name: 'a learning rate of 1e6', code: 'input-invalid', message: /"learningRate" must be a number above 0 and at most 1.*got 1000000/, run: ({ s }) => s.train({ learningRate: 1e6 }) },
  { group: 'options', name: 'zero epochs', code: 'input-invalid', message: /"epochs" must be a positive whole number; got 0/, run: ({ s }) => s.train({ epochs: 0 }) },
  { group: 'options', name: 'a misspelt train option', code: 'input-invalid', message: /unknown option "epoch"/, run: ({ s }) => s.train(any({ epoch: 3 })) },
  { group: 'options', name: 'save to an unknown scheme', code: 'input-invalid', message: /save\(\): use "indexeddb:\/\/name" or "downloads:\/\/name"; got "ftp:\/\/x"/, run: ({ s }) => s.save('ftp://x') },
  { group: 'options', name: 'configure an unknown backend', code: 'input-invalid', message: /"backend" must be one of auto, webgpu, webgl, wasm, cpu; got "tpu"/, viaStore: false, run: () => configure({ backend: any('tpu') }) },
  { group: 'options', name: 'configure negative wasm threads', code: 'input-invalid', message: /"wasmThreads" must be a whole number.*got -1/, viaStore: false, run: () => configure({ wasmThreads: -1 }) },
  { group: 'options', name: 'a store without an id', code: 'input-invalid', message: /A model store needs an id.*got ""/, viaStore: false, run: () => getModelStore('') },
  { group: 'options', name: 'configure an unknown option', code: 'input-invalid', message: /unknown option "threads"/, viaStore: false, run: () => configure(any({ threads: 2 })) },
];

export const BAD_CASES: readonly BadCase[] = [...tensors, ...specs, ...datasets, ...weights, ...options];
