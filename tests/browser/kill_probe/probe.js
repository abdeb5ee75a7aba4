// The kill test's page for engines driven without a driver (kill_engines.test.mjs): it runs on
// the app's origin and holds the app in a frame of that origin (the same storage as the app opened
// on its own), works it through window.limber as a test would, and tells the test server what
// happens. A driver's automation session would keep the browser's storage in memory only
// (WebKitGTK's MiniBrowser does), so this page stands in for the driver.
//
//   /__kill/probe.html?do=seed_run  store the history fixture as an earlier build left it, open
//                                   the app, run the short routine fast; report each exercise end
//   /__kill/probe.html?do=run       the same without the fixture
//   /__kill/probe.html?do=pain      run the routine to the last pain question, answer 7, report it
//   /__kill/probe.html?do=seed_pain the same, on the history fixture
//   /__kill/probe.html?do=check     open the app and report what it found stored
//   &sessions=N                     the sessions the history holds (the app is ready when saved)
'use strict';

(async function () {
  const report = (what) => fetch('/__kill/report', { method: 'POST', body: JSON.stringify(what) }).catch(() => {});
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const until = async (test, what, timeoutMs = 120000) => {
    const end = performance.now() + timeoutMs;
    for (;;) {
      try {
        const value = test();
        if (value) return value;
      } catch { /* the app is not there yet */ }
      if (performance.now() > end) throw new Error(`waited ${timeoutMs} ms for ${what}`);
      await sleep(2);
    }
  };
  try {
    const task = new URLSearchParams(location.search).get('do') || '';
    if (task.startsWith('seed_')) {
      const text = await (await fetch('/__kill/history.json')).text();
      await window.putLegacyText(text);  // history_fixture.mjs's, served as /__kill/store.js
    }
    const frame = document.getElementById('app');
    frame.src = '/';
    const app = () => frame.contentWindow.limber;
    await until(() => app() && app().state().ready, 'the app to be ready');
    const state = () => app().state();
    if (task === 'check') {
      const s = state();
      report({ kind: 'stored', sessions: s.data.sessions, inProgress: s.data.inProgress, lastPainAfter: s.data.lastPainAfter });
      return;
    }
    const expected = Number(new URLSearchParams(location.search).get('sessions') || 0);
    await until(() => state().data.sessions === expected && state().storage.status === 'saved', 'the history to be saved');
    const command = (name, arg) => {
      const reply = app().command(name, arg);
      if (!reply.ok) throw new Error(`${name} ${arg}: ${JSON.stringify(reply)}`);
    };
    command('setting', 'spoken_cues=off');
    command('start', 'gentle_bad_day');
    command('pain', '3');
    command('clock_rate', '100');
    report({ kind: 'started' });
    if (task.endsWith('pain')) {
      await until(() => state().session.stage === 'pain_after', 'the last pain question');
      command('pain', '7');
      report({ kind: 'answered' });
      return;
    }
    let seen = 0;
    for (;;) {
      const finished = state().session.finished || 0;
      while (seen < finished) report({ kind: 'ended', n: ++seen });
      await sleep(2);
    }
  } catch (e) {
    report({ kind: 'error', message: String(e && e.stack || e) });
  }
})();
