// The clinic widget: web/examples/clinic.html served from another loopback origin than the
// app, with two widgets pasted in as script tags. A routine is completed in one of them; the
// host page receives the documented events; malformed host messages are ignored and logged;
// the widget asks nothing of any origin but its own.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startServer } from '../../scripts/serve.mjs';
import { DIST, launch } from './harness.mjs';

let h;
let clinic;
let clinicDir;
before(async () => {
  h = await launch();
  // The clinic's own site: its page and script, with the widget's address pointing at the app.
  clinicDir = mkdtempSync(join(tmpdir(), 'limber-clinic-'));
  cpSync(join(DIST, 'examples'), clinicDir, { recursive: true });
  const page = readFileSync(join(clinicDir, 'clinic.html'), 'utf8').replaceAll('src="../embed.js"', `src="${h.url}embed.js"`);
  writeFileSync(join(clinicDir, 'index.html'), page);
  writeFileSync(join(clinicDir, 'blank.html'), '<!doctype html><html lang="en"><title>A clinic page</title><body></body></html>');
  clinic = await startServer({ root: clinicDir, port: 0, host: '127.0.0.2' });
});
after(async () => {
  await clinic?.close();
  rmSync(clinicDir, { recursive: true, force: true });
  await h?.close();
});

const widget = (page, routine) => page.frames().find((f) => f.url().includes(`routine=${routine}`));

describe('clinic widget', () => {
  it('completes a routine inside a widget on another origin, and the host receives every event', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1280, height: 900 } });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    const requests = [];
    page.on('request', (r) => requests.push({ url: r.url(), widget: r.frame() !== page.mainFrame() }));
    const appOrigin = new URL(h.url).origin;
    assert.notEqual(new URL(clinic.url).origin, appOrigin, 'the clinic page is on another origin');

    await page.goto(clinic.url);
    await page.waitForFunction(() => (window.clinicEvents || []).filter((e) => e.type === 'ready').length === 2, null, { timeout: 30000 });
    const sizes = await page.$$eval('iframe', (frames) => frames.map((f) => [f.getBoundingClientRect().width, f.parentElement.clientWidth - 40]));
    for (const [width, container] of sizes) assert.ok(Math.abs(width - container) < 2, `the widget fills its container: ${width} of ${container}`);

    const inBed = widget(page, 'in_bed');
    assert.ok(inBed, 'the in-bed widget is on the page');
    let s = await inBed.evaluate(() => window.limber.state());
    assert.equal(s.embedded, true);
    assert.equal(s.theme, 'dark', "the clinic's theme");
    assert.equal(s.controls.some((c) => c.id.startsWith('tab-')), false, 'the compact layout has no tabs');

    // Malformed or unknown messages are ignored and logged, never acted on.
    await page.evaluate((origin) => {
      const frame = document.querySelectorAll('iframe')[1].contentWindow;
      frame.postMessage({ source: 'limber-host', version: 1, command: 'delete_all' }, origin);
      frame.postMessage('start', origin);
      frame.postMessage({ source: 'limber-host', version: 9, command: 'start' }, origin);
    }, appOrigin);
    await page.waitForFunction(() => true);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await inBed.evaluate(() => window.limber.state())).session.stage, 'closed');
    assert.equal(warnings.filter((w) => /ignored a message from the host page/.test(w)).length, 3, warnings.join('\n'));

    // The host starts the routine; the patient answers and follows it (the clock runs fast).
    await page.evaluate((origin) => {
      document.querySelectorAll('iframe')[1].contentWindow.postMessage({ source: 'limber-host', version: 1, command: 'start' }, origin);
    }, appOrigin);
    await inBed.waitForFunction(() => window.limber.state().session.stage === 'pain_before', null, { timeout: 10000 });
    assert.deepEqual(await inBed.evaluate(() => window.limber.command('pain', '4')), { ok: true });
    await inBed.evaluate(() => window.limber.command('clock_rate', '120'));
    await inBed.waitForFunction(() => window.limber.state().session.stage === 'pain_after', null, { timeout: 90000, polling: 100 });
    assert.deepEqual(await inBed.evaluate(() => window.limber.command('pain', '2')), { ok: true });
    await page.waitForFunction(() => window.clinicEvents.some((e) => e.type === 'session_completed'), null, { timeout: 10000 });

    const events = await page.evaluate(() => window.clinicEvents);
    const routine = JSON.parse(readFileSync(new URL('../../assets/catalogue/routines.json', import.meta.url))).routines.find((r) => r.id === 'in_bed');
    const ours = events.filter((e) => e.routine === 'in_bed');
    assert.deepEqual(ours.map((e) => e.type), ['ready', 'session_started', ...routine.items.map(() => 'exercise_completed'), 'session_completed']);
    assert.ok(ours.every((e) => e.source === 'limber' && e.version === 1));
    assert.deepEqual(ours.filter((e) => e.type === 'exercise_completed').map((e) => e.exercise), routine.items.map((i) => i.exercise));
    const done = ours.at(-1);
    assert.deepEqual({ completed: done.completed, painBefore: done.painBefore, painAfter: done.painAfter, exercisesCompleted: done.exercisesCompleted },
                     { completed: true, painBefore: 4, painAfter: 2, exercisesCompleted: routine.items.length });
    writeFileSync(new URL('../../build/artifacts/clinic.png', import.meta.url), await page.screenshot({ fullPage: true }));

    // The widgets asked only their own origin; the clinic page its own and the widget's script.
    const clinicOrigin = new URL(clinic.url).origin;
    for (const r of requests.filter((x) => !x.url.startsWith('blob:') && !x.url.startsWith('data:'))) {
      const to = new URL(r.url).origin;
      if (r.widget) assert.equal(to, appOrigin, `the widget asked ${r.url}`);
      else assert.ok(to === clinicOrigin || r.url === `${h.url}embed.js`, `the clinic page asked ${r.url}`);
    }
    assert.ok(requests.some((r) => r.widget), 'the widgets were watched');
    assert.deepEqual(await page.context().cookies(), [], 'no cookies');
    assert.deepEqual(problems, []);
  });

  it('a plain iframe snippet works too, and a bad address gets a clear message', async () => {
    const { page } = await h.newPage({ viewport: { width: 800, height: 700 } });
    await page.goto(h.url + 'index.html?embed=1&routine=physio_mobility&theme=light');
    await page.evaluate(() => window.limber.ready);
    let s = await page.evaluate(() => window.limber.state());
    assert.equal(s.embedded, true);
    assert.ok(s.controls.some((c) => c.id === 'start'));
    await page.goto(h.url + 'index.html?embed=1&routine=marathon');
    await page.evaluate(() => window.limber.ready);
    s = await page.evaluate(() => window.limber.state());
    assert.equal(s.notice.kind, 'problem');
    assert.equal(s.notice.text, "The address of this page has a problem: there is no routine 'marathon'.");
  });

  // The address is read once, by the core: whatever is wrong in it leaves the widget with no host,
  // so it neither obeys nor tells any page (issue 18).
  it('a widget whose address has any problem talks to no host, and says so', async () => {
    const { page } = await h.newPage({ viewport: { width: 900, height: 700 } });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(clinic.url + 'blank.html');
    const clinicOrigin = new URL(clinic.url).origin;
    const host = encodeURIComponent(clinicOrigin);
    const cases = [
      ['host=null', 'embed=1&host=null'],
      ['two hosts', `embed=1&host=${host}&host=${encodeURIComponent('https://b.example')}`],
      ['a host, then junk', `embed=1&host=${host}&junk=1`],
      ['embed twice', `embed=1&embed=0&host=${host}`],
    ];
    await page.evaluate(() => {
      window.heard = [];
      window.addEventListener('message', (e) => window.heard.push(e.data));
    });
    for (const [index, [name, query]] of cases.entries()) {
      const frameUrl = `${h.url}index.html?${query}`;
      await page.evaluate((src) => {
        const f = document.createElement('iframe');
        f.src = src;
        f.style.width = '400px';
        f.style.height = '600px';
        document.body.appendChild(f);
      }, frameUrl);
      let frame = null;
      for (let i = 0; i < 200 && !frame; ++i) {
        frame = page.frames().find((f) => f.url() === frameUrl) || null;
        if (!frame) await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(frame, `${name}: the widget's frame`);
      await frame.waitForFunction(() => window.limber && window.limber.state().ready, null, { timeout: 30000 });
      const s = await frame.evaluate(() => window.limber.state());
      assert.equal(s.embedded, true, name);
      assert.equal(s.host, '', `${name}: no host accepted`);
      assert.equal(s.notice.kind, 'problem', name);
      assert.match(s.notice.text, /^The address of this page has a problem: .*This widget talks to no host page\.$/, name);
      // The page around it asks it to start: ignored, and the reason logged.
      await page.evaluate((i) => document.querySelectorAll('iframe')[i].contentWindow.postMessage(
        { source: 'limber-host', version: 1, command: 'start' }, '*'), index);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await frame.evaluate(() => window.limber.state())).session.stage, 'closed', `${name}: not started`);
    }
    assert.equal(warnings.filter((w) => /names no host page that may send commands/.test(w)).length, cases.length, warnings.join('\n'));
    assert.deepEqual(await page.evaluate(() => window.heard), [], 'no widget told the page anything');
  });

  it('a frame of the host origin that is not the page around the widget is told so, without contradiction', async () => {
    const { page } = await h.newPage({ viewport: { width: 900, height: 700 } });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(clinic.url + 'blank.html');
    const clinicOrigin = new URL(clinic.url).origin;
    const src = `${h.url}index.html?embed=1&routine=in_bed&host=${encodeURIComponent(clinicOrigin)}`;
    await page.evaluate((url) => {
      window.heard = [];
      window.addEventListener('message', (e) => window.heard.push(e.data));
      for (const s of [url, 'about:blank']) {
        const f = document.createElement('iframe');
        f.src = s;
        document.body.appendChild(f);
      }
    }, src);
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'ready'), null, { timeout: 30000 });
    // The second frame is about:blank, of the clinic's origin, but not the widget's parent.
    await page.evaluate(() => {
      const [widgetFrame, sibling] = document.querySelectorAll('iframe');
      sibling.contentWindow.eval(`parent.document.querySelector('iframe').contentWindow.postMessage({ source: 'limber-host', version: 1, command: 'start' }, '*')`);
      void widgetFrame;
    });
    await new Promise((r) => setTimeout(r, 500));
    const frame = page.frames().find((f) => f.url() === src);
    assert.equal((await frame.evaluate(() => window.limber.state())).session.stage, 'closed');
    const said = warnings.filter((w) => /ignored a message from/.test(w));
    assert.equal(said.length, 1, warnings.join('\n'));
    assert.match(said[0], new RegExp(`ignored a message from ${clinicOrigin.replace(/[.]/g, '\\.')}: it came from a window other than the page around this widget\\.`));
  });
});
