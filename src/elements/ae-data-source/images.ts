import { AEError } from '../../engine/errors.js';
import type { PlainKey } from '../../l10n/english.js';

// Image files to pixels in the browser: decoded with createImageBitmap, resized on an
// OffscreenCanvas (alpha over white, as the bundled emoji are), read back as RGB bytes.

/** File names the element takes for images (a file's MIME type `image/*` counts too). */
const IMAGE_NAME = /\.(png|jpe?g|webp|gif|bmp|avif)$/i;
/** File names the element takes for tables (or a `text/csv`, `text/tab-separated-values`, `text/plain` type). */
const TABLE_NAME = /\.(csv|tsv|tab|txt)$/i;

export const isImageFile = (file: File) => file.type.startsWith('image/') || IMAGE_NAME.test(file.name);
export const isTableFile = (file: File) => /^text\/(csv|tab-separated-values|plain)\b/.test(file.type) || TABLE_NAME.test(file.name);
export const isTableName = (name: string) => TABLE_NAME.test(name);

/** One decoded image at the target size: RGB bytes, whether any pixel has colour, and its own size. */
export interface DecodedImage {
  rgb: Uint8Array;
  colour: boolean;
  height: number;
  width: number;
}

/** Channels further apart than this (of 255) make a pixel coloured rather than grey. */
const COLOUR_GAP = 8;

/** Why a file was skipped: its message is the reason ("could not be decoded as an image"). */
const unreadable = (key: PlainKey) => AEError.of('dataset-invalid', key, undefined);

/** Decodes `file` (first frame) and resizes it to height x width; throws a reason (an AEError) when it is no image. */
export async function decodeImage(file: Blob, height: number, width: number): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw unreadable('dataSource.skip.notDecoded');
  }
  try {
    if (!bitmap.width || !bitmap.height) throw unreadable('dataSource.skip.noPixels');
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!ctx) throw unreadable('dataSource.skip.noCanvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    const px = ctx.getImageData(0, 0, width, height).data;
    const rgb = new Uint8Array(height * width * 3);
    let colour = false;
    for (let i = 0, o = 0; i < px.length; i += 4, o += 3) {
      const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
      rgb[o] = r;
      rgb[o + 1] = g;
      rgb[o + 2] = b;
      if (!colour && Math.max(r, g, b) - Math.min(r, g, b) > COLOUR_GAP) colour = true;
    }
    return { rgb, colour, height: bitmap.height, width: bitmap.width };
  } finally {
    bitmap.close();
  }
}

/** RGB bytes as `channels` per pixel: 3 as they are, 1 as luminance (Rec. 601). */
export function toChannels(rgb: Uint8Array, channels: 1 | 3, out: Uint8Array, offset: number) {
  if (channels === 3) return out.set(rgb, offset);
  for (let i = 0, o = offset; i < rgb.length; i += 3, o++) out[o] = Math.round(0.299 * rgb[i] + 0.587 * rgb[i + 1] + 0.114 * rgb[i + 2]);
}

/** The folder a file sits in (the last folder of its relative path), or '' at the top level. */
export function folderOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 2] : '';
}

/** A file with the path it was found at (picker folder, dropped folder, or its name). */
export interface PathedFile {
  file: File;
  path: string;
}

/** The files of a drop, folders walked (webkitGetAsEntry), each with its path inside the drop. */
export async function droppedFiles(dt: DataTransfer): Promise<PathedFile[]> {
  const entries = [...dt.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null));
  if (!entries.length || entries.some((e) => !e)) return [...dt.files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  const out: PathedFile[] = [];
  for (const entry of entries) await walk(entry!, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: PathedFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in pages (100 in Chrome) until it answers none.
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!page.length) break;
    for (const child of page) await walk(child, out);
  }
}

/** An image file name (for a `src` that is a sprite). */
export const isImageName = (name: string) => IMAGE_NAME.test(name);

/** The tiles of a sprite sheet as RGB bytes, in reading order. */
export interface SpriteTiles {
  rgb: Uint8Array;
  n: number;
  /** Tiles the sheet holds (more than `n` when the limit cut it short). */
  total: number;
  colour: boolean;
  /** `rows`: each pixel row is one flattened tile (the tfjs MNIST sprite); `grid`: tiles side by side. */
  layout: 'rows' | 'grid';
}

/**
 * Reads a sprite's tiles of height x width. A sheet exactly height*width pixels wide holds
 * one tile per pixel row, flattened (the layout of the tfjs MNIST sprite); any other sheet
 * is a grid of tiles read row by row (a ragged right or bottom edge is left out). At most
 * `most` tiles are read, in bands of rows, awaiting `pause` between bands.
 */
export async function readSprite(bitmap: ImageBitmap, height: number, width: number, most: number, pause: (done: number, total: number) => Promise<void>): Promise<SpriteTiles> {
  const [W, H] = [bitmap.width, bitmap.height];
  const layout = W === height * width && height > 1 ? 'rows' : 'grid';
  const perRow = layout === 'rows' ? 1 : Math.floor(W / width);
  const total = layout === 'rows' ? H : perRow * Math.floor(H / height);
  const n = Math.min(total, most);
  const size = height * width * 3;
  const rgb = new Uint8Array(n * size);
  let colour = false;
  // A band of pixel rows at a time: whole tile rows of a grid, up to 256 tiles of a rows sheet.
  const bandRows = layout === 'rows' ? 256 : height * Math.max(1, Math.floor(256 / Math.max(1, perRow)));
  const canvas = new OffscreenCanvas(W, bandRows);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const usedRows = layout === 'rows' ? n : Math.ceil(n / perRow) * height;
  for (let y0 = 0; y0 < usedRows; y0 += bandRows) {
    const rows = Math.min(bandRows, usedRows - y0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, bandRows);
    ctx.drawImage(bitmap, 0, y0, W, rows, 0, 0, W, rows);
    const px = ctx.getImageData(0, 0, W, rows).data;
    const put = (tile: number, o: number, i: number) => {
      const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
      rgb[tile * size + o] = r;
      rgb[tile * size + o + 1] = g;
      rgb[tile * size + o + 2] = b;
      if (!colour && Math.max(r, g, b) - Math.min(r, g, b) > COLOUR_GAP) colour = true;
    };
    if (layout === 'rows') {
      for (let r = 0; r < rows; r++) for (let p = 0; p < W; p++) put(y0 + r, p * 3, (r * W + p) * 4);
    } else {
      for (let r = 0; r < rows; r++) {
        const tileRow = (y0 + r - ((y0 + r) % height)) / height;
        const y = (y0 + r) % height;
        for (let c = 0; c < perRow; c++) {
          const tile = tileRow * perRow + c;
          if (tile >= n) break;
          for (let x = 0; x < width; x++) put(tile, (y * width + x) * 3, (r * W + c * width + x) * 4);
        }
      }
    }
    await pause(Math.min(n, layout === 'rows' ? y0 + rows : ((y0 + rows) / height) * perRow), n);
  }
  return { rgb, n, total, colour, layout };
}

/**
 * Labels of a sprite's tiles: one byte per tile, or one-hot rows of k bytes per tile (the
 * tfjs MNIST labels); null when the file's length fits neither.
 */
export function spriteLabels(bytes: Uint8Array, total: number, n: number): Uint8Array | null {
  if (bytes.length === total) return bytes.slice(0, n);
  const k = bytes.length / total;
  if (Number.isInteger(k) && k >= 2 && k <= 256) {
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (bytes[i * k + j] > bytes[i * k + best]) best = j;
      labels[i] = best;
    }
    return labels;
  }
  return null;
}
