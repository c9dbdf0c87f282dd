// `npm run size` (also the last part of `npm run bench`): gzip -9 bytes of what pages
// load from dist/: the drop-in script and its engine, the package's JS, the wasm binary,
// the dataset's two parts and each preset's weights, and the total for the drop-in page
// with all five elements on their default presets, against the 2 MB budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { BUDGET, gzipBytes, kb } from './lib/gzip.mjs';
import { ROOT } from './serve.mjs';

const DIST = join(ROOT, 'dist');
if (!existsSync(join(DIST, 'autoencoder-widgets.js'))) {
  console.error('dist/ has no build: run `npm run build` first.');
  process.exit(1);
}
const gz = (file) => gzipBytes(join(DIST, file));
/** A file and every file it imports statically (not its dynamic imports), relative to dist/. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) closure(posix.join(posix.dirname(file), spec), seen);
  return seen;
}
const sum = (files) => [...files].reduce((s, f) => s + gz(f), 0);
const engineFiles = closure('autoencoder-widgets.engine.js');
const backendChunk = (name) => readdirSync(join(DIST, 'engine')).find((f) => f.startsWith(`tfjs-backend-${name}-`) && f.endsWith('.js'));
/** What choosing a backend adds to the engine: its chunk and the chunks only it needs. */
const backendBytes = (name) => sum([...closure(`engine/${backendChunk(name)}`)].filter((f) => !engineFiles.has(f)));
const presets = readdirSync(join(DIST, 'weights'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const weights = Object.fromEntries(presets.map((id) => [id, readdirSync(join(DIST, 'weights', id)).reduce((s, f) => s + gz(join('weights', id, f)), 0)]));
const packageJs = readdirSync(DIST).filter((f) => f.endsWith('.js') && !f.startsWith('autoencoder-widgets')).reduce((s, f) => s + gz(f), 0);

const rows = [
  ['drop-in script (autoencoder-widgets.js)', gz('autoencoder-widgets.js')],
  ['drop-in engine core (autoencoder-widgets.engine.js and its static imports)', sum(engineFiles)],
  ['package JS, all of dist/*.js but the drop-in', packageJs],
  ['wasm binary (simd)', gz('wasm/tfjs-backend-wasm-simd.wasm')],
  ['dataset, test part with PCA basis (data/mnist-10k.test.bin)', gz('data/mnist-10k.test.bin')],
  ['dataset, train part, loaded to train (data/mnist-10k.train.bin)', gz('data/mnist-10k.train.bin')],
  ['colour dataset, test part with PCA basis (data/emoji-32.test.bin)', gz('data/emoji-32.test.bin')],
  ['colour dataset, train part (data/emoji-32.train.bin)', gz('data/emoji-32.train.bin')],
  ...presets.map((id) => [`weights: ${id}`, weights[id]]),
  ...['wasm', 'webgpu', 'webgl', 'cpu'].map((name) => [`engine backend chunk: ${name}`, backendBytes(name)]),
];
// The drop-in page of the README: trainer, scatter, grid and anomaly view on mnist-ae-2d,
// the denoise demo on mnist-dae, the walk on mnist-vae-2d; wasm backend. Nothing trains
// until the reader asks, so the train part is not part of the first load.
const defaultWeights = ['mnist-ae-2d', 'mnist-dae', 'mnist-vae-2d'].reduce((s, id) => s + (weights[id] ?? 0), 0);
const wasmBackend = backendBytes('wasm');
const page = rows[0][1] + rows[1][1] + wasmBackend + rows[3][1] + rows[4][1] + defaultWeights;
rows.push(['drop-in page, all five elements, default presets', page]);
rows.push(['the same page once the reader trains (adds the train part)', page + rows[5][1]]);

// demo/emoji.html: the same engine on the colour presets and their data's test part.
const emojiWeights = ['emoji-ae', 'emoji-ae-2d', 'emoji-colorize'].reduce((s, id) => s + (weights[id] ?? 0), 0);
rows.push(['colour page (demo/emoji.html): engine, wasm, emoji test part, emoji-ae, emoji-ae-2d and emoji-colorize', rows[0][1] + rows[1][1] + wasmBackend + rows[3][1] + rows[6][1] + emojiWeights]);

console.log('| what | gzip |\n| --- | ---: |');
for (const [what, bytes] of rows) console.log(`| ${what} | ${kb(bytes)} |`);
const share = (n) => `${((n / page) * 100).toFixed(0)}%`;
console.log(`\nDrop-in page: ${kb(page)} of the ${kb(BUDGET)} budget (${((page / BUDGET) * 100).toFixed(0)}%): weights ${share(defaultWeights)}, dataset ${share(rows[4][1])}, engine and wasm ${share(rows[1][1] + wasmBackend + rows[3][1])}, script ${share(rows[0][1])}.`);
if (page > BUDGET) process.exitCode = 1;
