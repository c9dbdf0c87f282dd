import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '/work/main/scripts/lib/chrome.mjs';
import { startServer } from '/work/main/scripts/serve.mjs';
const { server, url } = await startServer(0, { root: '/work/main/storybook-static' });
const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
for (const id of process.argv.slice(2)) {
  const page = await browser.newPage();
  page.on('console', (m) => console.log('  console', m.type(), m.text().slice(0, 200), m.location()?.url ?? ''));
  page.on('response', (r) => console.log('  resp', r.status(), r.url().replace(url, '/')));
  page.on('workercreated', (w) => console.log('  worker', w.url().replace(url, '/')));
  await page.goto(`${url}iframe.html?id=${id}&viewMode=story`);
  await new Promise((r) => setTimeout(r, 8000));
  const info = await page.evaluate(() => [...document.querySelectorAll('#storybook-root *')].filter((e) => e.localName.startsWith('ae-')).map((e) => `${e.localName}: ${e.shadowRoot.textContent.replace(/\s+/g, ' ').slice(0, 400)}`));
  console.log(id, info);
  await page.close();
}
await browser.close(); server.close();
