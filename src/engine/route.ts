import { AEError, shown } from './errors.js';
import type { HostApi, HostMethod } from './protocol.js';

// The one way a call reaches an engine host, used alike by the Worker and by the
// in-page engine, so a failure gets the same code wherever the engine runs.

const METHODS: readonly HostMethod[] = ['init', 'putDataset', 'dropDataset', 'open', 'rebind', 'close', 'session', 'memory'];

/** Runs `method(...args)` on the host; any failure comes back as an AEError. */
export async function route(host: HostApi, method: unknown, args: unknown): Promise<unknown> {
  try {
    if (!METHODS.includes(method as HostMethod)) throw AEError.of('input-invalid', 'error.noMethod', { got: shown(method) });
    if (!Array.isArray(args)) throw AEError.of('input-invalid', 'error.argsList', { method: String(method) });
    const fn = host[method as HostMethod] as (...a: unknown[]) => Promise<unknown>;
    return await fn.apply(host, args);
  } catch (e) {
    throw AEError.from(e, 'engine-failed');
  }
}

/**
 * The memory of the typed arrays in a result, to hand over instead of copying. Results
 * are fresh arrays (the engine keeps no reference to them), a level deep at most.
 */
export function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const take = (v: unknown) => {
    if (v instanceof ArrayBuffer) out.add(v);
    else if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  };
  take(value);
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) Object.values(value).forEach(take);
  return [...out];
}
