import { AEError } from '../engine/errors.js';
import type { CallMessage, HostApi, HostEvents, HostMethod, ReplyMessage } from '../engine/protocol.js';

type Result<M extends HostMethod> = Awaited<ReturnType<HostApi[M]>>;
export type EventListenerFn = (session: string, name: keyof HostEvents, detail: unknown) => void;

/** A typed call into an engine host, wherever it runs. */
export interface Channel {
  readonly mode: 'worker' | 'page';
  call<M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<Result<M>>;
  /** Subscribes to engine events; returns the unsubscribe function. */
  listen(fn: EventListenerFn): () => void;
  terminate(): void;
}

/** The engine in a module Worker: the page stays responsive while it trains. */
export class WorkerChannel implements Channel {
  readonly mode = 'worker';
  private next = 1;
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private listeners: EventListenerFn[] = [];

  private constructor(private worker: Worker) {
    worker.onmessage = (e: MessageEvent<ReplyMessage>) => this.receive(e.data);
    worker.onerror = (e) => this.failAll(new AEError('worker-failed', `The engine worker failed: ${e.message || 'unknown error'}.`));
  }

  /** Starts the worker and waits for its hello, so a blocked worker (CSP, file://) is caught here. */
  static async start(url: URL): Promise<WorkerChannel> {
    const worker = new Worker(url, { type: 'module', name: 'autoencoder-widgets-engine' });
    await new Promise<void>((resolve, reject) => {
      worker.addEventListener('message', () => resolve(), { once: true });
      worker.addEventListener('error', (e) => reject(new AEError('worker-failed', `The engine worker could not start: ${e.message || 'blocked or failed to load'}.`)), { once: true });
    });
    return new WorkerChannel(worker);
  }

  call<M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<Result<M>> {
    const id = this.next++;
    const msg: CallMessage = { type: 'call', id, method, args };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(msg);
    });
  }

  listen(fn: EventListenerFn) {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  terminate() {
    this.failAll(new AEError('disposed', 'The engine was shut down.'));
    this.worker.terminate();
  }

  private receive(msg: ReplyMessage) {
    if (msg.type === 'event') {
      for (const fn of this.listeners) fn(msg.session, msg.name, msg.detail);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.value);
    else p.reject(AEError.from(msg.error));
  }

  private failAll(err: AEError) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/** The engine on the main thread, for browsers (or policies) without module workers. */
export class PageChannel implements Channel {
  readonly mode = 'page';
  private listeners: EventListenerFn[] = [];
  private constructor(private host: HostApi) {}

  static async start(): Promise<PageChannel> {
    const { EngineHost } = await import('../engine/host.js');
    let channel: PageChannel | undefined = undefined;
    const host = new EngineHost((session, name, detail) => channel?.listeners.forEach((fn) => fn(session, name, detail)));
    channel = new PageChannel(host);
    return channel;
  }

  async call<M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<Result<M>> {
    try {
      const fn = this.host[method] as (...a: unknown[]) => Promise<Result<M>>;
      return await fn.apply(this.host, args);
    } catch (e) {
      throw AEError.from(e, 'input-invalid');
    }
  }

  listen(fn: EventListenerFn) {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  terminate() {}
}
