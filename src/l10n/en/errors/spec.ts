import type { SampleShape } from '../../../engine/sample.js';
import { section } from '../../catalog.js';
import { shapeWords, type Said } from './words.js';

type Got = { got: string };

/**
 * A model spec's problems. `spec.field` names the field; its `reason` is one of the
 * reasons below, so an element can tell it about an attribute instead.
 */
export const specErrors = section({
  'spec.field': ({ field, reason }: { field: string; reason: Said }) => `Model spec "${field}" ${reason}`,
  'spec.oneOf': ({ values, got }: Got & { values: readonly string[] }) => `must be one of ${values.join(', ')}; got ${got}.`,
  'spec.number': ({ whole, min, max, got }: Got & { whole: boolean; min: number; max: number }) => `must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}; got ${got}.`,
  'spec.boolean': ({ got }: Got) => `must be true or false; got ${got}.`,
  'spec.widths': ({ got }: Got) => `must be a list of layer widths such as [200, 200]; got ${got}.`,
  'spec.aae.circle': 'needs the circle prior (prior: "circle"), whose components the classes are sent to.',
  'spec.aae.latentDim': 'must be at least 2 for the circle prior.',
  'spec.aae.labels': 'needs labelled data: this dataset has no labels.',
  'spec.aae.components': ({ classes, components }: { classes: number; components: number }) =>
    `must be at least the data's ${classes} classes for the supervised prior; got ${components}.`,
  'spec.object': 'Model spec must be an object.',
  'spec.noField': ({ name }: { name: string }) => `There is no model spec field ${name}.`,
  'spec.kindExists': ({ name }: { name: string }) => `A model kind named ${name} exists already.`,
  'spec.standardised': ({ outputActivation, loss }: { outputActivation: string; loss: string }) =>
    `Standardised data has values below 0 and above 1: the model needs outputActivation "linear" and loss "mse" (it has ${outputActivation} and ${loss}). Or give the data with standardize: false.`,
  /** `why` is the kind's reason: one of `spec.refuses.*` for the built-in kinds. */
  'spec.refuses': ({ title, why, shape }: { kind: string; title: string; why: Said; shape: SampleShape }) => `A ${title} model ${why} This dataset holds a ${shapeWords(shape)}.`,
  'spec.refuses.grayscale': 'with noiseType "grayscale" needs colour images (3 channels).',
  'spec.refuses.colour': 'needs colour images (3 channels), to learn colour from their grey version.',
  'spec.refuses.mse': 'needs loss "mse": its output is the grey image plus colour offsets, which may pass 0 or 1 a little.',
  'spec.convImages': ({ shape }: { shape: SampleShape }) => `A convolutional model needs image samples; this dataset holds a ${shapeWords(shape)}. Choose a dense kind.`,
});
