// Nothing recorded is lost when the storage itself misbehaves (issue 29), in a real headless
// Chromium: a full disk (the profile on a small tmpfs, filled),
// the database deleted or the site's data cleared while the page is open, an upgrade blocked by
// another tab, a damaged, unknown or missing part, a renamed import's id, and the database's
// own files damaged on disk. Each ends with a reload and what is stored against what was done.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, command, launch, openApp, state, watchConsole } from './harness.mjs';
import { backupText, storeLegacyDocument, userData } from './history_fixture.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const DAY = 86_400_000;
const waitFor = (page, fn, arg, timeout = 30000) => page.waitForFunction(fn, arg, { timeout, polling: 50 });
const saved = (page) => waitFor(page, () => window.limber.state().storage.status === 'saved');

async function must(page, name, arg) {
  const r = await command(page, name, arg);
  assert.ok(r.ok, `${name} ${arg ?? ''}: ${r.error}`);
}

async function reloaded(page) {
  await page.reload();
  await page.evaluate(() => window.limber.ready);
  return state(page);
}

// `count` recent sessions, a dark theme and a routine of one's own, all stored.
async function openWithHistory(page, count) {
  await openApp(page, h.url);
  if (count > 0) await must(page, 'import', backupText(count, { endMs: Date.now() - DAY }));
  await must(page, 'theme', 'dark');
  await must(page, 'copy_routine', 'nhs_daily');
  await must(page, 'save_routine');
  await waitFor(page, (n) => window.limber.state().data.sessions === n, count);
  await saved(page);
}

// A short session through to its summary, the clock 60 times faster.
async function aSession(page) {
  const before = (await state(page)).data.sessions;
  await must(page, 'setting', 'spoken_cues=off');
  await must(page, 'start', 'gentle_bad_day');
  await waitFor(page, () => window.limber.state().session.stage === 'pain_before');
  await must(page, 'pain', '4');
  await must(page, 'clock_rate', '60');
  await waitFor(page, () => window.limber.state().session.stage === 'pain_after', null, 90000);
  await must(page, 'pain', '3');
  await waitFor(page, (n) => window.limber.state().session.stage === 'summary' && window.limber.state().data.sessions === n, before + 1);
  await must(page, 'close_session');
}

// What IndexedDB holds: the parts by name, the number of session entries, the copies set aside.
const stored = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('limber');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['meta', 'sessions', 'kv'], 'readonly');
    const out = {};
    tx.objectStore('meta').getAllKeys().onsuccess = (e) => { out.parts = e.target.result.map(String).sort(); };
    tx.objectStore('sessions').count().onsuccess = (e) => { out.sessions = e.target.result; };
    tx.objectStore('kv').getAllKeys().onsuccess = (e) => { out.aside = e.target.result.filter((k) => String(k).startsWith('set-aside-')).length; };
    tx.oncomplete = () => { db.close(); resolve(out); };
  };
}));

// Puts (or, with null, deletes) parts of the `meta` store, as something other than Limber might.
const putParts = (page, parts) => page.evaluate((p) => new Promise((resolve, reject) => {
  const open = indexedDB.open('limber');
  open.onsuccess = () => {
    const tx = open.result.transaction('meta', 'readwrite');
    for (const [key, value] of Object.entries(p)) {
      if (value === null) tx.objectStore('meta').delete(key);
      else tx.objectStore('meta').put(value, key);
    }
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onabort = () => reject(tx.error);
  };
}), parts);

describe('nothing recorded is lost in a storage fault', () => {
  it('a full disk: the session done is in the backup offered, survives a reload while full, and is stored once there is room', async () => {
    // The browser's IndexedDB folder on a small disk of its own (a tmpfs; mounting one needs
    // root, as CI has), filled with a file until nothing is left, then emptied again.
    const profile = await mkdtemp(join(tmpdir(), 'limber-small-disk-'));
    const disk = join(profile, 'Default', 'IndexedDB');
    await mkdir(disk, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', disk]);
    let context = null;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, acceptDownloads: true });
      const page = context.pages()[0] || await context.newPage();
      const problems = watchConsole(page);
      await openWithHistory(page, 200);
      const filler = join(disk, 'filler');
      const fill = () => execFileSync('sh', ['-c', `cat /dev/zero > ${filler} 2>/dev/null; true`]);
      fill();
      await must(page, 'theme', 'high_contrast');
      await aSession(page);
      await waitFor(page, () => window.limber.state().storage.status === 'failed');
      let s = await state(page);
      assert.equal(s.data.sessions, 201);
      assert.equal(s.storage.status, 'failed');
      assert.match(s.notice.text, /could not be saved/);
      const download = page.waitForEvent('download');
      await must(page, 'export', 'backup');
      const backup = JSON.parse(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString());
      // The one the disk had no room for, beside what the storage could still be read for (a
      // browser whose disk is full may not reopen its database: then the recent ones, and said).
      const newest = Math.max(...backup.data.sessions.map((x) => x.record.started_at_ms));
      assert.ok(newest > Date.now() - 600_000, 'the backup holds the session the disk had no room for');
      if (backup.data.sessions.length !== 201) assert.match((await state(page)).notice.text, /The file holds the \d+ most recent sessions/);

      fill();
      s = await reloaded(page);  // the disk still full: the database may not even open
      assert.ok(s.data.sessions === 201 || /could not be read/.test(s.notice.text), `said: ${s.notice.text}`);
      assert.equal(s.theme, 'high_contrast', 'the unsaved change is back');
      assert.ok(s.data.sessions >= 1, 'and the unsaved session');

      await rm(filler);  // room again: read, joined and written without a reload
      await waitFor(page, () => window.limber.state().data.sessions === 201 && window.limber.state().storage.status === 'saved',
                    null, 90000);
      s = await reloaded(page);
      assert.equal(s.data.sessions, 201);
      assert.equal(s.theme, 'high_contrast');
      assert.equal((await stored(page)).sessions, 201);
      assert.equal(await page.evaluate(() => localStorage.getItem('limber-unsaved')), null, 'let go once stored');
      assert.deepEqual(problems.filter((p) => !/could not be saved|could not be kept|quota|full|space/i.test(p)), []);
    } finally {
      await context?.close().catch(() => {});
      execFileSync('umount', ['-l', disk]);
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('the database deleted while the page is idle, and again during a session: everything held is written back, and the person told', async () => {
    const { page, context, problems } = await h.newPage();
    await openWithHistory(page, 20);
    const other = await context.newPage();
    await other.goto(h.url + 'manifest.webmanifest');
    const deleteDb = () => other.evaluate(() => new Promise((resolve, reject) => {
      const del = indexedDB.deleteDatabase('limber');
      del.onsuccess = resolve;
      del.onerror = () => reject(del.error);
    }));
    await deleteDb();
    await waitFor(page, () => /emptied while Limber was open \(the database was deleted\)/.test(window.limber.state().notice.text));
    await saved(page);
    let s = await state(page);
    assert.match(s.notice.text, /all 20 sessions/);
    assert.equal((await stored(page)).sessions, 20);

    await must(page, 'setting', 'spoken_cues=off');
    await must(page, 'start', 'gentle_bad_day');
    await waitFor(page, () => window.limber.state().session.stage === 'pain_before');
    await must(page, 'pain', '4');
    await deleteDb();  // mid-session
    await must(page, 'clock_rate', '60');
    await waitFor(page, () => window.limber.state().session.stage === 'pain_after', null, 90000);
    await must(page, 'pain', '3');
    await waitFor(page, () => window.limber.state().data.sessions === 21);
    await saved(page);
    s = await reloaded(page);
    assert.equal(s.data.sessions, 21);
    assert.equal(s.theme, 'dark');
    assert.equal(s.data.routines, 1);
    const back = await stored(page);
    assert.equal(back.sessions, 21);
    assert.ok(back.parts.includes('schema') && back.parts.includes('settings'));
    assert.deepEqual(problems, []);
  });

  it('the site\'s data cleared by the browser while the page is open: noticed, and written back', async () => {
    const { page, context } = await h.newPage();
    await openWithHistory(page, 5);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(h.url).origin, storageTypes: 'indexeddb' });
    await waitFor(page, () => /emptied while Limber was open/.test(window.limber.state().notice.text));
    await saved(page);
    const s = await reloaded(page);
    assert.equal(s.data.sessions, 5);
    assert.equal(s.theme, 'dark');
    assert.equal((await stored(page)).sessions, 5);
  });

  it('an upgrade blocked by another tab: a session done meanwhile survives a reload and is stored with the rest', async () => {
    const { page, context, problems } = await h.newPage();
    await storeLegacyDocument(page, h.url, userData(20, { endMs: Date.now() - DAY }));
    // Another tab of an older build holds the old database open and never lets go until told.
    const other = await context.newPage();
    await other.goto(h.url + 'manifest.webmanifest');
    await other.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('limber', 1);
      open.onsuccess = () => { window.held = open.result; resolve(); };
    }));
    await context.addInitScript(() => { window.LIMBER_STORAGE_WAIT_MS = 1500; });
    await openApp(page, h.url);
    let s = await state(page);
    assert.match(s.notice.text, /storage has not answered/);
    await aSession(page);
    assert.equal((await state(page)).data.sessions, 1);
    s = await reloaded(page);  // still blocked
    assert.equal(s.data.sessions, 1, 'the session done meanwhile is still here');
    await other.evaluate(() => window.held.close());
    await waitFor(page, () => window.limber.state().data.sessions === 21 && window.limber.state().storage.status === 'saved');
    s = await reloaded(page);
    assert.equal(s.data.sessions, 21);
    assert.equal((await stored(page)).sessions, 21);
    assert.deepEqual(problems, []);
  });

  it('a damaged settings part and an unknown part that is not JSON: the rest loads, the damage is set aside once, the unknown part kept', async () => {
    const { page, problems } = await h.newPage();
    await openWithHistory(page, 5);
    await putParts(page, { settings: '{"theme":', notes: 'this is not JSON' });
    let s = await reloaded(page);
    assert.match(s.notice.text, /Part of what Limber stored could not be read: your settings \(settings: not valid JSON/);
    assert.equal(s.data.routines, 1, 'the own routine loads');
    assert.equal(s.data.sessions, 5);
    assert.equal(s.theme, 'light', 'the settings read as new');
    await must(page, 'theme', 'dark');
    await saved(page);
    s = await reloaded(page);
    assert.notEqual(s.notice.kind, 'problem', `said once: ${s.notice.text}`);
    assert.equal(s.theme, 'dark', 'a change made afterwards stays');
    const back = await stored(page);
    assert.equal(back.aside, 1, 'set aside once, not at every start');
    assert.ok(back.parts.includes('notes'), 'the unknown part is left stored');
    assert.deepEqual(problems, []);
  });

  it('a missing schema part is damage, not a first visit: the history is counted again and nothing is overwritten unread', async () => {
    const { page, problems } = await h.newPage();
    await openWithHistory(page, 5);
    await putParts(page, { schema: null, history: null });
    let s = await reloaded(page);
    assert.match(s.notice.text, /how the data is laid out/);
    await waitFor(page, () => window.limber.state().data.sessions === 5);
    assert.equal(s.data.routines, 1);
    await saved(page);
    s = await reloaded(page);
    assert.notEqual(s.notice.kind, 'problem', s.notice.text);
    assert.equal(s.data.sessions, 5);
    assert.ok((await stored(page)).parts.includes('schema'));
    assert.deepEqual(problems, []);
  });

  it('two backups with different routines under one 40-character id: both kept within the id rules, after a reload too', async () => {
    const { page, problems } = await h.newPage({ acceptDownloads: true });
    await openWithHistory(page, 0);
    const download = page.waitForEvent('download');
    await must(page, 'export', 'backup');
    const [own] = JSON.parse(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString()).data.routines;
    const id = 'a'.repeat(40);
    const file = (name, endMs) => {
      const doc = JSON.parse(backupText(3, { endMs }));
      const routine = { ...own, id, name };
      for (const key of ['uid', 'version', 'started_on']) delete routine[key];
      doc.data.routines = [routine];
      for (const s of doc.data.sessions) { s.record.routine = id; s.id = `${s.record.started_at_ms}-${id}`; }
      return JSON.stringify(doc);
    };
    await must(page, 'import', file('Morning', Date.now() - 10 * DAY));
    await waitFor(page, () => /Backup imported/.test(window.limber.state().notice.text));
    await must(page, 'import', file('Evening', Date.now() - DAY));
    await waitFor(page, () => window.limber.state().data.sessions === 6);
    await saved(page);
    const s = await reloaded(page);
    assert.equal(s.data.routines, 3, 'the own routine and both imported ones');
    assert.equal(s.data.sessions, 6);
    assert.notEqual(s.notice.kind, 'problem', `every session and routine reads back: ${s.notice.text}`);
    assert.equal((await stored(page)).sessions, 6);
    assert.deepEqual(problems, []);
  });

  it('the database files damaged on disk: the app says its storage was lost rather than starting empty in silence', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'limber-damaged-'));
    const open = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      let context = await open();
      let page = context.pages()[0] || await context.newPage();
      await openWithHistory(page, 10);
      await context.close();
      // Every file of the origin's IndexedDB overwritten with noise, as a failing disk might.
      const root = join(profile, 'Default', 'IndexedDB');
      const dirs = (await readdir(root)).filter((d) => d.endsWith('.indexeddb.leveldb'));
      assert.ok(dirs.length > 0, 'the profile has an IndexedDB folder');
      for (const d of dirs) {
        for (const f of await readdir(join(root, d))) {
          if (f !== 'LOCK') await writeFile(join(root, d, f), Buffer.alloc(4096, 0x5a));
        }
      }
      context = await open();
      page = context.pages()[0] || await context.newPage();
      const s = await openApp(page, h.url);
      if (s.data.sessions !== 10) {
        assert.equal(s.notice.kind, 'problem', `told, not silent: ${JSON.stringify(s.notice)}`);
        assert.match(s.notice.text, /had kept your Limber progress \(10 sessions\)|could not be read/);
      }
      await context.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});
