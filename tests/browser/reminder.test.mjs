// "Add to calendar" in the routine editor: the .ics file it offers, parsed by a real iCalendar
// parser (ical.js from npm), holds an event for each time of day the routine is done, in the
// person's time zone, each repeating until the review date and holding the routine's link. A
// set time is chosen in three presses: the time, its hour, its minutes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';

import { command, launch, openApp, settle, state } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h.close(); });

// A press on a control through the accessible layer, as a keyboard or screen reader makes it.
async function press(page, id) {
  assert.deepEqual(await command(page, 'press', id), { ok: true }, id);
  await settle(page);
}

describe('calendar reminders', () => {
  it('twice a day at set times, until the review: an event for each time, every day, ending at the review', async () => {
    // A person in Paris, on 3 December 2026 at 09:30 UTC (10:30 local).
    const { page, problems } = await h.newPage({ viewport: { width: 600, height: 1400 }, acceptDownloads: true, timezoneId: 'Europe/Paris' });
    await page.clock.setFixedTime(new Date('2026-12-03T09:30:00Z'));
    await openApp(page, h.url);
    for (const [name, arg] of [['new_routine'], ['text', 'routine_name=Evenings, with care; slowly'], ['add_exercise', 'knee_rolls'],
                               ['add_exercise', 'pelvic_tilt'], ['text', 'link_note=Gently, please.'], ['how_often', 'times_a_day=2'],
                               ['how_often', 'set_times=on'], ['review', '4']]) {
      assert.deepEqual(await command(page, name, arg), { ok: true }, name);
    }
    await settle(page);
    // The morning time, from 08:00 to 07:30 in three presses: the time, the hour, the minutes.
    await press(page, 'time-1');
    await press(page, 'hour-07');
    await press(page, 'minute-30');
    assert.equal((await state(page)).draft.howOften, 'Twice a day, every day, at 07:30 and 18:00');
    for (let i = 0; i < 4; ++i) { await command(page, 'scroll', '3000'); await settle(page); }
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Add to calendar' }).focus();
    await page.keyboard.press('Enter');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'limber-reminder.ics');
    const text = await readFile(await file.path(), 'utf8');

    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevents = calendar.getAllSubcomponents('vevent');
    assert.equal(vevents.length, 2, 'one event for each time of day');
    assert.deepEqual(await command(page, 'share_link'), { ok: true });
    const address = `${h.url}#${(await state(page)).lastLink}`;
    const starts = [];
    for (const vevent of vevents) {
      const event = new ICAL.Event(vevent);
      assert.equal(event.summary, 'Limber: Evenings, with care; slowly');
      assert.equal(event.startDate.zone.tzid, 'floating', 'a local time, with no time zone');
      const rule = vevent.getFirstPropertyValue('rrule');
      assert.equal(rule.freq, 'DAILY');
      assert.equal(rule.until.toString(), '2026-12-31T23:59:59', 'until the review, four weeks from today');
      assert.equal(vevent.getFirstPropertyValue('url'), address);
      assert.match(event.description, /Twice a day, every day, at 07:30 and 18:00, until your review on 31 Dec 2026/);
      assert.match(event.description, /From your clinician: Gently, please\./);
      assert.ok(event.description.includes(`Open it in Limber: ${address}`));
      assert.ok(vevent.getFirstSubcomponent('valarm'), 'it reminds');
      starts.push(event.startDate.toString());
      // Every day at the same time, and none after the review.
      const each = event.iterator();
      const all = [];
      for (let next = each.next(); next && all.length < 60; next = each.next()) all.push(next.toString());
      assert.equal(all.length, event.startDate.toString().startsWith('2026-12-04') ? 28 : 29, 'each day up to the review');
      assert.ok(all.at(-1).startsWith('2026-12-31'));
    }
    // 07:30 has passed at 10:30 in Paris: from tomorrow; 18:00 from today.
    assert.deepEqual(starts, ['2026-12-04T07:30:00', '2026-12-03T18:00:00']);
    assert.deepEqual(problems, []);
  });
});
