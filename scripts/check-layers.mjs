// Layering rules from the design, checked on the source before the browser tests:
// 1. only src/engine/ imports @tensorflow/*;
// 2. nothing the main thread loads statically reaches tfjs (the in-page engine is a
//    dynamic import, loaded only when a worker cannot start);
// 3. engine/ and store/ never import elements/ or shared/;
// 4. the element tags are listed once (scripts/lib/tags.mjs) and each has its folder, entry and export.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { TAGS } from './lib/tags.mjs';

const SRC = resolve('src');
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
// Static value imports and re-exports; `import type` / `export type` are erased.
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const imports = (file) => [...readFileSync(file, 'utf8').matchAll(STATIC)].map((m) => m[1]);
const local = (from, spec) => resolve(dirname(from), spec.replace(/\.js$/, '.ts'));
const rel = (f) => relative('.', f);
const problems = [];

for (const file of files(SRC)) {
  const inEngine = file.startsWith(join(SRC, 'engine'));
  for (const spec of imports(file)) {
    if (spec.startsWith('@tensorflow/') && !inEngine) problems.push(`${rel(file)} imports ${spec}: only src/engine/ may use TensorFlow.js`);
    if ((inEngine || file.startsWith(join(SRC, 'store'))) && /\/(elements|shared)\//.test(spec)) problems.push(`${rel(file)} imports ${spec}: engine/ and store/ must not depend on elements/ or shared/`);
  }
}

const entries = files(SRC).filter((f) => !f.startsWith(join(SRC, 'engine')));
const seen = new Map();
function reachesTf(file, path) {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, null);
  let found = null;
  for (const spec of imports(file)) {
    if (spec.startsWith('@tensorflow/')) found = [...path, spec];
    else if (spec.startsWith('.')) found = reachesTf(local(file, spec), [...path, rel(local(file, spec))]);
    if (found) break;
  }
  seen.set(file, found);
  return found;
}
for (const entry of entries) {
  const chain = reachesTf(entry, [rel(entry)]);
  if (chain) problems.push(`the main thread would load TensorFlow.js: ${rel(entry)} reaches ${chain.slice(-2).join(' -> ')}`);
}

// 4. every element folder is a listed tag with its entry and its package export, and back.
const folders = readdirSync(join(SRC, 'elements')).filter((f) => statSync(join(SRC, 'elements', f)).isDirectory());
const exported = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).exports);
for (const tag of new Set([...TAGS, ...folders])) {
  if (!TAGS.includes(tag)) problems.push(`src/elements/${tag}/ is not in scripts/lib/tags.mjs`);
  if (!folders.includes(tag)) problems.push(`scripts/lib/tags.mjs lists ${tag}, which has no src/elements/${tag}/`);
  if (!existsSync(join(SRC, `${tag}.ts`))) problems.push(`src/${tag}.ts (the entry that registers <${tag}>) is missing`);
  if (!exported.includes(`./${tag}`)) problems.push(`package.json exports has no "./${tag}"`);
}

if (problems.length) {
  console.error(`Layering check failed:\n- ${[...new Set(problems)].join('\n- ')}`);
  process.exit(1);
}
console.log(`Layering check: ${files(SRC).length} source files, rules hold.`);
