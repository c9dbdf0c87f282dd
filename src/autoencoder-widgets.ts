// The single-file build (dist/autoencoder-widgets.js): every element, and page-wide
// options read from the script tag's data-* attributes, so a page needs no script of
// its own:
//   <script type="module" src="autoencoder-widgets.js" data-backend="wasm"></script>
import { configure, type Config } from './store/config.js';

/** data-* attribute of the script tag -> configure() option. */
const OPTIONS: Record<string, keyof Config> = {
  backend: 'backend',
  weights: 'weightsBase',
  data: 'dataUrl',
  wasm: 'wasmPaths',
  worker: 'worker',
  wasmThreads: 'wasmThreads',
};

const script = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === import.meta.url);
if (script) {
  const options: Record<string, unknown> = {};
  for (const [attr, option] of Object.entries(OPTIONS)) {
    const raw = script.dataset[attr];
    if (raw === undefined) continue;
    // Paths resolve against the page, as the attribute's author would expect.
    options[option] = option === 'wasmThreads' ? Number(raw) : option === 'worker' ? raw !== 'false' : /Base|Url|Paths/.test(option) ? new URL(raw, document.baseURI).href : raw;
  }
  try {
    configure(options as Partial<Config>);
  } catch (e) {
    console.error(`autoencoder-widgets: the script tag's data-* options were not applied: ${(e as Error).message}`);
  }
}

export * from './index.js';
