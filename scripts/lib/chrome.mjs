// Finds a Chromium for tests and benchmarks: CHROME_PATH, then the usual system paths.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

export function findChrome() {
  const path = process.env.CHROME_PATH || CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new Error(`No Chromium found. Install it (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary. Looked in: ${process.env.CHROME_PATH ?? ''} ${CANDIDATES.join(', ')}`);
  }
  return path;
}

// WebGPU and WebGL run on SwiftShader where there is no GPU; WebGPU needs a secure
// context, so pages are served from 127.0.0.1.
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
