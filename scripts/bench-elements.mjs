// Part of `npm run bench`: the elements' drawing cost, in one headless Chromium.
// 1. <ae-latent-scatter>'s point renderer against a plain d3 SVG circle scatter of the
//    same random points (10k, 100k, 1M), redraw time as a ratio.
// 2. Main-thread frame rate with trainer, scatter and grid on one page: idle vs training.
//   BENCH_SVG_MAX=100000   largest N drawn as SVG circles (1M DOM nodes takes minutes)
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { ROOT, startServer } from './serve.mjs';

const SIZES = [10_000, 100_000, 1_000_000];
const FRAME = 1000 / 60;
const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(d));

async function main() {
  await build({
    entryPoints: [`${ROOT}/bench/scatter.js`],
    outfile: `${ROOT}/bench/scatter.bundle.js`,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  const { server, url } = await startServer(0, { isolate: true });
  const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS, protocolTimeout: 600_000 });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    await page.setViewport({ width: 800, height: 800 });
    await page.goto(`${url}bench/scatter.html`);
    await page.waitForFunction(() => window.benchReady === true);
    const svgMax = Number(process.env.BENCH_SVG_MAX ?? 100_000);
    const rows = await page.evaluate((o) => window.benchScatter(o), { sizes: SIZES, svgMax, repeats: 20 });
    console.log('\nScatter redraw (480x480 px; median; "sync" = script + layout, "frame" = until the next frame):\n');
    console.log('| points | canvas sync ms | canvas frame ms | d3 SVG sync ms | d3 SVG frame ms | SVG / canvas (sync) | SVG build ms |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(`| ${r.n.toLocaleString('en-US')} | ${fmt(r.canvasMs)} | ${fmt(r.canvasFrameMs)} | ${fmt(r.svgMs)} | ${fmt(r.svgFrameMs)} | ${r.svgMs ? fmt(r.svgMs / r.canvasMs) : `not drawn (> ${svgMax.toLocaleString('en-US')})`} | ${fmt(r.svgBuildMs, 0)} |`);
    }
    const fits = rows.filter((r) => r.canvasMs <= FRAME).map((r) => r.n);
    console.log(`\nLargest N the canvas scatter redraws within 16 ms: ${fits.length ? Math.max(...fits).toLocaleString('en-US') : 'none of those measured'}.`);

    await page.goto(`${url}bench/frames.html?backend=wasm`);
    await page.waitForFunction(() => window.benchReady === true);
    const f = await page.evaluate(() => window.benchFrames(8000));
    console.log(`\nFrame rate, trainer + scatter + grid on one page (${f.backend} in a worker, 8 s each): idle ${fmt(f.idle.fps)} fps (longest gap ${fmt(f.idle.longestGapMs, 0)} ms), training ${fmt(f.training.fps)} fps (longest gap ${fmt(f.training.longestGapMs, 0)} ms); training / idle ${fmt(f.training.fps / f.idle.fps, 2)}; ${f.steps} steps trained meanwhile.`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
