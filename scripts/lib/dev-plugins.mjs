// @web/dev-server plugins that let TensorFlow.js run unbundled from node_modules.
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';

// Some of tfjs's dependencies are CommonJS, which browsers cannot import: seedrandom
// (with named exports alea, xor128, ...), long, and tfjs-backend-wasm's emscripten
// glue in wasm-out/. Serve small esbuild-made ESM wrappers of them instead.
const BARE = {
  seedrandom: "import sr from 'seedrandom'; export default sr; export const { alea, xor128, xorwow, xorshift7, xor4096, tychei } = sr;",
  long: "import Long from 'long'; export default Long;",
};
const WASM_GLUE = /\/@tensorflow\/tfjs-backend-wasm\/wasm-out\/([\w.-]+)\.js$/;

function esm(contents, resolveDir) {
  return buildSync({ stdin: { contents, resolveDir }, bundle: true, format: 'esm', write: false, platform: 'browser', external: ['crypto', 'fs', 'path', 'os', 'worker_threads', 'perf_hooks'] }).outputFiles[0].text;
}

function cjsShims() {
  const cache = new Map();
  const once = (key, make) => cache.get(key) ?? cache.set(key, make()).get(key);
  return {
    name: 'cjs-shims',
    resolveImport({ source }) {
      if (source in BARE) return `/__shims/${source}.js`;
    },
    serve(context) {
      const bare = /^\/__shims\/(\w+)\.js$/.exec(context.path);
      if (bare && bare[1] in BARE) return { body: once(bare[1], () => esm(BARE[bare[1]], process.cwd())), type: 'js' };
      const glue = WASM_GLUE.exec(context.path);
      if (glue) {
        const file = join(process.cwd(), 'node_modules', context.path.slice(context.path.indexOf('@tensorflow/')));
        const body = once(file, () => esm(`import m from './${glue[1]}.js'; export default m; export const wasmWorkerContents = m && m.wasmWorkerContents;`, dirname(file)));
        return { body, type: 'js' };
      }
    },
  };
}

export const devPlugins = [cjsShims(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })];
