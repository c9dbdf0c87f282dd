import { MAX_TABLE_VALUES, parseTableInSlices } from '../../data/table.js';
import type { DatasetInput } from '../../engine/dataset-input.js';
import { AEError, shown } from '../../engine/errors.js';
import { nextTask } from '../../engine/schedule.js';
import { textOf, type MessageArgs, type MessageKey, type NestedText } from '../../l10n/english.js';
import { translateText } from '../../l10n/languages.js';
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

/** Something left out of a load: a file (`cat.txt`) or a table line (`line 12`), and why (in English). */
export interface SkippedItem {
  name: string;
  reason: string;
}

/** A skipped item as the element keeps it: the file or table line, and why; a text is a reason no catalogue entry has. */
export interface Skip {
  name: string | NestedText;
  reason: NestedText | string;
}

/** `text` in `lang`: a catalogue entry, or text that has none. */
export const textIn = (lang: string, text: NestedText | string) => (typeof text === 'string' ? text : translateText(lang, text));

/** The item as `ae-data` and the summary carry it: in English. */
export const skippedItem = (s: Skip): SkippedItem => ({ name: textIn('en', s.name), reason: textIn('en', s.reason) });

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
  skipped: Skip[];
  notes: NestedText[];
  /** Images of more than one size, all resized: said in the summary and reported once. */
  mixedSizes?: NestedText;
}

/** What a load reads from its element: the run, the parsed options, and where to say how far it got. */
export interface LoadContext {
  run: TaskRun;
  options: Options;
  /** The `tile` attribute as written, for messages. */
  tile?: string;
  progress(text: NestedText): void;
}

const invalid = <K extends MessageKey>(key: K, args: MessageArgs<K>, details?: Record<string, unknown>) => AEError.of('dataset-invalid', key, args, details);
const tooBig = (name: string, bytes: number) => AEError.of('dataset-invalid', 'dataSource.tooBig', { name, bytes, limit: MAX_FILE_BYTES }, { bytes, limit: MAX_FILE_BYTES });

/** Fetches the URL an attribute named (and only it); refuses an answer over MAX_FILE_BYTES before reading it. */
async function fetched(run: TaskRun, attribute: string, url: string): Promise<{ response: Response; name: string; type: string }> {
  const failed = (why: string | NestedText, details: Record<string, unknown> = {}) =>
    AEError.of('dataset-fetch-failed', 'dataSource.fetchFailed', { written: `${attribute}=${shown(url)}`, why }, { url, ...details });
  const response = await run.step(fetch(new URL(url, document.baseURI), { signal: run.signal }).catch((e: Error) => Promise.reject(failed(e.message))));
  if (!response.ok) throw failed(textOf('dataSource.serverAnswered', { status: response.status, text: response.statusText }), { status: response.status });
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
  ctx.progress(textOf('dataSource.progress.loading', { url }));
  const { response, name, type } = await fetched(ctx.run, 'src', url);
  const image = isImageName(name) || type.startsWith('image/');
  if (image || ctx.options.tile) {
    if (!ctx.options.tile) {
      void response.body?.cancel();
      throw AEError.of('input-invalid', 'dataSource.attr.imageNeedsTile', { written: `src=${shown(url)}` }, { attribute: 'tile', value: ctx.tile });
    }
    return fromSprite(ctx, await ctx.run.step(response.blob()), name);
  }
  if (!isTableName(name) && !/^text\/(csv|tab-separated-values|plain)\b/.test(type)) {
    void response.body?.cancel();
    throw AEError.of('input-invalid', 'dataSource.attr.notTable', { written: `src=${shown(url)}`, type: type ? shown(type) : null }, { attribute: 'src', value: url });
  }
  const text = await ctx.run.step(response.text());
  if (text.length > MAX_FILE_BYTES) throw tooBig(name, text.length);
  return fromTable(ctx, text, name);
}

/** A sprite sheet: its tiles at the tile's size, labelled by the `labels` file when there is one. */
async function fromSprite(ctx: LoadContext, blob: Blob, name: string): Promise<Loaded> {
  const { height, width } = ctx.options.tile!;
  const bitmap = await ctx.run.step(createImageBitmap(blob).catch(() => Promise.reject(invalid('dataSource.sheetUndecodable', { name }))));
  const notes: NestedText[] = [];
  try {
    const most = Math.floor(MAX_IMAGE_VALUES / (height * width * (ctx.options.channels ?? 1)));
    const tiles = await readSprite(bitmap, height, width, most, async (done, total) => {
      ctx.progress(textOf('dataSource.progress.tile', { done, total }));
      await ctx.run.step(nextTask());
    });
    if (!tiles.n) throw invalid('dataSource.sheetTooSmall', { name, sheetWidth: bitmap.width, sheetHeight: bitmap.height, height, width });
    if (tiles.n < tiles.total) notes.push(textOf('dataSource.note.sheetCut', { total: tiles.total, n: tiles.n, most: MAX_IMAGE_VALUES }));
    notes.push(tiles.layout === 'rows' ? textOf('dataSource.note.rows', { height, width, sheetWidth: bitmap.width }) : textOf('dataSource.note.grid', { height, width }));
    const channels = ctx.options.channels ?? (tiles.colour ? 3 : 1);
    const size = height * width * channels;
    const pixels = new Uint8Array(tiles.n * size);
    for (let k = 0; k < tiles.n; k++) toChannels(tiles.rgb.subarray(k * height * width * 3, (k + 1) * height * width * 3), channels, pixels, k * size);
    const input: DatasetInput = { name, images: pixels, n: tiles.n, height, width, channels };
    if (ctx.options.labels) {
      const { response, name: labelsName } = await fetched(ctx.run, 'labels', ctx.options.labels);
      const bytes = new Uint8Array(await ctx.run.step(response.arrayBuffer()));
      const labels = spriteLabels(bytes, tiles.total, tiles.n);
      if (!labels) throw invalid('dataSource.labelsFile', { name: labelsName, bytes: bytes.length, tiles: tiles.total });
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
    (line) => ctx.progress(textOf('dataSource.progress.line', { name, line })),
    () => ctx.run.step(nextTask()),
  );
  const skipped = table.skipped.map((s, k): Skip => ({ name: textOf('dataSource.line', { line: s.line }), reason: table.reasons[k] }));
  return { input: { ...table.input, standardize }, skipped, notes: [] };
}

export async function fromFiles(ctx: LoadContext, source: Source & { kind: 'files' }): Promise<Loaded> {
  const { files } = source;
  if (!files.length) throw invalid('dataSource.noFiles', undefined);
  const images = files.filter(({ file }) => isImageFile(file));
  if (!images.length) {
    const tables = files.filter(({ file }) => isTableFile(file));
    if (tables.length !== 1 || files.length !== 1) {
      throw tables.length > 1 ? invalid('dataSource.manyTables', { count: tables.length }) : invalid('dataSource.neither', { names: files.map((f) => f.file.name).slice(0, 3) });
    }
    const { file } = tables[0];
    if (file.size > MAX_FILE_BYTES) throw tooBig(file.name, file.size);
    ctx.progress(textOf('dataSource.progress.reading', { name: file.name }));
    return fromTable(ctx, await ctx.run.step(file.text()), file.name);
  }
  return fromImages(ctx, source, images);
}

async function fromImages(ctx: LoadContext, source: Source & { kind: 'files' }, images: PathedFile[]): Promise<Loaded> {
  const { height, width } = ctx.options;
  const skipped: Skip[] = source.files.filter((f) => !isImageFile(f.file)).map((f) => ({ name: f.path, reason: textOf('dataSource.skip.notImage') }));
  if (images.length > MAX_IMAGES) throw invalid('dataSource.tooManyImages', { count: images.length, most: MAX_IMAGES }, { limit: MAX_IMAGES });
  const least = images.length * height * width * (ctx.options.channels ?? 1);
  if (least > MAX_IMAGE_VALUES) {
    throw invalid('dataSource.tooManyValues', { count: images.length, height, width, values: least, most: MAX_IMAGE_VALUES }, { limit: MAX_IMAGE_VALUES });
  }
  const sorted = [...images].sort((a, b) => a.path.localeCompare(b.path));
  const decoded: { item: PathedFile; image: DecodedImage }[] = [];
  for (let i = 0; i < sorted.length; i += BATCH) {
    ctx.progress(textOf('dataSource.progress.decoding', { done: i, total: sorted.length }));
    const batch = sorted.slice(i, i + BATCH);
    const results = await ctx.run.step(
      Promise.allSettled(batch.map(({ file }) => (file.size > MAX_FILE_BYTES ? Promise.reject(invalid('dataSource.skip.tooBig', { bytes: file.size, limit: MAX_FILE_BYTES })) : decodeImage(file, height, width)))),
    );
    results.forEach((r, k) => {
      if (r.status === 'fulfilled') decoded.push({ item: batch[k], image: r.value });
      else skipped.push({ name: batch[k].path, reason: reasonOf(r.reason) });
    });
    await ctx.run.step(nextTask()); // let the page breathe
  }
  const name = commonFolder(sorted) || (sorted.length === 1 ? sorted[0].file.name : 'images');
  if (!decoded.length) {
    const items = skipped.slice(0, 3).map((s) => ({ name: textIn('en', s.name), reason: s.reason }));
    throw invalid('dataSource.noneRead', { count: images.length, items }, { skipped: skipped.map(skippedItem) });
  }
  const channels = ctx.options.channels ?? (decoded.some((d) => d.image.colour) ? 3 : 1);
  const n = decoded.length;
  const size = height * width * channels;
  const pixels = new Uint8Array(n * size);
  decoded.forEach((d, k) => toChannels(d.image.rgb, channels, pixels, k * size));
  const input: DatasetInput = { name, images: pixels, n, height, width, channels };
  Object.assign(input, labelsOf(decoded.map((d) => d.item), source.label));
  const sizes = sizeNote(decoded.map((d) => d.image), height, width);
  return { input, skipped, notes: sizes ? [sizes.note] : [], mixedSizes: sizes?.mixed ? sizes.note : undefined };
}

/** Why an image was skipped: the catalogue entry of the reason it was refused with, else its own words. */
function reasonOf(e: unknown): NestedText | string {
  if (e instanceof AEError && e.text) return e.text;
  return (e as Error)?.message || textOf('dataSource.skip.notDecoded');
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
  if (distinct.length > 256) throw invalid('dataSource.tooManyClasses', { count: distinct.length });
  const classNames = distinct.map((n) => n || '(no folder)').sort((a, b) => a.localeCompare(b));
  const index = new Map(classNames.map((n, k) => [n, k]));
  return { labels: Uint8Array.from(names, (n) => index.get(n || '(no folder)')!), classNames };
}

/** What resizing did, when the images were not all at the target size; `mixed` when they came in several sizes. */
function sizeNote(images: DecodedImage[], height: number, width: number): { note: NestedText; mixed: boolean } | null {
  const sizes = new Map<string, number>();
  for (const im of images) sizes.set(`${im.height}x${im.width}`, (sizes.get(`${im.height}x${im.width}`) ?? 0) + 1);
  const target = `${height}x${width}`;
  if (sizes.size === 1 && sizes.has(target)) return null;
  if (sizes.size === 1) return { note: textOf('dataSource.note.resized', { size: [...sizes.keys()][0], target }), mixed: false };
  return { note: textOf('dataSource.note.mixedSizes', { sizes: [...sizes].map(([size, count]) => ({ size, count })), target }), mixed: true };
}

