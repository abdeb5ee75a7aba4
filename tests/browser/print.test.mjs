// The printed routine sheet (src/core/print/routine_sheet.h) in the page's print view: opened
// with the keyboard from Routines and from the editor, read as a document (headings, figures
// with names), printed (print media, A4 and US Letter PDFs, their page count), offline, with a
// clinician's note as text and a QR code that reads back as the routine's link. The PDFs, a
// screenshot of each printed page and of the report are kept in build/artifacts/print.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';

import { stillsOf } from './clips_fixture.mjs';
import { command, launch, openApp, pressControl as press, settle, state } from './harness.mjs';
import { backupText, sessions as fixtureSessions } from './history_fixture.mjs';
import { decodePng, rgbaOf } from './png.mjs';

const asset = (name) => JSON.parse(readFileSync(new URL(`../../assets/catalogue/${name}.json`, import.meta.url), 'utf8'));
const EXERCISES = new Map(asset('exercises').exercises.map((e) => [e.id, e]));
// A built-in routine's exercises, from the catalogue the app ships.
const exercisesOf = (id) => asset('routines').routines.find((r) => r.id === id).items.map((i) => EXERCISES.get(i.exercise));

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ARTIFACTS = new URL('../../build/artifacts/print/', import.meta.url);
let h;
before(async () => {
  h = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => { await h.close(); });

// A PDF's pages: each page object is "/Type /Page" (the page tree is "/Type /Pages").
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;

// What the print view shows, as a screen reader finds it.
const outline = (page) => page.evaluate(() => {
  const sheet = document.querySelector('#print-sheet .sheet');
  return {
    h1: [...sheet.querySelectorAll('h1')].map((e) => e.textContent),
    h2: [...sheet.querySelectorAll('h2')].map((e) => e.textContent),
    figures: [...sheet.querySelectorAll('svg[role="img"]')].map((e) => e.getAttribute('aria-label')),
    pages: sheet.querySelectorAll('.sheet-page').length,
  };
});

async function decodeSheetQr(page) {
  const box = await page.getByRole('img', { name: "QR code of this routine's link" }).boundingBox();
  assert.ok(box && box.width > 120, 'the code is drawn large');
  const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
  const image = decodePng(shot);
  const rgba = rgbaOf(image);
  return jsQR(rgba, image.width, image.height);
}

describe('printed sheet', () => {
  it('Routines: Print opens the sheet as a document, focus on its title; Escape goes back to the same button', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    await command(page, 'navigate', 'routines');
    await settle(page);
    const print = page.getByRole('button', { name: 'Print a sheet of NHS daily exercises' });
    await print.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('print-view').hidden);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sheet-title');
    await page.getByRole('heading', { level: 1, name: 'NHS daily exercises' }).waitFor();
    const o = await outline(page);
    const routine = { exercises: exercisesOf('nhs_daily') };
    assert.deepEqual(o.h1, ['NHS daily exercises']);
    assert.equal(o.pages, 1 + routine.exercises.length, 'the safety page and one page per exercise');
    assert.deepEqual(o.h2.filter((t) => /^\d+\. /.test(t)), routine.exercises.map((e, i) => `${i + 1}. ${e.name}`));
    assert.ok(o.h2.includes('Staying safe'));
    assert.equal(o.figures.length, 1 + routine.exercises.reduce((n, e) => n + stillsOf(e.id), 0),
      'the code and the start and held figures of each exercise (both phases of a pelvic tilt)');
    assert.ok(o.figures.includes('Pelvic tilt, the lower back pressed flat'));
    assert.ok(o.figures.includes('Knee rolls, start position') && o.figures.includes('Knee rolls, the position you hold'));
    // The app behind is out of reach: inert for the keyboard and screen readers.
    assert.deepEqual(await page.evaluate(() => ['canvas', 'mirror', 'text-fields'].map((id) => document.getElementById(id).inert)),
      [true, true, true]);
    await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    // axe-core over the whole page with the sheet open: nothing serious or critical.
    await page.evaluate(AXE_SOURCE);
    const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
    writeFileSync(new URL('sheet.axe.json', ARTIFACTS), JSON.stringify(found, null, 2) + '\n');
    assert.deepEqual(found.filter((v) => v.impact === 'serious' || v.impact === 'critical'), [], 'axe on the print view');
    assert.ok((await page.evaluate(() => window.LimberPage.announced().map((a) => a.text))).some((t) => /printed sheet is open/.test(t)));
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.getElementById('print-view').hidden), true);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.control || document.activeElement.id), 'print-nhs_daily');
    assert.equal((await state(page)).screen, 'routines', 'Escape closed the sheet only');
    assert.deepEqual(problems, []);
  });

  it("Back closes the print view only, then asks before leaving the editor's unsaved routine", async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    for (const [name, arg] of [['navigate', 'routines'], ['new_routine'], ['text', 'routine_name=Evenings'],
                               ['add_exercise', 'knee_rolls'], ['text', 'link_note=Slowly, twice a day.']]) {
      assert.deepEqual(await command(page, name, arg), { ok: true }, name);
    }
    const before = await settle(page);
    assert.equal(before.screen, 'routine_editor');
    assert.deepEqual(await command(page, 'print_draft'), { ok: true });
    await page.waitForFunction(() => !document.getElementById('print-view').hidden);
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('print-view').hidden);
    const after = await settle(page);
    assert.equal(after.screen, 'routine_editor', 'the editor is still there');
    assert.equal(after.depth, before.depth);
    assert.equal(after.draft.routine_name, 'Evenings');
    assert.equal(after.draft.link_note, 'Slowly, twice a day.');
    // Back again is the editor's: with unsaved changes it asks, and "No, keep editing" keeps them.
    await page.goBack();
    await page.waitForFunction(() => window.limber.state().confirm === 'leave_editor');
    await press(page, 'confirm-no');
    await page.waitForFunction(() => window.limber.state().confirm === 'none');
    assert.equal((await state(page)).draft.routine_name, 'Evenings');
    // Save and leave: the routine is kept, and Back took the person to Routines.
    await page.goBack();
    await page.waitForFunction(() => window.limber.state().confirm === 'leave_editor');
    await press(page, 'confirm-save');
    await page.waitForFunction(() => window.limber.state().screen === 'routines');
    assert.ok((await state(page)).controls.some((c) => /Evenings/.test(c.label)), 'the saved routine is listed');
    assert.deepEqual(problems, []);
  });

  it('prints on A4 and US Letter: the sheet alone, the cover and safety pages then one page per exercise', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 900 } });
    await openApp(page, h.url);
    for (const id of ['nhs_daily', 'in_bed']) {
      assert.deepEqual(await command(page, 'print_routine', id), { ok: true });
      await page.waitForFunction(() => !document.getElementById('print-view').hidden);
      const exercises = exercisesOf(id).length;
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => ['canvas', 'mirror', 'loading'].map((el) => getComputedStyle(document.getElementById(el)).display)
        .concat(getComputedStyle(document.querySelector('.print-bar')).display));
      assert.deepEqual(shown, ['none', 'none', 'none', 'none'], 'print shows the sheet alone, without its bar');
      // Each exercise fits on one page: no section is taller than a Letter page's printable height
      // (279 mm less 2 x 10 mm margins, at 96 px per inch), at the narrower page's width.
      await page.setViewportSize({ width: Math.floor((210 - 20) / 25.4 * 96), height: 900 });
      const tallest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.sheet-cover, .sheet-page')]
        .map((s) => s.getBoundingClientRect().height)));
      assert.ok(tallest <= (279 - 20) / 25.4 * 96, `every page's content fits one page (tallest ${Math.round(tallest)} px)`);
      // Each figure is at least half the A4 page wide (105 mm), black line art with its arrow.
      const narrowest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.sheet-figures figure')]
        .map((f) => f.getBoundingClientRect().width)));
      assert.ok(narrowest >= 105 / 25.4 * 96, `every figure is at least 105 mm wide (narrowest ${(narrowest / 96 * 25.4).toFixed(1)} mm)`);
      // A screenshot of each printed page (each section is one), kept for a person to look at.
      const sections = page.locator('.sheet-cover, .sheet-page');
      for (let i = 0; i < await sections.count(); ++i) {
        await sections.nth(i).screenshot({ path: new URL(`${id}-page-${i + 1}.png`, ARTIFACTS).pathname });
      }
      for (const format of ['A4', 'Letter']) {
        const pdf = await page.pdf({ format });
        writeFileSync(new URL(`${id}-${format}.pdf`, ARTIFACTS), pdf);
        assert.equal(pageCount(pdf), 2 + exercises, `${id} on ${format}: cover, safety and ${exercises} exercise pages`);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1024, height: 900 });
      await page.evaluate(() => window.LimberPage.closeSheet());
    }
    assert.deepEqual(problems, []);
  });

  it("the editor's sheet: offline, with the clinician's note as text and a QR code that opens the routine", async () => {
    const { page, context, problems } = await h.newPage({ viewport: { width: 820, height: 1000 } });
    await openApp(page, h.url);
    const note = 'Twice a day <b>for two weeks</b> & then "as needed".';
    for (const [name, arg] of [['new_routine'], ['text', 'routine_name=Mrs <Smith>\'s routine'], ['add_exercise', 'knee_rolls'],
                               ['add_exercise', 'pelvic_tilt'], ['text', `link_note=${note}`]]) {
      assert.deepEqual(await command(page, name, arg), { ok: true }, name);
    }
    await context.setOffline(true);  // made on the device: nothing to fetch
    for (let i = 0; i < 4; ++i) { await command(page, 'scroll', '3000'); await settle(page); }
    await settle(page);
    const print = page.getByRole('button', { name: 'Print a sheet of this routine' });
    await print.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('print-view').hidden);
    assert.equal(await page.locator('#sheet-title').textContent(), "Mrs <Smith>'s routine");
    assert.equal(await page.locator('.sheet-note').textContent(), note);
    assert.equal(await page.locator('.sheet-note b').count(), 0, 'the note is text, not markup');
    assert.equal(await page.locator('.sheet-exercise').count(), 2);
    await page.screenshot({ path: new URL('editor-sheet.png', ARTIFACTS).pathname });
    const found = await decodeSheetQr(page);
    assert.ok(found, 'a QR reader finds the code on the sheet');
    assert.equal(await page.locator('.sheet-address').textContent(), found.data, 'the address printed is the code');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Back to Limber' }).click();
    assert.equal((await state(page)).screen, 'routine_editor');
    // The code opens the routine, with the note.
    const { page: phone } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(found.data);
    await phone.evaluate(() => window.limber.ready);
    const opened = await phone.evaluate(() => window.limber.state());
    assert.equal(opened.screen, 'shared_routine');
    assert.deepEqual(opened.incoming, { name: "Mrs <Smith>'s routine", note, exercises: 2, updates: '', changes: [] });
    assert.deepEqual(problems, []);
  });

  it('Progress: a one-page report for the next appointment over the period chosen, counted from every stored session', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    const endMs = Date.now() - 3_600_000;
    assert.deepEqual(await command(page, 'import', backupText(400, { endMs })), { ok: true });
    await page.waitForFunction(() => window.limber.state().data.sessions === 400 && window.limber.state().storage.status === 'saved');
    await page.reload();  // only the recent sessions in memory: the report reads the rest from storage
    await page.evaluate(() => window.limber.ready);
    await command(page, 'dismiss');
    await command(page, 'navigate', 'progress');
    for (let i = 0; i < 8; ++i) { await command(page, 'scroll', '3000'); await settle(page); }
    await settle(page);
    await page.getByRole('radio', { name: '8 weeks' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: '8 weeks', checked: true }).waitFor();
    await page.getByRole('button', { name: 'Print a report' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('print-view').hidden);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sheet-title');
    // What the page counts itself: sessions started from local midnight 55 days ago until now.
    const from = await page.evaluate(() => { const d = new Date(); d.setHours(0, 0, 0, 0); d.setDate(d.getDate() - 55); return d.getTime(); });
    const expected = fixtureSessions(400, { endMs }).filter((x) => x.record.started_at_ms >= from).length;
    assert.ok(expected > 100);
    assert.match(await page.locator('.sheet-when').textContent(), new RegExp(`\\(8 weeks\\): ${expected} sessions\\.$`));
    const weekRows = await page.$$eval('.sheet-table:first-of-type tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.equal(weekRows.length, 8);
    // Each week: the routine's sessions done of those prescribed (and any more), then other routines'.
    const counted = weekRows.map((r) => {
      const m = /^(\d+) of 7(?: \(\+(\d+)\))?$/.exec(r[2]);
      assert.ok(m, `against the routine on Today, every day: "${r[2]}"`);
      return Number(m[1]) + Number(m[2] ?? 0) + Number(r[3]);
    });
    assert.equal(counted.reduce((n, x) => n + x, 0), expected, 'the weeks add up to the period');
    assert.equal(await page.locator('#print-sheet').getByRole('table').count(), 2);
    await page.getByRole('img', { name: /^Average pain before and after sessions/ }).waitFor();
    assert.equal(await page.locator('.sheet-chart polyline').count(), 2);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor((210 - 20) / 25.4 * 96), height: 900 });
    await page.screenshot({ path: new URL('report.png', ARTIFACTS).pathname, fullPage: true });
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      writeFileSync(new URL(`report-${format}.pdf`, ARTIFACTS), pdf);
      assert.equal(pageCount(pdf), 1, `the report fits one ${format} page`);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.control), 'print-report');
    assert.deepEqual(problems, []);
  });
});
