import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';

// dist/editor/ (scripts/editor-data.mjs; npm test writes it after rollup) against
// custom-elements.json: every tag, attribute, settable property and ae-* event of the
// manifest must be in the VS Code data, the web-types and each framework's typings.
// Files are read from disk: the test server would compile a .d.ts to empty JavaScript.

interface Member { kind: string; name: string; static?: boolean; readonly?: boolean; privacy?: string }
interface Declaration { tagName?: string; customElement?: boolean; attributes?: { name: string }[]; members?: Member[]; events?: { name?: string }[] }
interface Element { tag: string; attributes: string[]; properties: string[]; events: string[] }
interface Named { name: string }

async function read(path: string): Promise<string> {
  const text = await readFile({ path: `../${path}` });
  if (text === undefined) throw new Error(`${path} is missing; run npm run build`);
  return text;
}

const names = (items: Named[] | undefined) => (items ?? []).map((i) => i.name);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A member key in a type literal: `name?:` or `'name'?:`. */
const hasKey = (text: string, name: string) => new RegExp(`(?:^|\\s)(?:${escape(name)}|'${escape(name)}')\\??:`, 'm').test(text);

/** Each tag's entry in a typing (comments removed, so descriptions that name tags are not taken for entries). */
function entries(dts: string, tags: string[]): Map<string, string> {
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const starts = tags.map((tag) => ({ tag, at: code.indexOf(`'${tag}':`) })).sort((a, b) => a.at - b.at);
  return new Map(starts.map(({ tag, at }, i) => [tag, at < 0 ? '' : code.slice(at, starts[i + 1]?.at ?? code.length)]));
}

describe('editor data and framework typings (dist/editor/)', () => {
  let elements: Element[];
  let tags: string[];

  before(async () => {
    const manifest = JSON.parse(await read('custom-elements.json')) as { modules: { declarations?: Declaration[] }[] };
    elements = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({
        tag: d.tagName!,
        attributes: names(d.attributes),
        properties: (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && (!m.privacy || m.privacy === 'public')).map((m) => m.name),
        events: (d.events ?? []).map((e) => e.name ?? '').filter((n) => n.startsWith('ae-')),
      }));
    tags = elements.map((e) => e.tag);
    expect(elements.length, 'custom elements in the manifest').to.be.greaterThan(0);
  });

  it('VS Code custom data lists every tag with its attributes', async () => {
    const data = JSON.parse(await read('dist/editor/vscode.html-custom-data.json')) as { version: number; tags: (Named & { attributes: Named[] })[] };
    expect(data.version).to.equal(1.1);
    expect(names(data.tags)).to.have.members(tags);
    for (const el of elements) expect(names(data.tags.find((t) => t.name === el.tag)!.attributes), el.tag).to.have.members(el.attributes);
  });

  it('web-types list every tag with its attributes, properties and events', async () => {
    const pkg = JSON.parse(await read('package.json')) as { name: string; version: string; 'web-types': string };
    expect(pkg['web-types']).to.equal('./dist/editor/web-types.json');
    const data = JSON.parse(await read('dist/editor/web-types.json')) as {
      $schema: string; name: string; version: string;
      contributions: { html: { elements: (Named & { attributes: Named[]; js: { properties: Named[]; events: Named[] } })[] } };
    };
    expect(data.$schema).to.equal('https://json.schemastore.org/web-types');
    expect([data.name, data.version]).to.deep.equal([pkg.name, pkg.version]);
    const list = data.contributions.html.elements;
    expect(names(list)).to.have.members(tags);
    for (const el of elements) {
      const entry = list.find((e) => e.name === el.tag)!;
      expect(names(entry.attributes), `${el.tag} attributes`).to.have.members(el.attributes);
      expect(names(entry.js.properties), `${el.tag} properties`).to.have.members(el.properties);
      expect(names(entry.js.events), `${el.tag} events`).to.have.members(el.events);
    }
  });

  // How each typing names an event handler.
  const HANDLERS: Record<string, (event: string) => string[]> = {
    react: (e) => [`on${e}`],
    vue: (e) => [e],
    svelte: (e) => [`on${e}`, `on:${e}`],
  };
  for (const [framework, handlers] of Object.entries(HANDLERS)) {
    it(`${framework}.d.ts types every tag's attributes, properties and events`, async () => {
      const dts = await read(`dist/editor/${framework}.d.ts`);
      const byTag = entries(dts, tags);
      for (const el of elements) {
        const entry = byTag.get(el.tag)!;
        expect(entry, `<${el.tag}> entry`).to.not.equal('');
        const missing = [...el.attributes, ...el.properties, ...el.events.flatMap(handlers)].filter((name) => !hasKey(entry, name));
        expect(missing, `<${el.tag}> keys missing from ${framework}.d.ts`).to.deep.equal([]);
      }
    });
  }
});
