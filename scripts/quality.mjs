// npm run quality: measures the shipped preset weights, loaded from dist/ the way a page
// loads them, and prints the quality table. Exits non-zero when a threshold is missed.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { openPage } from './lib/browser.mjs';
import { PRESET_IDS } from './lib/training-plans.mjs';

const fmt = (x, d = 4) => (x == null ? '–' : x.toFixed(d));

async function main() {
  if (!existsSync(new URL('../dist/index.js', import.meta.url))) execSync('npx rollup -c --silent', { stdio: 'inherit' });
  const { page, url, close } = await openPage({ isolate: true, log: (t) => /error/i.test(t) && console.log(`  ${t}`) });
  let failed = 0;
  try {
    const rows = await page.evaluate(
      async ({ libUrl, qualityUrl, ids }) => {
        const [lib, q] = await Promise.all([import(libUrl), import(qualityUrl)]);
        lib.configure({ backend: 'wasm' });
        const out = [];
        for (const id of ids) {
          try {
            const row = await q.measurePreset(lib, id);
            out.push({ ...row, failures: q.failures(row) });
          } catch (e) {
            out.push({ id, error: `${e.code ?? ''} ${e.message}`.trim() });
          }
        }
        return out;
      },
      { libUrl: `${url}dist/index.js`, qualityUrl: `${url}scripts/lib/quality.mjs`, ids: PRESET_IDS },
    );
    console.log('| preset | code | test MSE | kNN-5 | kNN-1 | PCA MSE | PCA kNN-5 | MSE vs PCA | other | checks |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      if (r.error) {
        failed++;
        console.log(`| ${r.id} | – | – | – | – | – | – | – | – | FAILED to load: ${r.error} |`);
        continue;
      }
      const other = r.gridDigits != null ? `grid digits ${r.gridDigits}/10 [${r.gridCounts.join(' ')}]` : r.priorDigits != null ? `prior draws decode ${r.priorDigits}/10 digits [${r.priorCounts.join(' ')}]; test codes inside the prior's 95% region ${fmt(r.priorInside, 3)}, nearest component = digit ${fmt(r.priorAssigned, 3)}` : r.denoiseRatio != null ? `denoise ${fmt(r.noisyMse)} -> ${fmt(r.restoredMse)} (${r.denoiseRatio.toFixed(2)}x); ${Object.entries(r.restoreRatios).map(([k, x]) => `${k} ${x.toFixed(2)}x`).join(', ')}` : '';
      const gain = `${((1 - r.testMse / r.pcaMse) * 100).toFixed(1)}% lower`;
      failed += r.failures.length;
      console.log(`| ${r.id} | ${r.latentDim} | ${fmt(r.testMse)} | ${fmt(r.knn, 3)} | ${fmt(r.knn1, 3)} | ${fmt(r.pcaMse)} | ${fmt(r.pcaKnn, 3)} | ${gain} | ${other} | ${r.failures.length ? `FAIL: ${r.failures.join('; ')}` : 'pass'} |`);
    }
  } finally {
    await close();
  }
  if (failed) {
    console.error(`${failed} quality check(s) failed.`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
