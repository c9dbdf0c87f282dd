// Test-server middleware for the bad-input suite:
// - /__files/<name>: files a test writes (PUT) and the page then fetches (GET), so bad
//   model files are made inside the test that uses them;
// - a second origin: the same server reached as "localhost" instead of 127.0.0.1. Every
//   request that arrives that way is recorded; /__foreign lists them (DELETE lists and clears).

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
  await next();
}
