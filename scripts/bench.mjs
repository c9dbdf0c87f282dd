// `npm run bench`: builds the bare-tfjs baseline, serves the repo, and runs bench/index.html
// in headless Chromium, one backend after another in one page. Prints a markdown table.
//   BENCH_BACKENDS=wasm,cpu   only these backends
//   BENCH_STEPS=wasm:110,cpu:30   timed steps per backend (keep warm-up + steps < 125,
//   one epoch at batch 64, so the store's end-of-epoch test pass stays out of the timing)
//   BENCH_ISOLATE=1   serve with COOP/COEP, so tfjs-backend-wasm runs multi-threaded
//   BENCH_MODELS=0   skip the lab and conv models (store, worker mode, each backend)
//   BENCH_PROFILE=0   skip the per-kernel profile of a wasm training step
//   BENCH_GRAPH=0   skip timing the umap-ae neighbour graph of the 8,000 train digits
// With python3-torch installed, PyTorch on one thread trains the same specs, before the
// browser starts and again at the end (the machine's load drifts): with the store's layers
// (scripts/pytorch/store_speed.py) against the store, and with the layers of
// ../shared/anchors/torch_speed.py against the same layers in tfjs-layers with the engine's
// wasm kernels (bench/models.js, layout 'anchor'). The last table gives the ratios.
import { cpus, loadavg } from 'node:os';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { ROOT, startServer } from './serve.mjs';
import { findTorch, torchSpeed } from './lib/torch-anchor.mjs';

// SwiftShader WebGPU is ~70 samples/s and cpu ~200: few steps there keeps the run short.
const PLANS = {
  wasm: { warmup: 10, steps: 110 },
  cpu: { warmup: 5, steps: 30 },
  webgl: { warmup: 10, steps: 100 },
  webgpu: { warmup: 3, steps: 12, encodes: 1 }, // one 10k encode alone takes ~20 s here
};
const BACKEND_TIMEOUT_MS = 180_000;

// The lab and conv models (names as in bench/bench.js). Steps stay inside one epoch.
// SwiftShader WebGPU and tfjs-backend-cpu take seconds per conv step: a few steps there.
const MODEL_PLANS = {
  wasm: { warmup: 3, steps: 20 },
  cpu: { warmup: 1, steps: 2 },
  webgl: { warmup: 1, steps: 3 },
  webgpu: { warmup: 1, steps: 2 },
};
const SPECS = {
  'lab AE 784-200-200-2': { kind: 'ae', hidden: [200, 200], latentDim: 2, codeActivation: 'linear', loss: 'bce', height: 28, width: 28, channels: 1 },
  'conv 28x28x1 [16,32] code 16': { kind: 'conv', filters: [16, 32], latentDim: 16, hidden: [], height: 28, width: 28, channels: 1 },
  'emoji-ae, conv 32x32x3 [32,64] code 32': { kind: 'conv', filters: [32, 64], latentDim: 32, hidden: [], height: 32, width: 32, channels: 3 },
};

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
async function buildBare(name = 'bare') {
  await build({
    entryPoints: [`${ROOT}/bench/${name}.js`],
    outfile: `${ROOT}/bench/${name}.bundle.js`,
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
  const torch = findTorch(ROOT);
  const torchBefore = torch.missing ? null : torchRuns(torch);
  await buildBare();
  await buildBare('models');
  const isolate = process.env.BENCH_ISOLATE === '1';
  const { server, url } = await startServer(0, { isolate });
  const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS, protocolTimeout: BACKEND_TIMEOUT_MS + 60_000 });
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const rows = [];
  const models = {}; // name -> backend -> result
  let profiles = null;
  let anchors = {};
  const graphs = {}; // backend -> { seconds, n } or { error }
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
    if (process.env.BENCH_MODELS !== '0') await modelRuns(page, todo, models);
    if (process.env.BENCH_GRAPH !== '0') await graphRuns(page, todo, graphs);
    await page.close(); // a timed-out run may still be training there: it would skew the profile
    if (process.env.BENCH_PROFILE !== '0') profiles = await profileRuns(browser, url);
    if (!torch.missing) anchors = await anchorRuns(browser, url);
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
  if (Object.keys(models).length) {
    console.log('\nThe lab model (linear code, BCE) and conv models, store in worker mode, median samples/s (mean):\n');
    console.log(modelTable(models, todo.map(([b]) => b)));
  }
  if (Object.keys(graphs).length) {
    console.log('\numap-ae neighbour graph of the 8,000 train digits (k = 15, exact), seconds:\n');
    console.log(`| ${Object.keys(graphs).join(' | ')} |\n|${Object.keys(graphs).map(() => '---').join('|')}|`);
    console.log(`| ${Object.values(graphs).map((g) => (g.error ? `failed: ${g.error.replace(/\|/g, '/').slice(0, 60)}` : fmt(g.seconds, 1))).join(' | ')} |`);
  }
  if (profiles) printProfiles(profiles);
  if (torch.missing) {
    console.log(`\nPyTorch anchor skipped: ${torch.missing}. Ours on wasm (store, worker), samples/s:`);
    for (const [name, by] of Object.entries(models)) console.log(`- ${name}: ${fmt(by.wasm?.median)}`);
  } else anchorTable(models, anchors, [torchBefore, torchRuns(torch)]);
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

async function modelRuns(page, todo, models) {
  for (const [backend] of todo) {
    for (const name of Object.keys(SPECS)) {
      const t = Date.now();
      try {
        const r = await withTimeout(page.evaluate((b, n, p) => window.benchModel(b, n, p), backend, name, MODEL_PLANS[backend]), BACKEND_TIMEOUT_MS, `${backend} ${name}`);
        (models[name] ??= {})[backend] = r;
        console.log(`${backend} ${name}: done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      } catch (e) {
        (models[name] ??= {})[backend] = { error: e.message.split('\n')[0] };
        console.log(`${backend} ${name}: ${e.message.split('\n')[0]}`);
        if (/timed out/.test(e.message)) return; // the page may still be busy: later numbers would be skewed
      }
    }
  }
}

async function graphRuns(page, todo, graphs) {
  for (const [backend] of todo) {
    try {
      graphs[backend] = await withTimeout(page.evaluate((b) => window.benchGraph(b), backend), BACKEND_TIMEOUT_MS, `${backend} graph`);
    } catch (e) {
      graphs[backend] = { error: e.message.split('\n')[0] };
      console.log(`${backend} graph: ${graphs[backend].error}`);
      if (/timed out/.test(e.message)) return; // the page may still be busy
    }
  }
}

function modelTable(models, backends) {
  const lines = [`| model | ${backends.join(' | ')} |`, `|---|${backends.map(() => '---').join('|')}|`];
  for (const [name, by] of Object.entries(models)) {
    lines.push(`| ${name} | ${backends.map((b) => (by[b]?.error ? `failed: ${by[b].error.replace(/\|/g, '/').slice(0, 80)}` : by[b] ? `${fmt(by[b].median)} (${fmt(by[b].mean)})` : '-')).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Runs `each(page, name, spec)` for every spec in bench/models.html; name -> its result. */
async function onModelsPage(browser, url, what, each) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`  models page error: ${e.message}`));
  const out = {};
  try {
    await page.goto(`${url}bench/models.html`);
    await page.waitForFunction(() => window.modelsReady === true, { timeout: 60_000 });
    for (const [name, spec] of Object.entries(SPECS)) out[name] = await withTimeout(each(page, spec), BACKEND_TIMEOUT_MS, `${what} ${name}`);
  } catch (e) {
    console.log(`${what}: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return out;
}

/** Per-kernel time of a wasm training step (tf.profile) for each spec. */
const profileRuns = (browser, url) => onModelsPage(browser, url, 'profile', (page, spec) => page.evaluate((s) => window.runModel({ backend: 'wasm', spec: s, seconds: 2, profile: 3 }), spec));

/** Each spec with torch_speed.py's layers and loss, trained by tfjs-layers with the engine's wasm kernels. */
const anchorRuns = (browser, url) => onModelsPage(browser, url, 'anchor layers', (page, spec) => page.evaluate((s) => window.runModel({ backend: 'wasm', spec: { ...s, layout: 'anchor' }, seconds: 3 }), spec));

/** PyTorch on one thread for every spec, with its own layers and with the store's: name -> { anchor, store } (samples/s or an error). */
function torchRuns(torch) {
  const run = (spec, layers) => {
    try {
      return torchSpeed(torch, spec, { layers });
    } catch (e) {
      return { error: e.message.split('\n')[0].slice(0, 80) };
    }
  };
  return Object.fromEntries(Object.entries(SPECS).map(([name, spec]) => [name, { anchor: run(spec, 'anchor'), store: run(spec, 'store') }]));
}

function printProfiles(profiles) {
  console.log('\nWhere a wasm training step goes (tf.profile, batch 64, page, tfjs-layers model with the engine kernels; ms per step):\n');
  for (const [name, r] of Object.entries(profiles)) {
    const total = r.kernels.reduce((a, k) => a + k.ms, 0);
    const top = r.kernels.slice(0, 6).map((k) => `${k.name} ${fmt(k.ms, 1)} (${fmt((100 * k.ms) / total)}%, ${k.calls}x)`);
    console.log(`- ${name}: ${fmt(r.samplesPerSec)} samples/s; kernels ${fmt(total, 1)} ms: ${top.join(', ')}`);
  }
}

/**
 * Ours on wasm beside PyTorch on one thread, layer for layer: the store against PyTorch with
 * the store's layers, and tfjs-layers with the engine's kernels against torch_speed.py with
 * its layers. PyTorch ran twice, before and after; the ratio uses the mean of the two.
 */
function anchorTable(models, anchors, [before, after]) {
  const ours = Object.fromEntries(Object.entries(models).map(([name, by]) => [name, by.wasm?.median]));
  const both = (name, layers) => {
    const runs = [before[name][layers], after[name][layers]];
    const bad = runs.find((r) => typeof r !== 'number');
    return bad ? { error: bad.error } : { mean: (runs[0] + runs[1]) / 2, text: runs.map((r) => fmt(r)).join(' / ') };
  };
  const cell = (us, theirs) => (theirs.error ? [fmt(us), `failed: ${theirs.error}`, '-'] : [fmt(us), theirs.text, fmt(us / theirs.mean, 2)]);
  console.log('\nAgainst PyTorch on one CPU thread, same layers on both sides, batch 64, samples/s (PyTorch: before / after our runs):\n');
  console.log('| model | store, wasm worker | PyTorch, store_speed.py | ratio | tfjs-layers + engine wasm kernels, page | PyTorch, torch_speed.py | ratio |');
  console.log('|---|---|---|---|---|---|---|');
  for (const name of Object.keys(SPECS)) {
    console.log(`| ${[name, ...cell(ours[name], both(name, 'store')), ...cell(anchors[name]?.samplesPerSec, both(name, 'anchor'))].join(' | ')} |`);
  }
  console.log("\nstore_speed.py builds the store's layers: for the lab model the same as torch_speed.py's (linear code, BCE); for conv a decoder of stride-2 ConvTranspose per filter, then a 3x3 Conv2D, with MSE. torch_speed.py's conv decoder ends in a stride-2 ConvTranspose to the image channels (a third of the work) and trains with BCE; bench/models.js rebuilds it in tfjs-layers.");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
