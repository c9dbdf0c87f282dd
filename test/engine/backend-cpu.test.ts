import { defaultModelSuite } from './default-model.js';

defaultModelSuite('cpu');
