import { AEError } from '../engine/errors.js';
import type { CallMessage, HostApi, HostEvents, HostMethod, HostResult, ReplyMessage } from '../engine/protocol.js';
import { route } from '../engine/route.js';

export type EventListenerFn = (session: string, name: keyof HostEvents, detail: unknown) => void;

/** A typed call into an engine host, wherever it runs. */
export interface Channel {
  readonly mode: 'worker' | 'page';
  call<M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<HostResult<M>>;
  /** Subscribes to engine events; returns the unsubscribe function. */
  listen(fn: EventListenerFn): () => void;
  terminate(): void;
}

/** Engine events, fanned out to the stores listening. */
class Listeners {
  private fns: EventListenerFn[] = [];

  listen(fn: EventListenerFn) {
    this.fns.push(fn);
    return () => {
      this.fns = this.fns.filter((l) => l !== fn);
    };
  }

  protected fire(session: string, name: keyof HostEvents, detail: unknown) {
    for (const fn of this.fns) fn(session, name, detail);
  }
}

/** The engine in a module Worker: the page stays responsive while it trains. */
export class WorkerChannel extends Listeners implements Channel {
  readonly mode = 'worker';
  private next = 1;
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();

  private constructor(private worker: Worker) {
    super();
    worker.onmessage = (e: MessageEvent<ReplyMessage>) => this.receive(e.data);
    worker.onerror = (e) => this.failAll(AEError.of('worker-failed', 'error.workerFailed', { reason: e.message ?? '' }));
  }

  /** Starts the worker and waits for its hello, so a blocked worker (CSP, file://) is caught here and ended. */
  static async start(url: URL): Promise<WorkerChannel> {
    const worker = new Worker(url, { type: 'module', name: 'autoencoder-widgets-engine' });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.addEventListener('message', () => resolve(), { once: true });
        worker.addEventListener('error', (e) => reject(AEError.of('worker-failed', 'error.workerStart', { reason: e.message ?? '' })), { once: true });
      });
    } catch (e) {
      worker.terminate();
      throw e;
    }
    return new WorkerChannel(worker);
  }

  call<M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<HostResult<M>> {
    const id = this.next++;
    const msg: CallMessage = { type: 'call', id, method, args };
    return new Promise((resolve, reject) => {
      try {
        this.worker.postMessage(msg);
      } catch (e) {
        // A function, a DOM node or a class instance cannot be copied to the engine.
        reject(AEError.of('input-invalid', 'error.unsendable', { method, reason: (e as Error).message }));
        return;
      }
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
  }

  terminate() {
    this.failAll(AEError.of('disposed', 'error.shutDown', undefined));
    this.worker.terminate();
  }

  private receive(msg: ReplyMessage) {
    if (msg.type === 'event') return this.fire(msg.session, msg.name, msg.detail);
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
export class PageChannel extends Listeners implements Channel {
  readonly mode = 'page';
  private host: HostApi | null = null;

  static async start(): Promise<PageChannel> {
    const { EngineHost } = await import('../engine/host.js');
    const channel = new PageChannel();
    channel.host = new EngineHost((session, name, detail) => channel.fire(session, name, detail));
    return channel;
  }

  call<M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<HostResult<M>> {
    return route(this.host!, method, args) as Promise<HostResult<M>>;
  }

  terminate() {}
}
