// The static server used by scripts/run and these tests: MIME types and path safety.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startServer } from '../../scripts/serve.mjs';
import { DIST } from './harness.mjs';

let s;
let sandbox;
let guarded;
before(async () => {
  s = await startServer({ root: DIST, port: 0 });
  // A root with a secret just outside it, to prove the server never reaches past its root.
  sandbox = mkdtempSync(join(tmpdir(), 'limber-serve-'));
  mkdirSync(join(sandbox, 'site'));
  writeFileSync(join(sandbox, 'site', 'index.html'), 'inside');
  writeFileSync(join(sandbox, 'secret.txt'), 'SECRET');
  guarded = await startServer({ root: join(sandbox, 'site'), port: 0 });
});
after(async () => {
  await s?.close();
  await guarded?.close();
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

// A request with the path exactly as written: fetch() would tidy away the '..' first.
function raw(port, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  const cases = [
    ['', 'text/html; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
    ['limber.wasm', 'application/wasm'],
    ['limber.js', 'text/javascript; charset=utf-8'],
    ['boot.js', 'text/javascript; charset=utf-8'],
    ['limber.css', 'text/css; charset=utf-8'],
  ];
  for (const [path, type] of cases) {
    it(`serves /${path} as ${type}`, async () => {
      const response = await fetch(s.url + path);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), type);
    });
  }

  it('answers 404 for a missing file', async () => {
    assert.equal((await fetch(s.url + 'nothing-here.js')).status, 404);
  });

  it('never serves a file outside its root, however the path is written', async () => {
    assert.equal((await raw(guarded.port, '/index.html')).body, 'inside');
    // Plain dot segments are resolved by URL parsing, which keeps them inside the root.
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/a/../../secret.txt']) {
      const r = await raw(guarded.port, path);
      assert.equal(r.status, 404, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /SECRET/);
    }
    // Encoded slashes survive URL parsing and only become '..' when decoded: the root
    // check itself must refuse them.
    for (const path of ['/..%2fsecret.txt', '/%2E%2E%2Fsecret.txt', '/a/..%2f..%2fsecret.txt']) {
      const r = await raw(guarded.port, path);
      assert.equal(r.status, 403, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /SECRET/);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    assert.equal((await fetch(s.url, { method: 'POST', body: 'x' })).status, 405);
  });
});
