import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AEError, shown } from '../engine/errors.js';
import type { ModelStore, StoreEventMap } from '../store/model-store.js';
import { getModelStore } from '../store/registry.js';

export type StoreHandlers = {
  [K in keyof StoreEventMap]?: (event: StoreEventMap[K]) => void;
} & {
  /** Called with the store each time the element binds to one (connect, reconnect, new `model`). */
  bound?: (store: ModelStore) => void;
  /** The element left its store and joined none: `model` is empty (`problem` says so). */
  unbound?: () => void;
  /**
   * Something stands between the element and what it asked for: `model` is empty, or the
   * store cannot take the element's `data` (it already has other data, or none is named).
   */
  problem?: (error: unknown) => void;
};

/**
 * Keeps an element subscribed to the store named by its `model`: subscribes on connect,
 * unsubscribes on disconnect, subscribes again on reconnect, and re-binds when `model`
 * or `data` changes. The element's `data` names the store's dataset before it loads. A
 * store event the element handles, and every status change, requests a render; the rest
 * (progress at ~10 per second, say) cost the element nothing. An empty `model` joins no
 * store and is reported through `problem` (`input-invalid`, attribute `model`).
 */
export class StoreController implements ReactiveController {
  /** The store the element is bound to, or null (disconnected, or `model` is empty). */
  store: ModelStore | null = null;
  private unsubscribe: (() => void) | null = null;
  /** The `model` and `data` of the last bind; undefined before the first. */
  private boundModel: string | undefined;
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
    this.boundModel = undefined;
  }

  hostUpdate() {
    if (this.host.isConnected && (this.boundModel !== this.host.model || this.boundData !== this.host.data)) this.bind();
  }

  private bind() {
    this.unbind();
    const model = (this.boundModel = this.host.model);
    const data = (this.boundData = this.host.data);
    let store: ModelStore;
    try {
      if (typeof model !== 'string' || model.trim() === '') {
        throw AEError.of('input-invalid', 'attr.modelEmpty', { written: `model=${shown(model ?? '')}` }, { attribute: 'model', value: model });
      }
      store = getModelStore(model);
    } catch (e) {
      const err = AEError.from(e);
      this.handlers.unbound?.();
      this.handlers.problem?.(err.details?.attribute ? err : about(err, 'model', model));
      this.host.requestUpdate();
      return;
    }
    let problem: unknown = null;
    try {
      if (typeof data === 'string' && data.trim() === '') throw AEError.of('input-invalid', 'attr.dataEmpty', { written: `data=${shown(data)}` }, { attribute: 'data', value: data });
      if (data) store.useData(data, `<${this.host.localName} data="${data}">`);
    } catch (e) {
      const err = AEError.from(e);
      // A name that is no dataset is the attribute's fault; other data in the store is a conflict.
      problem = err.code === 'input-invalid' && err.details?.attribute === undefined ? about(err, 'data', data) : err;
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

/** `err` told about an attribute: "model="x": <its message>", translated with it. */
function about(err: AEError, attribute: string, value: unknown): AEError {
  const written = `${attribute}=${shown(value)}`;
  const reason = err.text ?? err.message;
  return new AEError(err.code, `${written}: ${err.message}`, { ...err.details, attribute, value }, { key: 'attr.about', args: { written, reason } });
}
