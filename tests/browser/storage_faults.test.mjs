// Storage faults the app must come back from (issue 18): a database remade by another script
// without Limber's stores, and a storage that does not answer at start-up. Each would, before,
// have left every save failing for ever or the page waiting for ever.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, DIST, command, launch, openApp, state } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const waitFor = (page, fn, arg, timeout = 20000) => page.waitForFunction(fn, arg, { timeout, polling: 50 });
const saved = (page) => waitFor(page, () => window.limber.state().storage.status === 'saved');

// Limber opened with one thing stored (the dark theme), to look for after each fault.
async function openWithDarkThemeStored(page) {
  await openApp(page, h.url);
  assert.equal((await command(page, 'theme', 'dark')).ok, true);
  await saved(page);
}

// Another script of this origin deletes Limber's database (Limber's open connection closes
// when asked, as it must) and makes it again at `version` with only `stores`. Both requests go
// at once, so they run in turn before Limber (told of the deletion) opens it again.
function remakeDatabase(page, version, stores) {
  return page.evaluate(([v, names]) => new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase('limber');
    del.onerror = () => reject(del.error);
    const open = indexedDB.open('limber', v);
    open.onupgradeneeded = () => { for (const name of names) open.result.createObjectStore(name); };
    open.onsuccess = () => { open.result.close(); resolve(); };
    open.onerror = () => reject(open.error);
  }), [version, stores]);
}

async function reloaded(page) {
  await page.reload();
  await page.evaluate(() => window.limber.ready);
  return state(page);
}

describe('storage faults', () => {
  it('a database deleted and made again without its stores is repaired, says so, and saves again, reloads included', async () => {
    const { page, problems } = await h.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await openWithDarkThemeStored(page);
    // Made again at version 2 with the meta store alone.
    await remakeDatabase(page, 2, ['meta']);
    assert.equal((await command(page, 'setting', 'sounds=off')).ok, true);
    await saved(page);
    const s = await state(page);
    assert.equal(s.notice.kind, 'info');
    assert.match(s.notice.text, /had been changed by something other than Limber \(some of its parts were missing\)\. It has been repaired/);
    const stores = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('limber');
      open.onsuccess = () => { resolve([open.result.version, [...open.result.objectStoreNames].sort()]); open.result.close(); };
    }));
    assert.deepEqual(stores, [3, ['kv', 'meta', 'sessions']]);
    assert.ok(warnings.some((w) => w.includes('the database had no kv or sessions store')), 'the console names the stores');
    // What was held in memory was written: a reload has the settings.
    const back = await reloaded(page);
    assert.equal(back.theme, 'dark');
    assert.equal(back.storage.status, 'saved');
    assert.deepEqual(problems, []);
  });

  it('a database made again at a later version than Limber asks for opens as it is and saves', async () => {
    const { page, problems } = await h.newPage();
    await openApp(page, h.url);
    await saved(page);
    await remakeDatabase(page, 9, ['kv', 'meta', 'sessions']);
    assert.equal((await command(page, 'theme', 'dark')).ok, true);
    await saved(page);
    const s = await reloaded(page);
    assert.equal(s.storage.status, 'saved');
    assert.equal(s.theme, 'dark');
    assert.deepEqual(problems, []);
  });

  it('a repair blocked by another connection: start-up stops waiting, then the repair and the stored data follow', async () => {
    const { page, context } = await h.newPage();
    await openWithDarkThemeStored(page);
    // Before the next load, another script of the origin takes away the kv store and keeps its
    // connection open, ignoring requests to close it, until told to let go.
    await context.addInitScript(() => {
      window.LIMBER_STORAGE_WAIT_MS = 1500;
      if (sessionStorage.getItem('block-repair') !== '1') return;
      sessionStorage.removeItem('block-repair');
      window.letGo = null;
      const open = indexedDB.open('limber', 7);
      open.onupgradeneeded = () => open.result.deleteObjectStore('kv');
      open.onsuccess = () => { const db = open.result; window.letGo = () => db.close(); };
    });
    await page.evaluate(() => sessionStorage.setItem('block-repair', '1'));
    let s = await reloaded(page);
    assert.match(s.notice.text, /storage has not answered/);
    assert.equal(s.storage.status, 'loading');
    await page.evaluate(() => window.letGo());
    await saved(page);
    s = await state(page);
    assert.equal(s.theme, 'dark', 'the stored data arrived once the repair could run');
    s = await reloaded(page);
    assert.equal(s.theme, 'dark');
    assert.equal(s.storage.status, 'saved');
  });

  it('a storage that does not answer: start-up stops waiting, says so, writes nothing, and takes the data when it comes', async () => {
    const { page, context } = await h.newPage();
    await openWithDarkThemeStored(page);
    // From the next load: IndexedDB's open is held (as in an about:blank or data: page) until released.
    await context.addInitScript(() => {
      window.LIMBER_STORAGE_WAIT_MS = 1500;
      if (sessionStorage.getItem('hold-idb') !== '1') return;
      sessionStorage.removeItem('hold-idb');
      const realOpen = IDBFactory.prototype.open;
      const held = [];
      IDBFactory.prototype.open = function (...args) {
        const fake = {};
        held.push({ factory: this, args, fake });
        return fake;
      };
      window.releaseStorage = () => {
        IDBFactory.prototype.open = realOpen;
        for (const { factory, args, fake } of held) {
          const r = realOpen.apply(factory, args);
          for (const name of ['onupgradeneeded', 'onsuccess', 'onerror', 'onblocked']) {
            r[name] = (e) => { if (name !== 'onerror') fake.result = r.result; else fake.error = r.error; if (fake[name]) fake[name](e); };
          }
        }
      };
    });
    await page.evaluate(() => sessionStorage.setItem('hold-idb', '1'));
    const started = Date.now();
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    assert.ok(Date.now() - started < 15000, 'started without the storage');
    let s = await state(page);
    assert.equal(s.notice.kind, 'problem');
    assert.match(s.notice.text, /storage has not answered, so Limber has started without your saved progress/);
    assert.equal(s.storage.status, 'loading', 'nothing is written over what was not read');
    assert.equal(s.theme, 'light');
    // Something done meanwhile: a routine of one's own.
    assert.deepEqual(await command(page, 'copy_routine', 'nhs_daily'), { ok: true });
    assert.deepEqual(await command(page, 'save_routine'), { ok: true });
    await page.evaluate(() => window.releaseStorage());
    await saved(page);
    s = await state(page);
    assert.equal(s.theme, 'dark', 'the stored settings are back');
    assert.equal(s.data.routines, 1, 'and what was done meanwhile is kept');
    assert.match(s.notice.text, /storage answered/);
    s = await reloaded(page);
    assert.equal(s.theme, 'dark');
    assert.equal(s.data.routines, 1);
  });

  it('the widget inside a data: page, where IndexedDB never answers, starts after the stated wait and says why', async () => {
    // Chromium blocks a data: page's frames from reaching a loopback server (Private Network
    // Access) unless told otherwise; a clinic's real server is public, so that block is lifted here.
    const server = await startServer({ root: DIST, port: 0 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: [...CHROMIUM_ARGS, '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks'],
    });
    try {
      const page = await browser.newPage();
      const src = `${server.url}index.html?embed=1&routine=in_bed`;
      await page.goto('data:text/html,' + encodeURIComponent(`<!doctype html><title>x</title><iframe style="width:400px;height:600px" src="${src}"></iframe>`));
      const started = Date.now();
      let frame = null;
      for (let i = 0; i < 100 && !frame; ++i) {
        frame = page.frames().find((f) => f.url() === src) || null;
        if (!frame) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(frame, 'the widget frame loads');
      await frame.waitForFunction(() => window.limber && window.limber.state().ready, null, { timeout: 30000, polling: 100 });
      const waited = Date.now() - started;
      assert.ok(waited >= 7000 && waited < 25000, `started after the 8 s wait, not before and not never (${waited} ms)`);
      const s = await frame.evaluate(() => window.limber.state());
      assert.equal(s.storage.status, 'loading', 'IndexedDB never answered, so nothing is written');
      assert.equal(s.notice.kind, 'problem');
      assert.match(s.notice.text, /storage has not answered/);
      assert.ok(s.controls.some((c) => c.id === 'start'), 'and the routine can be started');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
