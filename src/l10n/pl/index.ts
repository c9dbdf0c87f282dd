import { anomaly } from './anomaly.js';
import { attributes } from './attributes.js';
import { classifier } from './classifier.js';
import { common } from './common.js';
import { dataSource } from './data-source.js';
import { denoise } from './denoise.js';
import { draw } from './draw.js';
import { errors } from './errors.js';
import { grid } from './grid.js';
import { kinds } from './kinds.js';
import { presets, terms } from './names.js';
import { scatter } from './scatter.js';
import { trainer } from './trainer.js';
import { walk } from './walk.js';

/** Polish, in the terms of Polish machine-learning lectures (enkoder, dekoder, przestrzeń latentna, błąd rekonstrukcji). */
export const pl = { ...common, ...attributes, ...errors, ...trainer, ...scatter, ...grid, ...walk, ...draw, ...denoise, ...anomaly, ...classifier, ...dataSource, kinds, presets, terms };
