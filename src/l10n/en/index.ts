import { anomaly } from './anomaly.js';
import { attributes } from './attributes.js';
import { classifier } from './classifier.js';
import { common } from './common.js';
import { dataSource } from './data-source.js';
import { denoise } from './denoise.js';
import { draw } from './draw.js';
import { errors } from './errors.js';
import { grid } from './grid.js';
import { scatter } from './scatter.js';
import { trainer } from './trainer.js';
import { walk } from './walk.js';

/**
 * The English catalogue: every user-visible string of the elements and every error
 * message, by key. Its keys and arguments are what every language fills.
 */
export const en = { ...common, ...attributes, ...errors, ...trainer, ...scatter, ...grid, ...walk, ...draw, ...denoise, ...anomaly, ...classifier, ...dataSource };
