// The same tasks in Chromium, Firefox ESR and WebKitGTK (Safari's engine), written once against
// engines.mjs: a first visit with no false "new version" notice, keyboard, mouse and touch,
// a whole session kept across a reload, an offline start with the server gone, a backup saved
// and restored, a routine link, and a screenshot of every screen at phone size per engine
// (build/artifacts/engines/<engine>/).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';

import { startServer } from '../../scripts/serve.mjs';
import { ENGINES, launchEngine } from './engines.mjs';
import { DIST } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const state = (page) => page.evaluate(() => window.limber.state());
const command = (page, name, arg) =>
  page.evaluate(({ name, arg }) => (arg === undefined ? window.limber.command(name) : window.limber.command(name, arg)), { name, arg });
const must = async (page, name, arg) => assert.deepEqual(await command(page, name, arg), { ok: true }, `${name} ${arg ?? ''}`);
const settle = async (page) => {
  await page.waitFor(() => window.limber.state().sleeping === true, null, 15000);
  return state(page);
};
async function open(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.limber.ready.then(() => true));
  return state(page);
}
function centre(s, id) {
  const c = s.controls.find((x) => x.id === id);
  assert.ok(c, `a control '${id}' on ${s.screen} (have: ${s.controls.map((x) => x.id).join(', ')})`);
  return { x: c.x + c.width / 2, y: c.y + c.height / 2 };
}

// The short routine to its end, the session clock 60 times faster; `before` and `after` answer
// the pain questions (a score, or 'skip'). Returns once the finished session is stored.
async function runShortSession(page, before, after) {
  await must(page, 'setting', 'spoken_cues=off');
  await must(page, 'start', 'gentle_bad_day');
  await page.waitFor(() => window.limber.state().session.stage === 'pain_before', null, 10000);
  await must(page, 'pain', before);
  await must(page, 'clock_rate', '60');
  await page.waitFor(() => window.limber.state().session.stage === 'pain_after', null, 90000);
  await must(page, 'pain', after);
  await page.waitFor(() => window.limber.state().session.stage === 'summary', null, 10000);
  await page.waitFor(() => window.limber.state().data.sessions > 0 && window.limber.state().storage.status === 'saved', null, 10000);
}

for (const name of ENGINES) {
  describe(`in ${name}`, () => {
    let engine;
    const artifacts = new URL(`../../build/artifacts/engines/${name}/`, import.meta.url);
    before(async () => {
      engine = await launchEngine(name);
      mkdirSync(artifacts, { recursive: true });
    });
    after(async () => { await engine?.close(); });

    // A fresh page (its own storage) for one task, closed whatever happens.
    const withPage = async (options, task) => {
      const page = await engine.newPage(options);
      try {
        return await task(page);
      } finally {
        await page.close();
      }
    };
    const noProblems = (page) => {
      // Classic WebDriver cannot listen to the console: there the page's own state must be clean.
      if (!engine.gaps.has('console')) assert.deepEqual(page.problems, []);
    };

    it('a first visit starts on Today with the safety note, and says nothing of a new version once the offline worker has taken over', async () => {
      // The false notice was seen once in four first visits in Firefox: three tries here.
      for (let trial = 0; trial < 3; ++trial) {
        await withPage(PHONE, async (page) => {
          let s = await open(page, engine.url);
          assert.equal(s.screen, 'today');
          assert.equal(s.ready, true);
          assert.ok(s.controls.some((c) => c.label === 'I understand'), 'the safety note asks to be acknowledged');
          await page.waitFor(() => navigator.serviceWorker.controller !== null, null, 20000);
          await sleep(1500);  // time for a wrongly announced update to arrive
          s = await state(page);
          assert.equal(s.update.ready, false, `trial ${trial + 1}: no update is waiting on a first visit`);
          assert.equal(s.notice.kind, 'none', `trial ${trial + 1}: no notice (${s.notice.text})`);
          noProblems(page);
        });
      }
    });

    it('keyboard: Tab reaches the safety note\'s button in the page, and Enter acknowledges it', async () => {
      await withPage(PHONE, async (page) => {
        await open(page, engine.url);
        await settle(page);
        for (let i = 0; i < 20; ++i) {
          if (await page.evaluate(() => document.activeElement && document.activeElement.textContent === 'I understand')) break;
          await page.press('Tab');
        }
        assert.equal(await page.evaluate(() => document.activeElement.textContent), 'I understand');
        await page.press('Enter');
        await page.waitFor(() => !window.limber.state().controls.some((c) => c.label === 'I understand'), null, 10000);
        noProblems(page);
      });
    });

    it('mouse and touch: a click and a tap on the tab bar open their screens', async () => {
      await withPage({ ...PHONE, touch: !engine.gaps.has('touch') }, async (page) => {
        await open(page, engine.url);
        let s = await settle(page);
        const library = centre(s, 'tab-library');
        await page.click(library.x, library.y);
        await page.waitFor(() => window.limber.state().screen === 'library', null, 10000);
        s = await settle(page);
        const progress = centre(s, 'tab-progress');
        if (engine.gaps.has('touch')) {
          assert.equal(page.tap, null, `${name}: its driver sends no touch input (README, browser table)`);
        } else {
          await page.tap(progress.x, progress.y);
          await page.waitFor(() => window.limber.state().screen === 'progress', null, 10000);
        }
        noProblems(page);
      });
    });

    it('a whole session runs to the end and is still there after a reload', async () => {
      await withPage(PHONE, async (page) => {
        await open(page, engine.url);
        await runShortSession(page, '5', '3');
        assert.equal((await state(page)).session.stage, 'summary');
        await page.reload();
        await page.evaluate(() => window.limber.ready.then(() => true));
        const s = await state(page);
        assert.equal(s.data.sessions, 1, 'the session survived the reload');
        assert.equal(s.data.interrupted, false);
        noProblems(page);
      });
    });

    it('after one visit the app starts from its offline copy with the server gone, and records a session', async () => {
      // A server of its own, stopped once the offline worker has the app: the network is cut
      // for the page and for the worker alike, in every engine.
      const site = await startServer({ root: DIST, port: 0 });
      let running = true;
      try {
        await withPage(PHONE, async (page) => {
          await open(page, site.url);
          await page.waitFor(() => navigator.serviceWorker.controller !== null, null, 20000);
          await site.close();
          running = false;
          await page.reload();
          await page.evaluate(() => window.limber.ready.then(() => true));
          assert.equal((await state(page)).ready, true, 'the app started from the offline copy');
          await runShortSession(page, '4', '2');
          assert.equal((await state(page)).data.sessions, 1);
          // The worker's own look for a newer build fails while offline: that is expected.
          if (!engine.gaps.has('console')) {
            assert.deepEqual(page.problems.filter((p) => !/NetworkError|Failed to (load|fetch|update)|ERR_CONNECTION_REFUSED|sw\.js/i.test(p)), []);
          }
        });
      } finally {
        if (running) await site.close();
      }
    });

    it('a backup saved as a file and restored brings the history back, across a reload', async () => {
      await withPage(PHONE, async (page) => {
        await open(page, engine.url);
        // The file the page hands the browser to save: the blob behind the link it clicks.
        await page.evaluate(() => {
          const blobs = new Map();
          const create = URL.createObjectURL;
          URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
          const click = HTMLAnchorElement.prototype.click;
          HTMLAnchorElement.prototype.click = function () {
            if (this.download && blobs.has(this.href)) blobs.get(this.href).text().then((text) => { window.savedText = text; });
            return click.call(this);
          };
        });
        await runShortSession(page, 'skip', 'skip');
        await must(page, 'close_session');
        await must(page, 'export', 'backup');
        await page.waitFor(() => typeof window.savedText === 'string', null, 10000);
        const backup = await page.evaluate(() => window.savedText);
        assert.equal(JSON.parse(backup).format, 'limber-backup');
        await must(page, 'delete_all');
        assert.equal((await state(page)).confirm, 'delete_all_data', 'deleting everything is asked first');
        await must(page, 'yes');
        await page.waitFor(() => window.limber.state().data.sessions === 0, null, 10000);
        await must(page, 'import', backup);
        await page.waitFor(() => window.limber.state().data.sessions === 1 && window.limber.state().storage.status === 'saved', null, 10000);
        await page.reload();
        await page.evaluate(() => window.limber.ready.then(() => true));
        assert.equal((await state(page)).data.sessions, 1, 'the restored history survived the reload');
        noProblems(page);
      });
    });

    it('a routine link made in the editor opens that routine in a new tab', async () => {
      const link = await withPage(PHONE, async (page) => {
        await open(page, engine.url);
        await must(page, 'new_routine');
        await must(page, 'text', 'routine_name=Engines check');
        await must(page, 'add_exercise', 'knee_rolls');
        await must(page, 'add_exercise', 'cat_cow');
        await must(page, 'share_link');
        const made = (await state(page)).lastLink;
        assert.ok(made, 'the editor made a link');
        return made;
      });
      await withPage(PHONE, async (phone) => {
        const s = await open(phone, `${engine.url}#${link}`);
        assert.equal(s.screen, 'shared_routine');
        assert.equal(s.incoming.name, 'Engines check');
        assert.equal(s.incoming.exercises, 2);
        noProblems(phone);
      });
    });

    it('every screen draws at phone size (screenshots kept per engine)', async () => {
      await withPage(PHONE, async (page) => {
        await open(page, engine.url);
        const screens = [
          ['today', []], ['routines', [['navigate', 'routines']]], ['library', [['navigate', 'library']]],
          ['exercise', [['exercise', 'cat_cow'], ['setting', 'reduced_motion=on']]], ['progress', [['navigate', 'progress']]], ['settings', [['navigate', 'settings']]],
          ['safety', [['navigate', 'safety']]],
        ];
        for (const [screen, steps] of screens) {
          for (const [n, a] of steps) await must(page, n, a);
          const s = await settle(page);
          assert.ok(s.controls.length > 0, `${screen}: controls drawn`);
          const shot = await page.screenshot();
          assert.ok(shot.length > 5000, `${screen}: a screenshot with something in it`);
          writeFileSync(new URL(`${screen}.png`, artifacts), shot);
        }
        noProblems(page);
      });
    });
  });
}
