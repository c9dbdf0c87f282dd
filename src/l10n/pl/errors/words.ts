import type { SampleShape } from '../../../engine/sample.js';
import type { Formats } from '../../formats.js';
import { kinds } from '../kinds.js';

/** "obraz 32x32x3" or "wektor długości 50". */
export const shapeWords = (s: SampleShape, f: Formats) => (s.kind === 'image' ? `obraz ${s.height}x${s.width}x${s.channels}` : `wektor długości ${f.number(s.length)}`);

/** A model kind's adjective in Polish ("wariacyjny"), or its module's English title for a kind without one. */
export const titleOf = (kind: string, title: string) => kinds[kind]?.title ?? title;

/** "1 bajt", "2 bajty", "5 bajtów". */
export const byteCount = (n: number, f: Formats) => `${f.number(n)} ${f.plural(n, { one: 'bajt', few: 'bajty', many: 'bajtów', other: 'bajta' })}`;
