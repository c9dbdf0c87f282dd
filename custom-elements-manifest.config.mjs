// Input for Storybook's autodocs and for editors: `npm run analyze` writes custom-elements.json.

/**
 * Keeps the public surface. Private and protected members would be listed as
 * properties, and the base class's `new CustomEvent(name, ...)` as an event called "name".
 */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) decl.members = decl.members.filter((m) => !m.privacy || m.privacy === 'public');
          if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('ae-'));
        }
      }
    },
  };
}

export default {
  // ae-base.ts holds the `theme` attribute every element inherits, ae-element.ts `model` and `data`.
  globs: ['src/elements/**/*.ts', 'src/shared/ae-base.ts', 'src/shared/ae-element.ts', 'src/shared/live-element.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};
