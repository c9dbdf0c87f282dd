// The elements inside real framework apps: a React 19, a Vue 3 and a Svelte 5 app, each
// built with esbuild, render the elements, set a property from framework state and
// receive an ae-* event through the framework's own event binding. Also checks that
// every entry of package.json's `exports` resolves to files that exist.
// `node scripts/check-frameworks.mjs` (after `npm run build`).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { compile } from 'svelte/compiler';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { rendered } from './lib/rendered.mjs';
import { ROOT, startServer } from './serve.mjs';

const problems = [];
const started = Date.now();

// 1. Every export, resolved as a consumer's Node would (through node_modules/).
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const consumer = mkdtempSync(join(tmpdir(), 'aew-consumer-'));
mkdirSync(join(consumer, 'node_modules'));
symlinkSync(ROOT, join(consumer, 'node_modules', pkg.name), 'dir');
const require = createRequire(join(consumer, 'index.js'));
for (const [key, target] of Object.entries(pkg.exports)) {
  const spec = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
  try {
    const file = require.resolve(spec);
    if (!existsSync(file)) problems.push(`${spec} resolves to a missing file`);
  } catch (e) {
    problems.push(`${spec} does not resolve: ${e.message.split('\n')[0]}`);
  }
  for (const path of typeof target === 'string' ? [target] : Object.values(target)) if (!existsSync(join(ROOT, path))) problems.push(`exports["${key}"] names ${path}, which the build did not write`);
}
rmSync(consumer, { recursive: true, force: true });
console.log(`exports: ${Object.keys(pkg.exports).length} entries checked`);

// 2. The apps. The library stays external and loads from dist/ through an import map,
// as a page without a bundler would; the frameworks are bundled.
const SRC = join(ROOT, 'test', 'frameworks');
const OUT = join(SRC, 'out');
mkdirSync(OUT, { recursive: true });
const svelte = {
  name: 'svelte',
  setup(build) {
    build.onLoad({ filter: /\.svelte$/ }, (args) => ({ contents: compile(readFileSync(args.path, 'utf8'), { filename: args.path, generate: 'client' }).js.code, loader: 'js', resolveDir: SRC }));
  },
};
const APPS = {
  react: { entry: 'react-app.jsx', options: { jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } } },
  vue: { entry: 'vue-app.js', options: { alias: { vue: 'vue/dist/vue.esm-bundler.js' }, define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' } } },
  svelte: { entry: 'svelte-app.js', options: { plugins: [svelte], conditions: ['svelte', 'browser'] } },
};
for (const [name, app] of Object.entries(APPS)) {
  await esbuild.build({ entryPoints: [join(SRC, app.entry)], bundle: true, format: 'esm', outfile: join(OUT, `${name}.js`), external: [pkg.name], minify: true, logLevel: 'error', ...app.options });
  writeFileSync(
    join(OUT, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "${pkg.name}": "/dist/index.js" } }</script>
<script type="module" src="${name}.js"></script></head><body><div id="app"></div></body></html>\n`,
  );
}

// 3. Each app in Chromium.
const { server, url } = await startServer(0);
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS, protocolTimeout: 0 });
try {
  for (const name of Object.keys(APPS)) {
    const page = await browser.newPage();
    const fail = (msg) => problems.push(`${name}: ${msg}`);
    page.on('console', (m) => m.type() === 'error' && fail(`console error: ${m.text()}`));
    page.on('pageerror', (e) => fail(`page error: ${e.message}`));
    try {
      await page.goto(`${url}test/frameworks/out/${name}.html`, { waitUntil: 'load' });
      await page.waitForFunction(rendered, { timeout: 90_000, polling: 250 }, 'body *');
      const first = await page.evaluate(() => {
        const grid = document.querySelector('ae-reconstruction-grid');
        return { count: grid.count, attribute: grid.getAttribute('count'), shown: grid.shadowRoot.querySelectorAll('canvas.original').length };
      });
      if (first.count !== 3 || first.shown !== 3) fail(`count={3} gave property ${JSON.stringify(first.count)} and ${first.shown} images`);
      await page.click('#more');
      await page.waitForFunction(() => document.querySelector('ae-reconstruction-grid').shadowRoot.querySelectorAll('canvas.original').length === 5, { timeout: 30_000 });
      await page.waitForFunction(() => window.received.includes('ae-decode'), { timeout: 30_000 });
      const how = first.attribute === null ? 'as a property' : `as the attribute "${first.attribute}"`;
      console.log(`${name}: rendered; count set ${how}, 3 then 5 images; ae-decode received`);
    } catch (e) {
      fail(`did not finish: ${e.message.split('\n')[0]}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
for (const p of problems) console.log(`  ${p}`);
console.log(`frameworks (React 19, Vue 3, Svelte 5) and exports: ${problems.length ? 'FAIL' : 'ok'} (${((Date.now() - started) / 1000).toFixed(0)}s)`);
process.exit(problems.length ? 1 : 0);
