import * as tf from '@tensorflow/tfjs-core';
import { CONV_TRAINING_KERNELS, missingKernels } from './backends.js';
import { classCount, type Dataset } from './dataset.js';
import { AEError, said, shown } from './errors.js';
import type { SavedMeta } from './persistence.js';
import { SAMPLE_KINDS, sameShape, sampleShapeOf, type SampleShape } from './sample.js';
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
    throw AEError.of('spec-invalid', 'spec.standardised', { outputActivation: shown(spec.outputActivation), loss: shown(spec.loss) }, { field: 'outputActivation' });
  }
  const kind = kindOf(spec.kind);
  const why = kind.refuses?.(spec, shape);
  if (why) throw AEError.of('spec-invalid', 'spec.refuses', { kind: kind.name, title: kind.title, why, shape }, { field: 'kind' });
  if (kind.architecture !== 'conv') return;
  if (shape.kind !== 'image') throw AEError.of('spec-invalid', 'spec.convImages', { shape }, { field: 'kind' });
  const backend = tf.getBackend();
  const missing = missingKernels(backend, CONV_TRAINING_KERNELS);
  if (missing.length) {
    throw AEError.of('backend-unsupported', 'error.convBackend', { backend, missing }, { backend, missing });
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
    throw AEError.of('weights-shape-mismatch', 'weights.savedShape', { from, saved, shape }, { saved, data: shape });
  }
  if (meta && !sameScaling(savedScaling(meta, from), data.scaling)) {
    throw AEError.of('weights-shape-mismatch', 'weights.savedScaling', { from, standardised: !!meta.scaling });
  }
  if (!meta?.spec) return undefined;
  try {
    return normalizeSpec(meta.spec);
  } catch (e) {
    throw AEError.of('weights-invalid', 'weights.savedSpec', { from, reason: said(e) });
  }
}

/** The sample shape a saved model records (older files: height, width and channels alone). */
function savedShape(meta: SavedMeta | undefined, from: string): SampleShape | undefined {
  const shape = meta?.shape as (Partial<SampleShape> & { height?: number; width?: number; channels?: number }) | undefined;
  if (!shape) return undefined;
  const kind = shape.kind ?? 'image';
  if (!SAMPLE_KINDS.includes(kind)) throw AEError.of('weights-invalid', 'weights.sampleKind', { from, got: shown(kind), known: SAMPLE_KINDS });
  return sampleShapeOf({ sample: kind, height: shape.height ?? 1, width: kind === 'vector' ? (shape as { length?: number }).length ?? NaN : shape.width ?? NaN, channels: shape.channels ?? 1 });
}

function savedScaling(meta: SavedMeta, from: string): Scaling | undefined {
  const s = meta.scaling;
  if (!s) return undefined;
  const list = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!list(s.mean) || !list(s.std) || s.mean.length !== s.std.length || !s.std.every((x) => x > 0)) throw AEError.of('weights-invalid', 'weights.scaling', { from });
  return { mean: Float32Array.from(s.mean), std: Float32Array.from(s.std) };
}
