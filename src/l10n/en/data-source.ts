import { section } from '../catalog.js';
import type { NestedText } from '../english.js';
import type { Formats } from '../formats.js';

type W = { written: string };
type Name = { name: string };
type Sides = { height: number; width: number };
/** A skipped item and its reason, for messages that list a few. */
export type Listed = { name: string; reason: NestedText | string };

/**
 * `text` by the entries of one section: the reasons a list of skipped items gives (lists
 * hold no nested messages); a reason without an entry is given as text.
 */
export function sayIn(entries: Readonly<Record<string, unknown>>, text: NestedText | string, f: Formats): string {
  if (typeof text === 'string') return text;
  const entry = entries[text.key];
  return typeof entry === 'function' ? (entry as (a: unknown, f: Formats) => string)(text.args, f) : typeof entry === 'string' ? entry : text.key;
}

export const mb = (bytes: number, f: Formats) => `${f.number(Math.ceil(bytes / (1024 * 1024)))} MB`;
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Why an item of a load was skipped: an image file, or a table row. */
export const reasons = section({
  'dataSource.skip.notImage': 'not an image',
  'dataSource.skip.notDecoded': 'could not be decoded as an image',
  'dataSource.skip.noPixels': 'has no pixels',
  'dataSource.skip.noCanvas': 'could not be drawn (no 2D canvas)',
  'dataSource.skip.tooBig': ({ bytes, limit }: { bytes: number; limit: number }, f) => `is ${mb(bytes, f)}; files over ${mb(limit, f)} are refused`,
  'dataSource.row.cells': ({ cells, header, width }: { cells: number; header: boolean; width: number }) => `has ${cells} cells; the ${header ? 'header' : 'first row'} has ${width}`,
  'dataSource.row.empty': ({ column }: { column: string }) => `column "${column}" is empty`,
  'dataSource.row.notNumber': ({ column, cell }: { column: string; cell: string }) => `column "${column}" is "${cell}", not a number`,
  'dataSource.row.infinite': ({ column, value }: { column: string; value: string }) => `column "${column}" is ${value}; values must be finite`,
  'dataSource.row.noLabel': 'has no label',
});

const say = (text: NestedText | string, f: Formats) => sayIn(reasons, text, f);
const more = (n: number) => (n ? `; and ${n} more` : '');

/** <ae-data-source>, its loaders, and CSV/TSV tables (src/data/table.ts). */
export const dataSource = section({
  ...reasons,
  'dataSource.attr.standardize': ({ written }: W) => `${written} must be "true" or "false" (or present, which is true).`,
  'dataSource.attr.sides': ({ written, min, max }: W & { min: number; max: number }) =>
    `${written} must be a side from ${min} to ${max} pixels, such as "32", or height x width, such as "28x28".`,
  'dataSource.attr.channels': ({ written }: W) => `${written} must be "1" (grey) or "3" (colour), or left out to use colour when any image has it.`,
  'dataSource.attr.trainLabelsNeedLabels': ({ written }: W) => `${written} needs data with labels: a label-column, class folders or a labels file.`,
  'dataSource.attr.trainLabelsClass': ({ written, label, classes }: W & { label: string; classes: string[] | null }) =>
    `${written}: names ${label}, which is not a class of this data: ${classes ? `the classes are ${quoted(classes)}` : 'labels are numbers that occur in the data'}.`,
  'dataSource.attr.imageNeedsTile': ({ written }: W) => `${written} is an image: give its tile size, such as tile="28x28", to read it as a sprite sheet.`,
  'dataSource.attr.notTable': ({ written, type }: W & { type: string | null }) =>
    `${written} is neither a CSV/TSV table (.csv, .tsv, or served as text/csv), a sprite sheet (an image, with tile), nor a dataset file (.bin); it was served as ${type ?? '"no type"'}.`,
  'dataSource.fetchFailed': ({ written, why }: W & { why: string | NestedText }) => `${written} could not be loaded: ${why as string}.`,
  'dataSource.serverAnswered': ({ status, text }: { status: number; text: string }) => `the server answered ${status} ${text}`.trim(),
  'dataSource.tooBig': ({ name, bytes, limit }: Name & { bytes: number; limit: number }, f) => `${name} is ${mb(bytes, f)}; files over ${mb(limit, f)} are refused.`,
  'dataSource.sheetUndecodable': ({ name }: Name) => `${name} could not be decoded as an image.`,
  'dataSource.sheetTooSmall': ({ name, sheetWidth, sheetHeight, height, width }: Name & Sides & { sheetWidth: number; sheetHeight: number }) =>
    `${name} is ${sheetWidth}x${sheetHeight} pixels: smaller than one ${height}x${width} tile.`,
  'dataSource.labelsFile': ({ name, bytes, tiles }: Name & { bytes: number; tiles: number }, f) =>
    `The labels file ${name} has ${f.number(bytes)} bytes; the sprite has ${f.number(tiles)} tiles: give one byte per tile, or one-hot rows of one byte per class.`,
  'dataSource.noFiles': 'No files were given.',
  'dataSource.manyTables': ({ count }: { count: number }, f) => `${f.number(count)} tables were given; give one CSV/TSV file at a time.`,
  'dataSource.neither': ({ names }: { names: string[] }) => `${names.join(', ')}: neither images (PNG, JPEG, WebP, GIF) nor a CSV/TSV table.`,
  'dataSource.tooManyImages': ({ count, most }: { count: number; most: number }, f) => `${f.number(count)} images were given; at most ${f.number(most)} are taken at once.`,
  'dataSource.tooManyValues': ({ count, height, width, values, most }: Sides & { count: number; values: number; most: number }, f) =>
    `${f.number(count)} images of ${height}x${width} hold ${f.number(values)} values; at most ${f.number(most)} are allowed: give fewer images or a smaller size.`,
  'dataSource.noneRead': ({ count, items }: { count: number; items: Listed[] }, f) =>
    `None of the ${f.number(count)} images could be read: ${items.map((s) => `${s.name} ${say(s.reason, f)}`).join('; ')}.`,
  'dataSource.tooManyClasses': ({ count }: { count: number }, f) => `The images fall in ${f.number(count)} classes; at most 256 are allowed.`,
  'dataSource.dropUnreadable': ({ reason }: { reason: string }) => `The dropped files could not be read: ${reason}.`,
  /** One ae-error per load for what it skipped and how images were resized; `mixed` is already in the element's language. */
  'dataSource.skippedReport': ({ name, count, items, left, used, mixed }: { name: string | null; count: number; items: Listed[]; left: number; used: number; mixed: string | null }, f) => {
    const listed = items.map((s) => `${s.name}: ${say(s.reason, f)}`).join('; ') + more(left);
    const parts = [count ? `${f.number(count)} ${count === 1 ? 'item was' : 'items were'} skipped (${listed}); the other ${f.number(used)} are used.` : '', mixed ?? ''];
    return `${name ?? 'The data'}: ${parts.filter(Boolean).join(' ')}`;
  },
  'dataSource.line': ({ line }: { line: number }) => `line ${line}`,
  'dataSource.progress.loading': ({ url }: { url: string }) => `Loading ${url}…`,
  'dataSource.progress.tile': ({ done, total }: { done: number; total: number }, f) => `Reading tile ${f.number(done)} of ${f.number(total)}…`,
  'dataSource.progress.line': ({ name, line }: Name & { line: number }, f) => `Reading ${name}: line ${f.number(line)}…`,
  'dataSource.progress.reading': ({ name }: Name) => `Reading ${name}…`,
  'dataSource.progress.decoding': ({ done, total }: { done: number; total: number }, f) => `Decoding ${f.number(done)} of ${f.number(total)} images…`,
  'dataSource.progress.handing': 'Handing the data to the model…',
  'dataSource.note.sheetCut': ({ total, n, most }: { total: number; n: number; most: number }, f) =>
    `The sheet holds ${f.number(total)} tiles; the first ${f.number(n)} were taken (at most ${f.number(most)} values).`,
  'dataSource.note.rows': ({ height, width, sheetWidth }: Sides & { sheetWidth: number }) => `One ${height}x${width} tile per pixel row of the ${sheetWidth}-pixel-wide sheet.`,
  'dataSource.note.grid': ({ height, width }: Sides) => `A grid of ${height}x${width} tiles, read row by row.`,
  'dataSource.note.mixedSizes': ({ sizes, target }: { sizes: { size: string; count: number }[]; target: string }, f) =>
    `The images came in ${sizes.length} sizes, ${sizes.map((s) => `${s.size} (${f.number(s.count)})`).join(', ')}; all were resized to ${target}.`,
  'dataSource.note.resized': ({ size, target }: { size: string; target: string }) => `The images were ${size}; they were resized to ${target}.`,
  'dataSource.note.trainLabels': ({ labels }: { labels: (string | number)[] }) =>
    `The model trains on ${labels.map((l) => (typeof l === 'string' ? `"${l}"` : String(l))).join(', ')} only; every other sample is in the test split.`,
  'dataSource.dropZone': 'Drop images, a folder of class folders, or one CSV/TSV file here, or press to choose files',
  'dataSource.chooseFolder': 'Choose a folder…',
  'dataSource.resizedTo': ({ height, width }: Sides) => `Images are resized to ${height}x${width}.`,
  /** After the data's name in bold and a colon. */
  'dataSource.counts': ({ n, vectors, shape, classes }: { n: number; vectors: boolean; shape: string; classes: number }, f) =>
    `${f.number(n)} ${vectors ? 'samples' : 'images'}, each a ${shape}${classes ? `, in ${classes} ${classes === 1 ? 'class' : 'classes'}:` : '.'}`,
  'dataSource.shape.image': ({ height, width, channels }: Sides & { channels: number }) => `${height}x${width}x${channels} image`,
  'dataSource.shape.vector': ({ length }: { length: number }) => `vector of ${length}`,
  'dataSource.thumbnails': ({ count, n, vectors }: { count: number; n: number; vectors: boolean }, f) => `${count} of the ${f.number(n)} ${vectors ? 'rows' : 'images'}, spread over the data`,
  'dataSource.skippedCount': ({ count }: { count: number }, f) => `${f.number(count)} skipped:`,
  'dataSource.table.notText': ({ value }: { value: string }) => `A table must be text; got ${value}.`,
  'dataSource.table.empty': ({ name }: Name) => `${name} is empty.`,
  'dataSource.table.noNumeric': ({ name }: Name) => `${name} has no numeric columns besides the labels.`,
  'dataSource.table.tooWide': ({ name, columns, most }: Name & { columns: number; most: number }) => `${name} has ${columns} numeric columns; at most ${most} are allowed.`,
  'dataSource.table.tooBig': ({ name, most }: Name & { most: number }, f) => `${name} holds more than ${f.number(most)} values (rows x columns); use fewer rows or columns.`,
  'dataSource.table.noRows': ({ name, rows, left }: Name & { rows: { line: number; reason: NestedText }[]; left: number }, f) =>
    `${name} has no readable rows${rows.length ? `: ${rows.map((r) => `line ${r.line} ${say(r.reason, f)}`).join('; ')}${more(left)}` : ''}.`,
  'dataSource.table.labelColumn': ({ column, header, width }: { column: string; header: string[] | null; width: number }) =>
    `The label column ${column} is not in the table: ${header ? `the columns are ${quoted(header)}` : `the table has no header; give a column number from 0 to ${width - 1}`}.`,
  'dataSource.table.tooManyLabels': ({ name, most }: Name & { most: number }) => `${name} has more than ${most} different labels; is the label column right?`,
});
