import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelStore, StoreEventMap } from '../store/model-store.js';
import { getModelStore } from '../store/registry.js';

export type StoreHandlers = {
  [K in keyof StoreEventMap]?: (event: StoreEventMap[K]) => void;
} & {
  /** Called with the store each time the element binds to one (connect, reconnect, new `model`). */
  bound?: (store: ModelStore) => void;
  /** The store cannot take the element's `data` (it already has other data). */
  problem?: (error: unknown) => void;
};

/**
 * Keeps an element subscribed to the store named by its `model`: subscribes on connect,
 * unsubscribes on disconnect, subscribes again on reconnect, and re-binds when `model`
 * or `data` changes. The element's `data` names the store's dataset before it loads. A
 * store event the element handles, and every status change, requests a render; the rest
 * (progress at ~10 per second, say) cost the element nothing.
 */
export class StoreController implements ReactiveController {
  store: ModelStore | null = null;
  private unsubscribe: (() => void) | null = null;
  private boundData: string | undefined;

  constructor(
    private host: ReactiveControllerHost & HTMLElement & { model: string; data?: string },
    private handlers: StoreHandlers = {},
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.bind();
  }

  hostDisconnected() {
    this.unbind();
  }

  hostUpdate() {
    if (this.host.isConnected && (this.store?.id !== this.host.model || this.boundData !== this.host.data)) this.bind();
  }

  private bind() {
    this.unbind();
    if (!this.host.model) return;
    const store = getModelStore(this.host.model);
    const data = (this.boundData = this.host.data);
    let problem: unknown = null;
    try {
      if (data) store.useData(data, `<${this.host.localName} data="${data}">`);
    } catch (e) {
      problem = e;
    }
    const names = (['progress', 'statechange', 'weightschange', 'specchange', 'datachange', 'error'] as const).filter((n) => n === 'statechange' || this.handlers[n]);
    const listeners = names.map((name) => {
      const listener = (event: Event) => {
        (this.handlers[name] as ((e: Event) => void) | undefined)?.(event);
        this.host.requestUpdate();
      };
      store.addEventListener(name, listener);
      return [name, listener] as const;
    });
    this.unsubscribe = () => listeners.forEach(([name, listener]) => store.removeEventListener(name, listener));
    this.store = store;
    this.handlers.bound?.(store);
    if (problem) this.handlers.problem?.(problem);
    this.host.requestUpdate();
  }

  private unbind() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.store = null;
  }
}
