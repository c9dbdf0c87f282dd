import { defaultModelSuite } from './default-model.js';

defaultModelSuite('webgl');
