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

/** Decodes `file` (first frame) and resizes it to height x width; throws a reason when it is no image. */
export async function decodeImage(file: Blob, height: number, width: number): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('could not be decoded as an image');
  }
  try {
    if (!bitmap.width || !bitmap.height) throw new Error('has no pixels');
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!ctx) throw new Error('could not be drawn (no 2D canvas)');
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
