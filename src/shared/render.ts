import { sampleShapeOf, sampleSize, type SampleShape } from '../engine/sample.js';
import type { Dataset } from '../engine/dataset.js';

// The one renderer for samples: every element draws through paintSamples, so a new
// sample kind needs one painter here and no change in the elements.
// - grey images blend the theme's ink and paper (`--ae-digit-ink`, `--ae-digit-paper`);
// - colour images are painted as they are;
// - vectors are drawn as a line over their index, in the ink colour on the paper; an
//   `overlay` (a reconstruction, say) is drawn over it in the accent colour, on one scale.
// Images are painted at native resolution; CSS scales them with `image-rendering:
// pixelated`, so they stay crisp at any display size.

type Rgb = [number, number, number];
const ACCENT: Rgb = [11, 98, 214];
export interface SampleColors {
  ink: Rgb;
  paper: Rgb;
  /** The overlay line of vectors (default: the theme's accent blue). */
  accent?: Rgb;
}

/** What paintSamples needs to know of the data: a Dataset, or a bare sample shape. */
export type ShapeSource = Pick<Dataset, 'height' | 'width' | 'channels' | 'sample'> | SampleShape;

const shapeOf = (s: ShapeSource): SampleShape => ('kind' in s ? s : sampleShapeOf(s));

/** Ink and paper colours in effect for an element (set on it or any ancestor, `:root` included). */
export function sampleColors(el: Element): SampleColors {
  const style = getComputedStyle(el);
  return {
    ink: parseColor(style.getPropertyValue('--_ink'), [17, 17, 17]),
    paper: parseColor(style.getPropertyValue('--_paper'), [255, 255, 255]),
    accent: parseColor(style.getPropertyValue('--_accent'), ACCENT),
  };
}

function parseColor(text: string, fallback: Rgb): Rgb {
  const t = text.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(t);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as Rgb;
  const short = /^#([0-9a-f]{3})$/i.exec(t);
  if (short) return [0, 1, 2].map((i) => parseInt(short[1][i] + short[1][i], 16)) as Rgb;
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(t);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return fallback;
}

/** Cell size of one vector's plot, in canvas pixels. */
const VECTOR_CELL = { height: 48, minWidth: 64, maxWidth: 256 } as const;

/** The canvas size of one sample as painted. */
export function cellSize(shape: SampleShape): { width: number; height: number } {
  if (shape.kind === 'image') return { width: shape.width, height: shape.height };
  return { width: Math.min(VECTOR_CELL.maxWidth, Math.max(VECTOR_CELL.minWidth, 2 * shape.length)), height: VECTOR_CELL.height };
}

/**
 * Paints `count` samples from `values` (starting at sample `offset`) into `canvas` as a
 * mosaic of `cols` columns (one sample when count is 1). The canvas takes the mosaic's size.
 * Vectors may carry an `overlay` laid out like `values` (their reconstructions, say): each
 * sample's overlay is drawn over it in the accent colour, both on one vertical scale.
 * Images ignore it.
 */
export function paintSamples(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  source: ShapeSource,
  options: { count?: number; cols?: number; offset?: number; colors?: SampleColors; overlay?: Float32Array } = {},
): void {
  const shape = shapeOf(source);
  const size = sampleSize(shape);
  const count = options.count ?? Math.floor(values.length / size);
  const cols = Math.max(1, Math.min(options.cols ?? count, count));
  const cell = cellSize(shape);
  const [width, height] = [cols * cell.width, Math.ceil(count / cols) * cell.height];
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx || !count) return;
  const colors = options.colors ?? sampleColors(canvas);
  const offset = options.offset ?? 0;
  const at = (k: number) => [(k % cols) * cell.width, Math.floor(k / cols) * cell.height] as const;
  if (shape.kind === 'vector') {
    paintVectors(ctx, values, shape.length, count, offset, at, cell, colors, options.overlay);
    return;
  }
  const out = ctx.createImageData(width, height);
  for (let k = 0; k < count; k++) paintImage(out, values, (offset + k) * size, at(k), shape, colors);
  ctx.putImageData(out, 0, 0);
}

function paintImage(out: ImageData, values: Float32Array, base: number, [ox, oy]: readonly [number, number], shape: SampleShape & { kind: 'image' }, { ink, paper }: SampleColors) {
  const { height: h, width: w, channels: c } = shape;
  const px = out.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = ((oy + y) * out.width + ox + x) * 4;
      const i = base + (y * w + x) * c;
      for (let ch = 0; ch < 3; ch++) {
        const v = values[i + (c === 3 ? ch : 0)];
        const t = v < 0 ? 0 : v > 1 ? 1 : v;
        px[o + ch] = c === 3 ? 255 * t : paper[ch] + (ink[ch] - paper[ch]) * t;
      }
      px[o + 3] = 255;
    }
  }
}

/**
 * Each vector as a line (and its overlay, if any, over it), scaled to the range of all
 * the vectors painted together so they compare.
 */
function paintVectors(
  ctx: CanvasRenderingContext2D,
  values: Float32Array,
  length: number,
  count: number,
  offset: number,
  at: (k: number) => readonly [number, number],
  cell: { width: number; height: number },
  { ink, paper, accent = ACCENT }: SampleColors,
  overlay?: Float32Array,
) {
  const lines = [values, overlay].filter((v): v is Float32Array => !!v).map((v) => v.subarray(offset * length, (offset + count) * length));
  let [lo, hi] = [Infinity, -Infinity];
  for (const all of lines) for (const v of all) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!(hi > lo)) [lo, hi] = [(lo || 0) - 1, (lo || 0) + 1];
  const pad = 3;
  ctx.fillStyle = `rgb(${paper.join(',')})`;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  lines.forEach((all, which) => {
    ctx.strokeStyle = `rgb(${(which ? accent : ink).join(',')})`;
    for (let k = 0; k < count; k++) {
      const [ox, oy] = at(k);
      ctx.beginPath();
      for (let i = 0; i < length; i++) {
        const x = ox + pad + ((cell.width - 2 * pad) * i) / Math.max(1, length - 1);
        const y = oy + cell.height - pad - ((cell.height - 2 * pad) * (all[k * length + i] - lo)) / (hi - lo);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
  });
}

/** Mean squared difference of two equally long arrays (or of one sample pair in them). */
export function mse(a: Float32Array, b: Float32Array, start = 0, length = a.length): number {
  let s = 0;
  for (let i = start; i < start + length; i++) s += (a[i] - b[i]) ** 2;
  return length ? s / length : 0;
}
