// Routine links: a clinician builds a routine and copies a link; a patient opens it and adds
// it; a truncated or changed link gets a clear message and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { command, control, launch, openApp, pressControl as press, recordGestureUse, reveal, settle, state } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

describe('routine links', () => {
  let link = '';

  it('a clinician builds a routine with a note and copies its link', async () => {
    const { page, context, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
    await recordGestureUse(page);
    await openApp(page, h.url);
    assert.deepEqual(await command(page, 'navigate', 'routines'), { ok: true });
    await press(page, 'new-routine');
    await page.waitForFunction(() => window.limber.state().screen === 'routine_editor');
    // The list of exercises stays open while they are added, each with its picture.
    await press(page, 'add-exercise');
    await press(page, 'add-knee_rolls');
    await press(page, 'add-pelvic_tilt');
    await press(page, 'add-deep_abdominal_strengthening');
    await press(page, 'done-adding');
    await press(page, 'reps-0-more');  // knee rolls: 9 reps, exactly
    // The note, typed into the editor's text box (clinicians type; patients never need to).
    const note = await reveal(page, 'link_note');
    await page.mouse.click(note.x, note.y);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-link_note');
    await page.keyboard.type('Twice a day for two weeks.');
    assert.equal((await state(page)).draft.link_note, 'Twice a day for two weeks.');
    await press(page, 'share-link');
    await page.waitForFunction(() => window.limber.state().lastLink !== '');
    link = (await state(page)).lastLink;
    assert.match(link, /^routine=2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
    assert.ok(link.length < 200, `a short link: ${link.length} characters`);
    // Copied inside the click itself (Safari copies nowhere else).
    assert.deepEqual(await page.evaluate(() => window.gestureUse), [{ what: 'copy', during: 'mouseup' }]);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${h.url}#${link}`);
    await page.waitForFunction(() => window.limber.state().linkCopy === 'copied');
    assert.deepEqual(problems, []);
  });

  it('when the browser refuses the clipboard, the app says so and shows the link to copy by hand', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await openApp(page, h.url);
    await command(page, 'navigate', 'routines');
    await command(page, 'new_routine');
    await press(page, 'add-exercise');
    await press(page, 'add-knee_rolls');
    await press(page, 'done-adding');
    await press(page, 'share-link');
    await page.waitForFunction(() => window.limber.state().linkCopy === 'refused');
    const s = await settle(page);
    assert.equal(new URL(page.url()).hash, `#${s.lastLink}`, 'the link is in the address bar too');
    // And in a read-only box, for an installed app without an address bar.
    const box = await page.evaluate(() => {
      const b = document.getElementById('field-link_out');
      return b && { value: b.value, readOnly: b.readOnly, label: b.getAttribute('aria-label'), hidden: b.hidden };
    });
    assert.deepEqual(box, { value: `${h.url}#${s.lastLink}`, readOnly: true, label: 'Link to send', hidden: false });
    const announced = await page.evaluate(() => window.LimberPage.announced().map((a) => a.text));
    assert.ok(announced.includes('The link could not be copied. It is in a box under the Copy link button, to select and copy.'));
    assert.deepEqual(problems, []);
  });

  it('the editor\'s text fields are real text boxes: laid over the field, following a scroll, keeping what the app keeps', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 700 } });
    await openApp(page, h.url);
    await command(page, 'navigate', 'routines');
    await press(page, 'new-routine');
    await page.waitForFunction(() => window.limber.state().screen === 'routine_editor');
    await press(page, 'add-exercise');
    for (const id of ['knee_rolls', 'pelvic_tilt', 'cat_cow']) await press(page, `add-${id}`);
    await press(page, 'done-adding');
    const boxOf = (id) => page.evaluate((id) => {
      const box = document.getElementById(`field-${id}`);
      if (!box || box.hidden || box.classList.contains('out-of-sight')) return null;
      const r = box.getBoundingClientRect();
      return { tag: box.tagName, label: box.getAttribute('aria-label'), value: box.value, x: r.x, y: r.y, width: r.width, height: r.height };
    }, id);
    const sameRect = (box, c, what) => {
      for (const k of ['x', 'y', 'width', 'height']) {
        const want = k === 'x' ? c.left : k === 'y' ? c.top : c[k];
        assert.ok(Math.abs(box[k] - want) <= 1, `${what}: the box's ${k} ${box[k]} is the field's ${want}`);
      }
    };
    // The name: a one-line box with a label, over the field the canvas drew.
    await reveal(page, 'routine_name', 100);
    let s = await settle(page);
    const name = await boxOf('routine_name');
    assert.deepEqual([name.tag, name.label, name.value], ['INPUT', 'Routine name', 'My routine']);
    sameRect(name, control(s, 'routine_name'), 'name');
    const field = control(s, 'routine_name');
    await page.mouse.click(field.x, field.y);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Evening stretch');
    assert.equal((await state(page)).draft.routine_name, 'Evening stretch');
    // Escape leaves the box, not the screen; the next Escape goes back.
    await page.keyboard.press('Escape');
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'field-routine_name');
    assert.equal((await state(page)).screen, 'routine_editor');

    // Scrolled, the note's box moves with its field; scrolled out of sight, it goes.
    let note = await reveal(page, 'link_note', 100);
    s = await settle(page);
    sameRect(await boxOf('link_note'), control(s, 'link_note'), 'note after a scroll');
    assert.equal(await boxOf('routine_name'), null, 'the name field is scrolled out of sight, and so is its box');
    // The wheel over a box scrolls the page under it.
    await page.mouse.move(note.x, note.y);
    await page.mouse.wheel(0, -120);
    s = await settle(page);
    const moved = control(s, 'link_note');
    assert.ok(moved.top > note.top + 60, `the wheel over the box scrolled the page (${note.top} -> ${moved.top})`);
    sameRect(await boxOf('link_note'), moved, 'note after the wheel');
    note = await reveal(page, 'link_note', 100);

    // A control character is not kept: the box goes back to what the app has, and says why.
    await page.mouse.click(note.x, note.y);
    await page.keyboard.insertText('Slowly');
    await page.keyboard.insertText('\u0007');
    s = await state(page);
    assert.equal(s.draft.link_note, 'Slowly');
    assert.match(s.draft.textProblems.link_note, /control character/);
    assert.equal((await boxOf('link_note')).value, 'Slowly');
    const announced = await page.evaluate(() => window.LimberPage.announced().map((a) => a.text));
    assert.ok(announced.some((t) => /control character/.test(t)), 'the refusal is announced');

    // Saved, the routine has the typed name, and the boxes go with the editor.
    await page.keyboard.press('Escape');
    await press(page, 'save-routine');
    await page.waitForFunction(() => window.limber.state().screen === 'routines');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.text-field').length), 0);
    assert.deepEqual(problems, []);
  });

  it('on a phone, a tap on a text field lands in a real text box, which brings up the keyboard', async () => {
    const { page, problems } = await h.newPage({
      viewport: { width: 360, height: 640 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true,
    });
    await openApp(page, h.url);
    await command(page, 'navigate', 'routines');
    await command(page, 'new_routine');
    await press(page, 'add-exercise');
    for (const id of ['knee_rolls', 'pelvic_tilt']) await press(page, `add-${id}`);  // a page long enough to scroll
    await press(page, 'done-adding');
    const field = await reveal(page, 'routine_name', 100);
    await page.touchscreen.tap(field.x, field.y);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-routine_name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Bedtime');
    assert.equal((await state(page)).draft.routine_name, 'Bedtime');
    // A drag that starts on a box scrolls the page, as anywhere else on it.
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: field.x, y }] });
    await touch('touchStart', field.y);
    for (let dy = 10; dy <= 120; dy += 10) await touch('touchMove', field.y - dy);
    await touch('touchEnd');
    const after = control(await settle(page), 'routine_name');
    assert.ok(after.top < field.top - 80, `dragged up over the box, the page scrolled (${field.top} -> ${after.top})`);
    // A keyboard taking the bottom half of the screen (as Android's can, resizing the page)
    // leaves the box being typed in visible, above it, and still focused.
    const note = await reveal(page, 'link_note', 400);
    await page.touchscreen.tap(note.x, note.y);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-link_note');
    await page.setViewportSize({ width: 360, height: 330 });
    await settle(page);
    await page.waitForTimeout(400);  // the second fit, after the frame at the new size
    const fitted = control(await settle(page), 'link_note');
    assert.ok(fitted.top >= 0 && fitted.top + fitted.height <= 330 - 68,
      `the note box (${fitted.top} to ${fitted.top + fitted.height}) is above the tab bar of a 330 px page`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-link_note');
    await page.setViewportSize({ width: 360, height: 640 });
    await page.touchscreen.tap(field.x, 20);  // leave the box: a tap on the canvas
    await settle(page);
    await reveal(page, 'routine_name', 100);
    const name = control(await settle(page), 'routine_name');
    await page.touchscreen.tap(name.x, name.y);
    // Escape gives the keys back to the app (still editing); the next Escape is Back, which
    // asks before leaving the unsaved routine; leaving without saving goes back.
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    assert.equal((await state(page)).screen, 'routine_editor');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.limber.state().confirm === 'leave_editor');
    await press(page, 'confirm-yes');
    await page.waitForFunction(() => window.limber.state().screen === 'routines');
    assert.deepEqual(problems, []);
  });

  it('a patient opens the link, sees the routine and the note, and adds it', async () => {
    assert.ok(link, 'the previous test made a link');
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${h.url}#${link}`);
    await page.evaluate(() => window.limber.ready);
    let s = await settle(page);
    assert.equal(s.screen, 'shared_routine');
    assert.deepEqual(s.incoming, { name: 'My routine', note: 'Twice a day for two weeks.', exercises: 3, updates: '', changes: [] });
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
