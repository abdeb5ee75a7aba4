// A clinician's prescription, end to end, as a physiotherapist hands it over: a routine for
// right-sided low back pain built in the editor by presses (counted and reported), twice a day,
// exact amounts, a review in four weeks and a long note; printed, its QR code read back by jsqr
// from the printed page rendered at 150 and 300 dpi (poppler's pdftoppm); opened from that code
// in a fresh profile; sessions done; an updated link taken as an update of the same routine; and
// the report for the review, prescribed against done. Artifacts in build/artifacts/clinic.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';

import { command, launch, openApp, pressControl, reveal, settle, state } from './harness.mjs';
import { decodePng, rgbaOf } from './png.mjs';

const ARTIFACTS = new URL('../../build/artifacts/clinic/', import.meta.url);
let h;
before(async () => {
  h = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => { await h?.close(); });

const NOTE = 'Do these before work and in the evening. Move slowly and breathe out as you move. Some stiffness is ' +
  'normal; sharp pain is not, so stop that exercise. If pain spreads down your leg, or you feel numbness or ' +
  'weakness, STOP and call us. Take short walks every hour at your desk.';
const NAME = 'Right-sided low back pain, weeks 1 to 3';
const EXERCISES = ['pelvic_tilt', 'knee_rolls', 'single_leg_hug', 'lying_spinal_twist', 'cat_cow', 'back_extensions', 'figure_four_stretch'];

// Shared by the steps below, in order.
let clinician, patient, link;
const ID = 'my-1';  // the patient's first routine of their own, in a fresh profile
const presses = { build: 0, amounts: 0, often: 0 };

async function must(page, name, arg) {
  const r = await command(page, name, arg);
  assert.deepEqual(r, { ok: true }, `${name} ${arg ?? ''}: ${r.error}`);
}

// A page's accessible text: what a screen reader reads of the screen.
const mirrorText = (page) => page.evaluate(() => document.getElementById('mirror').textContent.replace(/\s+/g, ' '));

// The QR code found anywhere on a PNG page.
function readQr(png) {
  const image = decodePng(png);
  const rgba = rgbaOf(image);
  return jsQR(rgba, image.width, image.height);
}

async function runSession(page, routine, before, afterScore) {
  await must(page, 'start', routine);
  await page.waitForFunction(() => window.limber.state().session.stage === 'pain_before');
  await must(page, 'pain', String(before));
  await must(page, 'clock_rate', '200');
  await page.waitForFunction(() => window.limber.state().session.stage === 'pain_after', null, { timeout: 120000 });
  await must(page, 'pain', String(afterScore));
  await page.waitForFunction(() => window.limber.state().session.stage === 'summary');
  await must(page, 'close_session');
  await page.waitForFunction(() => window.limber.state().storage.status === 'saved');
}

describe('a clinician prescribes, a patient follows, the report comes back', () => {
  it('the clinician builds the routine by presses: each amount one control, exercises from a list with pictures', async () => {
    clinician = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    const { page } = clinician;
    await openApp(page, h.url);
    await must(page, 'acknowledge_safety');
    await must(page, 'navigate', 'routines');
    const press = async (control, count = 'build') => { await pressControl(page, control); ++presses[count]; };
    await press('new-routine');
    await page.waitForFunction(() => window.limber.state().screen === 'routine_editor');
    // The name, typed.
    const name = await reveal(page, 'routine_name');
    await page.mouse.click(name.x, name.y);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(NAME);
    // Seven exercises from the list, which stays open, each with its picture.
    await press('add-exercise');
    await reveal(page, `add-${EXERCISES[0]}`);
    const figures = (await settle(page)).figures;
    assert.ok(figures >= 4, `the list draws the exercises' pictures (${figures} on screen)`);
    await page.screenshot({ path: new URL('picker.png', ARTIFACTS).pathname });
    for (const e of EXERCISES) await press(`add-${e}`);
    await press('done-adding');
    assert.equal((await state(page)).draft.exercises, 7);
    // How often, the review and the side, one press each.
    await press('times-2', 'often');   // twice a day
    await press('review-3', 'often');  // in 4 weeks
    await press('side-2', 'often');    // the right side
    // Amounts: the pelvic tilt held 5 seconds (its held option, then 3 s to 5 s), the leg hug and the
    // twist favouring the right, cat-cow's other option, back extensions in 2 sets 30 s apart.
    await press('option-2-1', 'amounts');
    await press('hold-0-more', 'amounts');
    await press('hold-0-more', 'amounts');
    await press('favour-1-3', 'amounts');
    await press('favour-2-4', 'amounts');
    await press('option-1-5', 'amounts');
    await press('sets-5-more', 'amounts');
    // The rest between sets starts at the option's own (none), in steps of 5 s up to a minute.
    for (let i = 0; i < 6; ++i) await press('set_rest-5-more', 'amounts');
    let s;
    // The note, typed in full: no limit cuts it.
    const note = await reveal(page, 'link_note');
    await page.mouse.click(note.x, note.y);
    await page.keyboard.type(NOTE);
    s = await settle(page);
    assert.equal(s.draft.link_note, NOTE);
    assert.equal(s.draft.howOften, 'Twice a day, every day');
    assert.match(await mirrorText(page), /\d+ characters? left of 280/);
    console.log(`# presses: ${presses.build} to build 7 exercises (before: 42), ${presses.amounts} for amounts (before: 21), ` +
                `${presses.often} for how often, the review and the side`);
    assert.ok(presses.build <= 12, `${presses.build} presses to build`);
    assert.ok(presses.amounts <= 16, `${presses.amounts} presses for the amounts`);
    await must(page, 'save_routine');
    const saved = (await state(page)).data.routines;
    assert.equal(saved, 1);
    assert.deepEqual(clinician.problems, []);
  });

  it('the printed sheet says exactly what was prescribed, and its QR code reads back from paper at 150 and 300 dpi', async () => {
    const { page } = clinician;
    await must(page, 'print_routine', ID);  // the clinician's first routine too
    await page.waitForFunction(() => !document.getElementById('print-view').hidden);
    const sheet = await page.evaluate(() => document.querySelector('#print-sheet').innerText.replace(/\s+/g, ' '));
    for (const words of [NAME, 'Twice a day, every day. Until your review on', NOTE, 'The side that hurts: the right side.',
                         'Pelvic tilt: 10 reps, hold 5 seconds', 'Single leg hug: 3 reps, hold 3 seconds, each side, the right side first',
                         'Lying spinal twist: 1 rep, hold 20 seconds, each side, the right side first and again at the end',
                         'Back extensions: 8 reps, hold 5 seconds, 2 sets, rest 30 seconds',
                         'This amount is your clinician\'s']) {
      assert.ok(sheet.includes(words), `the sheet says "${words}"`);
    }
    assert.ok(!/10 to 15 reps \(start/.test(sheet), 'no source range stands in for the amount');
    link = new URL(await page.evaluate(() => document.querySelector('.sheet-address').textContent)).hash.slice(1);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(new URL('sheet.pdf', ARTIFACTS), pdf);
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    for (const dpi of [150, 300]) {
      const prefix = new URL(`sheet-${dpi}dpi`, ARTIFACTS).pathname;
      execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-png', new URL('sheet.pdf', ARTIFACTS).pathname, prefix]);
      const png = readFileSync(`${prefix}-1.png`);
      const found = readQr(png);
      assert.ok(found, `jsqr reads the code from the page printed at ${dpi} dpi`);
      assert.equal(found.data, `${h.url}#${link}`);
    }
    const address = `${h.url}#${link}`;
    console.log(`# the link: ${address.length} characters (format 1 made 747 for this routine)`);
    assert.ok(link.startsWith('routine=2.'));
    assert.ok(address.length <= 0.6 * 747, `${address.length} characters`);
  });

  it('the patient opens it in a fresh profile: the same amounts, twice a day, the note on Today, counted', async () => {
    patient = await h.newPage({ viewport: { width: 390, height: 844 } });
    const { page } = patient;
    await page.goto(`${h.url}#${link}`);
    await page.evaluate(() => window.limber.ready);
    await page.waitForFunction(() => window.limber.state().screen === 'shared_routine');
    let text = await mirrorText(page);
    assert.ok(text.includes('10 reps, hold 5 seconds'), 'the pelvic tilt as prescribed');
    assert.ok(text.includes(NOTE));
    await must(page, 'accept_link');
    await must(page, 'acknowledge_safety');
    await settle(page);
    text = await mirrorText(page);
    assert.ok(text.includes(NAME) && text.includes('Twice a day, every day.'));
    assert.ok(text.includes('0 of 2 today'));
    assert.ok(text.includes(NOTE), 'the note on Today');
    assert.match(text, /Review with your clinician on \d+ \w+ \d{4}/);
    await runSession(page, ID, 4, 3);
    assert.equal((await state(page)).data.sessions, 1);
    await settle(page);
    assert.ok((await mirrorText(page)).includes('1 of 2 today'));
    assert.deepEqual(patient.problems, []);
  });

  it('week 3: the clinician\'s new link updates the same routine, says what changed, and keeps its history', async () => {
    const { page } = clinician;
    await must(page, 'edit_routine', ID);
    await must(page, 'step_dosage', '1=reps+');
    await must(page, 'step_dosage', '1=reps+');
    await must(page, 'share_link');
    const update = (await state(page)).lastLink;
    assert.notEqual(update, link);
    await must(page, 'save_routine');
    const p = patient.page;
    await must(p, 'open_link', update);
    const s = await state(p);
    assert.equal(s.screen, 'shared_routine');
    assert.equal(s.incoming.updates, ID);
    assert.deepEqual(s.incoming.changes, ['Pelvic tilt: 12 reps, hold 5 seconds (was 10 reps, hold 5 seconds).']);
    await settle(p);
    assert.ok((await mirrorText(p)).includes('An update to your routine'));
    await must(p, 'accept_link');
    const after = await state(p);
    assert.equal(after.data.routines, 1, 'one routine, one history');
    assert.equal(after.data.sessions, 1);
    // The old link now is older than the routine: it changes nothing.
    await must(p, 'open_link', link);
    assert.match((await state(p)).notice.text, /older version .* Nothing was changed\./);
    assert.deepEqual(patient.problems, []);
  });

  it('the report for the review: sessions done against prescribed, each exercise prescribed against done', async () => {
    const { page } = patient;
    await runSession(page, ID, 3, 2);
    await must(page, 'navigate', 'progress');
    await must(page, 'report_weeks', '2');
    await must(page, 'print_report');
    await page.waitForFunction(() => !document.getElementById('print-view').hidden, null, { timeout: 20000 });
    const report = await page.evaluate(() => document.querySelector('#print-sheet').innerText.replace(/\s+/g, ' '));
    assert.match(report, new RegExp(`Sessions of ${NAME} done as prescribed: 2 of 2 \\(100%\\)\\.`));
    assert.ok(report.includes('Pelvic tilt 12 reps, hold 5 seconds'), 'the pelvic tilt as now prescribed');
    assert.match(report, /Pelvic tilt 12 reps, hold 5 seconds 2 0 0 12 reps, 12 × 5 s/, 'and as done the last time');
    assert.ok(report.includes(NOTE));
    assert.match(report, /Twice a day, every day\. Review on \d+ \w+ \d{4}\./);
    await page.emulateMedia({ media: 'print' });
    writeFileSync(new URL('report.pdf', ARTIFACTS), await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-png', new URL('report.pdf', ARTIFACTS).pathname,
                              new URL('report', ARTIFACTS).pathname]);
    assert.deepEqual(patient.problems, []);
    assert.deepEqual(clinician.problems, []);
  });
});
