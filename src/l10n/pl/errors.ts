import type { Translation } from '../catalog.js';
import type { errors as en } from '../en/errors.js';
import { dataErrors } from './errors/data.js';
import { engineErrors } from './errors/engine.js';
import { specErrors } from './errors/spec.js';
import { storeErrors } from './errors/store.js';
import { torchErrors } from './errors/torch.js';
import { weightErrors } from './errors/weights.js';

export const errors: Translation<typeof en> = { ...specErrors, ...dataErrors, ...weightErrors, ...engineErrors, ...storeErrors, ...torchErrors };
