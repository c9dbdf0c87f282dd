// npm run train-weights [-- preset ...]: trains each preset's model with the library's
// own engine (built dist/, headless Chromium, wasm), seeded, and writes TF.js
// LayersModel files to weights/<preset>/ plus weights/README.md.
// TRAIN_EPOCHS_SCALE=0.05 shortens every phase (for checking the pipeline, not for shipping).
// --reencode skips training: the shipped weights are loaded and written again in the
// plan's `ship` encoding, measured the same way (training time kept from results.json).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { openPage } from './lib/browser.mjs';
import { PLANS } from './lib/training-plans.mjs';

const WEIGHTS = new URL('../weights/', import.meta.url);
const RESULTS = new URL('results.json', WEIGHTS);
const scale = Number(process.env.TRAIN_EPOCHS_SCALE ?? 1);
const reencode = process.argv.includes('--reencode');
const ids = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = ids.length ? ids : Object.keys(PLANS);
for (const id of chosen) if (!PLANS[id]) throw new Error(`No training plan for "${id}". Known: ${Object.keys(PLANS).join(', ')}`);

/** Runs in the page: train, measure, export every encoding, reload the shipped one. */
async function trainInPage({ id, plan, libUrl, qualityUrl, reencode }) {
  const lib = await import(libUrl);
  const { colorization } = await import(qualityUrl);
  lib.configure({ backend: 'wasm' });
  const { data } = lib.PRESETS[id];
  const store = lib.getModelStore(`train-${id}`);
  if (data) store.useData(data);
  await store.setSpec({ ...lib.PRESETS[id].spec, seed: plan.seed });
  store.addEventListener('progress', ({ detail: p }) => {
    if (p.phase === 'epoch') console.log(`[train] ${id} epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(5)} test MSE ${p.testMse.toFixed(5)}`);
  });
  const t0 = performance.now();
  if (reencode) await store.load(new URL(`weights/${id}/model.json`, libUrl).href);
  else for (const phase of plan.schedule) await store.train({ batchSize: plan.batchSize, ...phase });
  const trainSeconds = reencode ? null : (performance.now() - t0) / 1000;
  const base64 = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const files = {};
  for (const encoding of ['float32', 'float16', 'uint8']) {
    const f = await store.exportFiles(id, { quantize: encoding === 'float32' ? undefined : encoding });
    files[encoding] = { modelJson: f.modelJson, weightsName: f.weightsName, weights: base64(f.weights) };
  }
  const trained = await store.metrics();
  // The shipped encoding, loaded the way a page loads it, is what the README reports.
  const shipped = files[plan.ship];
  const check = lib.getModelStore(`check-${id}`);
  if (data) check.useData(data);
  const bytes = Uint8Array.from(atob(shipped.weights), (c) => c.charCodeAt(0));
  await check.load([new File([shipped.modelJson], 'model.json'), new File([bytes], shipped.weightsName)]);
  const metrics = await check.metrics();
  const colour = check.spec.kind === 'colorize' ? await colorization(lib, check) : undefined;
  const knn1 = metrics.knnAccuracy != null ? (await check.knn({ k: 1 })).accuracy : undefined;
  await Promise.all([store.dispose(), check.dispose()]);
  return { spec: store.spec, data, backend: store.backend, trainSeconds, trained, metrics, knn1, colour, files };
}

const fmt = (x, d = 4) => (x == null ? '–' : x.toFixed(d));
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;

function readme(results) {
  const rows = Object.entries(results).map(([id, r]) => {
    const m = r.metrics;
    return `| \`${id}\` | ${r.data ?? 'mnist-10k'} | ${m.latentDim} | ${fmt(m.testMse)} | ${fmt(m.knnAccuracy, 3)} | ${fmt(m.pca.testMse)} | ${fmt(m.pca.knnAccuracy, 3)} | ${r.ship} | ${kb(r.sizes[r.ship].gzip)} | ${(r.trainSeconds / 60).toFixed(1)} min |`;
  });
  const details = Object.entries(results).map(([id, r]) => {
    const sizes = Object.entries(r.sizes).map(([enc, s]) => `${enc} ${kb(s.bytes)} (${kb(s.gzip)} gzip)`).join(', ');
    const schedule = r.plan.schedule.map((p) => `${p.epochs} epochs at ${p.learningRate}${p.finalLearningRate ? ` decaying to ${p.finalLearningRate} (cosine)` : ''}`).join(', then ');
    return `### ${id}\n\n- Spec: \`${JSON.stringify(r.spec)}\`\n- Training: seed ${r.plan.seed}, batch ${r.plan.batchSize}, Adam; ${schedule}; ${r.backend} backend, ${(r.trainSeconds / 60).toFixed(1)} min on a 2-core machine.\n- Weights: ${sizes}; ships ${r.ship}.\n- Test MSE before quantisation ${fmt(r.trained.testMse, 5)}, after ${fmt(r.metrics.testMse, 5)}.${r.colour ? `\n- Colorization of the test split (colour MSE over RGB): the grey input ${fmt(r.colour.greyMse, 5)}, colorized ${fmt(r.colour.colorMse, 5)} (${(r.colour.colorMse / r.colour.greyMse).toFixed(2)}x the grey input's); a table mapping each grey level to its mean train colour ${fmt(r.colour.lutMse, 5)} (${(r.colour.lutMse / r.colour.greyMse).toFixed(2)}x).` : ''}${r.knn1 != null ? `\n- Nearest-neighbour accuracy of the test codes against the train codes: kNN-5 ${fmt(r.metrics.knnAccuracy, 3)}, kNN-1 ${fmt(r.knn1, 3)}.` : ''}${r.plan.note ? `\n- ${r.plan.note}` : ''}${r.reencodedFrom ? `\n- Re-encoded from the ${r.reencodedFrom} files of that training run, so "before" and the float32 size are of those.` : ''}`;
  });
  return `# Pretrained weights

Trained by \`npm run train-weights\` (scripts/train-weights.mjs, plans in
scripts/lib/training-plans.mjs) with the library's own engine in headless Chromium, on
the train split of each preset's bundled data (seeded; see data/README.md): the 8,000
MNIST train digits, or the 1,514 train emoji of emoji-32. Every figure below is measured
on that data's test split (2,000 digits, 378 emoji) with the shipped files, loaded as a
page loads them. kNN is 5-nearest-neighbour accuracy of the test codes against the train
codes (labels: digits, or the nine emoji categories); PCA has as many components as the
code, fitted on the train split. The weights are released with this project (MIT); the
data they learned from keeps its own licence (data/README.md: MNIST, and the Noto Emoji
images under Apache-2.0).

| preset | data | code | test MSE | kNN-5 | PCA test MSE | PCA kNN-5 | ships | gzip | training |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${details.join('\n\n')}
`;
}

async function main() {
  if (process.argv.includes('--readme')) return void writeFileSync(new URL('README.md', WEIGHTS), readme(JSON.parse(readFileSync(RESULTS, 'utf8'))));
  if (!existsSync(new URL('../dist/index.js', import.meta.url))) execSync('npx rollup -c --silent', { stdio: 'inherit' });
  const results = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const { page, url, close } = await openPage({ isolate: true, log: (t) => /^\[train\]|error/i.test(t) && console.log(`  ${t}`) });
  try {
    for (const id of chosen) {
      const plan = { ...PLANS[id], schedule: PLANS[id].schedule.map((p) => ({ ...p, epochs: Math.max(1, Math.round(p.epochs * scale)) })) };
      if (reencode) console.log(`${id}: re-encoding the shipped weights as ${plan.ship}`);
      else console.log(`${id}: training (${plan.schedule.map((p) => `${p.epochs} epochs, lr ${p.learningRate}${p.finalLearningRate ? `->${p.finalLearningRate}` : ''}`).join('; ')})`);
      const r = await page.evaluate(trainInPage, { id, plan, libUrl: `${url}dist/index.js`, qualityUrl: `${url}scripts/lib/quality.mjs`, reencode });
      r.trainSeconds ??= results[id]?.trainSeconds;
      const dir = new URL(`${id}/`, WEIGHTS);
      mkdirSync(dir, { recursive: true });
      const sizes = {};
      for (const [encoding, f] of Object.entries(r.files)) {
        const bytes = Buffer.from(f.weights, 'base64');
        sizes[encoding] = { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
        if (encoding === plan.ship) {
          writeFileSync(new URL('model.json', dir), f.modelJson);
          writeFileSync(new URL(f.weightsName, dir), bytes);
        }
      }
      const reencodedFrom = reencode ? (results[id]?.reencodedFrom ?? results[id]?.ship) : undefined;
      results[id] = { plan, data: r.data, spec: r.spec, backend: r.backend, trainSeconds: r.trainSeconds, trained: r.trained, metrics: r.metrics, knn1: r.knn1 ?? results[id]?.knn1, colour: r.colour, ship: plan.ship, sizes, reencodedFrom };
      console.log(`${id}: test MSE ${fmt(r.metrics.testMse)} kNN ${fmt(r.metrics.knnAccuracy, 3)} | PCA ${fmt(r.metrics.pca.testMse)} / ${fmt(r.metrics.pca.knnAccuracy, 3)} | ${(r.trainSeconds / 60).toFixed(1)} min`);
      writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(new URL('README.md', WEIGHTS), readme(results));
    }
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
