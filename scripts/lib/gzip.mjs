import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** What the drop-in page with all five elements may load, gzip: 2 MB. */
export const BUDGET = 2_000_000;

/** Bytes of a file gzipped at level 9, as a server would send it. */
export const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Decimal kilobytes, as the budget is stated. */
export const kb = (n) => `${Math.round(n / 1000).toLocaleString('en')} kB`;
