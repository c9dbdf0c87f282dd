import { english, type ArgList, type MessageArgs, type MessageKey, type NestedText } from '../l10n/english.js';

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
  | 'engine-failed'
  | 'training-diverged'
  | 'disposed';

/** The one error class the library throws and emits. */
export class AEError extends Error {
  override name = 'AEError';
  constructor(
    readonly code: AEErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** The catalogue entry the message was made from: elements show it in their language. */
    readonly text?: ErrorText,
  ) {
    super(message);
  }

  /** An error whose message is catalogue entry `key` (in English here; elements translate it). */
  static of<K extends MessageKey>(code: AEErrorCode, key: K, args: MessageArgs<K>, details?: Record<string, unknown>): AEError {
    return new AEError(code, english(key, ...([args] as ArgList<K>)), details, args === undefined ? { key } : { key, args: args as Record<string, unknown> });
  }

  /** Plain data for crossing postMessage and for event details. */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message, details: this.details, ...(this.text ? { text: this.text } : {}) };
  }

  static from(value: unknown, fallback: AEErrorCode = 'input-invalid'): AEError {
    if (value instanceof AEError) return value;
    if (isSerialized(value)) return new AEError(value.code, value.message, value.details, value.text);
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
  text?: ErrorText;
}

/** A message as a catalogue key and its arguments (plain data, so it crosses postMessage). */
export interface ErrorText {
  key: string;
  args?: Record<string, unknown>;
}

/**
 * What an error said, to go into another's message: its catalogue text when it has one
 * (so it is translated with the message), else its message.
 */
export function said(e: unknown): string | NestedText {
  const err = AEError.from(e);
  return err.text ?? err.message;
}

function isSerialized(v: unknown): v is SerializedError {
  return typeof v === 'object' && v !== null && 'code' in v && 'message' in v;
}

/**
 * A value as a message shows it: NaN, Infinity and -0 as themselves (JSON would say
 * "null" or "0"), strings quoted, long arrays shortened, other objects by their type.
 */
export function shown(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return value.length > 8 ? `[${value.slice(0, 8).map(shown).join(', ')}, ... ${value.length} items]` : `[${value.map(shown).join(', ')}]`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${(value as unknown as ArrayLike<number>).length ?? value.byteLength} values`;
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}
