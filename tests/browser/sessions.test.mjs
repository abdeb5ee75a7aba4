// The app people use, in a real headless Chromium: a whole session through the player's
// own buttons, kept in IndexedDB across reloads and closed tabs, imports that must not
// change anything, storage that fails, the live region, the keyboard and the back button.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { command, control, launch, openApp, pressControl as press, pressesReady, recordGestureUse, settle, state } from './harness.mjs';

const ARTIFACTS = new URL('../../build/artifacts/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const waitFor = (page, predicate, arg, timeout = 30000) =>
  page.waitForFunction(predicate, arg, { timeout, polling: 50 });

// Starts the short routine from Today's own Start button and answers the pain question.
async function startShortRoutine(page, pain = 4) {
  assert.deepEqual(await command(page, 'setting', 'spoken_cues=off'), { ok: true });
  await command(page, 'navigate', 'routines');
  await press(page, 'choose-gentle_bad_day');
  await press(page, 'tab-today');
  await press(page, 'start');
  await waitFor(page, () => window.limber.state().session.stage === 'pain_before');
  await press(page, `pain-before-${pain}`);
  await waitFor(page, () => window.limber.state().session.stage === 'running');
}

describe('a session from start to finish', () => {
  it('runs a short routine to the end through the player, and finds it in Progress after a reload', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await openApp(page, h.url);
    await startShortRoutine(page, 6);
    // The session clock runs 60 times faster; the engine paces by elapsed time alone.
    assert.deepEqual(await command(page, 'clock_rate', '60'), { ok: true });
    await waitFor(page, () => window.limber.state().session.stage === 'pain_after', null, 60000);
    await press(page, 'pain-after-3');
    await waitFor(page, () => window.limber.state().session.stage === 'summary');
    // The score is stored first with the session in progress; the session is filed in the
    // history once that write is done (a moment later, never lost in between).
    await waitFor(page, () => window.limber.state().data.sessions === 1, null, 10000);
    let s = await state(page);
    assert.equal(s.data.interrupted, false);
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    await press(page, 'done');
    await waitFor(page, () => window.limber.state().screen === 'today');

    await page.reload();
    await page.evaluate(() => window.limber.ready);
    s = await state(page);
    assert.equal(s.data.sessions, 1, 'the session survived the reload');
    await command(page, 'navigate', 'progress');
    s = await settle(page);
    assert.equal(s.screen, 'progress');
    assert.deepEqual({ sessions: s.progress.sessions, thisWeek: s.progress.thisWeek, painPoints: s.progress.painPoints },
                     { sessions: 1, thisWeek: 1, painPoints: 1 });
    writeFileSync(new URL('progress-after-session.png', ARTIFACTS), await page.screenshot());
    assert.deepEqual(problems, []);
  });

  it('a double tap on Skip skips one exercise; a tap after a moment skips the next', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await openApp(page, h.url);
    await startShortRoutine(page);
    const at = async () => (await state(page)).session.exercise;
    await waitFor(page, () => window.limber.state().controls.some((c) => c.id === 'skip'));  // the session's frame is drawn
    const skip = control(await state(page), 'skip');
    const first = await at();
    await pressesReady(page);  // the tap that started the session changed the view too
    await page.touchscreen.tap(skip.x, skip.y);
    await page.waitForTimeout(120);  // the gap of a double tap: the input itself, not a wait for the app
    await page.touchscreen.tap(skip.x, skip.y);
    await waitFor(page, (n) => window.limber.state().session.exercise === n, first + 1);
    // Both taps reached the app: a few frames on, it still stands at the next exercise.
    const frames = (await state(page)).frames;
    await waitFor(page, (n) => window.limber.state().frames >= n, frames + 10);
    assert.equal(await at(), first + 1, 'the second tap of a double tap did nothing');
    // Once the moment has passed (app/tap_guard.h: 0.4 s, said by state().pressesHeld), a tap acts.
    await pressesReady(page);
    await page.touchscreen.tap(skip.x, skip.y);
    await waitFor(page, (n) => window.limber.state().session.exercise === n, first + 2);
    assert.deepEqual(problems, []);
  });

  for (const [width, height] of [[320, 568], [360, 640], [844, 390]]) {
    it(`at ${width} x ${height} with the largest text, the session's controls are all on screen and stay put between phases`, async () => {
      const { page, problems } = await h.newPage({ viewport: { width, height }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
      await openApp(page, h.url);
      for (const s of ['text_size=200', 'spoken_cues=off']) assert.deepEqual(await command(page, 'setting', s), { ok: true });
      await command(page, 'start', 'gentle_bad_day');
      await command(page, 'pain', '3');
      const ids = ['previous', 'pause', 'skip', 'hurts', 'end'];
      const rects = (s) => ids.map((id) => { const c = control(s, id); return [c.left, c.top, c.width, c.height]; });
      // As drawn a few frames into a phase (the frame that begins one still lays out the last).
      const drawn = async () => {
        const n = (await state(page)).frames;
        await waitFor(page, (k) => window.limber.state().frames >= k, n + 3);
        return rects(await state(page));
      };
      await waitFor(page, () => window.limber.state().session.phase === 'get_ready' &&
                                window.limber.state().controls.some((c) => c.id === 'previous'));
      const ready = await drawn();
      for (const [i, [x, y, w, hh]] of ready.entries()) {
        assert.ok(x >= 0 && y >= 0 && x + w <= width && y + hh <= height, `${ids[i]} is on screen: ${x},${y} ${w}x${hh}`);
      }
      await command(page, 'clock_rate', '20');
      await waitFor(page, () => window.limber.state().session.phase !== 'get_ready');
      await command(page, 'clock_rate', '1');
      assert.deepEqual(await drawn(), ready, 'the controls did not move when the exercise began');
      writeFileSync(new URL(`session-largest-text-${width}x${height}.png`, ARTIFACTS), await page.screenshot());
      assert.deepEqual(problems, []);
    });
  }

  it('records an exercise even when the page is closed right after it completes', async () => {
    const { page, context, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await openApp(page, h.url);
    await startShortRoutine(page);
    await command(page, 'clock_rate', '40');
    await waitFor(page, () => window.limber.state().session.finished >= 1, null, 60000);
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await again.goto(h.url);
    await again.evaluate(() => window.limber.ready);
    let s = await state(again);
    assert.equal(s.data.interrupted, true, 'the unfinished session was kept');
    assert.ok(s.data.inProgress.completed >= 1, `exercises recorded: ${s.data.inProgress.completed}`);
    assert.equal(s.data.inProgress.routine, 'gentle_bad_day');
    // Today offers to carry on or to keep what was done.
    assert.ok(s.controls.some((c) => c.id === 'resume'));
    await press(again, 'record-interrupted');
    await waitFor(again, () => window.limber.state().data.sessions === 1);
    s = await state(again);
    assert.equal(s.data.interrupted, false);
    assert.deepEqual(problems, []);
  });

  it('announces every cue in the aria-live region and offers the session controls as real buttons', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await openApp(page, h.url);
    assert.equal(await page.getByRole('button', { name: 'Pause' }).count(), 0, 'no session buttons outside a session');
    await startShortRoutine(page);
    await command(page, 'clock_rate', '10');
    // Wait for the countdown and the first movement after it.
    await waitFor(page, () => {
      const cues = window.LimberPage.announced();
      const countdown = cues.findIndex((c) => c.kind === 'countdown');
      return countdown >= 0 && cues.slice(countdown).some((c) => c.kind === 'phase');
    }, null, 30000);
    const announced = await page.evaluate(() => window.LimberPage.announced());
    assert.ok(announced.some((c) => c.kind === 'countdown'), 'the 3-2-1 countdown is announced');
    const region = await page.$eval('#announcer', (el) => ({ live: el.getAttribute('aria-live'), lines: [...el.children].map((p) => p.textContent) }));
    assert.equal(region.live, 'polite');
    assert.ok(region.lines.length > 0 && region.lines.every((t) => t.length > 0));
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /^Exercise 1 of \d+: /);
    assert.equal(await page.title(), 'Session – Limber');
    // The mirror's buttons work like the canvas's: a keyboard user reaches one and presses Enter.
    await page.getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.limber.state().session.status === 'paused');
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Resume', 'the same element, renamed, keeps the focus');
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.limber.state().session.status === 'running');
    assert.deepEqual(problems, []);
  });
});

describe('the keyboard and the back button', () => {
  it('Space pauses, the arrows move between exercises, Escape asks before ending', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await openApp(page, h.url);
    await startShortRoutine(page);
    await page.keyboard.press('Space');
    await waitFor(page, () => window.limber.state().session.status === 'paused');
    await page.keyboard.press('Space');
    await waitFor(page, () => window.limber.state().session.status === 'running');
    await page.keyboard.press('ArrowRight');
    await waitFor(page, () => window.limber.state().session.exercise === 2);
    await page.keyboard.press('ArrowLeft');
    await waitFor(page, () => window.limber.state().session.exercise === 1);
    await page.keyboard.press('Escape');
    await waitFor(page, () => window.limber.state().confirm === 'end_session');
    await page.keyboard.press('Escape');
    await waitFor(page, () => window.limber.state().confirm === 'none');
    assert.equal((await state(page)).session.stage, 'running');
    assert.deepEqual(problems, []);
  });

  it("the browser's back button goes back a screen, not off the site", async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 900 } });
    await openApp(page, h.url);
    await press(page, 'tab-library');
    await waitFor(page, () => window.limber.state().screen === 'library');
    await press(page, 'exercise-knee_rolls');
    await waitFor(page, () => window.limber.state().screen === 'exercise');
    assert.match(page.url(), /#exercise=knee_rolls$/, 'the page has its own address');
    await page.goBack();
    await waitFor(page, () => window.limber.state().screen === 'library');
    await page.goBack();
    await waitFor(page, () => window.limber.state().screen === 'today');
    assert.ok(page.url().startsWith(h.url), 'still on Limber');
    // Back with a question open closes the question and keeps Back working afterwards.
    await press(page, 'tab-settings');
    await waitFor(page, () => window.limber.state().screen === 'settings');
    await command(page, 'delete_all');
    await page.goBack();
    await waitFor(page, () => window.limber.state().confirm === 'none');
    assert.equal((await state(page)).screen, 'settings');
    await page.goBack();
    await waitFor(page, () => window.limber.state().screen === 'today');
    assert.ok(page.url().startsWith(h.url), 'still on Limber after closing a question');
    // Forward is not a way back.
    await page.goForward();
    await page.waitForTimeout(300);
    assert.equal((await state(page)).screen, 'today');
    assert.deepEqual(problems, []);
  });
});

describe('the accessible layer', () => {
  it('a screen-reader user answers the pain questions and ends a session with real buttons', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await openApp(page, h.url);
    await command(page, 'start', 'gentle_bad_day');
    const scale = page.getByRole('group', { name: 'How is your back right now?' });
    await scale.waitFor({ state: 'attached' });
    assert.match(await page.evaluate(() => window.LimberPage.announced().at(-1).text), /how is your back right now/i);
    assert.equal(await scale.getByRole('button').count(), 11);
    assert.equal(await scale.getByRole('button').nth(10).textContent(), '10: The worst pain you can imagine');
    await scale.getByRole('button', { name: '4: Moderate' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.limber.state().session.stage === 'running');
    await page.getByRole('button', { name: 'End session' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'End this session now?' });
    await dialog.waitFor({ state: 'attached' });
    assert.match(await dialog.textContent(), /The exercises you have finished are kept in your history/);
    assert.deepEqual(await dialog.getByRole('button').allTextContents(), ['No, keep going', 'End session']);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'No, keep going', 'the question takes the focus');
    assert.ok(await page.evaluate(() => document.getElementById('mirror-main').inert), 'the page behind the question is inert');
    assert.ok(await page.evaluate(() => window.LimberPage.announced().some((c) => c.kind === 'question' && /End this session now/.test(c.text))),
              'the question is announced');
    await dialog.getByRole('button', { name: 'End session' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.limber.state().session.stage === 'pain_after');
    await page.getByRole('button', { name: 'Skip this question' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.limber.state().session.stage === 'summary');
    assert.equal((await state(page)).data.sessions, 1);
    assert.deepEqual(problems, []);
  });
});

describe('the side that hurts', () => {
  it('a routine with a one-sided exercise asks once, as a real dialog, and Settings keeps the answer', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await openApp(page, h.url);
    await command(page, 'start', 'physio_mobility');
    const dialog = page.getByRole('dialog', { name: 'Which side of your back hurts?' });
    await dialog.waitFor({ state: 'attached' });
    assert.deepEqual(await dialog.getByRole('button').allTextContents(), ['My right side', 'My left side']);
    assert.equal((await state(page)).session.stage, 'closed', 'nothing starts before the answer');
    await dialog.getByRole('button', { name: 'My left side' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.limber.state().session.stage === 'pain_before');
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    // Stored: a reload starts the routine without asking again.
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    await command(page, 'start', 'physio_mobility');
    await waitFor(page, () => window.limber.state().session.stage === 'pain_before');
    assert.equal(await page.getByRole('dialog').count(), 0);
    // Settings shows the answer as a radio group a person can change.
    await command(page, 'back');
    await command(page, 'navigate', 'settings');
    const group = page.getByRole('radiogroup', { name: 'The side that hurts' });
    await group.waitFor({ state: 'attached' });
    assert.equal(await group.getByRole('radio', { name: 'Left' }).getAttribute('aria-checked'), 'true');
    assert.deepEqual(problems, []);
  });
});

describe('data safety', () => {
  it('a malformed backup is refused with a clear message and changes nothing', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await recordGestureUse(page);
    await openApp(page, h.url);
    await command(page, 'setting', 'theme=dark');
    await waitFor(page, () => window.limber.state().storage.status === 'saved');
    const before = await state(page);
    await command(page, 'navigate', 'settings');
    const s = await settle(page);
    assert.ok(s.controls.some((c) => c.id === 'import-backup'));
    const chooser = page.waitForEvent('filechooser');
    await press(page, 'import-backup');
    // The picker opens inside the click itself (Safari opens it nowhere else).
    assert.deepEqual(await page.evaluate(() => window.gestureUse), [{ what: 'file picker', during: 'mouseup' }]);
    await (await chooser).setFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"limber-backup","data":{"schema":1,"sessions":[{"id":') });
    await waitFor(page, () => window.limber.state().notice.kind === 'problem');
    const after = await state(page);
    assert.match(after.notice.text, /not a Limber backup|not valid JSON/);
    assert.match(after.notice.text, /Nothing was changed/);
    assert.equal(after.storage.revision, before.storage.revision, 'nothing was written');
    assert.equal(after.theme, 'dark');
    assert.deepEqual(after.data.sessionIds, before.data.sessionIds);
    // And what is stored is what was there before.
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    assert.equal((await state(page)).theme, 'dark');
    assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
  });

  it('two open tabs do not overwrite each other: what one stored, the other merges', async () => {
    const { page: a, context, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await openApp(a, h.url);
    const b = await context.newPage();
    await b.goto(h.url);
    await b.evaluate(() => window.limber.ready);
    // Tab A records a session; tab B, opened before it, then changes a setting.
    await command(a, 'start', 'gentle_bad_day');
    await command(a, 'pain', '3');
    await command(a, 'clock_rate', '120');
    await a.waitForFunction(() => window.limber.state().session.stage === 'pain_after', null, { timeout: 60000, polling: 100 });
    await command(a, 'pain', '2');
    await a.waitForFunction(() => window.limber.state().storage.status === 'saved');
    await command(b, 'setting', 'sounds=off');
    await b.waitForFunction(() => window.limber.state().storage.status === 'saved' && window.limber.state().data.sessions === 1,
                            null, { timeout: 10000 });
    await a.reload();
    await a.evaluate(() => window.limber.ready);
    const s = await state(a);
    assert.equal(s.data.sessions, 1, "tab A's session survived tab B's write");
    assert.deepEqual(problems, []);
  });

  it('storage that fails is reported in plain words, kept in memory, retried, and export is offered', async () => {
    const { page, context } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await context.addInitScript(() => {
      // A full disk: every write fails until the test lets them through.
      window.__failWrites = true;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openApp(page, h.url);
    await command(page, 'setting', 'theme=high_contrast');
    await waitFor(page, () => window.limber.state().storage.status === 'failed');
    let s = await settle(page);
    assert.match(s.notice.text, /could not be saved/);
    assert.match(s.storage.error, /full/);
    assert.ok(s.controls.some((c) => c.id === 'notice-export'), 'saving a backup file is offered');
    assert.equal(s.theme, 'high_contrast', 'the change is kept in memory');
    const download = page.waitForEvent('download');
    await press(page, 'notice-export');
    const file = await download;
    assert.match(file.suggestedFilename(), /^limber-backup-\d{4}-\d\d-\d\d\.json$/);
    await page.evaluate(() => { window.__failWrites = false; });
    await waitFor(page, () => window.limber.state().storage.status === 'saved', null, 40000);
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    s = await state(page);
    assert.equal(s.theme, 'high_contrast', 'the retried write stored it');
  });
});

describe('cue outputs', () => {
  it('tones, spoken cues and the wake lock follow the settings during a session', async () => {
    const { page, context, problems } = await h.newPage({ viewport: { width: 1024, height: 1100 } });
    await context.addInitScript(() => {
      // Observe (and pass on) what the page asks of the browser's speech, audio and wake lock.
      window.__spoken = [];
      window.__tones = 0;
      window.__wakeLocks = 0;
      if (window.speechSynthesis) {
        const speak = speechSynthesis.speak.bind(speechSynthesis);
        speechSynthesis.speak = (u) => { window.__spoken.push(u.text); return speak(u); };
      }
      const oscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function () { window.__tones++; return oscillator.call(this); };
      if (navigator.wakeLock) {
        const request = navigator.wakeLock.request.bind(navigator.wakeLock);
        navigator.wakeLock.request = (type) => { window.__wakeLocks++; return request(type); };
      }
    });
    await openApp(page, h.url);
    await startShortRoutine(page);  // sounds on (the default), speech off
    assert.deepEqual(await command(page, 'setting', 'spoken_cues=on'), { ok: true });
    await command(page, 'clock_rate', '10');
    await waitFor(page, () => window.__spoken.length > 0 && window.__tones > 0, null, 30000);
    const spoken = await page.evaluate(() => window.__spoken);
    const announced = await page.evaluate(() => window.LimberPage.announced().map((c) => c.text));
    assert.ok(spoken.every((t) => announced.includes(t)), 'what is spoken is what is announced');
    assert.ok(await page.evaluate(() => !navigator.wakeLock || window.__wakeLocks > 0), 'the screen is kept awake');
    await command(page, 'setting', 'sounds=off');
    await command(page, 'setting', 'spoken_cues=off');
    const counts = await page.evaluate(() => [window.__spoken.length, window.__tones]);
    await page.waitForTimeout(1500);  // 15 s of session time: several cues
    assert.deepEqual(await page.evaluate(() => [window.__spoken.length, window.__tones]), counts, 'switched off, they stay quiet');
    assert.deepEqual(problems, []);
  });
});
