// Every catalogue key the source names must be in the English and the Polish catalogues:
// keys given to AEError.of, term() / t(), the attribute checks (invalidAttribute, numberIn,
// oneOf), badField, textOf, the engine's invalid() helpers, and nested texts ({ key: '...' }).
// TypeScript checks most calls; this catches keys passed as plain strings (nested texts,
// ternaries) and a catalogue that lost an entry. Part of npm test.
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve('src');
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

async function catalogue(path, name) {
  const out = await build({ entryPoints: [resolve(path)], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return new Set(Object.keys(module[name]));
}

/** Which argument of each call is a catalogue key. */
const KEY_ARG = { 'AEError.of': 1, term: 0, t: 0, english: 0, translate: 1, invalidAttribute: 3, numberIn: 5, oneOf: 4, badField: 1, invalid: 0, bad: 0, textOf: 0 };
const CALL = new RegExp(`(?<![\\w.$])(${Object.keys(KEY_ARG).map((n) => n.replace('.', '\\.')).join('|')})\\(`, 'g');
const KEY = /^[a-z][\w-]*(\.[\w-]+)+$/;
const LITERAL = /'((?:[^'\\]|\\.)*)'/g;

/** The top-level arguments of the call whose "(" is at `open`, as source text. */
function args(text, open) {
  const out = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (--depth === 0) {
        out.push(text.slice(start, i));
        return out;
      }
    } else if (ch === ',' && depth === 1) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

const used = new Map();
const use = (key, where) => KEY.test(key) && (used.get(key) ?? used.set(key, []).get(key)).push(where);
for (const file of files(SRC)) {
  if (file.startsWith(join(SRC, 'l10n'))) continue;
  const text = readFileSync(file, 'utf8');
  const line = (at) => `${relative('.', file)}:${text.slice(0, at).split('\n').length}`;
  for (const m of text.matchAll(CALL)) {
    const arg = args(text, m.index + m[0].length - 1)[KEY_ARG[m[1]]];
    for (const lit of arg?.matchAll(LITERAL) ?? []) use(lit[1], line(m.index));
  }
  for (const m of text.matchAll(/\bkey:\s*'([^']+)'/g)) use(m[1], line(m.index));
}

const en = await catalogue('src/l10n/en/index.ts', 'en');
const pl = await catalogue('src/l10n/pl/index.ts', 'pl');
const missing = [...used].flatMap(([key, where]) => [[en, 'English'], [pl, 'Polish']].filter(([c]) => !c.has(key)).map(([, lang]) => `${key} (${lang}; ${where[0]})`));
if (missing.length) {
  console.error(`Catalogue check failed: keys missing from a catalogue:\n- ${missing.join('\n- ')}`);
  process.exit(1);
}
console.log(`Catalogue check: ${used.size} keys used in src/, all in English and Polish.`);
