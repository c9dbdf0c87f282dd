// A headless Chromium page on the repo's static server, for scripts that drive the
// built library (dist/) the way a page would.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './chrome.mjs';
import { startServer } from '../serve.mjs';

/** Opens a same-origin page; `isolate` serves COOP/COEP so tfjs-wasm can use threads. */
export async function openPage({ isolate = false, log = () => {} } = {}) {
  const { server, url } = await startServer(0, { isolate });
  const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS, protocolTimeout: 0 });
  const page = await browser.newPage();
  page.on('console', (m) => log(m.text()));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(`${url}scripts/lib/blank.html`);
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { page, url, close };
}
