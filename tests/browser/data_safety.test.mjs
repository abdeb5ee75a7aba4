// Data that outlives a browser's clearing (src/core/app/data_safety.h), in headless Chromium:
// what the browser says of keeping Limber's data reaches Settings; a browser that has not
// promised is said so once, and a backup is offered after a session, never during one, then
// not for a week; an iPhone in Safari is shown Add to Home Screen in two steps; a browser that
// grants persistent storage (navigator.storage.persist()) is believed.
// engines.test.mjs checks what Firefox and WebKit report.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import { command, launch, openApp, settle, state } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h.close(); });

const waitFor = (page, fn, arg, timeout = 15000) => page.waitForFunction(fn, arg, { timeout, polling: 50 });
const mirrorText = (page) => page.locator('#mirror').innerText();

async function must(page, name, arg) {
  const r = await command(page, name, arg);
  assert.ok(r.ok, `${name} ${arg ?? ''}: ${r.error}`);
}

// Starts a short session and runs it to the summary, checking there is no offer on the way.
async function sessionToSummary(page) {
  await must(page, 'setting', 'spoken_cues=off');
  await must(page, 'start', 'gentle_bad_day');
  await waitFor(page, () => window.limber.state().session.stage === 'pain_before');
  await must(page, 'pain', '3');
  await must(page, 'clock_rate', '60');
  await waitFor(page, () => window.limber.state().session.stage === 'running');
  const running = await settle(page).catch(() => state(page));
  assert.equal(running.storage.backupOffered, false, 'no offer mid-session');
  assert.ok(!running.controls.some((c) => c.id.startsWith('offer-backup')));
  await waitFor(page, () => window.limber.state().session.stage === 'pain_after', null, 90000);
  assert.equal((await state(page)).storage.backupOffered, false, 'no offer at the pain question');
  await must(page, 'pain', '2');
  await waitFor(page, () => window.limber.state().session.stage === 'summary' && window.limber.state().data.sessions > 0);
  return settle(page);
}

describe('data that outlives the browser clearing it', () => {
  it('not promised: Settings says so, a backup is offered after the session, and it is said once', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    await openApp(page, h.url);
    await waitFor(page, () => window.limber.state().storage.kept !== 'not_reported');
    assert.equal((await state(page)).storage.kept, 'not_promised');  // headless, no engagement: not granted
    await must(page, 'acknowledge_safety');

    await must(page, 'navigate', 'settings');
    await settle(page);
    let text = await mirrorText(page);
    assert.match(text, /kept only on this device, in this browser/);
    assert.match(text, /has not promised to keep it/);
    assert.match(text, /It takes about \d+ KB of the [\d.]+ GB this browser allows Limber/);
    assert.match(text, /You have not saved a backup file yet/);
    assert.ok(await page.getByRole('button', { name: 'Ask this browser to keep it' }).count() === 1);
    assert.doesNotMatch(text, /Add to Home Screen/);
    assert.equal((await state(page)).notice.kind, 'none', 'nothing stored yet: nothing said');

    const summary = await sessionToSummary(page);
    assert.equal(summary.storage.backupOffered, true);
    assert.equal(summary.notice.kind, 'none', 'said after the session, not over its summary');
    // Done comes first; the offer follows it.
    const ids = summary.controls.map((c) => c.id);
    assert.deepEqual(ids.slice(ids.indexOf('done')), ['done', 'offer-backup', 'offer-backup-later']);
    const download = page.waitForEvent('download');
    const save = page.getByRole('button', { name: 'Save a backup file' });
    await save.focus();
    await page.keyboard.press('Enter');
    const saved = JSON.parse(await readFile(await (await download).path(), 'utf8'));
    assert.equal(saved.data.sessions.length, 1);
    await waitFor(page, () => window.limber.state().storage.lastBackupMs !== null && !window.limber.state().storage.backupOffered);

    await must(page, 'close_session');
    let s = await settle(page);
    assert.equal(s.notice.kind, 'info');
    assert.match(s.notice.text, /has not promised to keep your progress/);
    await must(page, 'dismiss');
    await must(page, 'navigate', 'settings');
    await settle(page);
    text = await mirrorText(page);
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).replace('Sept', 'Sep');
    assert.match(text, new RegExp(`Your last backup file was saved on ${today}\\.`));

    // Once: not again after a reload, and the next session within the week offers nothing.
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    await waitFor(page, () => window.limber.state().storage.kept !== 'not_reported');
    s = await state(page);
    assert.equal(s.notice.kind, 'none');
    assert.notEqual(s.storage.lastBackupMs, null);
    const second = await sessionToSummary(page);
    assert.equal(second.storage.backupOffered, false);
    assert.deepEqual(problems, []);
  });

  it('"Not now" puts the offer off, and the time is kept', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    await waitFor(page, () => window.limber.state().storage.kept !== 'not_reported');
    await must(page, 'acknowledge_safety');
    await sessionToSummary(page);
    const later = page.getByRole('button', { name: 'Not now, ask again in a week' });
    await later.focus();
    await page.keyboard.press('Enter');
    await waitFor(page, () => !window.limber.state().storage.backupOffered);
    const s = await settle(page);
    assert.ok(!s.controls.some((c) => c.id.startsWith('offer-backup')));
    assert.equal(s.storage.lastBackupMs, null);
    assert.deepEqual(problems, []);
  });

  it('an iPhone in Safari: Add to Home Screen in two steps, and no request Safari would not grant', async () => {
    const { page, problems } = await h.newPage({
      viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
    });
    await openApp(page, h.url);
    await waitFor(page, () => window.limber.state().storage.kept !== 'not_reported');
    await must(page, 'acknowledge_safety');
    await must(page, 'navigate', 'settings');
    await settle(page);
    const steps = page.getByRole('list').filter({ hasText: 'Add to Home Screen' });
    assert.equal(await steps.getByRole('listitem').count(), 2);
    assert.match(await steps.getByRole('listitem').first().innerText(), /tap Share/);
    assert.match(await mirrorText(page), /keeps its own copy of Limber's data/);
    assert.equal(await page.getByRole('button', { name: 'Ask this browser to keep it' }).count(), 0);
    assert.deepEqual(problems, []);
  });

  it('granted: asked at a press, a browser that promises to keep the data is believed, and offers nothing', async () => {
    const { page, context, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    await waitFor(page, () => window.limber.state().storage.kept !== 'not_reported');
    assert.equal((await state(page)).storage.kept, 'not_promised');
    await must(page, 'acknowledge_safety');
    // Chromium grants persistent storage to a site a person has engaged with or installed; here
    // the permission is granted outright (for this context only), so the request succeeds.
    const cdp = await context.newCDPSession(page);
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    await cdp.send('Browser.setPermission', { origin: new URL(h.url).origin, browserContextId: targetInfo.browserContextId,
                                              permission: { name: 'persistent-storage' }, setting: 'granted' });
    await must(page, 'navigate', 'settings');
    await settle(page);
    const ask = page.getByRole('button', { name: 'Ask this browser to keep it' });
    await ask.focus();
    await page.keyboard.press('Enter');
    // The page asks (persist()), then reports again what the browser says.
    await waitFor(page, () => window.limber.state().storage.kept === 'promised');
    await settle(page);
    assert.match(await mirrorText(page), /This browser has promised to keep it until you delete it/);
    assert.equal(await ask.count(), 0);
    const summary = await sessionToSummary(page);
    assert.equal(summary.storage.backupOffered, false);
    assert.ok(!summary.controls.some((c) => c.id.startsWith('offer-backup')));
    await must(page, 'close_session');
    assert.equal((await settle(page)).notice.kind, 'none');
    assert.deepEqual(problems, []);
  });
});
