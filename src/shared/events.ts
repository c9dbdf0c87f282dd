import type { AEErrorCode } from '../engine/errors.js';
import type { SampleShape } from '../engine/sample.js';
import type { StoreStatus } from '../store/model-store.js';

/** Every `ae-*` event the elements fire, with its detail. All bubble and are composed. */
export interface AEEventMap {
  /**
   * Something went wrong: a bad attribute, a failed load, a failed training run. `source`
   * is the element's tag; `attribute` names the attribute at fault, when one is.
   */
  'ae-error': { code: AEErrorCode; message: string; source: string; attribute?: string };
  /** The element's store changed status (idle, loading, ready, training, paused, error). */
  'ae-status': { status: StoreStatus; model: string };
  /** An epoch of training finished. */
  'ae-epoch': { epoch: number; epochs: number; loss: number; testLoss?: number; testMse?: number };
  /** A training run ended (finished or stopped). */
  'ae-train-end': { stopped: boolean; epochs: number; loss: number; testLoss?: number };
  /** A latent point was decoded (scatter click or Enter, walk cursor). */
  'ae-decode': { latent: number[]; image: Float32Array };
  /** A stroke on an <ae-draw-pad> ended, or the pad was cleared. */
  'ae-draw': { image: Float32Array; empty: boolean };
  /**
   * A drawing was classified by kNN on its code: the voted label, its class name, and the
   * dataset indices of the nearest train samples, nearest first.
   */
  'ae-classify': { label: number; name: string; neighbours: number[] };
  /** The reader selected a dataset image (scatter hover or focus). */
  'ae-select': { index: number; label: number | null };
  /**
   * An <ae-data-source> gave its store data: the samples, their shape, the classes with
   * their counts (empty without labels), and what was skipped with its reason.
   */
  'ae-data': { name: string; n: number; shape: SampleShape; classes: { name: string; count: number }[]; skipped: { name: string; reason: string }[] };
}

export type AEEvent<K extends keyof AEEventMap> = CustomEvent<AEEventMap[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-error': AEEvent<'ae-error'>;
    'ae-status': AEEvent<'ae-status'>;
    'ae-epoch': AEEvent<'ae-epoch'>;
    'ae-train-end': AEEvent<'ae-train-end'>;
    'ae-decode': AEEvent<'ae-decode'>;
    'ae-select': AEEvent<'ae-select'>;
    'ae-draw': AEEvent<'ae-draw'>;
    'ae-classify': AEEvent<'ae-classify'>;
    'ae-data': AEEvent<'ae-data'>;
  }
}
