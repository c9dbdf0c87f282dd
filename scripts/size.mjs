// `npm run size` (also the last part of `npm run bench`): gzip -9 bytes of what pages
// load from dist/: the drop-in script and its engine, the package's JS, the wasm binary,
// the dataset and each preset's weights, and the total for the drop-in page with all
// five elements on their default presets, against the 2 MB budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './serve.mjs';

const DIST = join(ROOT, 'dist');
const BUDGET = 2 * 1024 * 1024;
if (!existsSync(join(DIST, 'autoencoder-widgets.js'))) {
  console.error('dist/ has no build: run `npm run build` first.');
  process.exit(1);
}
const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
const presets = readdirSync(join(DIST, 'weights'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const weights = Object.fromEntries(presets.map((id) => [id, readdirSync(join(DIST, 'weights', id)).reduce((s, f) => s + gz(join('weights', id, f)), 0)]));
const packageJs = readdirSync(DIST).filter((f) => f.endsWith('.js') && !f.startsWith('autoencoder-widgets')).reduce((s, f) => s + gz(f), 0);

const rows = [
  ['drop-in script (autoencoder-widgets.js)', gz('autoencoder-widgets.js')],
  ['drop-in engine (autoencoder-widgets.engine.js)', gz('autoencoder-widgets.engine.js')],
  ['package JS, all of dist/*.js but the drop-in', packageJs],
  ['wasm binary (simd)', gz('wasm/tfjs-backend-wasm-simd.wasm')],
  ['dataset (data/mnist-10k.bin)', gz('data/mnist-10k.bin')],
  ...presets.map((id) => [`weights: ${id}`, weights[id]]),
];
// The drop-in page of the README: trainer (no weights), scatter, grid and anomaly view
// on mnist-ae-2d, the denoise demo on mnist-dae, the walk on mnist-vae-2d; wasm backend.
const page = rows[0][1] + rows[1][1] + rows[3][1] + rows[4][1] + ['mnist-ae-2d', 'mnist-dae', 'mnist-vae-2d'].reduce((s, id) => s + (weights[id] ?? 0), 0);
rows.push(['drop-in page, all five elements, default presets', page]);

console.log('| what | gzip |\n| --- | ---: |');
for (const [what, bytes] of rows) console.log(`| ${what} | ${kb(bytes)} |`);
console.log(`\nDrop-in page: ${kb(page)} of the ${kb(BUDGET)} budget (${((page / BUDGET) * 100).toFixed(0)}%); dataset ${((rows[4][1] / page) * 100).toFixed(0)}%, weights ${((['mnist-ae-2d', 'mnist-dae', 'mnist-vae-2d'].reduce((s, id) => s + weights[id], 0) / page) * 100).toFixed(0)}%.`);
