import { assetUrls } from '../assets.js';
import type { BackendChoice, BackendName, BackendPreference } from '../engine/backends.js';
import { AEError } from '../engine/errors.js';
import { PageChannel, WorkerChannel, type Channel } from './channel.js';

export interface Config {
  /** `auto` picks a hardware GPU, else wasm, else cpu; a name forces that backend. */
  backend: BackendPreference;
  /** Run the engine in a module Worker when the browser allows (default true). */
  worker: boolean;
  /** Directory holding tfjs-backend-wasm's .wasm files. */
  wasmPaths: string;
  /** The bundled dataset file. */
  dataUrl: string;
  /** Directory holding the preset weights (`<preset>/model.json`). */
  weightsBase: string;
}

const config: Config = {
  backend: 'auto',
  worker: true,
  wasmPaths: assetUrls.wasm,
  dataUrl: assetUrls.data,
  weightsBase: assetUrls.weights,
};

/** An engine host: a channel plus the backend it settled on. */
export interface Host {
  channel: Channel;
  choice: BackendChoice;
  /** Backends this host was told to avoid. */
  exclude: BackendName[];
  /** Dataset keys already copied into this host. */
  datasets: Set<string>;
}

let hosts = new Map<string, Promise<Host>>();

const absolute = (url: string) => new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href).href;

/** Sets page-wide options. Stores that have already started keep their engine. */
export function configure(options: Partial<Config>): void {
  for (const [key, value] of Object.entries(options)) {
    if (!(key in config)) throw new AEError('input-invalid', `configure(): unknown option "${key}". Known: ${Object.keys(config).join(', ')}.`);
    (config as unknown as Record<string, unknown>)[key] = value;
  }
  hosts = new Map();
}

export function getConfig(): Readonly<Config> {
  return config;
}

/** The shared engine host, or one that avoids backends a model cannot train on. */
export function getHost(avoid: BackendName[] = []): Promise<Host> {
  const exclude = [...new Set(avoid)].sort();
  const key = exclude.join(',');
  let host = hosts.get(key);
  if (!host) {
    host = startHost(exclude);
    hosts.set(key, host);
    host.catch(() => hosts.get(key) === host && hosts.delete(key));
  }
  return host;
}

async function startHost(exclude: BackendName[]): Promise<Host> {
  let channel: Channel;
  const canWork = config.worker && typeof Worker !== 'undefined';
  try {
    channel = canWork ? await WorkerChannel.start(new URL('../engine/worker.ts', import.meta.url)) : await PageChannel.start();
  } catch {
    // A page that forbids workers (CSP worker-src, file://) still gets a working engine.
    channel = await PageChannel.start();
  }
  const preference = exclude.includes(config.backend as BackendName) ? 'auto' : config.backend;
  const choice = await channel.call('init', { preference, wasmPaths: absolute(config.wasmPaths), exclude });
  return { channel, choice, exclude, datasets: new Set() };
}

export { absolute };
