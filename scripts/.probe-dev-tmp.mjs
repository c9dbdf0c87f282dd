import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './lib/chrome.mjs';
const url = 'http://127.0.0.1:6006/';
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
for (const id of process.argv.slice(2)) {
  const page = await browser.newPage();
  page.on('console', (m) => ['error', 'warn', 'warning'].includes(m.type()) && console.log('  console', m.type(), m.text().slice(0, 300)));
  page.on('pageerror', (e) => console.log('  pageerror', e.message));
  page.on('response', (r) => (r.status() >= 400 || /lit|worker/.test(r.url())) && console.log('  resp', r.status(), r.url().replace(url, '/')));
  page.on('workercreated', (w) => console.log('  worker', w.url().replace(url, '/')));
  await page.goto(`${url}iframe.html?id=${id}&viewMode=story`);
  await new Promise((r) => setTimeout(r, 25000));
  const info = await page.evaluate(() => [...document.querySelectorAll('#storybook-root *')].filter((e) => e.localName.startsWith('ae-')).map((e) => `${e.localName}: ${e.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 200)}`));
  console.log(id, info);
  await page.close();
}
await browser.close();
