// When Limber cannot run, the page says why in plain words instead of staying blank,
// and limber.ready rejects with the same explanation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { launch } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

async function expectProblem(page, pattern) {
  await page.waitForSelector('#problem', { state: 'visible', timeout: 10000 });
  const text = await page.textContent('#problem');
  assert.match(text, pattern);
  assert.equal(await page.isVisible('#loading'), false, 'the loading indicator gives way to the message');
  assert.equal(await page.isVisible('#problem-retry'), true, 'there is a way to try again');
  const outcome = await page.evaluate(() => window.limber.ready.then(() => 'resolved', (e) => e.message));
  assert.match(outcome, pattern);
  const s = await page.evaluate(() => window.limber.state());
  assert.equal(s.ready, false);
  assert.match(s.error, pattern);
  // Nothing acts on a command once start-up has failed.
  const reply = await page.evaluate(() => window.limber.command('navigate', 'gallery'));
  assert.equal(reply.ok, false);
  assert.match(reply.error, pattern);
  return text;
}

describe('start-up failures', () => {
  it('a browser without WebAssembly gets a message naming it', async () => {
    const { page, context } = await h.newPage();
    await context.addInitScript(() => { delete globalThis.WebAssembly; });
    await page.goto(h.url);
    const text = await expectProblem(page, /WebAssembly/);
    assert.match(text, /This browser cannot run Limber/);
  });

  it('a browser without WebGL 2 gets a message naming it', async () => {
    const { page, context } = await h.newPage();
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    });
    await page.goto(h.url);
    await expectProblem(page, /WebGL 2/);
  });

  it('a failed download of the app gets a message with the reason', async () => {
    const { page } = await h.newPage();
    await page.route('**/limber.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(h.url);
    await expectProblem(page, /could not be downloaded \(limber\.wasm: HTTP 404\)/);
  });

  it('a dropped connection during the download gets a message too', async () => {
    const { page } = await h.newPage();
    await page.route('**/limber.wasm', (route) => route.abort('internetdisconnected'));
    await page.goto(h.url);
    await expectProblem(page, /could not be downloaded/);
  });

  it('a missing limber.js gets a message', async () => {
    const { page } = await h.newPage();
    await page.route('**/limber.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(h.url);
    await expectProblem(page, /could not be downloaded \(limber\.js\)/);
  });

  it('when the app itself cannot create its WebGL 2 context, it says so on the page', async () => {
    const { page, context } = await h.newPage();
    // The start-up probe passes, but the app's own canvas refuses a context.
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return this.id === 'canvas' && String(type).startsWith('webgl') ? null : original.call(this, type, ...rest);
      };
    });
    await page.goto(h.url);
    await expectProblem(page, /could not start WebGL 2/);
  });
});
