// The kill test in Firefox and WebKitGTK (kill.test.mjs does it in Chromium, many more times):
// the whole browser killed (SIGKILL to its process group) at moments around the end of an
// exercise and just after the last pain answer, then opened again on the same profile. Each
// engine keeps IndexedDB its own way (Firefox in its content and parent processes, WebKit in a
// network process of its own); what Limber wrote before the kill must be found after it.
//
// No driver here (see openOnProfile in engines.mjs): the page tests/browser/kill_probe/ runs on
// the app's origin, holds the app in a frame and reports to this test's server, which decides
// when to kill. An end is counted safe when the kill came SAFE_AFTER_MS or more after the test
// heard of it, so later than the end itself.
//
// Trials per engine: LIMBER_KILL_ENGINE_TRIALS exercise trials (3 by default) and
// LIMBER_KILL_ENGINE_PAIN_TRIALS pain trials (2 by default), each on a profile holding
// LIMBER_KILL_HISTORY sessions (1,300 by default), as kill.test.mjs. Engines: LIMBER_ENGINES.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startServer } from '../../scripts/serve.mjs';
import { ENGINES, openOnProfile } from './engines.mjs';
import { DIST } from './harness.mjs';
import { putLegacyText, seededRandom, userData } from './history_fixture.mjs';

const TRIALS = Number(process.env.LIMBER_KILL_ENGINE_TRIALS || 3);
const PAIN_TRIALS = Number(process.env.LIMBER_KILL_ENGINE_PAIN_TRIALS || 2);
const HISTORY = Number(process.env.LIMBER_KILL_HISTORY ?? 1300);
const SAFE_AFTER_MS = Number(process.env.LIMBER_KILL_SAFE_MS || 100);
const PAIN_SAFE_AFTER_MS = Number(process.env.LIMBER_KILL_PAIN_SAFE_MS || 75);
const PROBE = new URL('./kill_probe/', import.meta.url);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// What the probe page says, as events with the time this process heard them.
const reports = new EventEmitter();
let server;
const history = HISTORY > 0 ? JSON.stringify(userData(HISTORY, { endMs: Date.now() - 86_400_000 })) : '';
const file = (name, type) => (req, res) => {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(readFileSync(new URL(name, PROBE)));
};
before(async () => {
  server = await startServer({ root: DIST, port: 0, routes: {
    '/__kill/probe.html': file('probe.html', 'text/html; charset=utf-8'),
    '/__kill/probe.js': file('probe.js', 'text/javascript; charset=utf-8'),
    '/__kill/store.js': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`window.putLegacyText = ${putLegacyText.toString()};\n`);
    },
    '/__kill/history.json': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(history);
    },
    '/__kill/report': (req, res) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
        let what;
        try {
          what = JSON.parse(body);
        } catch {
          what = { kind: 'error', message: `a report that is not JSON: ${body.slice(0, 200)}` };
        }
        reports.emit(what.kind, { ...what, at: performance.now() });
      });
    },
  } });
});
after(async () => { await server?.close(); });

// The next report of `kind`, or the probe's error, within `timeoutMs`.
function next(kind, timeoutMs = 120000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { done(); reject(new Error(`no '${kind}' from the page in ${timeoutMs} ms`)); }, timeoutMs);
    const onKind = (what) => { done(); resolve(what); };
    const onError = (what) => { done(); reject(new Error(`the page: ${what.message}`)); };
    const done = () => { clearTimeout(timer); reports.off(kind, onKind); reports.off('error', onError); };
    reports.on(kind, onKind);
    reports.on('error', onError);
  });
}

const probe = (task) => `${server.url}__kill/probe.html?do=${task}&sessions=${HISTORY}`;

// Opens the app on the profile and reads what it finds stored.
async function storedOn(name, profile) {
  const heard = next('stored');
  const browser = await openOnProfile(name, profile, probe('check'));
  try {
    return await heard;
  } finally {
    await browser.kill();
  }
}

for (const name of ENGINES.filter((engine) => engine !== 'chromium')) {
  describe(`a killed ${name}`, () => {
    it(`loses no exercise that ended before the kill (${TRIALS} trials)`, { timeout: TRIALS * 120000 }, async () => {
      const random = seededRandom(Number(process.env.LIMBER_KILL_SEED || 12));
      let lost = 0;
      for (let n = 1; n <= TRIALS; ++n) {
        const profile = await mkdtemp(join(tmpdir(), `limber-kill-${name}-`));
        try {
          const target = 1 + Math.floor(random() * 3);
          const delay = Math.floor(random() * 400);
          const ends = [];
          const onEnd = (what) => ends.push(what.at);
          reports.on('ended', onEnd);
          const started = next('started');
          const browser = await openOnProfile(name, profile, probe(HISTORY > 0 ? 'seed_run' : 'run'));
          let killedAt;
          try {
            await started;
            while (ends.length < target) await sleep(2);
            await sleep(delay);
          } finally {
            reports.off('ended', onEnd);
            killedAt = performance.now();
            await browser.kill();
          }
          const safe = ends.filter((t) => killedAt - t >= SAFE_AFTER_MS).length;
          const s = await storedOn(name, profile);
          const recorded = s.inProgress ? s.inProgress.completed : 0;
          console.log(`${name} kill trial ${n}: ${ends.length} ended (${safe} of them heard ${SAFE_AFTER_MS} ms or more before the kill; ` +
                      `the last ${Math.round(killedAt - ends[ends.length - 1])} ms before), ${recorded} recorded, ` +
                      `${s.sessions} earlier sessions kept`);
          assert.equal(s.sessions, HISTORY, `the history of ${HISTORY} sessions is still there after the kill`);
          lost += Math.max(0, safe - recorded);
        } finally {
          await rm(profile, { recursive: true, force: true });
        }
      }
      assert.equal(lost, 0, `${lost} exercises that ended ${SAFE_AFTER_MS} ms or more before a kill were lost`);
    });

    it(`loses no last pain score answered before the kill (${PAIN_TRIALS} trials)`, { timeout: PAIN_TRIALS * 120000 }, async () => {
      const random = seededRandom(Number(process.env.LIMBER_KILL_SEED || 12) + 1);
      let lost = 0;
      for (let n = 1; n <= PAIN_TRIALS; ++n) {
        const profile = await mkdtemp(join(tmpdir(), `limber-kill-${name}-pain-`));
        try {
          const delay = Math.floor(random() * 400);
          const answered = next('answered');
          const browser = await openOnProfile(name, profile, probe(HISTORY > 0 ? 'seed_pain' : 'pain'));
          let since;
          try {
            const heard = await answered;
            await sleep(delay);
            since = performance.now() - heard.at;
          } finally {
            await browser.kill();
          }
          const s = await storedOn(name, profile);
          const kept = s.lastPainAfter === 7 || (s.inProgress && s.inProgress.painAfter === 7);
          console.log(`${name} kill trial ${n} (pain): heard ${Math.round(since)} ms before the kill, ${kept ? 'kept' : 'not kept'}`);
          if (since >= PAIN_SAFE_AFTER_MS && !kept) ++lost;
        } finally {
          await rm(profile, { recursive: true, force: true });
        }
      }
      assert.equal(lost, 0, `${lost} pain scores answered ${PAIN_SAFE_AFTER_MS} ms or more before a kill were lost`);
    });
  });
}
