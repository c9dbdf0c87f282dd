import { section } from '../../catalog.js';
import type { Said } from './words.js';

type Got = { got: string };
type Id = { id: string };
/** `call` names the store call: "train()". */
type Call = { call: string };

/** The store and configure(): their arguments, the page's engine, data sources. */
export const storeErrors = section({
  'error.storeId': ({ got }: Got) => `A model store needs an id: a preset (such as "mnist-ae-2d") or a name of your own; got ${got}.`,
  'error.storeDisposed': ({ id }: Id) => `Store "${id}" was disposed.`,
  'error.storeNotReady': ({ id }: Id) => `Store "${id}" is not ready; await store.ready() first.`,
  'error.storeBusy': ({ id }: Id) => `Store "${id}" is already training; pause, stop or wait for it first.`,
  'error.notPreset': ({ id }: Id) => `Store "${id}" is not a preset; use load() with a URL or files.`,
  'error.saveUrl': ({ got }: Got) => `save(): use "indexeddb://name" or "downloads://name"; got ${got}.`,
  'error.loadNotUrl': ({ got }: Got) => `load(): ${got} is not a URL.`,
  'error.loadSource': ({ got }: Got) =>
    `load() takes a model.json or .safetensors URL, "indexeddb://name", or as a FileList or File[] the model.json and its weights file or one .safetensors file; got ${got}.`,
  // Data sources
  'error.dataUnnamed': ({ bundled }: { bundled: readonly string[] }) => `A dataset must be named: ${bundled.join(', ')}, or the URL of a dataset file.`,
  'error.dataUnknown': ({ name, bundled }: { name: string; bundled: readonly string[] }) =>
    `Unknown dataset "${name}". Bundled: ${bundled.join(', ')}; otherwise give the URL of a dataset file (*.test.bin or *.bin).`,
  /** `what`: the data's URL or `error.dataCustom`; `by`: who named it (an element, a call, `error.byStore`, `error.byPreset`). */
  'error.dataConflict': ({ id, what, by, asker, source }: Id & { what: Said; by: Said; asker: string; source: string }) =>
    `Model "${id}" already uses ${what} (named by ${by}); ${asker} asks for ${source}. Elements that share a model must share its data: give them the same data, or another model id.`,
  'error.dataCustom': 'data given by setDataset()',
  'error.byStore': 'the store',
  'error.byPreset': ({ id }: Id) => `the preset "${id}"`,
  // Options of store calls
  'error.optionsType': ({ call, got }: Call & Got) => `${call} takes an object of options; got ${got}.`,
  'error.optionUnknown': ({ call, key, known }: Call & { key: string; known: readonly string[] }) => `${call}: unknown option "${key}". Known: ${known.join(', ')}.`,
  /** A learning rate (`rate`, at most `max`) or a count. */
  'error.trainOption': ({ key, rate, max, got }: Got & { key: string; rate: boolean; max: number }) =>
    `train(): "${key}" must be ${rate ? `a number above 0 and at most ${max} (1e-3 is a good start)` : 'a positive whole number'}; got ${got}.`,
  'error.optionSeed': ({ call, got }: Call & Got) => `${call}: "seed" must be a whole number >= 0; got ${got}.`,
  /** A spec rule broken by a call's option: `reason` as in `spec.field`. */
  'error.optionSpec': ({ call, field, reason }: Call & { field: string; reason: Said }) => `${call} "${field}" ${reason}`,
  'error.knnKMax': ({ call, max, got }: Call & Got & { max: number }) => `${call}: "k" must be a whole number from 1 to ${max}; got ${got}.`,
  // configure() and the engine's worker
  'error.configureType': ({ got }: Got) => `configure() takes an object of options; got ${got}.`,
  'error.configureUnknown': ({ key, known }: { key: string; known: readonly string[] }) => `configure(): unknown option "${key}". Known: ${known.join(', ')}.`,
  /** `rule`: one of `config.*`. */
  'error.configureValue': ({ key, rule, got }: Got & { key: string; rule: Said }) => `configure(): "${key}" must be ${rule}; got ${got}.`,
  'config.backend': ({ names }: { names: readonly string[] }) => `one of auto, ${names.join(', ')}`,
  'config.boolean': 'true or false',
  'config.folder': 'a URL (a directory)',
  'config.url': 'a URL',
  'config.threads': 'a whole number from 0 (all cores but one) to 64',
  'error.workerFailed': ({ reason }: { reason: string }) => `The engine worker failed: ${reason || 'unknown error'}.`,
  'error.workerStart': ({ reason }: { reason: string }) => `The engine worker could not start: ${reason || 'blocked or failed to load'}.`,
  'error.unsendable': ({ method, reason }: { method: string; reason: string }) => `An argument of ${method} cannot be sent to the engine: ${reason}`,
  'error.shutDown': 'The engine was shut down.',
});
