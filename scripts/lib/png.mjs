// A small PNG decoder for the emoji sprite sheet: 8-bit RGBA (colour type 6),
// non-interlaced, the five row filters. Anything else is refused with a reason.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Decodes a PNG file into { width, height, rgba } (rgba: width * height * 4 bytes). */
export function readPng(path) {
  const file = readFileSync(path);
  if (!SIGNATURE.every((b, i) => file[i] === b)) throw new Error(`${path}: not a PNG file.`);
  let width = 0;
  let height = 0;
  const idat = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || colour !== 6 || interlace !== 0) {
        throw new Error(`${path}: only 8-bit RGBA non-interlaced PNGs are supported (bit depth ${depth}, colour type ${colour}, interlace ${interlace}).`);
      }
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  return { width, height, rgba: unfilter(inflateSync(Buffer.concat(idat)), width, height, 4, path) };
}

/** Undoes the per-row filters (none, sub, up, average, Paeth). */
function unfilter(raw, width, height, bpp, path) {
  const stride = width * bpp;
  if (raw.length !== height * (stride + 1)) throw new Error(`${path}: image data is ${raw.length} bytes, expected ${height * (stride + 1)}.`);
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride; // only read when y > 0
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = y > 0 ? out[prev + x] : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp] : 0;
      let v;
      switch (filter) {
        case 0: v = 0; break;
        case 1: v = a; break;
        case 2: v = b; break;
        case 3: v = (a + b) >> 1; break;
        case 4: v = paeth(a, b, c); break;
        default: throw new Error(`${path}: unknown PNG filter ${filter} on row ${y}.`);
      }
      out[row + x] = (raw[src + x] + v) & 0xff;
    }
  }
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
