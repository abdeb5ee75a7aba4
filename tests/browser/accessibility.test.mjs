// The accessible mirror (web/page.js, src/core/app/screen_report.h): every screen in real
// elements. Whole tasks done with the keyboard and the accessibility tree only (roles and names,
// never window.limber), every screen audited by axe-core in light and dark with its aria snapshot
// and screenshot kept as artifacts, the mirror checked against the UI's own report, and the idle
// page left idle.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { command, launch, openApp, settle, state } from './harness.mjs';
import { backupText } from './history_fixture.mjs';

const ARTIFACTS = resolve(process.env.LIMBER_ARTIFACTS ||
                          join(new URL('../../build/artifacts', import.meta.url).pathname, 'accessibility'));
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h;
before(async () => {
  h = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => { await h.close(); });

const waitFor = (page, fn, arg, timeout = 15000) => page.waitForFunction(fn, arg, { timeout, polling: 50 });

// ---- Keyboard and accessibility tree only -------------------------------------------------------

// The element with the page's focus, as a person with a screen reader would hear it.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  // Its name: the first text (a description, if any, follows in a hidden span).
  return { tag: el.tagName.toLowerCase(), text: el.firstChild ? el.firstChild.textContent : '', role: el.getAttribute('role') };
});

// Reaches a control as a screen reader's list of buttons would (its role and name), then presses
// it with the key a keyboard user would use.
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

const heading1 = (page) => page.getByRole('heading', { level: 1 });
async function expectScreen(page, title) {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ state: 'attached' });
}

describe('a keyboard and a screen reader do every task', () => {
  it('Tab moves through the controls in the order they are drawn, and the canvas rings the focused one', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(h.url);
    await expectScreen(page, 'Today');
    // "Choose another routine" is below the fold on a phone: focusing it scrolls the canvas. A
    // person's next Tab comes after the frames that scroll takes: the test waits for them too
    // (the signal: the control drawn in view), or a loaded machine's Tabs outrun the frames.
    const inView = () => {
      const controls = window.limber.state().controls;
      const c = controls.find((x) => x.id === 'choose-routine'), tabs = controls.find((x) => x.id === 'tab-today');
      return c && tabs && c.y >= 0 && c.y + c.height <= tabs.y;
    };
    const names = [];
    for (let i = 0; i < 9; ++i) {
      await page.keyboard.press('Tab');
      names.push((await focused(page)).text);
      if (names.at(-1) === 'Choose another routine') await page.waitForFunction(inView, null, { timeout: 10000, polling: 50 });
    }
    // First visit: the safety note's buttons, the routine card's, then the tab bar.
    assert.deepEqual(names, ['Read more', 'I understand', 'Start', 'Choose another routine',
                             'Today', 'Routines', 'Library', 'Progress', 'Settings']);
    const s = await settle(page);
    const choose = s.controls.find((c) => c.id === 'choose-routine');
    const tabs = s.controls.find((c) => c.id === 'tab-today');
    assert.ok(choose.y >= 0 && choose.y + choose.height <= tabs.y, `the focused control was scrolled into view: ${choose.y}`);
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page)).text, 'Progress');
    // The canvas draws the focus ring on the control focused in the page (a pixel of the
    // theme's primary colour just outside the control's rectangle).
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top - 2) };
    });
    const shot = await page.screenshot({ clip: { x: ring.x - 2, y: ring.y - 1, width: 4, height: 3 } });
    const { decodePng } = await import('./png.mjs');
    const px = decodePng(shot).at(2, 1);
    assert.ok(Math.abs(px[0] - 0x1F) < 40 && Math.abs(px[1] - 0x6F) < 40 && Math.abs(px[2] - 0x63) < 40,
              `focus ring pixel ${px} is the primary colour`);
    assert.deepEqual(problems, []);
  });

  it("a control focused on the canvas with the arrow keys takes the page's focus too", async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(h.url);
    await expectScreen(page, 'Today');
    // A click on the canvas (on the heading, not a control) gives it the keys, as a mouse user's would.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    await page.mouse.click(title.x + 5, title.y + 5);
    await waitFor(page, () => document.activeElement.id === 'canvas');
    await page.keyboard.press('ArrowDown');
    await waitFor(page, () => document.activeElement.dataset && document.activeElement.dataset.control !== undefined);
    const first = (await focused(page)).text;
    assert.ok(['Read more', 'I understand', 'Start'].includes(first), `the canvas's focus went to the page: ${first}`);
    // From there the arrows keep stepping through the controls, in the page.
    await page.keyboard.press('ArrowDown');
    assert.notEqual((await focused(page)).text, first);
    assert.deepEqual(problems, []);
  });

  it('first visit: the safety note is read and acknowledged; a routine is chosen; focus follows navigation and comes back on Back', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(h.url);
    await expectScreen(page, 'Today');
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Before your first session' }).waitFor({ state: 'attached' });
    assert.match(await main.textContent(), /pain should never go above 5 out of 10/);
    await press(main.getByRole('button', { name: 'I understand' }));
    await main.getByRole('heading', { name: 'Before your first session' }).waitFor({ state: 'detached' });
    // The focused button went with the note: the focus lands on the screen's heading, not nowhere.
    await waitFor(page, () => document.activeElement.tagName === 'H1');

    await press(page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Routines' }));
    await expectScreen(page, 'Routines');
    await waitFor(page, () => document.activeElement.tagName === 'H1' && document.activeElement.textContent === 'Routines');
    assert.equal(await page.evaluate(() => window.LimberPage.announced().filter((c) => c.kind === 'screen' && c.text === 'Routines').length), 1,
                 'the new screen is announced, once');
    await press(page.getByRole('button', { name: 'Use Gentle routine for a bad day on Today' }));
    await page.getByRole('button', { name: /bad day.* is on Today$/ }).waitFor({ state: 'attached' });

    // Into a routine's editor (a copy) and Back: the focus returns to the button that led there.
    const copy = page.getByRole('button', { name: /^Copy .*bad day/ });
    await press(copy);
    await page.getByRole('textbox', { name: 'Routine name' }).waitFor({ state: 'attached' });
    await waitFor(page, () => document.activeElement.tagName === 'H1');
    await press(page.getByRole('button', { name: 'Cancel' }));
    await expectScreen(page, 'Routines');
    await waitFor(page, () => /^Copy .*bad day/.test(document.activeElement.textContent));
    assert.deepEqual(problems, []);
  });

  it('a short session runs to the end with both pain questions, and is found in Progress', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(h.url);
    await expectScreen(page, 'Today');
    await press(page.getByRole('button', { name: 'I understand' }));
    await press(page.getByRole('button', { name: 'Start', exact: true }));
    const before = page.getByRole('group', { name: 'How is your back right now?' });
    await before.waitFor({ state: 'attached' });
    await waitFor(page, () => document.activeElement.tagName === 'H1');  // the question is the heading
    await press(before.getByRole('button', { name: '3: Mild' }), ' ');
    await heading1(page).filter({ hasText: /^Exercise 1 of \d+: / }).waitFor({ state: 'attached' });
    // The figure's text alternative says what it shows.
    const figure = page.getByRole('img');
    assert.match(await figure.getAttribute('aria-label'), /^.+, .+/);
    // Skip through every exercise with the keyboard.
    const after = page.getByRole('group', { name: /How is your back now/ });
    for (let i = 0; i < 12 && !(await after.count()); ++i) {
      await press(page.getByRole('button', { name: 'Skip exercise' }));
      await page.waitForTimeout(150);
    }
    await after.waitFor({ state: 'attached' });
    await press(after.getByRole('button', { name: /^2: / }));
    await page.getByRole('heading', { level: 1, name: /Well done|Session ended/ }).waitFor({ state: 'attached' });
    assert.match(await page.getByRole('main').textContent(), /Pain before: 3, after: 2/);
    await press(page.getByRole('button', { name: 'Done' }));
    await expectScreen(page, 'Today');

    await press(page.getByRole('navigation').getByRole('button', { name: 'Progress' }));
    await expectScreen(page, 'Progress');
    const main = page.getByRole('main');
    assert.match(await main.textContent(), /1 session in all/);
    const pain = main.getByRole('table', { name: /Pain before and after/ });
    assert.equal(await pain.getByRole('row').count(), 2, 'a heading row and the session');
    assert.deepEqual((await pain.getByRole('cell').allTextContents()).slice(1), ['3', '2']);
    assert.equal(await main.getByRole('table', { name: 'Sessions per week' }).count(), 1);
    assert.deepEqual(problems, []);
  });

  it("the Library's page of an exercise reads in order, and its moving figure can be stopped", async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(h.url);
    await expectScreen(page, 'Today');
    await press(page.getByRole('navigation').getByRole('button', { name: 'Library' }));
    await expectScreen(page, 'Exercise library');
    const where = page.getByRole('group', { name: 'Where' });
    await press(where.getByRole('button', { name: 'In bed' }), ' ');
    await waitFor(page, () => document.querySelector('[data-control="bed-In bed"]').getAttribute('aria-pressed') === 'true');
    await press(page.getByRole('main').getByRole('button', { name: 'Knee rolls' }).first());
    await page.getByRole('heading', { level: 2, name: 'Steps' }).waitFor({ state: 'attached' });
    const snapshot = await page.getByRole('main').ariaSnapshot();
    const order = ['Start position', 'Steps', 'How much', 'Sources'].map((t) => snapshot.indexOf(`heading "${t}"`));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), `sections in order: ${order}`);
    assert.ok((await page.getByRole('main').getByRole('list').getByRole('listitem').count()) >= 2, 'the steps are a list');
    assert.match(snapshot, /img ".+: the whole movement, repeating/);
    // WCAG 2.2.2: motion that lasts more than five seconds can be paused.
    await press(page.getByRole('button', { name: 'Stop the movement' }));
    await page.getByRole('button', { name: 'Show the movement' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('img').count(), 2, 'still: the start and held positions');
    // Back returns to the button that opened it.
    await page.keyboard.press('Escape');
    await expectScreen(page, 'Exercise library');
    await waitFor(page, () => /knee/i.test(document.activeElement.textContent));
    assert.deepEqual(problems, []);
  });

  it('an own routine is made, edited and deleted', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(h.url);
    await expectScreen(page, 'Today');
    await press(page.getByRole('navigation').getByRole('button', { name: 'Routines' }));
    await press(page.getByRole('button', { name: 'Make your own routine' }));
    const name = page.getByRole('textbox', { name: 'Routine name' });
    await name.waitFor({ state: 'attached' });
    await name.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Evening stretch');
    await page.keyboard.press('Enter');
    await heading1(page).filter({ hasText: 'Evening stretch' }).waitFor({ state: 'attached' });
    await press(page.getByRole('button', { name: 'Add exercises' }));
    await press(page.getByRole('button', { name: 'Knee rolls' }));
    await page.getByRole('group', { name: /^1\. Knee rolls/ }).waitFor({ state: 'attached' });
    // The note's box is below the fold: still reachable, and focusing it scrolls it into view.
    const note = page.getByRole('textbox', { name: 'Note for the patient' });
    await note.focus();
    await waitFor(page, () => !document.getElementById('field-link_note').classList.contains('out-of-sight'));
    await page.keyboard.type('Every evening');
    await page.keyboard.press('Escape');
    await press(page.getByRole('button', { name: 'Save routine' }));
    await expectScreen(page, 'Routines');
    await press(page.getByRole('button', { name: 'Edit Evening stretch' }));
    await press(page.getByRole('button', { name: 'Add exercises' }));
    await press(page.getByRole('button', { name: 'Pelvic tilt' }));
    await page.getByRole('group', { name: /^2\. / }).waitFor({ state: 'attached' });
    await press(page.getByRole('button', { name: 'Save routine' }));
    await expectScreen(page, 'Routines');
    assert.match(await page.getByRole('main').textContent(), /Evening stretch2 exercises/);
    await press(page.getByRole('button', { name: 'Delete Evening stretch' }));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'attached' });
    assert.equal((await focused(page)).text, await dialog.getByRole('button').first().textContent(), 'the question takes the focus');
    await press(dialog.getByRole('button').last());
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: 'Edit Evening stretch' }).count(), 0);
    assert.deepEqual(problems, []);
  });

  it('a setting is changed; a backup is saved, everything deleted, and the backup restored', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    await page.goto(h.url);
    await expectScreen(page, 'Today');
    await press(page.getByRole('navigation').getByRole('button', { name: 'Settings' }));
    await expectScreen(page, 'Settings');
    const sounds = page.getByRole('switch', { name: 'Sounds' });
    assert.equal(await sounds.getAttribute('aria-checked'), 'true');
    assert.equal(await sounds.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent),
                 'A soft tone as each phase starts.');
    await press(sounds, ' ');
    await waitFor(page, () => document.querySelector('[data-control="sounds"]').getAttribute('aria-checked') === 'false');
    assert.equal((await focused(page)).text, 'Sounds', 'the switch keeps the focus');
    const theme = page.getByRole('radiogroup', { name: 'Theme' });
    await press(theme.getByRole('radio', { name: 'Dark' }), ' ');
    await waitFor(page, () => document.querySelector('[data-control="theme-1"]').getAttribute('aria-checked') === 'true');

    // A routine of one's own, so the backup holds something to bring back.
    await press(page.getByRole('navigation').getByRole('button', { name: 'Routines' }));
    await press(page.getByRole('button', { name: /^Copy Gentle routine/ }));
    await page.getByRole('textbox', { name: 'Routine name' }).waitFor({ state: 'attached' });
    const routineName = await heading1(page).textContent();
    await press(page.getByRole('button', { name: 'Save routine' }));
    await page.getByRole('button', { name: `Edit ${routineName}` }).waitFor({ state: 'attached' });
    await press(page.getByRole('navigation').getByRole('button', { name: 'Settings' }));
    await expectScreen(page, 'Settings');

    const download = page.waitForEvent('download');
    await press(page.getByRole('button', { name: 'Save a backup file' }));
    const file = await (await download).path();
    const saved = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(saved.data.routines.length, 1);
    // Everything deleted (a real modal question), then the backup restored through the file
    // picker, opened by the key press itself (a browser allows it only inside a gesture).
    await press(page.getByRole('button', { name: 'Delete all my data' }));
    const dialog = page.getByRole('dialog', { name: 'Delete all your Limber data?' });
    await dialog.waitFor({ state: 'attached' });
    await press(dialog.getByRole('button').last());
    await waitFor(page, () => window.LimberPage.announced().some((c) => /has been deleted/.test(c.text)));
    await expectScreen(page, 'Today');  // a fresh start
    await press(page.getByRole('navigation').getByRole('button', { name: 'Settings' }));
    const chooser = page.waitForEvent('filechooser');
    await press(page.getByRole('button', { name: 'Restore from a backup file' }));
    await (await chooser).setFiles(file);
    await waitFor(page, () => window.LimberPage.announced().some((c) => c.kind === 'notice' && /^Backup imported/.test(c.text)));
    await press(page.getByRole('navigation').getByRole('button', { name: 'Routines' }));
    await page.getByRole('button', { name: `Edit ${routineName}` }).waitFor({ state: 'attached' });
    assert.deepEqual(problems, []);
  });
});

// ---- Every screen ----------------------------------------------------------------------------

// Each screen Limber has, reached through the automation interface (this part audits screens; the
// tasks above are done without it).
async function must(page, name, arg) {
  const result = await command(page, name, arg);
  assert.deepEqual(result, { ok: true }, `${name} ${arg ?? ''}`);
}
const SCREENS = [
  ['today-first-visit', async () => {}],
  ['today', async (p) => { await must(p, 'acknowledge_safety'); }],
  ['routines', async (p) => { await must(p, 'navigate', 'routines'); }],
  ['library', async (p) => { await must(p, 'navigate', 'library'); }],
  ['exercise', async (p) => { await must(p, 'exercise', 'knee_rolls'); await must(p, 'demo', 'pause'); }],
  ['safety', async (p) => { await must(p, 'navigate', 'safety'); }],
  ['progress', async (p) => { await must(p, 'navigate', 'progress'); }],
  ['settings', async (p) => { await must(p, 'navigate', 'settings'); }],
  ['question', async (p) => { await must(p, 'delete_all'); }],
  ['routine-editor', async (p) => {
    await must(p, 'no');
    await must(p, 'copy_routine', 'gentle_bad_day');
  }],
  ['shared-routine', async (p) => {
    await must(p, 'share_link');
    const link = (await state(p)).lastLink;
    await must(p, 'back');
    await must(p, 'open_link', link);
  }],
  ['pain-before', async (p) => { await must(p, 'decline_link'); await must(p, 'start', 'gentle_bad_day'); }],
  ['session', async (p) => { await must(p, 'pain', '4'); await must(p, 'pause'); }],
  ['pain-after', async (p) => { await must(p, 'end'); await must(p, 'yes'); }],
  ['summary', async (p) => { await must(p, 'pain', '3'); }],
];

async function audit(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
  });
}

describe('every screen, in light and dark', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: each control has its element, axe finds nothing serious, and the aria snapshot is kept`, async () => {
      const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
      await openApp(page, h.url);
      await command(page, 'import', backupText(40));
      await waitFor(page, () => window.limber.state().data.sessions >= 40);
      await command(page, 'dismiss');
      await command(page, 'theme', theme);
      const counts = [];
      for (const [name, reach] of SCREENS) {
        await reach(page);
        const s = await settle(page);
        // The mirror holds an element for every control the UI reported, and nothing else.
        const ids = s.controls.map((c) => c.id).sort();
        const mirrored = await page.$$eval('#mirror [data-key^="c:"]', (els) => els.map((e) => e.dataset.key.slice(2)).sort());
        assert.deepEqual(mirrored, ids, `${name}: mirror and report`);
        const found = await audit(page);
        const violations = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(violations, [], `${theme} ${name}: axe`);
        await writeFile(join(ARTIFACTS, `${theme}-${name}.axe.json`), JSON.stringify(found, null, 2) + '\n');
        const snapshot = await page.locator('body').ariaSnapshot();
        await writeFile(join(ARTIFACTS, `${theme}-${name}.aria.yml`), snapshot + '\n');
        await page.screenshot({ path: join(ARTIFACTS, `${theme}-${name}.png`) });
        const elements = await page.$$eval('#mirror *', (els) => els.length);
        counts.push({ screen: name, controls: ids.length, elements, axe: found.map((v) => `${v.impact} ${v.id}`) });
      }
      await writeFile(join(ARTIFACTS, `${theme}-counts.json`), JSON.stringify(counts, null, 2) + '\n');
      console.log(`${theme}: ${counts.map((c) => `${c.screen} ${c.controls}/${c.elements}${c.axe.length ? ` (${c.axe.join(', ')})` : ''}`).join(', ')}`);
      assert.deepEqual(problems, []);
    });
  }
});

describe('idle, small screens and large text', () => {
  it('a still screen draws nothing and the mirror is not touched', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    await command(page, 'navigate', 'settings');
    const first = await settle(page);
    const mirrorBefore = await page.evaluate(() => window.LimberPage.mirrorState());
    await page.waitForTimeout(1500);
    const later = await state(page);
    const mirrorAfter = await page.evaluate(() => window.LimberPage.mirrorState());
    assert.equal(later.frames, first.frames, 'no frames drawn');
    assert.equal(mirrorAfter.updates, mirrorBefore.updates, 'no mirror updates');
    // A frame drawn for a reason that changes nothing shown (a redraw) leaves the mirror alone too.
    await command(page, 'redraw');
    await settle(page);
    assert.ok((await state(page)).frames > later.frames);
    assert.equal((await page.evaluate(() => window.LimberPage.mirrorState())).updates, mirrorBefore.updates);
    assert.deepEqual(problems, []);
  });

  it('at 320 CSS px wide and text at 200%, nothing is cut off at the sides', async () => {
    // A 640 px window zoomed to 200% is 320 CSS px at twice the pixel ratio: the same page.
    const { page, problems } = await h.newPage({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
    await openApp(page, h.url);
    await command(page, 'setting', 'text_size=200');
    for (const [name, reach] of SCREENS) {
      await reach(page);
      const s = await settle(page);
      const outside = s.controls.filter((c) => c.x < -0.5 || c.x + c.width > 320.5).map((c) => `${c.id} ${c.x}+${c.width}`);
      assert.deepEqual(outside, [], `${name}: controls within 320 px`);
      const text = await page.evaluate(() => {
        const nodes = [...document.querySelectorAll('#mirror .m')];
        return nodes.filter((n) => { const r = n.getBoundingClientRect(); return r.left < -0.5 || r.right > 320.5; })
          .map((n) => n.textContent.slice(0, 40));
      });
      assert.deepEqual(text, [], `${name}: everything within 320 px`);
    }
    assert.deepEqual(problems, []);
  });
});
