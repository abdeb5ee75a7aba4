// The static server used by scripts/run and these tests: MIME types and path safety.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startServer } from '../../scripts/serve.mjs';
import { DIST } from './harness.mjs';

let s;
before(async () => { s = await startServer({ root: DIST, port: 0 }); });
after(async () => { await s?.close(); });

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

  it('answers 404 for a missing file and never serves outside its root', async () => {
    assert.equal((await fetch(s.url + 'nothing-here.js')).status, 404);
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/..\\..\\etc\\passwd']) {
      const response = await fetch(s.url.slice(0, -1) + path);
      assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
      assert.doesNotMatch(await response.text(), /root:/);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    assert.equal((await fetch(s.url, { method: 'POST', body: 'x' })).status, 405);
  });
});
