import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from './scripts/lib/chrome.mjs';
import { devPlugins } from './scripts/lib/dev-plugins.mjs';
import { testServer } from './scripts/lib/test-server.mjs';

export default {
  files: ['test/**/*.test.ts'],
  hostname: '127.0.0.1',
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  plugins: devPlugins,
  middleware: [testServer],
  // SwiftShader makes WebGPU and WebGL slow: one page at a time, generous timeouts.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 900000,
  testFramework: { config: { timeout: 300000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
};
