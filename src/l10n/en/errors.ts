import { dataErrors } from './errors/data.js';
import { engineErrors } from './errors/engine.js';
import { specErrors } from './errors/spec.js';
import { storeErrors } from './errors/store.js';
import { torchErrors } from './errors/torch.js';
import { weightErrors } from './errors/weights.js';

/** Messages of the engine's and the store's errors (AEError.of), by area. */
export const errors = { ...specErrors, ...dataErrors, ...weightErrors, ...engineErrors, ...storeErrors, ...torchErrors };
