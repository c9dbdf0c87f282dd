// Test-server middleware:
// - /__files/<name>: files a test writes (PUT) and the page then fetches (GET), so bad
//   model files are made inside the test that uses them;
// - a second origin: the same server reached as "localhost" instead of 127.0.0.1. Every
//   request that arrives that way is recorded; /__foreign lists them (DELETE lists and clears);
// - weight files (*.bin) as they are on disk: the dev server turns a body that looks like
//   text into a string, and uint8 weights whose bytes happen to look like text came back
//   re-encoded, twice as long.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, with its trailing separator. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const files = new Map();
const foreign = [];

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}

export async function testServer(ctx, next) {
  if (ctx.hostname === 'localhost') foreign.push(ctx.url);
  if (ctx.path === '/__foreign') {
    ctx.body = JSON.stringify(foreign);
    if (ctx.method === 'DELETE') foreign.length = 0;
    ctx.type = 'json';
    return;
  }
  if (ctx.path.startsWith('/__files/')) {
    ctx.set('Access-Control-Allow-Origin', '*');
    if (ctx.method === 'PUT') {
      files.set(ctx.path, { data: await body(ctx.req), type: ctx.get('content-type') || 'application/octet-stream' });
      ctx.status = 204;
      return;
    }
    const file = files.get(ctx.path);
    if (!file) {
      ctx.status = 404;
      return;
    }
    ctx.body = file.data;
    ctx.type = file.type;
    return;
  }
  if (ctx.method === 'GET' && ctx.path.endsWith('.bin')) {
    const path = resolve(ROOT, `.${decodeURIComponent(ctx.path)}`);
    const data = path.startsWith(ROOT) ? await readFile(path).catch(() => null) : null;
    if (data) {
      ctx.body = data;
      ctx.type = 'application/octet-stream';
      return;
    }
  }
  await next();
}
