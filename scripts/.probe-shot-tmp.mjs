import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
import { startServer } from './serve.mjs';
const { server, url } = await startServer(0, { root: '/work/main/storybook-static' });
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
for (const [id, mode] of process.argv.slice(2).map((a) => a.split(':'))) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(`${url}iframe.html?id=${id}&viewMode=${mode ?? 'story'}`);
  await new Promise((r) => setTimeout(r, 15000));
  await page.screenshot({ path: `/tmp/probe/${id}.png`, fullPage: true });
  await page.close();
}
await browser.close(); server.close();
