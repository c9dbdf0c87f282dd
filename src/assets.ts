// Where the library finds its files. From source, the package root is one level up;
// rollup.config.mjs rewrites both constants for the build, where everything sits
// beside the bundle (dist/data, dist/weights, dist/wasm).
const ROOT = '../';
const WASM = 'node_modules/@tensorflow/tfjs-backend-wasm/dist/';

const root = new URL(ROOT, import.meta.url);

export const assetUrls = {
  data: new URL('data/mnist-10k.test.bin', root).href,
  weights: new URL('weights/', root).href,
  wasm: new URL(WASM, root).href,
};
