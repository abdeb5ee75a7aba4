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
// The clinician's routine on the example page: a routine link's value, as a clinic pastes it.
const clinicianValue = () => readFileSync(join(DIST, 'examples', 'clinic.html'), 'utf8').match(/data-routine="(2\.[^"]+)"/)[1];

describe('clinic widget', () => {
  it("completes a clinician's routine inside a widget on another origin, and the host receives every event", async () => {
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

    const inBed = page.frames().find((f) => f.url().includes('routine=2.'));
    assert.ok(inBed, "the clinician's widget is on the page");
    let s = await inBed.evaluate(() => window.limber.state());
    // Its first screen: the routine as the patient will do it, each amount as prescribed, the
    // clinician's note and how often.
    const shown = await inBed.evaluate(() => document.getElementById('mirror').textContent.replace(/\s+/g, ' '));
    for (const words of ['Slowly, morning and evening. Stop if your pain goes above 5.', 'Twice a day, every day',
                         '8 reps, hold 1 deep breath, alternating sides', '10 reps, hold 5 seconds']) {
      assert.ok(shown.includes(words), `the widget says "${words}"`);
    }
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
    // The clinician's routine, as its link opens it in Limber itself.
    const { page: plain } = await h.newPage();
    await plain.goto(h.url);
    await plain.evaluate(() => window.limber.ready);
    assert.deepEqual(await plain.evaluate((v) => window.limber.command('open_link', 'routine=' + v), clinicianValue()), { ok: true });
    const routine = (await plain.evaluate(() => window.limber.state())).incoming;
    const ours = events.filter((e) => e.routine.startsWith('clinic-'));
    assert.match(ours[0].routine, /^clinic-[0-9a-f]{8}$/);
    assert.ok(ours.every((e) => e.routine === ours[0].routine && e.routineName === routine.name), 'every event names the routine');
    assert.ok(ours.every((e) => !JSON.stringify(e).includes(clinicianValue().slice(2, 20))), 'never its link');
    assert.deepEqual(ours.map((e) => e.type),
                     ['ready', 'session_started', ...Array(routine.exercises).fill('exercise_completed'), 'session_completed']);
    assert.ok(ours.every((e) => e.source === 'limber' && e.version === 1));
    assert.equal(ours[1].exercises, routine.exercises);
    const done = ours.at(-1);
    assert.deepEqual({ completed: done.completed, painBefore: done.painBefore, painAfter: done.painAfter, exercisesCompleted: done.exercisesCompleted },
                     { completed: true, painBefore: 4, painAfter: 2, exercisesCompleted: routine.exercises });
    // Each exercise as prescribed, and as done.
    assert.deepEqual(done.exercises.map((e) => ({ exercise: e.exercise, outcome: e.outcome, prescribed: e.prescribed })), [
      { exercise: 'knee_rolls', outcome: 'completed', prescribed: { reps: 8, sets: 1, hold: 1, holdUnit: 'breaths', sides: 'alternating' } },
      { exercise: 'pelvic_tilt', outcome: 'completed', prescribed: { reps: 10, sets: 1, hold: 5, holdUnit: 'seconds', sides: 'together' } }]);
    assert.deepEqual(done.exercises.map((e) => [e.done.reps, e.done.holds]), [[8, 8], [10, 10]]);
    // The built-in routine's widget beside it reported only that it was ready.
    assert.deepEqual(events.filter((e) => e.routine === 'nhs_daily').map((e) => e.type), ['ready']);
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
    assert.equal(s.controls.some((c) => c.id === 'start'), false, 'no routine offered in its place');
    // A clinician's routine with one character changed: the link's own sentence, and nothing else.
    const value = clinicianValue();
    const broken = value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21);
    await page.goto(h.url + 'index.html?embed=1&routine=' + broken);
    await page.evaluate(() => window.limber.ready);
    s = await page.evaluate(() => window.limber.state());
    assert.equal(s.notice.kind, 'problem');
    assert.match(s.notice.text, /^The address of this page has a problem: the routine in 'routine' cannot be opened\. .+/);
    assert.equal(s.controls.some((c) => c.id === 'start'), false, 'no routine offered');
    assert.equal(s.session.stage, 'closed');
  });

  it("the routine editor's tag for a website, pasted into a clinic's page, plays the routine being edited", async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(h.url);
    await page.evaluate(() => window.limber.ready);
    for (const [name, arg] of [['new_routine'], ['text', 'routine_name=Lunchtime set'], ['add_exercise', 'cat_cow'],
                               ['add_exercise', 'knee_rolls']]) {
      assert.deepEqual(await page.evaluate(([n, a]) => window.limber.command(n, a), [name, arg]), { ok: true }, name);
    }
    await page.waitForFunction(() => window.limber.state().sleeping);
    const box = page.getByRole('textbox', { name: 'Tag for a website, playing this routine' });
    const tag = await box.inputValue();
    assert.match(tag, /^<script src="http:\/\/[^"]+\/embed\.js" data-routine="2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}"><\/script>$/);
    assert.equal(await box.getAttribute('readonly'), '', 'to copy, not to type in');
    writeFileSync(join(clinicDir, 'pasted.html'), `<!doctype html><html lang="en"><title>Pasted</title><body>${tag}
      <script>window.heard = []; addEventListener('message', (e) => window.heard.push(e.data));</script></body></html>`);
    const clinicPage = (await h.newPage()).page;
    await clinicPage.goto(clinic.url + 'pasted.html');
    await clinicPage.waitForFunction(() => window.heard.some((e) => e.type === 'ready'), null, { timeout: 30000 });
    const ready = (await clinicPage.evaluate(() => window.heard)).find((e) => e.type === 'ready');
    assert.equal(ready.routineName, 'Lunchtime set');
    assert.match(ready.routine, /^clinic-[0-9a-f]{8}$/);
    assert.deepEqual(problems, []);
  });

  it('a clinic page opened from a file (no origin) gets the widget, without events', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 900, height: 800 } });
    const dir = mkdtempSync(join(tmpdir(), 'limber-file-'));
    try {
      const file = join(dir, 'saved.html');
      writeFileSync(file, `<!doctype html><html lang="en"><title>Saved clinic page</title><body>
        <script src="${h.url}embed.js" data-routine="${clinicianValue()}"></script></body></html>`);
      await page.goto('file://' + file);
      assert.ok(['null', 'file://'].includes(await page.evaluate(() => window.location.origin)), 'a page with no web origin');
      const src = await page.$eval('iframe', (f) => f.src);
      assert.ok(!src.includes('host='), `no host in ${src}`);
      let frame = null;
      for (let i = 0; i < 200 && !frame; ++i) {
        frame = page.frames().find((f) => f.url() === src) || null;
        if (!frame) await new Promise((r) => setTimeout(r, 50));
      }
      await frame.waitForFunction(() => window.limber && window.limber.state().ready, null, { timeout: 30000 });
      const s = await frame.evaluate(() => window.limber.state());
      assert.equal(s.embedded, true);
      assert.equal(s.host, '');
      assert.notEqual(s.notice.kind, 'problem', `no error: ${s.notice.text}`);
      assert.doesNotMatch(s.notice.text, /host/, 'nothing said about a host');
      assert.ok(s.controls.some((c) => c.id === 'start'), "the clinician's routine is offered");
      assert.deepEqual(problems, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
