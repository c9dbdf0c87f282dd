import { assetUrls } from '../assets.js';
import { BACKENDS, type BackendName, type BackendPreference } from '../engine/backend-names.js';
import type { BackendChoice } from '../engine/backends.js';
import { AEError, shown } from '../engine/errors.js';
import type { NestedText } from '../l10n/english.js';
import { PageChannel, WorkerChannel, type Channel } from './channel.js';

export interface Config {
  /** `auto` picks a hardware GPU, else wasm, else cpu; a name forces that backend. */
  backend: BackendPreference;
  /** Run the engine in a module Worker when the browser allows (default true). */
  worker: boolean;
  /** Directory holding tfjs-backend-wasm's .wasm files. */
  wasmPaths: string;
  /**
   * Threads for wasm on cross-origin isolated pages. 0 (default) uses all cores but one,
   * so the page keeps a core for drawing while a model trains.
   */
  wasmThreads: number;
  /** The bundled dataset file. */
  dataUrl: string;
  /** Directory holding the preset weights (`<preset>/model.json`). */
  weightsBase: string;
}

const config: Config = {
  backend: 'auto',
  worker: true,
  wasmPaths: assetUrls.wasm,
  wasmThreads: 0,
  dataUrl: assetUrls.data,
  weightsBase: assetUrls.weights,
};

/** An engine host: a channel plus the backend it settled on. */
export interface Host {
  channel: Channel;
  choice: BackendChoice;
  /** Dataset copies into this host, by key (settled or on their way). */
  datasets: Map<string, Promise<void>>;
  /** Ids of the stores whose models live here. */
  users: Set<string>;
}

let host: Promise<Host> | null = null;
/** The current host once started: configure() retires it when no store uses it. */
let live: Host | null = null;

const absolute = (url: string) => new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href).href;

/** What each option accepts, as a check and the catalogue entry that says it. */
const RULES: { [K in keyof Config]: [(v: unknown) => boolean, NestedText] } = {
  backend: [(v) => v === 'auto' || BACKENDS.includes(v as BackendName), { key: 'config.backend', args: { names: BACKENDS } }],
  worker: [(v) => typeof v === 'boolean', { key: 'config.boolean' }],
  wasmPaths: [(v) => typeof v === 'string' && v !== '', { key: 'config.folder' }],
  wasmThreads: [(v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 64, { key: 'config.threads' }],
  dataUrl: [(v) => typeof v === 'string' && v !== '', { key: 'config.url' }],
  weightsBase: [(v) => typeof v === 'string' && v !== '', { key: 'config.folder' }],
};

/** Sets page-wide options (all checked before any is applied). Stores that have already started keep their engine. */
export function configure(options: Partial<Config>): void {
  if (!options || typeof options !== 'object') throw AEError.of('input-invalid', 'error.configureType', { got: shown(options) });
  for (const [key, value] of Object.entries(options)) {
    if (!(key in RULES)) throw AEError.of('input-invalid', 'error.configureUnknown', { key, known: Object.keys(RULES) });
    const [ok, rule] = RULES[key as keyof Config];
    if (!ok(value)) throw AEError.of('input-invalid', 'error.configureValue', { key, rule, got: shown(value) }, { option: key });
  }
  Object.assign(config, options);
  const old = live;
  host = null;
  live = null;
  if (old) retireIfIdle(old);
}

export function getConfig(): Readonly<Config> {
  return config;
}

/** The page's engine host, started on first use (again after a failed start). */
export function getHost(): Promise<Host> {
  if (!host) {
    const starting = startHost();
    host = starting;
    starting.then(
      (h) => host === starting && (live = h),
      () => host === starting && (host = null),
    );
  }
  return host;
}

async function startHost(): Promise<Host> {
  let channel: Channel;
  const canWork = config.worker && typeof Worker !== 'undefined';
  try {
    channel = canWork ? await WorkerChannel.start(new URL('../engine/worker.ts', import.meta.url)) : await PageChannel.start();
  } catch {
    // A page that forbids workers (CSP worker-src, file://) still gets a working engine.
    channel = await PageChannel.start();
  }
  let choice: BackendChoice;
  try {
    choice = await channel.call('init', { preference: config.backend, wasmPaths: absolute(config.wasmPaths), wasmThreads: config.wasmThreads });
  } catch (e) {
    channel.terminate(); // a later try starts a fresh engine; this one must not linger
    throw e;
  }
  return { channel, choice, datasets: new Map(), users: new Set() };
}

/** A store let go of a host; an old host (replaced by configure()) shuts down when idle. */
export function releaseHost(h: Host, storeId: string): void {
  h.users.delete(storeId);
  if (h !== live) retireIfIdle(h);
}

function retireIfIdle(h: Host) {
  if (h.users.size === 0) h.channel.terminate();
}

export { absolute };
