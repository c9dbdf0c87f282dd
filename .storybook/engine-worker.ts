import MagicString from 'magic-string';
import type { Plugin } from 'vite';

// src/store/config.ts starts the engine with `new URL('../engine/worker.ts', import.meta.url)`
// passed on to `new Worker(url)`. Vite only bundles workers written as
// `new Worker(new URL(...))`; elsewhere it would copy worker.ts as a raw asset. Importing
// it as `?worker&url` makes Vite build it as a worker (dev and build) and gives its URL.
const WORKER_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]*worker\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;

export function engineWorker(): Plugin {
  return {
    name: 'ae-engine-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id.split('?')[0]) || !code.includes('worker.ts')) return null;
      const s = new MagicString(code);
      let n = 0;
      for (const m of code.matchAll(WORKER_URL)) {
        const name = `__aeWorkerUrl${n++}`;
        s.prepend(`import ${name} from ${JSON.stringify(`${m[2]}?worker&url`)};\n`);
        s.overwrite(m.index, m.index + m[0].length, `new URL(${name}, import.meta.url)`);
      }
      return n ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
}
