import type { SampleShape } from '../../../engine/sample.js';
import { section } from '../../catalog.js';
import { shapeWords, type Said } from './words.js';

type Got = { got: string };
/** `call` names the operation: "knnQuery()". */
type Call = { call: string };
/** What a flat input holds. */
type What = { what: 'samples' | 'codes' };

/** The engine's calls: their arguments, what they need loaded, and training. */
export const engineErrors = section({
  'error.noMethod': ({ got }: Got) => `The engine has no operation ${got}.`,
  'error.argsList': ({ method }: { method: string }) => `The engine's ${method} takes a list of arguments.`,
  'error.noSessionOp': ({ got }: Got) => `Models have no operation ${got}.`,
  'error.noDataset': ({ key }: { key: string }) => `Dataset "${key}" has not been loaded into the engine.`,
  'error.notOpen': ({ id }: { id: string }) => `Model "${id}" is not open.`,
  'error.busy': 'This model is already training; pause, stop or wait for it first.',
  'error.noTrainImages': ({ name }: { name: string }) => `Dataset "${name}" has no train images loaded here; the store loads them before training.`,
  'error.staged': ({ token }: { token: string }) => `No loaded weights are waiting under ${token}; call stageWeights first.`,
  /** `kind` names the model kind, whose `title` this is in English. */
  'error.noPrior': ({ title }: { kind: string; title: string }) => `A ${title} autoencoder has no prior to draw codes from; its codes follow the data.`,
  'error.priorCount': ({ got }: Got) => `samplePrior(): n must be a whole number from 0 to 1000000; got ${got}.`,
  'error.priorSeed': ({ got }: Got) => `samplePrior(): seed must be a whole number >= 0; got ${got}.`,
  'error.split': ({ got }: Got) => `Unknown split ${got}. Use train, test or all.`,
  'error.pcaTrain': ({ k, name }: { k: number; name: string }) => `A ${k}-component PCA needs the train images of "${name}", which are not loaded here.`,
  'error.pcaSize': ({ max, got }: { max: number; got: number }) => `PCA components must be an integer from 1 to ${max}; got ${got}.`,
  'error.classifyLabels': 'classify() needs a dataset with labels.',
  'error.knnSpace': ({ call, spaces, got }: Call & Got & { spaces: readonly string[] }) => `${call}: "space" must be one of ${spaces.join(', ')}; got ${got}.`,
  'error.knnK': ({ call, got }: Call & Got) => `${call}: "k" must be a whole number of 1 or more; got ${got}.`,
  'error.knnLabels': ({ call, name }: Call & { name: string }) => `${call} needs a dataset with labels; "${name}" has none.`,
  'error.knnTrain': ({ call, name }: Call & { name: string }) => `${call} needs the train images of "${name}", which are not loaded here.`,
  'error.grayscale': ({ channels }: { channels: number }) => `Grayscale needs colour images (3 channels); these samples have ${channels}.`,
  // Flat inputs: samples to encode, codes to decode
  'error.inputType': ({ call, what, got }: Call & What & Got) => `${call}: ${what} must be a Float32Array; got ${got}.`,
  'error.inputCount': ({ call, got }: Call & Got) => `${call}: the count n must be a whole number >= 0; got ${got}.`,
  /** Samples of `shape`, or codes of `dim` numbers. */
  'error.inputSize': ({ call, what, n, shape, dim, expected, got }: Call & What & { n: number; shape?: SampleShape; dim?: number; expected: number; got: number }) =>
    `${call}: expected ${n} ${what}, each ${shape ? `a ${shapeWords(shape)}` : `${dim} numbers`} (${expected} values), but got ${got} values.`,
  /** `range`: the inclusive bounds, if the values have them. */
  'error.inputValue': ({ call, what, index, item, got, range }: Call & What & Got & { index: number; item: number; range?: readonly [number, number] }) =>
    `${call}: value ${index} (item ${item} of the ${what}) is ${got}; ${range ? `values must be finite and from ${range[0]} to ${range[1]}` : 'values must be finite numbers'}.`,
  // Backends and training
  'error.backendForced': ({ backend, why }: { backend: string; why: string }) => `The ${backend} backend is unavailable here (${why}). Use backend 'auto' to fall back.`,
  'error.noBackend': ({ why }: { why: string }) => `No TensorFlow.js backend could start (${why}).`,
  'error.convBackend': ({ backend, missing }: { backend: string; missing: string[] }) =>
    `Convolutional models cannot train on the ${backend} backend (it lacks ${missing.join(', ')}). Choose another with configure({ backend }).`,
  /** `term`: the loss series that diverged, when not the loss itself. */
  'error.diverged': ({ term, value, step, rate }: { term?: string; value: string; step: number; rate: number }) =>
    `Training diverged: ${term ? `the ${term} loss` : 'the loss'} became ${value} at step ${step} (learning rate ${rate}). The weights are no longer usable: reset the model, then train with a smaller learning rate.`,
  'error.exportQuantize': ({ known, got }: Got & { known: readonly string[] }) => `exportFiles(): quantize must be one of ${known.join(', ')} (or left out for float32); got ${got}.`,
  'error.exportName': ({ got }: Got) => `exportFiles(): the name must be 1 to 100 characters without slashes (it names the files); got ${got}.`,
  'error.saveFailed': ({ url, reason }: { url: string; reason: Said }) => `Could not save to ${url}: ${reason}`,
});
