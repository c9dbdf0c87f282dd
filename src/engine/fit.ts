import * as tf from '@tensorflow/tfjs-core';
import { CONV_TRAINING_KERNELS, missingKernels } from './backends.js';
import { classCount, type Dataset } from './dataset.js';
import { AEError, shown } from './errors.js';
import type { SavedMeta } from './persistence.js';
import { SAMPLE_KINDS, describeShape, sameShape, sampleShapeOf, type SampleShape } from './sample.js';
import { sameScaling, type Scaling } from './scaling.js';
import { kindOf, normalizeSpec, type ModelSpec } from './spec.js';

// Whether a model fits the data and the backend: a spec before it is built, and a saved
// file before its weights replace the current model.

/** Labels of every sample when the model's kind trains on them (checked against the data), else undefined. */
export function trainingLabels(spec: ModelSpec, data: Dataset): Uint8Array | undefined {
  const kind = kindOf(spec.kind);
  return kind.labels?.(spec, { labeled: !!data.labels, classes: classCount(data) }) ? data.labels : undefined;
}

/** Whether this model can be built for this data and trained on this backend. */
export function checkModel(spec: ModelSpec, shape: SampleShape, data: Dataset): void {
  const { scaling } = data;
  trainingLabels(spec, data);
  if (scaling && (spec.outputActivation !== 'linear' || spec.loss !== 'mse')) {
    throw new AEError('spec-invalid', `Standardised data has values below 0 and above 1: the model needs outputActivation "linear" and loss "mse" (it has ${shown(spec.outputActivation)} and ${shown(spec.loss)}). Or give the data with standardize: false.`, { field: 'outputActivation' });
  }
  const kind = kindOf(spec.kind);
  const why = kind.refuses?.(spec, shape);
  if (why) throw new AEError('spec-invalid', `A ${kind.title} model ${why} This dataset holds a ${describeShape(shape)}.`, { field: 'kind' });
  if (kind.architecture !== 'conv') return;
  if (shape.kind !== 'image') throw new AEError('spec-invalid', `A convolutional model needs image samples; this dataset holds a ${describeShape(shape)}. Choose a dense kind.`, { field: 'kind' });
  const backend = tf.getBackend();
  const missing = missingKernels(backend, CONV_TRAINING_KERNELS);
  if (missing.length) {
    throw new AEError('backend-unsupported', `Convolutional models cannot train on the ${backend} backend (it lacks ${missing.join(', ')}). Choose another with configure({ backend }).`, { backend, missing });
  }
}

/**
 * The spec a saved file records, checked against the store's data: the same kind and
 * shape of sample, and (for vectors) the same standardisation. Undefined when the file
 * records none (a Keras export): the current spec is tried.
 */
export function savedModel(meta: SavedMeta | undefined, from: string, data: Dataset, shape: SampleShape): ModelSpec | undefined {
  const saved = savedShape(meta, from);
  if (saved && !sameShape(saved, shape)) {
    throw new AEError('weights-shape-mismatch', `${from} was trained on ${describeShape(saved)} samples; this store's data holds ${describeShape(shape)} samples. Load it into a store with matching data.`, { saved, data: shape });
  }
  if (meta && !sameScaling(savedScaling(meta, from), data.scaling)) {
    throw new AEError('weights-shape-mismatch', `${from} was trained on data ${meta.scaling ? 'standardised by other column means and deviations' : 'that was not standardised'} than this store's data. Load it into a store with the data it was trained on.`);
  }
  if (!meta?.spec) return undefined;
  try {
    return normalizeSpec(meta.spec);
  } catch (e) {
    throw new AEError('weights-invalid', `${from} records a model spec this library cannot build: ${(e as Error).message}`);
  }
}

/** The sample shape a saved model records (older files: height, width and channels alone). */
function savedShape(meta: SavedMeta | undefined, from: string): SampleShape | undefined {
  const shape = meta?.shape as (Partial<SampleShape> & { height?: number; width?: number; channels?: number }) | undefined;
  if (!shape) return undefined;
  const kind = shape.kind ?? 'image';
  if (!SAMPLE_KINDS.includes(kind)) throw new AEError('weights-invalid', `${from} records samples of kind ${shown(kind)}; known: ${SAMPLE_KINDS.join(', ')}.`);
  return sampleShapeOf({ sample: kind, height: shape.height ?? 1, width: kind === 'vector' ? (shape as { length?: number }).length ?? NaN : shape.width ?? NaN, channels: shape.channels ?? 1 });
}

function savedScaling(meta: SavedMeta, from: string): Scaling | undefined {
  const s = meta.scaling;
  if (!s) return undefined;
  const list = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!list(s.mean) || !list(s.std) || s.mean.length !== s.std.length || !s.std.every((x) => x > 0)) throw new AEError('weights-invalid', `${from} records a standardisation that is not two equal lists of finite numbers (std > 0).`);
  return { mean: Float32Array.from(s.mean), std: Float32Array.from(s.std) };
}
