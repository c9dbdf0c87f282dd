import type { SampleShape } from '../../../engine/sample.js';
import type { NestedText } from '../../english.js';

/** An argument's text: as is, or a catalogue entry made first in the same language (another error's reason, say). */
export type Said = string | NestedText;

/** "32x32x3 image" or "vector of 50". */
export const shapeWords = (s: SampleShape) => (s.kind === 'image' ? `${s.height}x${s.width}x${s.channels} image` : `vector of ${s.length}`);
