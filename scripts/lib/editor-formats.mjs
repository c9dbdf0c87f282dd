// Editor data from the manifest's elements (scripts/lib/cem.mjs): VS Code's HTML custom
// data and JetBrains web-types. Both describe plain HTML, so they suit any framework.
import { literalValues, unionParts } from './cem.mjs';

const isBoolean = (type) => unionParts(type).filter((p) => p !== 'undefined').join('|') === 'boolean';

/** A tag's description with its events, parts and CSS properties, as Markdown. */
function tagMarkdown(el) {
  const lines = [el.description];
  const list = (title, items) => items.length && lines.push(`**${title}:** ${items.map((i) => `\`${i.name}\`${i.description ? ` (${i.description.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '')})` : ''}`).join('; ')}.`);
  list('Events', el.events);
  list('Parts', el.cssParts);
  list('CSS properties', el.cssProperties);
  return lines.filter(Boolean).join('\n\n');
}

/** VS Code HTML custom data, version 1.1 (https://github.com/microsoft/vscode-custom-data). */
export function vscodeCustomData(elements) {
  return {
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tag,
      description: { kind: 'markdown', value: tagMarkdown(el) },
      attributes: el.attributes.map((a) => {
        const values = literalValues(a.type)?.filter(Boolean);
        const type = a.type ? `\`${a.type}\`` : '';
        return {
          name: a.name,
          description: { kind: 'markdown', value: [a.description, [type, a.default && `default \`${a.default}\``].filter(Boolean).join(', ')].filter(Boolean).join('\n\n') },
          // "v": a boolean attribute, written without a value.
          ...(isBoolean(a.type) ? { valueSet: 'v' } : values?.length ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

/** JetBrains web-types (https://github.com/JetBrains/web-types), plain HTML contributions. */
export function webTypes(elements, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((el) => {
          const events = el.events.map((e) => ({ name: e.name, description: e.description }));
          return {
            name: el.tag,
            description: tagMarkdown(el),
            source: { module: pkg.name, symbol: el.className },
            attributes: el.attributes.map((a) => ({
              name: a.name,
              description: a.description,
              // A boolean attribute needs no value; the others take one, typed as in the source.
              value: { ...(isBoolean(a.type) ? { type: 'boolean', required: false } : { type: a.type ?? 'string', kind: 'plain' }), ...(a.default ? { default: a.default } : {}) },
            })),
            events,
            js: {
              properties: el.properties.map((p) => ({ name: p.name, description: p.description, ...(p.type ? { type: p.type } : {}) })),
              events,
            },
          };
        }),
      },
    },
  };
}
