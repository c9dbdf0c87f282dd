import type { DatasetInput } from '../engine/dataset-input.js';
import { MAX_VECTOR } from '../engine/sample.js';
import { AEError, shown } from '../engine/errors.js';
import { english, textOf, type MessageArgs, type MessageKey, type NestedText } from '../l10n/english.js';

// CSV and TSV text to a vector dataset: one row a sample, every column but the label a
// number. Rows that cannot be read are skipped with their reason; nothing is guessed.

/** The most values a table may hold (rows x numeric columns): 160 MB as float32. */
export const MAX_TABLE_VALUES = 40_000_000;
/** Distinct text labels a table may have (labels are stored as bytes). */
export const MAX_CLASSES = 256;

export interface TableOptions {
  /** Name (header) or 0-based index of the column holding the labels. */
  labelColumn?: string | number;
  /** The dataset's name (a file name, say). */
  name?: string;
}

export interface SkippedRow {
  /** 1-based line number in the text. */
  line: number;
  /** Why, in English. */
  reason: string;
}

export interface Table {
  input: DatasetInput;
  /** Names of the numeric columns, in order (c0, c1, ... without a header). */
  columns: string[];
  hasHeader: boolean;
  delimiter: string;
  skipped: SkippedRow[];
  /** The skipped rows' reasons as catalogue entries (in `skipped`'s order), for showing them in another language. */
  reasons: NestedText[];
}

const invalid = <K extends MessageKey>(key: K, args: MessageArgs<K>, details?: Record<string, unknown>) => AEError.of('dataset-invalid', key, args, details);

/** Splits text into rows of cells: RFC 4180 quoting ("a, b", "" for a quote), CRLF or LF. */
function* rows(text: string, delimiter: string): Generator<{ line: number; cells: string[] }> {
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (ch === '"') quoted = false;
        else {
          if (ch === '\n') line++;
          cell += ch;
        }
      } else if (ch === '"' && cell.trim() === '') quoted = true;
      else if (ch === delimiter) cells.push(cell), (cell = '');
      else if (ch === '\n' || ch === '\r') break;
      else cell += ch;
    }
    cells.push(cell);
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    line++;
    if (!(cells.length === 1 && cells[0].trim() === '')) yield { line: start, cells: cells.map((c) => c.trim()) };
  }
}

/** Tab when the first line has tabs, else the commoner of comma and semicolon. */
function guessDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  if (first.includes('\t')) return '\t';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** A cell as a number, or why it is not one (given the column's name). */
function numberOf(cell: string): number | ((column: string) => NestedText) {
  if (cell === '') return (column) => textOf('dataSource.row.empty', { column });
  const v = Number(cell);
  if (Number.isNaN(v) && !/^[-+]?nan$/i.test(cell)) return (column) => textOf('dataSource.row.notNumber', { column, cell: cell.length > 20 ? `${cell.slice(0, 17)}...` : cell });
  if (!Number.isFinite(v)) return (column) => textOf('dataSource.row.infinite', { column, value: shown(v) });
  return v;
}

function labelIndex(option: TableOptions['labelColumn'], header: string[] | null, width: number): number {
  if (option === undefined || option === '') return -1;
  const named = header && typeof option === 'string' ? header.indexOf(option) : -1;
  if (named >= 0) return named;
  const index = typeof option === 'number' ? option : /^\d+$/.test(option) ? Number(option) : NaN;
  if (Number.isInteger(index) && index >= 0 && index < width) return index;
  throw invalid('dataSource.table.labelColumn', { column: shown(option), header: header && [...header], width }, { labelColumn: option });
}

/**
 * Reads CSV/TSV text as a vector dataset. The header is the first row when any of its
 * cells (besides the label) is not a number. Labels that are all whole numbers 0..255
 * stay numbers; text labels become class names in order of first appearance.
 */
export function parseTable(text: string, options: TableOptions = {}): Table {
  const steps = tableSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseTable` a slice at a time: after every `slice` rows it reports the lines read so
 * far and waits for `pause` (the next task, say), so a large table leaves the page responsive.
 */
export async function parseTableInSlices(text: string, options: TableOptions, progress: (line: number) => void, pause: () => Promise<unknown>): Promise<Table> {
  const steps = tableSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    progress(step.value);
    await pause();
  }
}

/** Rows read between the pauses of parseTableInSlices. */
const SLICE = 2000;

/** The parse, yielding the current line number every SLICE rows. */
function* tableSteps(text: string, options: TableOptions): Generator<number, Table> {
  if (typeof text !== 'string') throw invalid('dataSource.table.notText', { value: shown(text) });
  const name = options.name ?? 'table';
  if (text.trim() === '') throw invalid('dataSource.table.empty', { name });
  const delimiter = guessDelimiter(text);
  const all = rows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, delimiter);
  const first = all.next().value as { line: number; cells: string[] };
  const probe = labelIndex(options.labelColumn, first.cells, first.cells.length);
  // A header: a label named by text that the first row holds, or any other cell there that is not a number.
  const namesLabel = typeof options.labelColumn === 'string' && !/^\d+$/.test(options.labelColumn) && probe >= 0;
  const hasHeader = namesLabel || first.cells.some((c, k) => k !== probe && typeof numberOf(c) !== 'number');
  const header = hasHeader ? first.cells : null;
  const width = first.cells.length;
  const label = labelIndex(options.labelColumn, header, width);
  const numeric = width - (label >= 0 ? 1 : 0);
  if (numeric < 1) throw invalid('dataSource.table.noNumeric', { name });
  if (numeric > MAX_VECTOR) throw invalid('dataSource.table.tooWide', { name, columns: numeric, most: MAX_VECTOR });
  const columns = Array.from({ length: width }, (_, k) => (header ? header[k] || `c${k}` : `c${k}`)).filter((_, k) => k !== label);

  let values: Float32Array<ArrayBuffer> = new Float32Array(1024);
  let count = 0;
  const rawLabels: string[] = [];
  const skipped: { line: number; reason: NestedText }[] = [];
  const skip = (line: number, reason: NestedText) => skipped.push({ line, reason });
  const take = ({ line, cells }: { line: number; cells: string[] }) => {
    if (cells.length !== width) return skip(line, textOf('dataSource.row.cells', { cells: cells.length, header: !!header, width }));
    const row: number[] = [];
    for (let k = 0; k < width; k++) {
      if (k === label) continue;
      const v = numberOf(cells[k]);
      if (typeof v !== 'number') return skip(line, v(header?.[k] || `c${k}`));
      row.push(v);
    }
    if (label >= 0 && cells[label] === '') return skip(line, textOf('dataSource.row.noLabel'));
    if (count + row.length > MAX_TABLE_VALUES) throw invalid('dataSource.table.tooBig', { name, most: MAX_TABLE_VALUES });
    if (count + row.length > values.length) values = grow(values, count + row.length);
    values.set(row, count);
    count += row.length;
    if (label >= 0) rawLabels.push(cells[label]);
  };
  if (!hasHeader) take(first);
  let read = 0;
  for (const row of all) {
    take(row);
    if (++read % SLICE === 0) yield row.line;
  }
  const n = count / numeric;
  const skippedRows = skipped.map((s): SkippedRow => ({ line: s.line, reason: inEnglish(s.reason) }));
  if (n === 0) throw invalid('dataSource.table.noRows', { name, rows: skipped.slice(0, 3), left: Math.max(0, skipped.length - 3) }, { skipped: skippedRows });

  const input: DatasetInput = { name, images: values.slice(0, count), n, sample: 'vector', length: numeric };
  if (label >= 0) Object.assign(input, labelsOf(rawLabels, name));
  return { input, columns, hasHeader, delimiter, skipped: skippedRows, reasons: skipped.map((s) => s.reason) };
}

/** A reason in English, as `SkippedRow.reason` holds it. */
const inEnglish = (text: NestedText) => (english as (key: string, args?: unknown) => string)(text.key, text.args);

function grow(values: Float32Array<ArrayBuffer>, least: number): Float32Array<ArrayBuffer> {
  const next = new Float32Array(Math.max(least, values.length * 2));
  next.set(values);
  return next;
}

/** Whole numbers 0..255 are labels as they are; anything else is a class name. */
function labelsOf(raw: string[], name: string): { labels: Uint8Array; classNames?: string[] } {
  if (raw.every((l) => /^\d{1,3}$/.test(l) && Number(l) <= 255)) return { labels: Uint8Array.from(raw, Number) };
  const classNames: string[] = [];
  const index = new Map<string, number>();
  const labels = new Uint8Array(raw.length);
  raw.forEach((l, i) => {
    let k = index.get(l);
    if (k === undefined) {
      if (classNames.length === MAX_CLASSES) throw invalid('dataSource.table.tooManyLabels', { name, most: MAX_CLASSES });
      index.set(l, (k = classNames.length));
      classNames.push(l);
    }
    labels[i] = k;
  });
  return { labels, classNames };
}
