// custom-elements.json read into the shape the editor data and framework typings need:
// one entry per tag with its attributes, settable properties and events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The elements of the manifest, in its order. */
export function readElements(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({
      tag: d.tagName,
      className: d.name,
      description: [d.summary, d.description].filter(Boolean).join('\n\n'),
      attributes: (d.attributes ?? []).map((a) => ({ name: a.name, field: a.fieldName, type: a.type?.text, default: a.default, description: a.description ?? '' })),
      properties: writableFields(d),
      events: (d.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, type: e.type?.text, description: e.description ?? '' })),
      cssParts: d.cssParts ?? [],
      cssProperties: d.cssProperties ?? [],
    }));
}

/** Public instance fields a page may set: what a framework binding can pass as a property. */
export function writableFields(d) {
  return (d.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (!m.privacy || m.privacy === 'public'))
    .map((m) => ({ name: m.name, type: m.type?.text, description: m.description ?? '' }));
}

/** Names `src/index.ts` exports, i.e. what `import ... from '<package>'` can name. */
export function exportedNames(root) {
  const src = readFileSync(join(root, 'src', 'index.ts'), 'utf8');
  const names = new Set();
  for (const [, list] of src.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of list.split(',')) {
      const name = item.replace(/^\s*type\s+/, '').split(/\s+as\s+/).pop().trim();
      if (name) names.add(name);
    }
  }
  for (const [, name] of src.matchAll(/export\s+(?:declare\s+)?(?:class|interface|type|const|function|enum)\s+([\w$]+)/g)) names.add(name);
  return names;
}

/** The members of a union type's text, split at top-level `|` only. */
export function unionParts(text = '') {
  const parts = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of text) {
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === "'" || ch === '"') quote = ch;
    else if ('<([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) || (ch === '>' && !cur.endsWith('='))) depth--; // the > of => closes nothing
    else if (ch === '|' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

/** The values of a string-literal union (`'a' | 'b' | undefined` gives a, b); null for any other type. */
export function literalValues(text) {
  const parts = unionParts(text).filter((p) => p !== 'undefined' && p !== 'null');
  if (!parts.length || !parts.every((p) => /^(['"]).*\1$/.test(p))) return null;
  return parts.map((p) => p.slice(1, -1));
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'null', 'undefined', 'unknown', 'any', 'void', 'never', 'true', 'false']);
// Global types a .d.ts may name without an import.
const GLOBALS = new Set(['CustomEvent', 'Event', 'Array', 'ReadonlyArray', 'Readonly', 'Partial', 'Record', 'Pick', 'Omit', 'Float32Array', 'Uint8Array', 'Int32Array', 'Promise', 'Map', 'Set', 'File', 'Blob', 'HTMLElement']);

/**
 * The type names a manifest type text uses, when every one is a global or exported by the
 * package (so a .d.ts can import them); null when the text names anything else.
 */
export function importableNames(text, exported) {
  if (!text) return null;
  const names = new Set();
  const bare = text.replace(/(['"]).*?\1/g, '').replace(/(\w+)\s*\??:/g, ' ');
  for (const [name] of bare.matchAll(/[A-Za-z_$][\w$]*/g)) {
    if (PRIMITIVES.has(name) || GLOBALS.has(name)) continue;
    if (!exported.has(name)) return null;
    names.add(name);
  }
  return names;
}
