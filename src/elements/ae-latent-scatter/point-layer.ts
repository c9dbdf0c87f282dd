// Draws many small square points straight into an ImageData: no per-point canvas
// calls, so 100k points redraw in a few milliseconds.

/** Packs "#rrggbb" colours into RGBA words for a little-endian Uint32 view of ImageData. */
export function packColors(colors: readonly string[]): Uint32Array {
  return Uint32Array.from(colors, (c) => {
    const v = parseInt(c.replace('#', '').slice(0, 6), 16);
    const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
    return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
  });
}

export interface PointStyle {
  /** Side of each point in device pixels. */
  size: number;
  /** Colour per label (packed), and for points without a label. */
  colors: Uint32Array;
  unlabelled: number;
}

/**
 * Paints points (n x 2 in data units) with the affine map px = x * sx + tx,
 * py = y * sy + ty (device pixels) onto a cleared canvas.
 */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: Float32Array,
  labels: ArrayLike<number> | null,
  map: { sx: number; tx: number; sy: number; ty: number },
  style: PointStyle,
): number {
  const { width, height } = ctx.canvas;
  if (!width || !height) return 0;
  const image = ctx.createImageData(width, height);
  const px = new Uint32Array(image.data.buffer);
  const n = points.length / 2;
  const s = Math.max(1, Math.round(style.size));
  const half = s >> 1;
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    const x0 = Math.round(points[i * 2] * map.sx + map.tx) - half;
    const y0 = Math.round(points[i * 2 + 1] * map.sy + map.ty) - half;
    if (x0 + s <= 0 || y0 + s <= 0 || x0 >= width || y0 >= height) continue;
    const color = labels ? (style.colors[labels[i]] ?? style.unlabelled) : style.unlabelled;
    const xa = Math.max(0, x0);
    const xb = Math.min(width, x0 + s);
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + s); y++) {
      const row = y * width;
      for (let x = xa; x < xb; x++) px[row + x] = color;
    }
    drawn++;
  }
  ctx.putImageData(image, 0, 0);
  return drawn;
}
