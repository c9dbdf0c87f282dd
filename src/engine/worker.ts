/// <reference lib="webworker" />
import { AEError } from './errors.js';
import { EngineHost } from './host.js';
import type { CallMessage, ReplyMessage } from './protocol.js';
import { route, transferables } from './route.js';

// Module worker entry: routes calls to an EngineHost and posts results and events back.
// The single-file build also imports this module in the page (when a Worker cannot
// start), so it serves only when it runs in a worker.
export { EngineHost };

function serve(scope: DedicatedWorkerGlobalScope) {
  const post = (msg: ReplyMessage, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
  const host = new EngineHost((session, name, detail) => post({ type: 'event', session, name, detail }));
  scope.onmessage = async (e: MessageEvent<CallMessage>) => {
    const { id, method, args } = e.data;
    try {
      const value = await route(host, method, args);
      post({ type: 'result', id, value }, transferables(value));
    } catch (err) {
      post({ type: 'error', id, error: AEError.from(err).toJSON() });
    }
  };
  post({ type: 'event', session: '', name: 'statechange', detail: { status: 'ready' } });
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) serve(self as unknown as DedicatedWorkerGlobalScope);
