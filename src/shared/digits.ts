// Paints Float32 images (values 0..1) to canvas at native resolution; CSS scales them
// with `image-rendering: pixelated`, so they stay crisp at any display size.

export interface ImageShape {
  height: number;
  width: number;
  channels: number;
}

/** Ink and paper colours from the element's `--ae-digit-ink` / `--ae-digit-paper`. */
export function digitColors(el: Element): { ink: [number, number, number]; paper: [number, number, number] } {
  const style = getComputedStyle(el);
  return {
    ink: parseColor(style.getPropertyValue('--ae-digit-ink'), [17, 17, 17]),
    paper: parseColor(style.getPropertyValue('--ae-digit-paper'), [255, 255, 255]),
  };
}

function parseColor(text: string, fallback: [number, number, number]): [number, number, number] {
  const t = text.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(t);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as [number, number, number];
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(t);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return fallback;
}

/**
 * Paints `count` images into `canvas` as a mosaic of `cols` columns (one image when
 * count is 1). The canvas is resized to the mosaic's pixel size.
 */
export function paintImages(
  canvas: HTMLCanvasElement,
  images: Float32Array,
  shape: ImageShape,
  options: { count?: number; cols?: number; offset?: number; colors?: ReturnType<typeof digitColors> } = {},
): void {
  const { height: h, width: w, channels: c } = shape;
  const size = h * w * c;
  const count = options.count ?? Math.floor(images.length / size);
  const cols = Math.max(1, Math.min(options.cols ?? count, count));
  const rowsN = Math.ceil(count / cols);
  const { ink, paper } = options.colors ?? digitColors(canvas);
  if (canvas.width !== cols * w) canvas.width = cols * w;
  if (canvas.height !== rowsN * h) canvas.height = rowsN * h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const out = ctx.createImageData(cols * w, rowsN * h);
  const px = out.data;
  const offset = options.offset ?? 0;
  for (let k = 0; k < count; k++) {
    const [ox, oy] = [(k % cols) * w, Math.floor(k / cols) * h];
    const base = (offset + k) * size;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const o = ((oy + y) * cols * w + ox + x) * 4;
        for (let ch = 0; ch < 3; ch++) {
          const v = images[base + (y * w + x) * c + (c === 3 ? ch : 0)];
          const t = v < 0 ? 0 : v > 1 ? 1 : v;
          px[o + ch] = paper[ch] + (ink[ch] - paper[ch]) * t;
        }
        px[o + 3] = 255;
      }
    }
  }
  ctx.putImageData(out, 0, 0);
}

/** Mean squared difference of two equally long arrays (or of one image pair in them). */
export function mse(a: Float32Array, b: Float32Array, start = 0, length = a.length): number {
  let s = 0;
  for (let i = start; i < start + length; i++) s += (a[i] - b[i]) ** 2;
  return length ? s / length : 0;
}
