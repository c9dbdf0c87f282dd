// Builds the library into dist/: ESM, code-split, minified, with source maps.
// Every file lands flat in dist/ (no chunks/ folder) because src/assets.ts resolves
// data/, weights/ and wasm/ relative to whichever chunk it ends up in.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import MagicString from 'magic-string';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { TAGS } from './scripts/lib/tags.mjs';

const require = createRequire(import.meta.url);
const OUT = 'dist';
const WASM_DIST = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));

// Node built-ins that tfjs and emscripten glue only touch on Node; never bundled.
const NODE_BUILTINS = ['crypto', 'fs', 'path', 'os', 'worker_threads', 'perf_hooks', 'util', 'node-fetch'];

/**
 * Rewrites the asset roots in src/assets.ts: in dist/ everything sits beside the bundle
 * (`root` is where dist/ is, seen from the output folder).
 */
function assetRoots(root = './') {
  const rules = [
    [/const ROOT = '\.\.\/';/, `const ROOT = '${root}';`],
    [/const WASM = 'node_modules\/@tensorflow\/tfjs-backend-wasm\/dist\/';/, "const WASM = 'wasm/';"],
  ];
  return {
    name: 'asset-roots',
    transform(code, id) {
      if (!id.endsWith(join('src', 'assets.ts'))) return null;
      const s = new MagicString(code);
      for (const [re, to] of rules) {
        const m = re.exec(code);
        // Fail loudly: a silent miss would ship a build that fetches from ../node_modules.
        if (!m) this.error(`asset-roots: ${re} not found in src/assets.ts; update rollup.config.mjs.`);
        s.overwrite(m.index, m.index + m[0].length, to);
      }
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/**
 * Turns `new URL('./x/worker.ts', import.meta.url)` into an emitted ESM chunk, so the
 * engine worker is a module worker file in dist/ that shares chunks with the page.
 */
function moduleWorkers() {
  const WORKER_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]*worker\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: 'module-workers',
    async transform(code, id) {
      if (!code.includes('import.meta.url') || !/worker\.ts/.test(code)) return null;
      const s = new MagicString(code);
      for (const m of code.matchAll(WORKER_URL)) {
        const target = await this.resolve(m[2], id);
        if (!target) this.error(`module-workers: cannot resolve ${m[2]} from ${id}`);
        // A fixed name (no hash) so pages can allow it by name in a CSP worker-src rule.
        const ref = this.emitFile({ type: 'chunk', id: target.id, fileName: 'worker.js' });
        s.overwrite(m.index, m.index + m[0].length, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`);
      }
      if (!s.hasChanged()) return null;
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/** Empties dist/ first (hashed chunks would pile up) and copies the runtime assets after. */
function assets() {
  return {
    name: 'assets',
    buildStart() {
      rmSync(OUT, { recursive: true, force: true });
    },
    writeBundle() {
      mkdirSync(join(OUT, 'data'), { recursive: true });
      for (const f of readdirSync('data').filter((f) => f.endsWith('.bin'))) cpSync(join('data', f), join(OUT, 'data', f));
      if (existsSync('weights')) cpSync('weights', join(OUT, 'weights'), { recursive: true });
      mkdirSync(join(OUT, 'wasm'), { recursive: true });
      for (const f of readdirSync(WASM_DIST).filter((f) => f.endsWith('.wasm'))) cpSync(join(WASM_DIST, f), join(OUT, 'wasm', f));
    },
  };
}

/** Names a chunk after the tfjs package most of it comes from (rollup would say "index" or "dist"). */
function chunkName(chunk) {
  if (chunk.name !== 'dist' && chunk.name !== 'index') return '[name]-[hash].js';
  const counts = {};
  for (const id of chunk.moduleIds) {
    const pkg = /node_modules\/@tensorflow\/(tfjs-[\w-]+)\//.exec(id)?.[1];
    if (pkg) counts[pkg] = (counts[pkg] ?? 0) + 1;
  }
  const [top] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return `${top ? top[0] : chunk.name}-[hash].js`;
}

/** Shared by every build: resolution, CommonJS, TypeScript (declarations only for the package build). */
const basePlugins = ({ declarations, root, dir = OUT }) => [
  assetRoots(root),
  nodeResolve({ browser: true, preferBuiltins: false }),
  // long, seedrandom and tfjs-backend-wasm's wasm-out/*.js are CommonJS. The worker
  // glue's `wasmWorkerContents` and seedrandom's `alea`, ... become named exports.
  commonjs({
    include: /node_modules/,
    ignore: NODE_BUILTINS,
    requireReturnsDefault: 'auto',
  }),
  typescript({
    tsconfig: './tsconfig.json',
    // Only the library: tsconfig.json also covers test/, which must not reach dist/.
    include: ['src/**/*.ts'],
    filterRoot: '.',
    compilerOptions: {
      rootDir: 'src',
      outDir: dir,
      declaration: declarations,
      ...(declarations ? { declarationDir: resolve(OUT, 'types') } : {}),
      sourceMap: true,
      inlineSources: true, // maps must carry the TS: src/ is not published
      noEmit: false,
    },
  }),
];

// typeofs: false keeps `typeof x !== 'undefined'` guards. tfjs-backend-wasm runs its
// threaded glue from `factory.toString()` in a Blob worker, where the glue's closure
// variables (_scriptDir) do not exist; `x === void 0` would throw there.
const minify = () => terser({ format: { comments: false }, compress: { passes: 2, typeofs: false } });

const onwarn = (warning, warn) => {
  // tfjs's emscripten glue uses top-level `this`, and tfjs has internal import cycles: harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  warn(warning);
};

const ENGINE_FILE = 'autoencoder-widgets.engine.js';

/**
 * The single-file build's page script reaches the engine through one file beside it:
 * the Worker runs it, and the in-page fallback imports it, instead of code-split chunks.
 */
function dropinEngine() {
  return {
    name: 'dropin-engine',
    resolveId(source, importer) {
      if (source === '../engine/host.js' && importer?.endsWith(join('src', 'store', 'channel.ts'))) return { id: `./${ENGINE_FILE}`, external: true };
      return null;
    },
    transform(code, id) {
      if (!id.endsWith(join('src', 'store', 'config.ts'))) return null;
      const from = "new URL('../engine/worker.ts', import.meta.url)";
      if (!code.includes(from)) this.error(`dropin-engine: ${from} not found in src/store/config.ts; update rollup.config.mjs.`);
      const s = new MagicString(code);
      const at = code.indexOf(from);
      s.overwrite(at, at + from.length, `new URL('./${ENGINE_FILE}', import.meta.url)`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/** The package: ESM per element plus index.js, code-split, with declarations. */
const packageBuild = {
  input: Object.fromEntries(['index', ...TAGS].map((n) => [n, `src/${n}.ts`])),
  output: {
    dir: OUT,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: chunkName,
    sourcemap: true,
  },
  onwarn,
  plugins: [assets(), ...basePlugins({ declarations: true }), moduleWorkers(), minify()],
};

/**
 * The same entries unminified, for the `development` export condition (readable stack
 * traces and breakpoints); they share dist/'s data, weights and wasm.
 */
const developmentBuild = {
  ...packageBuild,
  output: { ...packageBuild.output, dir: join(OUT, 'development') },
  plugins: [...basePlugins({ declarations: false, root: '../', dir: join(OUT, 'development') }), moduleWorkers()],
};

/** The drop-in: one page script with every element, and its engine beside it. */
const dropinBuild = {
  input: { 'autoencoder-widgets': 'src/autoencoder-widgets.ts' },
  output: { dir: OUT, format: 'es', entryFileNames: '[name].js', sourcemap: true, inlineDynamicImports: true },
  onwarn,
  plugins: [dropinEngine(), ...basePlugins({ declarations: false }), minify()],
};

/**
 * The drop-in's engine: one entry the Worker runs (and the page imports as a fallback),
 * with each backend in its own chunk under engine/, loaded only when that backend is
 * chosen. The engine reaches no asset by its own URL, so its chunks may sit in a folder.
 */
const engineBuild = {
  input: { 'autoencoder-widgets.engine': 'src/engine/worker.ts' },
  output: { dir: OUT, format: 'es', entryFileNames: '[name].js', chunkFileNames: (chunk) => `engine/${chunkName(chunk)}`, sourcemap: true },
  onwarn,
  plugins: [...basePlugins({ declarations: false }), minify()],
};

export default [packageBuild, developmentBuild, dropinBuild, engineBuild];
