/** Resolves on the next macrotask, so queued messages (pause, stop, encode) get their turn. */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

export const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
