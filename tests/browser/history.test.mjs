// Years of history in a real headless Chromium: a 5,000-session backup restored and saved
// through the real file picker and download, a 10 MB file, a file over the limit, two tabs on
// a long history, and schema-1 documents (small and large) migrated to entries, including a
// migration whose transaction is cut short.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { command, launch, openApp, pressControl as press, state } from './harness.mjs';
import { backupText, storeLegacyDocument, storeSavedStores, userData } from './history_fixture.mjs';

let h;
const fileDirs = [];
before(async () => { h = await launch(); });
after(async () => {
  await h?.close();
  for (const dir of fileDirs) rmSync(dir, { recursive: true, force: true });
});

const waitFor = (page, predicate, arg, timeout = 60000) =>
  page.waitForFunction(predicate, arg, { timeout, polling: 100 });

// Restores a backup file through Settings and the browser's own file picker. Playwright hands
// over 50 MB at most from memory: a larger file goes from the disk.
async function restore(page, name, buffer) {
  await command(page, 'navigate', 'settings');
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'import-backup');
  if (buffer.length < 50_000_000) {
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'limber-backup-'));
  fileDirs.push(dir);  // the browser may read the file after the picker closes: gone at the end
  writeFileSync(join(dir, name), buffer);
  await (await chooser).setFiles(join(dir, name));
}

// What IndexedDB holds, read in the page: the parts' names, the session entries, and whether
// the schema-1 document is still there.
const stored = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('limber');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const names = [...db.objectStoreNames];
    if (!names.includes('meta')) { db.close(); resolve({ stores: names }); return; }
    const tx = db.transaction(['meta', 'sessions', 'kv'], 'readonly');
    const out = { stores: names };
    tx.objectStore('meta').getAllKeys().onsuccess = (e) => { out.parts = e.target.result; };
    tx.objectStore('sessions').count().onsuccess = (e) => { out.sessions = e.target.result; };
    tx.objectStore('kv').get('user-data').onsuccess = (e) => { out.legacy = typeof e.target.result === 'string'; };
    tx.oncomplete = () => { db.close(); resolve(out); };
  };
}));

const storeLegacy = (page, doc) => storeLegacyDocument(page, h.url, doc);

describe('a long history', () => {
  it('restores a 5,000-session backup through the file picker, keeps it across a reload, and saves it again', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 }, acceptDownloads: true });
    await openApp(page, h.url);
    const text = backupText(5000);
    assert.ok(text.length > 6_000_000, `the backup is ${text.length} bytes`);
    await restore(page, 'limber-backup.json', Buffer.from(text));
    await waitFor(page, () => /Backup imported/.test(window.limber.state().notice.text));
    let s = await state(page);
    assert.equal(s.notice.text, 'Backup imported: 5000 sessions added.');
    assert.equal(s.data.sessions, 5000);
    assert.equal(s.progress.sessions, 5000);
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    assert.equal((await stored(page)).sessions, 5000);

    await page.reload();
    await page.evaluate(() => window.limber.ready);
    s = await state(page);
    assert.equal(s.data.sessions, 5000, 'the history survived the reload');
    assert.ok(s.data.sessionIds.length <= 600, `held in full: ${s.data.sessionIds.length}`);

    // Saved again through the real download, every session in it.
    await command(page, 'navigate', 'settings');
    const download = page.waitForEvent('download');
    await press(page, 'export-backup');
    const file = await download;
    const saved = JSON.parse(await streamText(await file.createReadStream()));
    assert.equal(saved.data.sessions.length, 5000);
    const original = JSON.parse(text).data.sessions.map((x) => x.id).sort();
    assert.deepEqual(saved.data.sessions.map((x) => x.id).sort(), original);
    // Restoring it again adds nothing.
    await restore(page, 'again.json', Buffer.from(JSON.stringify(saved)));
    await waitFor(page, () => /already here/.test(window.limber.state().notice.text));
    assert.equal((await state(page)).notice.text, 'Backup imported: 0 sessions added, 5000 already here.');
    assert.deepEqual(problems, []);
  });

  it('reads a 10 MB backup, and refuses a file over the limit with a sentence, changing nothing', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await openApp(page, h.url);
    const ten = backupText(8000);
    assert.ok(ten.length > 10_000_000, `the backup is ${ten.length} bytes`);
    await restore(page, 'ten.json', Buffer.from(ten));
    await waitFor(page, () => /Backup imported/.test(window.limber.state().notice.text));
    assert.equal((await state(page)).data.sessions, 8000);
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    const revision = (await state(page)).storage.revision;

    await restore(page, 'huge.json', Buffer.alloc(64_000_001, 32));
    await waitFor(page, () => /bytes/.test(window.limber.state().notice.text));
    const s = await state(page);
    assert.match(s.notice.text, /^This file is 64,000,001 bytes; Limber reads backups of up to 64,000,000 bytes/);
    assert.match(s.notice.text, /Nothing was changed/);
    assert.equal(s.storage.revision, revision);
    assert.equal(s.data.sessions, 8000);
    assert.deepEqual(problems, []);
  });

  it('a backup of 3,500 sessions of 30 exercises (21 MB), as Limber makes it, is read back whole', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 }, acceptDownloads: true });
    await openApp(page, h.url);
    const doc = JSON.parse(backupText(3500));
    for (const session of doc.data.sessions) {
      const five = session.record.exercises;
      session.record.exercises = Array.from({ length: 30 }, (_, i) => five[i % five.length]);
    }
    const text = JSON.stringify(doc);
    assert.ok(text.length > 20_000_000, `the backup is ${text.length} bytes`);
    await restore(page, 'long.json', Buffer.from(text));
    await waitFor(page, () => /Backup imported/.test(window.limber.state().notice.text), null, 120000);
    assert.equal((await state(page)).data.sessions, 3500);
    await waitFor(page, () => window.limber.state().storage.status === 'saved', null, 120000);
    const download = page.waitForEvent('download');
    await command(page, 'export', 'backup');
    const again = Buffer.concat(await (await (await download).createReadStream()).toArray());
    assert.ok(again.length > 20_000_000, `exported ${again.length} bytes`);
    await restore(page, 'again.json', again);
    await waitFor(page, () => /3500 already here/.test(window.limber.state().notice.text), null, 120000);
    assert.deepEqual(problems, []);
  });

  it('10 MB through every other way in (a link, an import, a host message) is refused in words, and the app lives on', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await openApp(page, h.url);
    const big = 'A'.repeat(10_000_000);
    const link = await command(page, 'open_link', '#routine=1.' + big + '.0');
    assert.equal(link.ok, false);
    assert.match(link.error, /too long/);
    const imported = await command(page, 'import', '{"format":"limber-backup","data":"' + big + '"}');
    assert.equal(imported.ok, false);
    const host = await command(page, 'host', JSON.stringify({ source: 'limber-host', version: 1, command: big }));
    assert.equal(host.ok, false);
    // A NUL inside an argument arrives whole and is refused, not silently cut there.
    const nul = await command(page, 'navigate', 'library\u0000junk');
    assert.equal(nul.ok, false);
    const s = await state(page);
    assert.equal(s.ready, true);
    assert.deepEqual(await command(page, 'navigate', 'library'), { ok: true });
    assert.deepEqual(problems, []);
  });

  it('two tabs on a long history both record sessions, and both are kept', async () => {
    const { page: a, context, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await openApp(a, h.url);
    assert.deepEqual(await command(a, 'import', backupText(1300, { endMs: Date.now() - 86_400_000 })), { ok: true });
    await waitFor(a, () => window.limber.state().data.sessions === 1300 && window.limber.state().storage.status === 'saved');
    const b = await context.newPage();
    b.on('pageerror', (e) => problems.push(`uncaught in B: ${e.message}`));
    await b.goto(h.url);
    await b.evaluate(() => window.limber.ready);
    assert.equal((await state(b)).data.sessions, 1300);
    for (const [page, routine] of [[a, 'gentle_bad_day'], [b, 'in_bed']]) {
      await command(page, 'start', routine);
      await command(page, 'pain', '3');
      await command(page, 'clock_rate', '200');
      await waitFor(page, () => window.limber.state().session.stage === 'pain_after', null, 90000);
      await command(page, 'pain', '2');
      await waitFor(page, () => window.limber.state().storage.status === 'saved');
    }
    await waitFor(b, () => window.limber.state().data.sessions === 1302 && window.limber.state().storage.status === 'saved');
    await a.reload();
    await a.evaluate(() => window.limber.ready);
    assert.equal((await state(a)).data.sessions, 1302, "both tabs' sessions are stored");
    assert.equal((await stored(a)).sessions, 1302);
    assert.deepEqual(problems, []);
  });
});

describe('schema-1 documents migrate to entries', () => {
  for (const count of [3, 5000]) {
    it(`a document of ${count} sessions becomes entries, and the old copy goes once they read back`, async () => {
      const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
      const doc = userData(count, { endMs: Date.now() - 3_600_000 });
      await storeLegacy(page, doc);
      await openApp(page, h.url);
      let s = await state(page);
      assert.equal(s.data.sessions, count);
      await waitFor(page, () => window.limber.state().storage.status === 'saved');
      let db = await stored(page);
      for (let i = 0; i < 50 && db.legacy; ++i) { await page.waitForTimeout(100); db = await stored(page); }
      assert.equal(db.sessions, count);
      assert.ok(db.parts.includes('schema') && db.parts.includes('history'), `parts: ${db.parts}`);
      assert.equal(db.legacy, false, 'the schema-1 document is gone once the new layout read back');
      await page.reload();
      await page.evaluate(() => window.limber.ready);
      s = await state(page);
      assert.equal(s.data.sessions, count);
      assert.equal(s.progress.sessions, count);
      const lastIds = doc.sessions.slice(-s.data.sessionIds.length).map((x) => x.id);
      assert.deepEqual(s.data.sessionIds, lastIds, 'the newest sessions are the same ones');
      assert.deepEqual(problems, []);
    });
  }

  it('a document saved by version 0.1.0 (settings, two sessions, one left unfinished) reads the same after migrating', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    const doc = JSON.parse(readFileSync(new URL('../fixtures/schema1_saved_by_0.1.0.json', import.meta.url), 'utf8'));
    await storeLegacy(page, doc);
    await openApp(page, h.url);
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    const s = await state(page);
    assert.equal(s.theme, 'dark');
    assert.deepEqual(s.data.sessionIds, doc.sessions.map((x) => x.id));
    assert.deepEqual(s.data.inProgress, { routine: 'nhs_daily', nextExercise: doc.in_progress.next_exercise,
                                          completed: doc.in_progress.record.exercises.filter((e) => e.completed).length,
                                          painAfter: null });
    assert.ok(s.controls.some((c) => c.id === 'resume'), 'Today offers to carry on the unfinished session');
    assert.deepEqual(problems, []);
  });

  it('storage laid out by an earlier build (layout 2) reads the same, and is written again in layout 3', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    const saved = JSON.parse(readFileSync(new URL('../fixtures/schema2_saved_by_2a39295.json', import.meta.url), 'utf8'));
    await storeSavedStores(page, h.url, saved);
    await openApp(page, h.url);
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    const entries = () => page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('limber');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(['meta', 'sessions'], 'readonly');
        const out = {};
        tx.objectStore('meta').get('schema').onsuccess = (e) => { out.schema = e.target.result; };
        tx.objectStore('meta').get('routines').onsuccess = (e) => { out.routines = e.target.result; };
        tx.objectStore('sessions').getAll().onsuccess = (e) => { out.sessions = e.target.result; };
        tx.oncomplete = () => { open.result.close(); resolve(out); };
      };
    }));
    const after = await entries();
    assert.equal(after.schema, '3');
    assert.equal(after.sessions.length, 2);
    for (const text of after.sessions) {
      const exercises = JSON.parse(text).record.exercises;
      assert.ok(exercises.every((e) => typeof e.outcome === 'string' && !('hurt' in e) && !('completed' in e)), text.slice(0, 80));
    }
    assert.deepEqual(JSON.parse(after.sessions[0]).record.exercises.map((e) => e.outcome),
                     ['completed', 'stopped_hurt', 'skipped', 'completed']);
    assert.equal(JSON.parse(after.routines)[0].frequency_note, 'a good way to start the morning');
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    const s = await state(page);
    assert.equal(s.theme, 'dark');
    assert.deepEqual(s.data.sessionIds, Object.keys(saved.sessions).sort());
    assert.equal(s.data.routines, 1);
    assert.ok(s.data.interrupted, 'the session left unfinished is still there to carry on');
    assert.deepEqual(problems, []);
  });

  it('a migration cut short leaves the old document whole and nothing half-written, and completes next time', async () => {
    const { page, context } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await storeLegacy(page, userData(400, { endMs: Date.now() - 3_600_000 }));
    // From the 200th session entry on, every put fails (a full disk) until the test lifts it:
    // each try's whole transaction is undone.
    await context.addInitScript(() => {
      if (sessionStorage.getItem('lifted')) return;
      let puts = 0;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (this.name === 'sessions' && ++puts >= 200) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openApp(page, h.url);
    await waitFor(page, () => window.limber.state().storage.status === 'failed');
    const cut = await stored(page);
    assert.equal(cut.legacy, true, 'the old document is untouched');
    assert.equal(cut.sessions, 0, 'no session entry was left behind');
    assert.deepEqual(cut.parts, [], 'no part was left behind');
    // The app keeps everything in memory and retries; with room again, a reload migrates again, whole.
    await page.evaluate(() => sessionStorage.setItem('lifted', '1'));
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    assert.equal((await state(page)).data.sessions, 400);
    let db = await stored(page);
    for (let i = 0; i < 50 && db.legacy; ++i) { await page.waitForTimeout(100); db = await stored(page); }
    assert.equal(db.sessions, 400);
    assert.equal(db.legacy, false);
  });
});

async function streamText(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
