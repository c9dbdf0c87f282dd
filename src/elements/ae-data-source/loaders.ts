import { MAX_TABLE_VALUES, parseTableInSlices } from '../../data/table.js';
import type { DatasetInput } from '../../engine/dataset-input.js';
import { AEError, shown } from '../../engine/errors.js';
import { nextTask } from '../../engine/schedule.js';
import { BUNDLED_DATA } from '../../store/data-sources.js';
import type { TaskRun } from '../../shared/store-task.js';
import { decodeImage, folderOf, isImageFile, isImageName, isTableFile, isTableName, readSprite, spriteLabels, toChannels, type DecodedImage, type PathedFile } from './images.js';

// What <ae-data-source> reads, as a dataset input with what it skipped and why: tables,
// image files, sprite sheets, from files or a URL. Limits are stated here and enforced
// before anything large is read.

/** The largest file (or fetched table) the element reads: 200 MB. Larger ones are refused before reading. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** The most image files one load takes. */
export const MAX_IMAGES = 20_000;
/** The most values an image dataset may hold (images x height x width x channels): 160 MB as float32. */
export const MAX_IMAGE_VALUES = MAX_TABLE_VALUES;
/** Images decoded between yields to the page. */
const BATCH = 16;

/** Something left out of a load: a file (`cat.txt`) or a table line (`line 12`), and why. */
export interface SkippedItem {
  name: string;
  reason: string;
}

/** Options of `addFiles()`. */
export interface AddFilesOptions {
  /**
   * The class of each file; by default the folder it sits in (its `webkitRelativePath`,
   * the path inside a dropped folder, or a name such as `"cats/1.png"`). Undefined: no class.
   */
  label?: (file: File, path: string) => string | undefined;
}

export type Source = { kind: 'url'; url: string } | { kind: 'files'; files: PathedFile[]; label?: AddFilesOptions['label'] };

export interface Options {
  height: number;
  width: number;
  tile: { height: number; width: number } | undefined;
  labels: string | undefined;
  channels: 1 | 3 | undefined;
  labelColumn: string | undefined;
  trainLabels: string[] | undefined;
  standardize: boolean;
}

export interface Loaded {
  input: DatasetInput;
  skipped: SkippedItem[];
  notes: string[];
  /** Images of more than one size, all resized: said in the summary and reported once. */
  mixedSizes?: string;
}

/** What a load reads from its element: the run, the parsed options, and where to say how far it got. */
export interface LoadContext {
  run: TaskRun;
  options: Options;
  /** The `tile` attribute as written, for messages. */
  tile?: string;
  progress(text: string): void;
}

export const invalidData = (message: string, details?: Record<string, unknown>) => new AEError('dataset-invalid', message, details);
export const count = (n: number) => n.toLocaleString('en');
const megabytes = (bytes: number) => `${count(Math.ceil(bytes / (1024 * 1024)))} MB`;
const tooBig = (name: string, bytes: number) => invalidData(`${name} is ${megabytes(bytes)}; files over ${megabytes(MAX_FILE_BYTES)} are refused.`, { bytes, limit: MAX_FILE_BYTES });

/** Fetches the URL an attribute named (and only it); refuses an answer over MAX_FILE_BYTES before reading it. */
async function fetched(run: TaskRun, attribute: string, url: string): Promise<{ response: Response; name: string; type: string }> {
  const failed = (why: string, details: Record<string, unknown> = {}) => new AEError('dataset-fetch-failed', `${attribute}=${shown(url)} could not be loaded: ${why}.`, { url, ...details });
  const response = await run.step(fetch(new URL(url, document.baseURI), { signal: run.signal }).catch((e: Error) => Promise.reject(failed(e.message))));
  if (!response.ok) throw failed(`the server answered ${response.status} ${response.statusText}`.trim(), { status: response.status });
  const bytes = Number(response.headers.get('content-length'));
  const name = decodeURIComponent(new URL(url, document.baseURI).pathname.split('/').pop() || url);
  if (bytes > MAX_FILE_BYTES) {
    void response.body?.cancel();
    throw tooBig(name, bytes);
  }
  return { response, name, type: response.headers.get('content-type') ?? '' };
}

/** A CSV/TSV table or a sprite sheet at a URL: only that URL (and `labels`) is fetched. */
export async function fromUrl(ctx: LoadContext, url: string): Promise<Loaded> {
  ctx.progress(`Loading ${url}…`);
  const { response, name, type } = await fetched(ctx.run, 'src', url);
  const image = isImageName(name) || type.startsWith('image/');
  if (image || ctx.options.tile) {
    if (!ctx.options.tile) {
      void response.body?.cancel();
      throw new AEError('input-invalid', `src=${shown(url)} is an image: give its tile size, such as tile="28x28", to read it as a sprite sheet.`, { attribute: 'tile', value: ctx.tile });
    }
    return fromSprite(ctx, await ctx.run.step(response.blob()), name);
  }
  if (!isTableName(name) && !/^text\/(csv|tab-separated-values|plain)\b/.test(type)) {
    void response.body?.cancel();
    throw new AEError('input-invalid', `src=${shown(url)} is neither a CSV/TSV table (.csv, .tsv, or served as text/csv), a sprite sheet (an image, with tile), nor a dataset file (.bin); it was served as ${shown(type || 'no type')}.`, { attribute: 'src', value: url });
  }
  const text = await ctx.run.step(response.text());
  if (text.length > MAX_FILE_BYTES) throw tooBig(name, text.length);
  return fromTable(ctx, text, name);
}

/** A sprite sheet: its tiles at the tile's size, labelled by the `labels` file when there is one. */
async function fromSprite(ctx: LoadContext, blob: Blob, name: string): Promise<Loaded> {
  const { height, width } = ctx.options.tile!;
  const bitmap = await ctx.run.step(createImageBitmap(blob).catch(() => Promise.reject(invalidData(`${name} could not be decoded as an image.`))));
  const notes: string[] = [];
  try {
    const most = Math.floor(MAX_IMAGE_VALUES / (height * width * (ctx.options.channels ?? 1)));
    const tiles = await readSprite(bitmap, height, width, most, async (done, total) => {
      ctx.progress(`Reading tile ${count(done)} of ${count(total)}…`);
      await ctx.run.step(nextTask());
    });
    if (!tiles.n) throw invalidData(`${name} is ${bitmap.width}x${bitmap.height} pixels: smaller than one ${height}x${width} tile.`);
    if (tiles.n < tiles.total) notes.push(`The sheet holds ${count(tiles.total)} tiles; the first ${count(tiles.n)} were taken (at most ${count(MAX_IMAGE_VALUES)} values).`);
    notes.push(tiles.layout === 'rows' ? `One ${height}x${width} tile per pixel row of the ${bitmap.width}-pixel-wide sheet.` : `A grid of ${height}x${width} tiles, read row by row.`);
    const channels = ctx.options.channels ?? (tiles.colour ? 3 : 1);
    const size = height * width * channels;
    const pixels = new Uint8Array(tiles.n * size);
    for (let k = 0; k < tiles.n; k++) toChannels(tiles.rgb.subarray(k * height * width * 3, (k + 1) * height * width * 3), channels, pixels, k * size);
    const input: DatasetInput = { name, images: pixels, n: tiles.n, height, width, channels };
    if (ctx.options.labels) {
      const { response, name: labelsName } = await fetched(ctx.run, 'labels', ctx.options.labels);
      const labels = spriteLabels(new Uint8Array(await ctx.run.step(response.arrayBuffer())), tiles.total, tiles.n);
      if (typeof labels === 'string') throw invalidData(`The labels file ${labelsName} ${labels}.`);
      input.labels = labels;
    }
    return { input, skipped: [], notes };
  } finally {
    bitmap.close();
  }
}

/** A CSV/TSV table, read a slice of rows at a time with progress. */
async function fromTable(ctx: LoadContext, text: string, name: string): Promise<Loaded> {
  const { labelColumn, standardize } = ctx.options;
  const table = await parseTableInSlices(
    text,
    { labelColumn, name },
    (line) => ctx.progress(`Reading ${name}: line ${count(line)}…`),
    () => ctx.run.step(nextTask()),
  );
  const skipped = table.skipped.map((s) => ({ name: `line ${s.line}`, reason: s.reason }));
  return { input: { ...table.input, standardize }, skipped, notes: [] };
}

export async function fromFiles(ctx: LoadContext, source: Source & { kind: 'files' }): Promise<Loaded> {
  const { files } = source;
  if (!files.length) throw invalidData('No files were given.');
  const images = files.filter(({ file }) => isImageFile(file));
  if (!images.length) {
    const tables = files.filter(({ file }) => isTableFile(file));
    if (tables.length !== 1 || files.length !== 1) {
      throw invalidData(tables.length > 1 ? `${count(tables.length)} tables were given; give one CSV/TSV file at a time.` : `${files.map((f) => f.file.name).slice(0, 3).join(', ')}: neither images (PNG, JPEG, WebP, GIF) nor a CSV/TSV table.`);
    }
    const { file } = tables[0];
    if (file.size > MAX_FILE_BYTES) throw tooBig(file.name, file.size);
    ctx.progress(`Reading ${file.name}…`);
    return fromTable(ctx, await ctx.run.step(file.text()), file.name);
  }
  return fromImages(ctx, source, images);
}

async function fromImages(ctx: LoadContext, source: Source & { kind: 'files' }, images: PathedFile[]): Promise<Loaded> {
  const { height, width } = ctx.options;
  const skipped: SkippedItem[] = source.files.filter((f) => !isImageFile(f.file)).map((f) => ({ name: f.path, reason: 'not an image' }));
  if (images.length > MAX_IMAGES) throw invalidData(`${count(images.length)} images were given; at most ${count(MAX_IMAGES)} are taken at once.`, { limit: MAX_IMAGES });
  const least = images.length * height * width * (ctx.options.channels ?? 1);
  if (least > MAX_IMAGE_VALUES) {
    throw invalidData(`${count(images.length)} images of ${height}x${width} hold ${count(least)} values; at most ${count(MAX_IMAGE_VALUES)} are allowed: give fewer images or a smaller size.`, { limit: MAX_IMAGE_VALUES });
  }
  const sorted = [...images].sort((a, b) => a.path.localeCompare(b.path));
  const decoded: { item: PathedFile; image: DecodedImage }[] = [];
  for (let i = 0; i < sorted.length; i += BATCH) {
    ctx.progress(`Decoding ${count(i)} of ${count(sorted.length)} images…`);
    const batch = sorted.slice(i, i + BATCH);
    const results = await ctx.run.step(
      Promise.allSettled(batch.map(({ file }) => (file.size > MAX_FILE_BYTES ? Promise.reject(new Error(`is ${megabytes(file.size)}; files over ${megabytes(MAX_FILE_BYTES)} are refused`)) : decodeImage(file, height, width)))),
    );
    results.forEach((r, k) => {
      if (r.status === 'fulfilled') decoded.push({ item: batch[k], image: r.value });
      else skipped.push({ name: batch[k].path, reason: (r.reason as Error)?.message || 'could not be decoded as an image' });
    });
    await ctx.run.step(nextTask()); // let the page breathe
  }
  const name = commonFolder(sorted) || (sorted.length === 1 ? sorted[0].file.name : 'images');
  if (!decoded.length) throw invalidData(`None of the ${count(images.length)} images could be read: ${skipped.slice(0, 3).map((s) => `${s.name} ${s.reason}`).join('; ')}.`, { skipped });
  const channels = ctx.options.channels ?? (decoded.some((d) => d.image.colour) ? 3 : 1);
  const n = decoded.length;
  const size = height * width * channels;
  const pixels = new Uint8Array(n * size);
  decoded.forEach((d, k) => toChannels(d.image.rgb, channels, pixels, k * size));
  const input: DatasetInput = { name, images: pixels, n, height, width, channels };
  Object.assign(input, labelsOf(decoded.map((d) => d.item), source.label));
  const notes = sizeNotes(decoded.map((d) => d.image), height, width);
  return { input, skipped, notes, mixedSizes: notes.find((n) => n.startsWith('The images came in')) };
}


/** A dataset file the store loads itself: a bundled name or a `.bin` URL. */
export function isDatasetFile(url: string): boolean {
  return (BUNDLED_DATA as readonly string[]).includes(url) || /\.bin(?:[?#].*)?$/i.test(url);
}

/** The folder every file sits under, for the dataset's name. */
function commonFolder(files: PathedFile[]): string {
  const tops = new Set(files.map((f) => (f.path.includes('/') ? f.path.split('/')[0] : '')));
  const [top] = tops;
  return tops.size === 1 && top && files.every((f) => f.path.split('/').length > 2) ? top : '';
}

/** Class labels from folders (when the files sit in two or more) or from `label`; sorted by name. */
function labelsOf(items: PathedFile[], label?: AddFilesOptions['label']): Pick<DatasetInput, 'labels' | 'classNames'> {
  const names = items.map((it) => (label ? label(it.file, it.path) : folderOf(it.path)) ?? '');
  const distinct = [...new Set(names)];
  if (!label && distinct.length < 2) return {};
  if (distinct.length === 1 && distinct[0] === '') return {};
  if (distinct.length > 256) throw invalidData(`The images fall in ${count(distinct.length)} classes; at most 256 are allowed.`);
  const classNames = distinct.map((n) => n || '(no folder)').sort((a, b) => a.localeCompare(b));
  const index = new Map(classNames.map((n, k) => [n, k]));
  return { labels: Uint8Array.from(names, (n) => index.get(n || '(no folder)')!), classNames };
}

function sizeNotes(images: DecodedImage[], height: number, width: number): string[] {
  const sizes = new Map<string, number>();
  for (const im of images) sizes.set(`${im.height}x${im.width}`, (sizes.get(`${im.height}x${im.width}`) ?? 0) + 1);
  const target = `${height}x${width}`;
  if (sizes.size === 1 && sizes.has(target)) return [];
  const list = [...sizes].map(([s, k]) => `${s} (${count(k)})`).join(', ');
  return [sizes.size > 1 ? `The images came in ${sizes.size} sizes, ${list}; all were resized to ${target}.` : `The images were ${[...sizes.keys()][0]}; they were resized to ${target}.`];
}

