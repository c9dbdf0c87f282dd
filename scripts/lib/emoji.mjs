// emoji-32: the Noto emoji of the npm package emoji-datasource-google 16.0.0 (its 32 px
// sprite sheet and emoji.json), alpha-composited on white, 32x32x3 uint8, labelled by
// category (nine classes; the five "Component" images are left out):
//   data/emoji-32.test.bin   20% of every category's base emoji, the train mean image,
//                            32 PCA components of the train split (float32), class names
//   data/emoji-32.train.bin  the other base emoji
// The emoji are interleaved with a fixed seed and split by the engine's own seeded split.
// Skin-tone variations are left out: they are near-copies of their base emoji, 1,875 of
// them all in People & Body, and with those of train emoji in the train part the PCA
// baselines on the test split got worse (PCA-2 0.0531 against 0.0485). Images identical to
// an earlier emoji's (territory flags drawn as their country's, say) are left out too, so
// no test image has a copy in train.
// The package is 74 MB and only needed here, so it is not a dependency.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Part, basisMse, interleave, loadEngine, pcaBasis, perClass, writeDatasetFile } from './dataset-file.mjs';
import { readPng } from './png.mjs';

const require = createRequire(import.meta.url);
const PACKAGE = 'emoji-datasource-google';
const VERSION = '16.0.0';
export const INSTALL = `npm install --no-save ${PACKAGE}@${VERSION}`;
const SHEET = 'img/google/sheets-clean/32.png'; // Google images only, no fallbacks from other sets
const PX = 32;
const CELL = PX + 2; // every image has a 1 px transparent border on the sheet
const SIZE = PX * PX * 3;
const SEED = 20261201;
const BASIS = 32;
export const CLASS_NAMES = ['Smileys & Emotion', 'People & Body', 'Animals & Nature', 'Food & Drink', 'Travel & Places', 'Activities', 'Objects', 'Symbols', 'Flags'];
const LEFT_OUT = new Set(['Component']);

/** The package's folder, or a message saying how to install it. */
export function emojiPackage() {
  let file;
  try {
    file = require.resolve(`${PACKAGE}/package.json`);
  } catch {
    return { error: `${PACKAGE} is not installed (it is only needed to build data/emoji-32.*.bin). Run: ${INSTALL}` };
  }
  const { version } = JSON.parse(readFileSync(file, 'utf8'));
  if (version !== VERSION) return { error: `${PACKAGE} ${version} is installed; the bundled data is built from ${VERSION}. Run: ${INSTALL}` };
  return { dir: dirname(file) };
}

/** The image at a sheet position, alpha over white, as 32x32x3 uint8 (exact integer rounding). */
function cellRgb(sheet, sx, sy) {
  const out = new Uint8Array(SIZE);
  const x0 = sx * CELL + 1;
  const y0 = sy * CELL + 1;
  if (x0 + PX > sheet.width || y0 + PX > sheet.height) throw new Error(`sheet position ${sx},${sy} lies outside the ${sheet.width}x${sheet.height} sheet`);
  for (let y = 0; y < PX; y++) {
    for (let x = 0; x < PX; x++) {
      const at = ((y0 + y) * sheet.width + x0 + x) * 4;
      const a = sheet.rgba[at + 3];
      for (let c = 0; c < 3; c++) out[(y * PX + x) * 3 + c] = Math.floor((sheet.rgba[at + c] * a + 255 * (255 - a) + 127) / 255);
    }
  }
  return out;
}

/** Emoji in a fixed order, and what was skipped. */
function readEmoji(dir) {
  const list = JSON.parse(readFileSync(join(dir, 'emoji.json'), 'utf8'));
  const skipped = { component: 0, missing: [] };
  const emoji = [];
  for (const e of list) {
    if (LEFT_OUT.has(e.category)) {
      skipped.component++;
      continue;
    }
    const label = CLASS_NAMES.indexOf(e.category);
    if (label < 0) throw new Error(`${e.short_name}: unknown category "${e.category}"; update CLASS_NAMES in ${import.meta.url}`);
    if (!e.has_img_google) {
      skipped.missing.push(e.short_name);
      continue;
    }
    emoji.push({ name: e.short_name, label, order: e.sort_order, sx: e.sheet_x, sy: e.sheet_y });
  }
  emoji.sort((a, b) => a.label - b.label || a.order - b.order || (a.name < b.name ? -1 : 1));
  return { emoji, skipped };
}

/**
 * Keeps one emoji of each identical image: the one with the shortest name ("us" over
 * "flag-um", "family" over "man-man-boy"), then the first. Returns the kept ones in their
 * order and the dropped names.
 */
function unique(emoji) {
  const hash = (e) => createHash('sha1').update(e.pixels).digest('hex');
  const keeper = new Map();
  for (const e of [...emoji].sort((a, b) => a.name.length - b.name.length)) if (!keeper.has(hash(e))) keeper.set(hash(e), e);
  const kept = emoji.filter((e) => keeper.get(hash(e)) === e);
  const dropped = emoji.filter((e) => keeper.get(hash(e)) !== e).map((e) => `${e.name} (= ${keeper.get(hash(e)).name})`);
  return { kept, dropped };
}

export async function buildEmoji() {
  const pkg = emojiPackage();
  if (pkg.error) throw new Error(pkg.error);
  const sheet = readPng(join(pkg.dir, SHEET));
  const read = readEmoji(pkg.dir);
  for (const e of read.emoji) e.pixels = cellRgb(sheet, e.sx, e.sy);
  const { kept: emoji, dropped } = unique(read.emoji);
  await interleave(emoji, SEED);
  const m = emoji.length;
  const all = new Uint8Array(m * SIZE);
  const allLabels = new Uint8Array(m);
  emoji.forEach((e, i) => {
    all.set(e.pixels, i * SIZE);
    allLabels[i] = e.label;
  });

  const { withSplit } = await loadEngine();
  const split = withSplit({ name: 'emoji-32', images: Float32Array.from(all, (v) => v / 255), labels: allLabels, n: m, height: PX, width: PX, channels: 3 });
  // The joined order a page sees: test images first, then the train part.
  const order = [...split.testIndices, ...split.trainIndices];
  const bytes = new Uint8Array(m * SIZE);
  const labels = new Uint8Array(m);
  order.forEach((i, r) => {
    bytes.set(all.subarray(i * SIZE, (i + 1) * SIZE), r * SIZE);
    labels[r] = allLabels[i];
  });
  const testN = split.testIndices.length;
  const testIndices = Array.from({ length: testN }, (_, i) => i);
  const trainIndices = Array.from({ length: m - testN }, (_, i) => testN + i);
  const images = Float32Array.from(bytes, (v) => v / 255); // exactly as the parser scales them
  const basis = await pcaBasis(images, trainIndices, SIZE, BASIS);

  const shape = { bytes, labels, height: PX, width: PX, channels: 3 };
  const test = writeDatasetFile('emoji-32.test.bin', { ...shape, indices: testIndices, part: Part.Test, ...basis, classNames: CLASS_NAMES });
  const train = writeDatasetFile('emoji-32.train.bin', { ...shape, indices: trainIndices, part: Part.Train });

  const classes = CLASS_NAMES.length;
  const { skipped } = read;
  console.log(`emoji-32: ${m} emoji, per class ${perClass(allLabels, emoji.map((_, i) => i), classes).join(' ')}; left out ${skipped.component} Component images, ${skipped.missing.length} without a Google image${skipped.missing.length ? ` (${skipped.missing.join(', ')})` : ''}, ${dropped.length} identical to another: ${dropped.join(', ')}`);
  console.log(`data/emoji-32.test.bin: ${testN} images, ${test.length} bytes, per class ${perClass(labels, testIndices, classes).join(' ')}`);
  console.log(`data/emoji-32.train.bin: ${m - testN} images, ${train.length} bytes, per class ${perClass(labels, trainIndices, classes).join(' ')}`);
  const mse = basisMse(images, testIndices, SIZE, basis, [2, BASIS]);
  console.log(`emoji-32 PCA basis: ${BASIS} components, variances ${Array.from(basis.variances.slice(0, 4), (v) => v.toFixed(3)).join(' ')} …`);
  console.log(`emoji-32 test MSE: mean image ${mse.mean.toFixed(4)}, PCA-2 ${mse.pca[2].toFixed(4)}, PCA-${BASIS} ${mse.pca[BASIS].toFixed(4)}`);
}
