/** Stable error codes. Pages branch on these; the messages are for people. */
export type AEErrorCode =
  | 'weights-shape-mismatch'
  | 'weights-missing'
  | 'weights-fetch-failed'
  | 'weights-invalid'
  | 'dataset-invalid'
  | 'dataset-fetch-failed'
  | 'data-conflict'
  | 'backend-unavailable'
  | 'backend-unsupported'
  | 'spec-invalid'
  | 'input-invalid'
  | 'not-ready'
  | 'busy'
  | 'save-failed'
  | 'worker-failed'
  | 'disposed';

/** The one error class the library throws and emits. */
export class AEError extends Error {
  override name = 'AEError';
  constructor(
    readonly code: AEErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Plain data for crossing postMessage and for event details. */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message, details: this.details };
  }

  static from(value: unknown, fallback: AEErrorCode = 'input-invalid'): AEError {
    if (value instanceof AEError) return value;
    if (isSerialized(value)) return new AEError(value.code, value.message, value.details);
    const message = value instanceof Error ? value.message : String(value);
    const err = new AEError(fallback, message);
    if (value instanceof Error && value.stack) err.stack = value.stack;
    return err;
  }
}

export interface SerializedError {
  code: AEErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

function isSerialized(v: unknown): v is SerializedError {
  return typeof v === 'object' && v !== null && 'code' in v && 'message' in v;
}
