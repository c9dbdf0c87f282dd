import type { StorybookConfig } from '@storybook/web-components-vite';
import { engineWorker } from './engine-worker.ts';
import { offlineServerChannel } from './offline.ts';

// preview.ts points the library at these URLs (relative to iframe.html), so the same
// paths work on the dev server and in storybook-static/.
const config: StorybookConfig & { experimental_serverChannel: typeof offlineServerChannel } = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  staticDirs: [
    { from: '../data', to: '/data' },
    { from: '../weights', to: '/weights' },
    // Only the .wasm binaries (and their small glue), not the 13 MB dist/ folder.
    { from: '../node_modules/@tensorflow/tfjs-backend-wasm/wasm-out', to: '/wasm' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  experimental_serverChannel: offlineServerChannel,
  async viteFinal(vite) {
    return {
      ...vite,
      plugins: [...(vite.plugins ?? []), engineWorker()],
      // The engine worker imports its tfjs backend lazily; classic (iife) workers cannot code-split.
      worker: { ...vite.worker, format: 'es' },
      // TensorFlow.js alone is several hundred kB; Vite's 500 kB hint is noise here.
      build: { ...vite.build, chunkSizeWarningLimit: 2000 },
      // Storybook's lit renderer imports this unbundled next to the pre-bundled `lit`,
      // which loads lit-html twice in dev ("Multiple versions of Lit loaded").
      optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] },
    };
  },
};

export default config;
