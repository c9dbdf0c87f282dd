import { findKind } from '../engine/spec.js';

/** A loss or error for people: 4 significant digits, never "NaN" without a word. */
export function formatLoss(x: number | null | undefined): string {
  if (x == null) return '–';
  if (!Number.isFinite(x)) return 'not a number';
  return Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : x.toPrecision(4);
}

export function formatRate(samplesPerSec: number): string {
  return samplesPerSec >= 1000 ? `${(samplesPerSec / 1000).toFixed(1)}k` : samplesPerSec.toFixed(0);
}

export function formatPercent(x: number | null | undefined, digits = 1): string {
  return x == null ? '–' : `${(x * 100).toFixed(digits)}%`;
}

/** "a plain autoencoder", "an adversarial autoencoder", ... for a model kind. */
export function describeKind(kind: string): string {
  const title = findKind(kind)?.title ?? kind;
  return `${/^[aeiou]/.test(title) ? 'an' : 'a'} ${title} autoencoder`;
}
