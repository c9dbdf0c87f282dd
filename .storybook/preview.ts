import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import { configure, languages } from '../src/index.js';

// main.ts serves data/, weights/ and the wasm binaries beside iframe.html; relative
// URLs resolve against the iframe, so they hold on the dev server and in the static build.
configure({ dataUrl: 'data/mnist-10k.test.bin', weightsBase: 'weights/', wasmPaths: 'wasm/' });

setCustomElementsManifest(manifest);

type Enhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/**
 * Autodocs lists attributes, properties, events, parts and custom properties from the
 * manifest. Stories drive the elements through attributes, so only those get controls;
 * the rest (including each attribute's camelCase property) are listed without one.
 */
const attributeControlsOnly: Enhancer = ({ argTypes }) =>
  Object.fromEntries(Object.entries(argTypes).map(([name, t]) => [name, !t.table?.category || t.table.category === 'attributes' ? t : { ...t, control: false }]));

/** Names of the shipped languages in themselves, for the toolbar; a registered one shows its tag. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', pl: 'Polski' };

const preview: Preview = {
  argTypesEnhancers: [attributeControlsOnly],
  // The elements follow <html lang>: the toolbar sets it, and they re-render at once.
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: { title: 'Language', icon: 'globe', dynamicTitle: true, items: languages().map((value) => ({ value, title: LANGUAGE_NAMES[value] ?? value })) },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, { globals }) => {
      document.documentElement.lang = (globals.locale as string | undefined) ?? 'en';
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true, sort: 'alpha' },
    docs: { controls: { sort: 'alpha' } },
    layout: 'padded',
  },
};

export default preview;
