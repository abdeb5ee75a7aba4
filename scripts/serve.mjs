// scripts/serve.mjs: a small static file server for the built app (build/web/dist).
//
// Used by scripts/run and by the browser tests. Serves each file with its proper MIME type
// (.wasm as application/wasm, which streaming compilation needs), refuses paths outside
// the root, and asks browsers to check before reusing a file (no-cache, with an ETag, as
// static hosts do), so a rebuild shows at once and an unchanged file is not sent twice.
// `gzip: true` compresses as a compressing host does; `onResponse(path, status, bytes)` hears
// each answer, for a test counting what was sent.
//
//   node scripts/serve.mjs [--root DIR] [--port 8080] [--host 127.0.0.1]
//   import { startServer } from './serve.mjs';  const s = await startServer({ root, port: 0 });
//   startServer({ root, port: 0, routes: { '/report': (req, res, url) => ... } })  // tests' own paths
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function startServer({ root, port = 8080, host = '127.0.0.1', log = false, routes = {}, gzip = false, onResponse = null }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8', headers = {}) => {
      if (typeof body === 'string') body = Buffer.from(body);
      if (gzip && body && status === 200 && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = gzipSync(body);
        headers = { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' };
      }
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff',
        ...(body ? { 'Content-Length': body.length } : {}), ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
      if (onResponse) onResponse(path, status, req.method === 'HEAD' || !body ? 0 : body.length);
    };
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request path\n');
    }
    // A test's own path, on the app's origin (so a page there shares the app's storage).
    if (Object.hasOwn(routes, path)) return routes[path](req, res, new URL(req.url, 'http://localhost'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n');
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'Forbidden\n');
    try {
      if (!(await stat(file)).isFile()) return send(404, 'Not found\n');
      const body = await readFile(file);
      const type = MIME_TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
      const etag = '"' + createHash('sha256').update(body).digest('base64url').slice(0, 22) + (gzip ? '-gz' : '') + '"';
      if (req.headers['if-none-match'] === etag) return send(304, null, type, { ETag: etag });
      send(200, body, type, { ETag: etag });
    } catch {
      send(404, 'Not found\n');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({
        server,
        port: address.port,
        url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${address.port}/`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const port = Number(option('--port', process.env.PORT || 8080));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port must be a number from 0 to 65535, got ${option('--port', process.env.PORT)}`);
    process.exit(2);
  }
  const root = option('--root', 'build/web/dist');
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`serve: ${root}/index.html does not exist; build the web app first (scripts/run does)`);
    process.exit(2);
  }
  startServer({ root, port, host: option('--host', '127.0.0.1'), log: args.includes('--log') })
    .then((s) => console.log(`Limber is being served at ${s.url}  (Ctrl+C to stop)`))
    .catch((e) => {
      console.error(`serve: cannot listen on port ${port}: ${e.message}`);
      process.exit(1);
    });
}
