// "Add to calendar" in the routine editor: the .ics file it offers, parsed by a real iCalendar
// parser (ical.js from npm), is a repeating event at the picked time, in the person's time
// zone, holding the routine's link.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';

import { command, launch, openApp, settle, state } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h.close(); });

describe('calendar reminder', () => {
  it('the file saved from the editor is a daily event at the picked time with the routine and its link', async () => {
    // A person in Paris, on 3 December 2026 at 09:30 UTC (10:30 local).
    const { page, problems } = await h.newPage({ viewport: { width: 600, height: 1400 }, acceptDownloads: true, timezoneId: 'Europe/Paris' });
    await page.clock.setFixedTime(new Date('2026-12-03T09:30:00Z'));
    await openApp(page, h.url);
    for (const [name, arg] of [['new_routine'], ['text', 'routine_name=Evenings, with care; slowly'], ['add_exercise', 'knee_rolls'],
                               ['add_exercise', 'pelvic_tilt'], ['text', 'link_note=Gently, please.'], ['reminder_time', '18:00']]) {
      assert.deepEqual(await command(page, name, arg), { ok: true }, name);
    }
    for (let i = 0; i < 4; ++i) { await command(page, 'scroll', '3000'); await settle(page); }
    await settle(page);
    // The time is picked with the stepper, not typed: one step later.
    const later = page.getByRole('button', { name: 'More: Reminder time' });
    await later.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-key="c:reminder-time-more"]') !== null);
    assert.match(await page.getByRole('group', { name: 'Reminder time' }).textContent(), /18:15/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Add to calendar' }).focus();
    await page.keyboard.press('Enter');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'limber-reminder.ics');
    const text = await readFile(await file.path(), 'utf8');

    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getFirstSubcomponent('vevent');
    const event = new ICAL.Event(vevent);
    assert.equal(event.summary, 'Limber: Evenings, with care; slowly');
    assert.equal(event.startDate.toString(), '2026-12-03T18:15:00', "today at 18:15, the person's own clock");
    assert.equal(event.startDate.zone.tzid, 'floating', 'a local time, with no time zone');
    const rule = vevent.getFirstPropertyValue('rrule');
    assert.equal(rule.freq, 'DAILY');
    assert.deepEqual(await command(page, 'share_link'), { ok: true });
    const address = `${h.url}#${(await state(page)).lastLink}`;
    assert.equal(vevent.getFirstPropertyValue('url'), address);
    assert.match(event.description, /From your clinician: Gently, please\./);
    assert.ok(event.description.includes(`Open it in Limber: ${address}`));
    // The next reminders follow every day at the same time.
    const it3 = event.iterator();
    const times = [it3.next(), it3.next(), it3.next()].map((t) => t.toString());
    assert.deepEqual(times, ['2026-12-03T18:15:00', '2026-12-04T18:15:00', '2026-12-05T18:15:00']);
    assert.ok(vevent.getFirstSubcomponent('valarm'), 'it reminds');
    assert.deepEqual(problems, []);
  });
});
