// Routine links: a clinician builds a routine and copies a link; a patient opens it and adds
// it; a truncated or changed link gets a clear message and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { command, control, launch, openApp, settle, state } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

// Scrolls a control into view (above the tab bar, with `room` above it) and returns it.
async function reveal(page, id, room = 0) {
  let s = await settle(page);
  for (let i = 0; i < 40; ++i) {
    const c = control(s, id);
    if (c.top >= room && c.top + c.height <= s.viewport.height - 80) return c;
    await page.mouse.move(s.viewport.width / 2, s.viewport.height / 2);
    await page.mouse.wheel(0, c.top < room ? -150 : 150);
    s = await settle(page);
  }
  return control(s, id);
}
async function press(page, id) {
  const c = await reveal(page, id);
  await page.mouse.click(c.x, c.y);
}

describe('routine links', () => {
  let link = '';

  it('a clinician builds a routine with a note and copies its link', async () => {
    const { page, context, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
    await openApp(page, h.url);
    assert.deepEqual(await command(page, 'navigate', 'routines'), { ok: true });
    await press(page, 'new-routine');
    await page.waitForFunction(() => window.limber.state().screen === 'routine_editor');
    await press(page, 'add-exercise');
    await press(page, 'add-knee_rolls');
    await press(page, 'add-exercise');
    await press(page, 'add-pelvic_tilt');
    await press(page, 'add-exercise');
    await press(page, 'add-deep_abdominal_strengthening');
    await press(page, 'reps-0-more');  // knee rolls: 9, within the NHS's 8 to 10
    // The note, typed into the editor's text box (clinicians type; patients never need to).
    const share = await reveal(page, 'share-link', 140);
    await page.mouse.click(share.x, share.top - 60);
    await page.keyboard.type('Twice a day for two weeks.');
    await press(page, 'share-link');
    await page.waitForFunction(() => window.limber.state().lastLink !== '');
    link = (await state(page)).lastLink;
    assert.match(link, /^routine=1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
    assert.ok(link.length > 128 && link.length < 400, `a short link, longer than the old 128-byte reader: ${link.length} characters`);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${h.url}#${link}`);
    assert.deepEqual(problems, []);
  });

  it('a patient opens the link, sees the routine and the note, and adds it', async () => {
    assert.ok(link, 'the previous test made a link');
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${h.url}#${link}`);
    await page.evaluate(() => window.limber.ready);
    let s = await settle(page);
    assert.equal(s.screen, 'shared_routine');
    assert.deepEqual(s.incoming, { name: 'My routine', note: 'Twice a day for two weeks.', exercises: 3 });
    assert.equal(s.data.routines, 0, 'nothing is stored before the person agrees');
    await press(page, 'accept-link');
    await page.waitForFunction(() => window.limber.state().data.routines === 1);
    s = await settle(page);
    assert.equal(s.screen, 'today');
    assert.match(s.notice.text, /is now your routine/);
    assert.deepEqual(problems, []);
  });

  it('a truncated or changed link gets a clear message and changes nothing', async () => {
    assert.ok(link);
    const { page } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    await command(page, 'setting', 'theme=dark');
    await page.waitForFunction(() => window.limber.state().storage.status === 'saved');
    const before = await state(page);
    const cut = link.slice(0, link.length - 10);
    const flip = link.replace(/\.(.)/, (m, c) => '.' + (c === 'A' ? 'B' : 'A'));
    for (const [bad, pattern] of [[cut, /incomplete|cut off/], [flip, /changed/], ['routine=9.AAAA.AAAAAA', /newer version/]]) {
      const result = await command(page, 'open_link', bad);
      assert.equal(result.ok, false);
      const s = await state(page);
      assert.match(s.notice.text, pattern);
      assert.match(s.notice.text, /Nothing was added/);
      assert.equal(s.screen, before.screen);
      assert.equal(s.data.routines, before.data.routines);
      assert.equal(s.storage.revision, before.storage.revision);
    }
    // Opened as a page address too.
    await page.goto(`${h.url}#${cut}`);
    await page.evaluate(() => window.limber.ready);
    const s = await state(page);
    assert.equal(s.notice.kind, 'problem');
    assert.equal(s.theme, 'dark', 'what was stored is untouched');
  });
});
