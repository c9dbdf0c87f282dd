// Zero-dependency static server for the repo root (demo/, bench/, dist/).
// `node scripts/serve.mjs` serves on http://127.0.0.1:$PORT (default 8000);
// scripts/bench.mjs imports startServer() and runs it on a free port.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // needed for WebAssembly.instantiateStreaming
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under root, or null if it would escape root. */
function toFile(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function handle(root, req, res, headers) {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v); // on every reply, errors too
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let file = toFile(root, req.url ?? '/');
  if (!file) return void res.writeHead(403).end('Forbidden');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // /demo -> /demo/ so relative URLs in index.html resolve inside the folder.
    if (!req.url.split('?')[0].endsWith('/')) return void res.writeHead(301, { Location: `${req.url.split('?')[0]}/` }).end();
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${req.url}`);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache', // always see the latest build
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * Starts the server and resolves with { server, url }. Port 0 picks a free port.
 * `isolate: true` adds COOP/COEP headers (enables tfjs-wasm threads); off by default.
 * `headers` are sent with every reply (a Content-Security-Policy, say).
 */
export function startServer(port = 8000, { root = ROOT, host = '127.0.0.1', isolate = false, headers: extra = {} } = {}) {
  const headers = { ...(isolate ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {}), ...extra };
  const server = createServer((req, res) => {
    handle(root, req, res, headers).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}/`;
      ok({ server, url });
    });
  });
}

// Run directly: serve and print where the demo is.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8000);
  startServer(port, { isolate: process.env.ISOLATE === '1' })
    .then(({ url }) => {
      console.log(`Serving ${ROOT} at ${url}`);
      console.log(`Demo: ${url}demo/index.html, colour: ${url}demo/emoji.html, anomalies: ${url}demo/anomaly.html, dashboard: ${url}demo/dashboard.html`);
      console.log('Press Ctrl+C to stop.');
    })
    .catch((e) => {
      console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another one.` : e);
      process.exit(1);
    });
}
