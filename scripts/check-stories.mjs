// Renders every story of the built Storybook in headless Chromium and fails on console
// errors, page errors, failed requests, requests to other origins and `ae-error` events.
// `node scripts/check-stories.mjs` builds storybook-static/ first; `--reuse` checks the
// existing build; `--filter=text` checks only ids containing that text; `--docs` adds
// the autodocs pages (every story of a component on one page).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { ROOT, startServer } from './serve.mjs';
import { rendered } from './lib/rendered.mjs';

const STATIC = join(ROOT, 'storybook-static');
const STORY_TIMEOUT = 90_000;
const SETTLE_MS = 500; // late errors (a second refresh, a lazy fetch) still land in the story

const args = process.argv.slice(2);
const reuse = args.includes('--reuse');
const docs = args.includes('--docs');
const filter = args.find((a) => a.startsWith('--filter='))?.slice('--filter='.length) ?? '';

if (!reuse || !existsSync(join(STATIC, 'index.json'))) {
  const started = Date.now();
  const built = spawnSync('npm', ['run', '--silent', 'build-storybook', '--', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  console.log(`build-storybook: ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

// Presets whose weights are not in the build: their store reports `weights-missing` (an
// expected, user-facing notice) after a 404 for weights/<id>/model.json. Only that passes.
const PRESET_IDS = [...readFileSync(join(ROOT, 'src/store/presets.ts'), 'utf8').matchAll(/^\s*'([\w-]+)': \{ id: '\1'/gm)].map((m) => m[1]);
const UNSHIPPED = new Set(PRESET_IDS.filter((id) => !existsSync(join(STATIC, 'weights', id, 'model.json'))));
const unshippedWeights = (url) => UNSHIPPED.has(/\/weights\/([\w-]+)\/model\.json$/.exec(new URL(url).pathname)?.[1]);
// Chromium asks for /favicon.ico on its own; Storybook's iframe has no icon.
const browserOwn = (url) => new URL(url).pathname === '/favicon.ico';
const expectedAeError = (e) => e.code === 'weights-missing' && UNSHIPPED.has(/preset "([\w-]+)"/.exec(e.message)?.[1]);

const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => (e.type === 'story' || (docs && e.type === 'docs')) && e.id.includes(filter));
const ELEMENTS = '#storybook-root *, #storybook-docs *';
// The toolbar's languages are checked on one trainer story each: its Train button's word.
const LOCALE_TRAIN = { pl: 'Trenuj' };

async function check(browser, origin, story, locale = '') {
  const problems = [];
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const at = m.location()?.url ?? '';
    if (at && /status of 404/.test(m.text()) && (unshippedWeights(at) || browserOwn(at))) return;
    problems.push(`console error: ${m.text()}${at ? ` (${at})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('error', (e) => problems.push(`page crashed: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (/^https?:/.test(url) && new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  // The store falls back to running the engine in the page when its Worker cannot start.
  let workers = 0;
  page.on('workercreated', () => workers++);
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.status() === 404 && (unshippedWeights(r.url()) || browserOwn(r.url())))) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // ae-error events bubble out of the elements; record them from the first script on.
  await page.evaluateOnNewDocument(() => {
    window.__aeErrors = [];
    addEventListener('ae-error', (e) => window.__aeErrors.push({ code: e.detail.code, message: e.detail.message, source: e.detail.source }), true);
  });
  const started = Date.now();
  let ok = false;
  let usesStore = true;
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=${story.type}${locale ? `&globals=locale:${locale}` : ''}`, { waitUntil: 'load' });
    await page.waitForFunction(rendered, { timeout: STORY_TIMEOUT, polling: 250 }, ELEMENTS);
    await page.evaluate((sel) => Promise.all([...document.querySelectorAll(sel)].filter((el) => /^v?ae-/.test(el.localName)).map((el) => el.updateComplete)), ELEMENTS);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    // Elements with a `model` use a store, and a store's engine runs in a Worker (a data
    // source waiting for files has not started its store).
    usesStore = await page.evaluate((sel) => [...document.querySelectorAll(sel)].some((el) => 'model' in el && !(el.localName === 'ae-data-source' && !el.src)), ELEMENTS);
    if (locale) {
      // The locale toolbar's value reaches the elements: the trainer's first button speaks it.
      const said = await page.evaluate(() => [document.documentElement.lang, document.querySelector('ae-trainer')?.shadowRoot?.querySelector('button.primary')?.textContent?.trim()]);
      if (said[0] !== locale || said[1] !== LOCALE_TRAIN[locale]) problems.push(`locale ${locale}: <html lang="${said[0]}">, the Train button says "${said[1]}" (expected "${LOCALE_TRAIN[locale]}")`);
    }
    ok = true;
  } catch (e) {
    problems.push(`did not render: ${e.message.split('\n')[0]}`);
  }
  if (ok && usesStore && !workers) problems.push('the engine did not start its Worker (ran in the page instead)');
  const aeErrors = await page.evaluate(() => window.__aeErrors).catch(() => []);
  for (const e of aeErrors) if (!expectedAeError(e)) problems.push(`ae-error from <${e.source}>: ${e.code}: ${e.message}`);
  page.removeAllListeners(); // closing cancels requests; those are not the story's failures
  await page.close().catch(() => undefined); // a crashed page is already gone
  return { ok, problems, seconds: (Date.now() - started) / 1000 };
}

const { server, url } = await startServer(0, { root: STATIC });
const origin = url.replace(/\/$/, '');
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS, protocolTimeout: 0 });
const failed = [];
let renderedCount = 0;
const started = Date.now();
try {
  for (const story of stories) {
    const { ok, problems, seconds } = await check(browser, origin, story);
    if (ok) renderedCount++;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${story.id} (${seconds.toFixed(1)}s)`);
    for (const p of problems) console.log(`     ${p}`);
    if (problems.length) failed.push(story.id);
  }
  const trainerStory = stories.find((s) => s.type === 'story' && s.id.startsWith('elements-ae-trainer--'));
  for (const locale of trainerStory ? Object.keys(LOCALE_TRAIN) : []) {
    const { problems } = await check(browser, origin, trainerStory, locale);
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${trainerStory.id} in ${locale}`);
    for (const p of problems) console.log(`     ${p}`);
    if (problems.length) failed.push(`${trainerStory.id} (${locale})`);
  }
} finally {
  await browser.close();
  server.close();
}
if (UNSHIPPED.size) console.log(`weights not shipped (weights-missing allowed): ${[...UNSHIPPED].join(', ')}`);
console.log(`stories: ${renderedCount} rendered, ${failed.length} with errors (${((Date.now() - started) / 1000).toFixed(0)}s)`);
if (failed.length) {
  console.log(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
if (!stories.length) {
  console.log('no stories found in storybook-static/index.json');
  process.exit(1);
}
