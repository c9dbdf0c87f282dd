// Editor data and framework typings from custom-elements.json (`npm run analyze` writes
// it), into dist/editor/: VS Code HTML custom data, JetBrains web-types, and JSX/template
// typings for React 19, Vue 3 and Svelte 5. Every tag, attribute, property and event
// comes from the manifest. Runs after rollup, which empties dist/.
// `--check` also compiles the typings, with a use of each, against the installed
// @types/react, vue and svelte and the package's own dist/types (so after the build).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportedNames, readElements } from './lib/cem.mjs';
import { vscodeCustomData, webTypes } from './lib/editor-formats.mjs';
import { reactTypes, svelteTypes, usageChecks, vueTypes } from './lib/framework-types.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'editor');
if (!existsSync(join(ROOT, 'custom-elements.json'))) throw new Error('custom-elements.json is missing; run npm run analyze first.');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const elements = readElements(ROOT);
if (!elements.length) throw new Error('custom-elements.json lists no custom elements.');
const exported = exportedNames(ROOT);

const files = {
  'vscode.html-custom-data.json': `${JSON.stringify(vscodeCustomData(elements), null, 2)}\n`,
  'web-types.json': `${JSON.stringify(webTypes(elements, pkg), null, 2)}\n`,
  'react.d.ts': reactTypes(elements, pkg, exported),
  'vue.d.ts': vueTypes(elements, pkg, exported),
  'svelte.d.ts': svelteTypes(elements, pkg, exported),
};
mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(OUT, name), text);
const count = (f) => elements.reduce((n, el) => n + el[f].length, 0);
console.log(`editor data: ${elements.length} tags, ${count('attributes')} attributes, ${count('properties')} properties, ${count('events')} events -> dist/editor/ (${Object.keys(files).join(', ')})`);

if (process.argv.includes('--check')) process.exit((await typecheck()) ? 0 : 1);

/** Compiles each typing with its use; true when all compile. */
async function typecheck() {
  const { default: ts } = await import('typescript');
  if (!existsSync(join(ROOT, pkg.types))) throw new Error(`${pkg.types} is missing; run rollup -c first.`);
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    // skipLibCheck stays off: the typings are .d.ts files. Diagnostics are asked of ours only.
    { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: false },
    ROOT,
  );
  if (errors.length) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, '\n'));
  const uses = usageChecks(elements);
  let ok = true;
  for (const name of ['react', 'vue', 'svelte']) {
    // The use sits in dist/editor/, inside the package, so `import ... from '<name>'` resolves
    // through package.json's exports as it would for a consumer.
    const use = join(OUT, `${name}.check.ts`);
    const host = ts.createCompilerHost(options);
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (f) => f === use || fileExists.call(host, f);
    host.readFile = (f) => (f === use ? uses[name] : readFile.call(host, f));
    host.getSourceFile = (f, lang, ...rest) => (f === use ? ts.createSourceFile(f, uses[name], lang) : getSourceFile.call(host, f, lang, ...rest));
    const typings = join(OUT, `${name}.d.ts`);
    const program = ts.createProgram([typings, use], options, host);
    const ours = [typings, use].map((f) => program.getSourceFile(f));
    const diagnostics = [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics(), ...ours.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)])];
    for (const d of diagnostics) {
      const where = d.file ? `${d.file.fileName.slice(ROOT.length)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
      console.log(`  ${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
    console.log(`${name}.d.ts: ${diagnostics.length ? 'FAIL' : 'compiles'}`);
    ok &&= !diagnostics.length;
  }
  return ok;
}
