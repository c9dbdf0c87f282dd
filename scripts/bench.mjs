// `npm run bench`: builds the bare-tfjs baseline, serves the repo, and runs bench/index.html
// in headless Chromium, one backend after another in one page. Prints a markdown table.
//   BENCH_BACKENDS=wasm,cpu   only these backends
//   BENCH_STEPS=wasm:110,cpu:30   timed steps per backend (keep warm-up + steps < 125,
//   one epoch at batch 64, so the store's end-of-epoch test pass stays out of the timing)
//   BENCH_ISOLATE=1   serve with COOP/COEP, so tfjs-backend-wasm runs multi-threaded
import { cpus, loadavg } from 'node:os';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { ROOT, startServer } from './serve.mjs';

// SwiftShader WebGPU is ~70 samples/s and cpu ~200: few steps there keeps the run short.
const PLANS = {
  wasm: { warmup: 10, steps: 110 },
  cpu: { warmup: 5, steps: 30 },
  webgl: { warmup: 10, steps: 100 },
  webgpu: { warmup: 3, steps: 12, encodes: 1 }, // one 10k encode alone takes ~20 s here
};
const BACKEND_TIMEOUT_MS = 180_000;

function plans() {
  const only = process.env.BENCH_BACKENDS?.split(',').map((s) => s.trim()).filter(Boolean);
  const names = only ?? Object.keys(PLANS);
  for (const b of names) if (!PLANS[b]) throw new Error(`Unknown backend "${b}" in BENCH_BACKENDS; use ${Object.keys(PLANS).join(', ')}.`);
  for (const pair of process.env.BENCH_STEPS?.split(',') ?? []) {
    const [b, n] = pair.split(':');
    if (PLANS[b] && Number(n) > 0) PLANS[b].steps = Number(n);
  }
  return names.map((b) => [b, PLANS[b]]);
}

/** The baseline gets its own tfjs copy, bundled here so it never depends on dist/ chunks. */
async function buildBare() {
  await build({
    entryPoints: [`${ROOT}/bench/bare.js`],
    outfile: `${ROOT}/bench/bare.bundle.js`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    // Node-only branches of tfjs and emscripten glue; browser fields already stub most.
    external: ['worker_threads', 'perf_hooks'],
  });
}

const withTimeout = (p, ms, what) =>
  Promise.race([p, new Promise((_, fail) => setTimeout(() => fail(new Error(`${what} timed out after ${ms / 1000} s`)), ms).unref())]);

const fmt = (x, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));

/** One row per backend; `key` picks the throughput measure (median windows or mean). */
function table(rows, key) {
  const head = ['backend', 'timed steps', 'store worker (samples/s)', 'store page (samples/s)', 'bare tfjs (samples/s)', 'worker / bare', 'page / bare', 'longest main-thread task, worker (page) ms', 'encode 10k ms (1st / 2nd)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const task = (ms) => (ms ? fmt(ms) : '< 50'); // longtask entries start at 50 ms
  for (const r of rows) {
    // A failed backend keeps the phases that finished; the rest show '-'.
    const [w, p, b] = [r.worker ?? {}, r.page ?? {}, r.bare ?? {}];
    lines.push(`| ${[
      r.backend,
      r.plan.steps,
      fmt(w[key]),
      fmt(p[key]),
      fmt(b[key]),
      fmt(w[key] / b[key], 2),
      fmt(p[key] / b[key], 2),
      r.worker ? `${task(w.longestTaskMs)} (${r.page ? task(p.longestTaskMs) : '-'})` : '-',
      w.encodeMs?.map((ms) => fmt(ms)).join(' / ') ?? '-',
    ].join(' | ')} |`);
    if (r.error) lines.push(`| ${r.backend} | failed: ${r.error.replace(/\|/g, '/').slice(0, 160)} |${' |'.repeat(head.length - 2)}`);
  }
  return lines.join('\n');
}

async function main() {
  const todo = plans();
  await buildBare();
  const isolate = process.env.BENCH_ISOLATE === '1';
  const { server, url } = await startServer(0, { isolate });
  const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS, protocolTimeout: BACKEND_TIMEOUT_MS + 60_000 });
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const rows = [];
  try {
    const page = await browser.newPage();
    page.on('console', (m) => /^\[bench\]|error|warn/i.test(m.text()) && console.log(`  page: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    await page.goto(`${url}bench/index.html`);
    await page.waitForFunction(() => window.benchReady === true, { timeout: 60_000 });
    for (const [backend, plan] of todo) {
      const t = Date.now();
      try {
        const row = await withTimeout(page.evaluate((b, p) => window.benchBackend(b, p), backend, plan), BACKEND_TIMEOUT_MS, backend);
        rows.push(row);
        console.log(`${backend}: done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      } catch (e) {
        // One backend failing (no WebGPU adapter, say) should not hide the others; but a
        // timed-out run may still be busy, so later backends would be skewed: stop here.
        const partial = await withTimeout(page.evaluate(() => window.benchPartial), 10_000, 'partial').catch(() => null);
        rows.push({ ...(partial?.backend === backend ? partial : { backend, plan }), error: e.message.split('\n')[0] });
        console.log(`${backend}: ${e.message}`);
        if (/timed out/.test(e.message)) break;
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const ua = `Chromium headless, ${CHROME_ARGS.includes('--use-angle=swiftshader') ? 'SwiftShader for WebGL/WebGPU' : 'default GPU'}, batch 64, ${isolate ? 'cross-origin isolated (wasm multi-threaded)' : 'no cross-origin isolation (wasm single-threaded)'}`;
  console.log(`\n${ua}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Other work on the machine skews every number here: say how busy it was.
  console.log(`Load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores.\n`);
  console.log('Median of ~100 ms windows (robust to other load on the machine):\n');
  console.log(table(rows, 'median'));
  console.log('\nMean over all timed steps:\n');
  console.log(table(rows, 'mean'));
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
