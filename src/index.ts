export { getModelStore } from './store/registry.js';
export { configure, getConfig, type Config } from './store/config.js';
export { MAX_LEARNING_RATE, MAX_NEIGHBOURS } from './store/options.js';
export { ModelStore, type StoreStatus, type StoreEventMap } from './store/model-store.js';
export { PRESETS, type Preset } from './store/presets.js';
export { AEError, type AEErrorCode } from './engine/errors.js';
export { DEFAULT_SPEC, normalizeSpec, type ModelSpec, type ModelKind, type Activation, type NoiseType, type LossName } from './engine/spec.js';
export { SPLIT_SEED, TEST_FRACTION, type Dataset } from './engine/dataset.js';
export { MIN_SPLIT, type DatasetInput } from './engine/dataset-input.js';
export { parseTable, MAX_TABLE_VALUES, type Table, type TableOptions, type SkippedRow } from './data/table.js';
export type { Scaling } from './engine/scaling.js';
export type { SampleShape, SampleKind } from './engine/sample.js';
export { DEFAULT_TRAIN, type TrainOptions, type TrainProgress, type TrainResult, type ModelFiles, type Metrics, type DenoiseEvaluation, type ReconstructionErrors } from './engine/types.js';
export type { Evaluation } from './engine/protocol.js';
export type { BackendName, BackendPreference, BackendChoice } from './engine/backends.js';
export type { Split, Projection, KnnSpace, KnnResult, KnnNeighbours } from './engine/types.js';
export { KNN_SPACES } from './engine/types.js';

// The elements (importing this module registers all tags; each tag also has its own entry).
export { AeTrainer } from './elements/ae-trainer/define.js';
export { AeLatentScatter } from './elements/ae-latent-scatter/define.js';
export { AeReconstructionGrid } from './elements/ae-reconstruction-grid/define.js';
export { AeDenoiseDemo } from './elements/ae-denoise-demo/define.js';
export { VaeLatentWalk } from './elements/vae-latent-walk/define.js';
export { AeAnomalyView } from './elements/ae-anomaly-view/define.js';
export { AeLatentClassifier } from './elements/ae-latent-classifier/define.js';
export { AeDrawPad } from './elements/ae-draw-pad/define.js';
export { AeDataSource, MAX_FILE_BYTES, MAX_IMAGES, MAX_IMAGE_VALUES, type DataSummary, type AddFilesOptions } from './elements/ae-data-source/define.js';
export type { AEEventMap, AEEvent } from './shared/events.js';
