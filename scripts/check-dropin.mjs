// The single-file build in a plain page served with a strict Content-Security-Policy:
// every element renders, the trainer trains an epoch on wasm, and the page logs no
// error, breaks no CSP rule and asks no other origin for anything. Until the reader
// trains, the page loads under the size budget (gzip bytes of every file it asked for)
// and has not asked for the train images.
// `node scripts/check-dropin.mjs` (after `npm run build`).
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { BUDGET, gzipBytes, kb } from './lib/gzip.mjs';
import { rendered } from './lib/rendered.mjs';
import { ROOT, startServer } from './serve.mjs';

/** What a strict site allows: its own files, and compiling WebAssembly (not eval). */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const started = Date.now();
const { server, url } = await startServer(0, { headers: { 'Content-Security-Policy': CSP } });
const origin = new URL(url).origin;
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS, protocolTimeout: 0 });
const problems = [];
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const loaded = new Set();
  page.on('request', (r) => /^https?:/.test(r.url()) && new URL(r.url()).origin !== origin && problems.push(`request to another origin: ${r.url()}`));
  page.on('response', (r) => r.ok() && new URL(r.url()).origin === origin && loaded.add(decodeURIComponent(new URL(r.url()).pathname)));
  let workers = 0;
  page.on('workercreated', (w) => {
    workers++;
    w.on?.('console', (m) => m.type() === 'error' && problems.push(`worker console error: ${m.text()}`));
  });
  // Injected by the browser, not by the page: CSP does not apply to it.
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    window.__errors = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    addEventListener('ae-error', (e) => window.__errors.push(`<${e.detail.source}> ${e.detail.code}: ${e.detail.message}`), true);
  });
  await page.goto(`${url}test/dropin/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(rendered, { timeout: 120_000, polling: 250 }, 'body *');
  const firstLoad = [...loaded].reduce((sum, path) => sum + gzipBytes(join(ROOT, path)), 0);
  const count = loaded.size;
  const early = [...loaded].filter((path) => path.endsWith('.train.bin'));
  if (early.length) problems.push(`the train images loaded before anything trained: ${early.join(', ')}`);
  if (firstLoad > BUDGET) problems.push(`the page loaded ${kb(firstLoad)} gzip before training, over the ${kb(BUDGET)} budget`);
  const trained = await page.evaluate(async () => {
    const trainer = document.querySelector('ae-trainer');
    const ended = new Promise((resolve) => trainer.addEventListener('ae-train-end', (e) => resolve(e.detail), { once: true }));
    [...trainer.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Train').click();
    const detail = await ended;
    const backend = trainer.shadowRoot.textContent.match(/\b(webgpu|webgl|wasm|cpu)\b/)?.[1];
    return { ...detail, backend };
  });
  if (!(trained.loss > 0) || trained.stopped) problems.push(`training did not finish: ${JSON.stringify(trained)}`);
  if (trained.backend !== 'wasm') problems.push(`trained on ${trained.backend}, not wasm`);
  if (!workers) problems.push('the engine did not start its Worker');
  const { violations, errors } = await page.evaluate(() => ({ violations: window.__violations, errors: window.__errors }));
  problems.push(...violations.map((v) => `CSP violation: ${v}`), ...errors.map((e) => `ae-error: ${e}`));
  const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('body *')].map((e) => e.localName))].join(', '));
  console.log(`drop-in: ${tags} rendered from ${count} files, ${kb(firstLoad)} gzip before training (budget ${kb(BUDGET)}); an epoch trained on ${trained.backend} (loss ${trained.loss?.toFixed(4)})`);
  if (![...loaded].some((path) => path.endsWith('.train.bin'))) problems.push('training did not load the train images');
} catch (e) {
  problems.push(`did not finish: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
  server.close();
}
for (const p of problems) console.log(`  ${p}`);
console.log(`drop-in under strict CSP: ${problems.length ? 'FAIL' : 'ok'} (${((Date.now() - started) / 1000).toFixed(0)}s)`);
process.exit(problems.length ? 1 : 0);
