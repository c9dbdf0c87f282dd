// Turns a high-resolution drawing into an image the model knows: MNIST digits sit in a
// 20x20 box, centred by their centre of mass in a 28x28 frame, so drawn digits are
// prepared the same way before the encoder sees them.

export interface Raster {
  /** Ink per source pixel, 0..1, row-major. */
  ink: Float32Array;
  width: number;
  height: number;
}

/**
 * Resamples `src` into a `height` x `width` image (values 0..1): the ink's bounding box is
 * scaled, keeping its aspect, to `box` of the frame's shorter side (20/28 as in MNIST),
 * averaged over source pixels, then shifted so its centre of mass is the frame's centre.
 * An empty drawing gives an all-zero image.
 */
export function rasterize(src: Raster, height: number, width: number, box = 20 / 28): Float32Array {
  const out = new Float32Array(height * width);
  const bounds = inkBounds(src);
  if (!bounds) return out;
  const [x0, y0, x1, y1] = bounds;
  const side = Math.max(x1 - x0, y1 - y0); // a square region keeps a "1" thin, not stretched
  const target = Math.max(1, Math.round(Math.min(height, width) * box));
  const scale = side / target;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const small = new Float32Array(target * target);
  for (let ty = 0; ty < target; ty++) {
    for (let tx = 0; tx < target; tx++) {
      small[ty * target + tx] = average(src, cx + (tx - target / 2) * scale, cy + (ty - target / 2) * scale, scale);
    }
  }
  // Centre of mass of the small image, then place it so that lands on the frame's centre.
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < target; y++) {
    for (let x = 0; x < target; x++) {
      const v = small[y * target + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  const ox = Math.round(width / 2 - (mass ? mx / mass : target / 2) - 0.5);
  const oy = Math.round(height / 2 - (mass ? my / mass : target / 2) - 0.5);
  for (let y = 0; y < target; y++) {
    for (let x = 0; x < target; x++) {
      const X = x + ox;
      const Y = y + oy;
      if (X >= 0 && X < width && Y >= 0 && Y < height) out[Y * width + X] = Math.min(1, small[y * target + x]);
    }
  }
  return out;
}

/** Mean ink over the square cell [x, x+size) x [y, y+size) of the source (outside counts as empty). */
function average(src: Raster, x: number, y: number, size: number): number {
  const xa = Math.floor(x);
  const ya = Math.floor(y);
  const xb = Math.max(xa + 1, Math.ceil(x + size));
  const yb = Math.max(ya + 1, Math.ceil(y + size));
  let sum = 0;
  for (let yy = ya; yy < yb; yy++) {
    if (yy < 0 || yy >= src.height) continue;
    for (let xx = xa; xx < xb; xx++) if (xx >= 0 && xx < src.width) sum += src.ink[yy * src.width + xx];
  }
  return sum / ((xb - xa) * (yb - ya));
}

function inkBounds(src: Raster): [number, number, number, number] | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      if (src.ink[y * src.width + x] > 0.05) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : [x0, y0, x1 + 1, y1 + 1];
}
