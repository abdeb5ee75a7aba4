// history_fixture.mjs: a long, realistic history for tests and benchmarks, made on the spot.
//
// Sessions twice a day (morning and evening) on the built-in routines, with pain scores that
// wander and the odd skipped or painful exercise, ending shortly before `endMs`. The same
// arguments always make the same history.
//
// Usage:
//     const text = backupText(5000);                       // a backup file, about 6 MB
//     const doc = userData(100, { endMs: Date.now() });    // a schema-1 document as stored
//     await storeLegacyDocument(page, appUrl, doc);         // ... in IndexedDB, as earlier builds did
const ROUTINES = {
  nhs_daily: ['bottom_to_heels_stretch', 'knee_rolls', 'back_extensions', 'deep_abdominal_strengthening', 'pelvic_tilt'],
  gentle_bad_day: ['rocking_knee_hug', 'pelvic_tilt', 'knee_rolls', 'relaxation'],
  physio_mobility: ['rocking_knee_hug', 'seated_thoracic_rotation', 'sacroiliac_knee_rock', 'sacroiliac_hip_rotation',
                    'dead_bug_level_one'],
};
const DAY = 86_400_000;

// A small deterministic generator (mulberry32), so fixtures never change between runs (and the
// kill tests kill at the same moments every run, so a failure can be repeated).
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sessions(count, { endMs = Date.UTC(2026, 10, 30, 20), seed = 7 } = {}) {
  const next = seededRandom(seed);
  const out = [];
  const names = Object.keys(ROUTINES);
  // Twice a day, oldest first, the last one about an hour before endMs.
  const firstDay = endMs - Math.ceil(count / 2) * DAY;
  for (let i = 0; i < count; ++i) {
    const routine = names[i % names.length];
    const started = firstDay + Math.floor(i / 2) * DAY + (i % 2 ? 11 : 0) * 3_600_000 + Math.floor(next() * 1_800_000);
    const exercises = ROUTINES[routine].map((exercise) => {
      const hurt = next() < 0.03;
      const skipped = !hurt && next() < 0.05;
      const reps = 5 + Math.floor(next() * 5);
      return {
        exercise, dosage: 'nhs', planned_reps: reps,
        reps_done: { together: skipped ? 0 : reps, left: 0, right: 0 },
        holds_done: { together: skipped ? 0 : reps, left: 0, right: 0 },
        hold_seconds: skipped ? 0 : reps * 5,
        completed: !skipped && !hurt, skipped, hurt,
      };
    });
    const active = 300 + Math.floor(next() * 600);
    const pain = Math.max(0, Math.min(10, Math.round(5 + 2 * Math.sin(i / 40) + next() * 2 - 1)));
    const record = {
      routine, started_at_ms: started, ended_at_ms: started + active * 1000, active_seconds: active,
      pain_before: pain, pain_after: Math.max(0, pain - 1), completed: true, ended_early: false, exercises,
    };
    out.push({ id: `${started}-${routine}`, record });
  }
  return out;
}

export function userData(count, options = {}) {
  return {
    schema: 1,
    settings: {
      theme: 'light', text_size_percent: 100, breath_in_seconds: 4, breath_out_seconds: 4, hold_preference: 'default',
      progression: true, sounds: true, spoken_cues: false, reduced_motion: false, keep_screen_awake: true,
      pause_when_hidden: true, safety_acknowledged: true, current_routine: 'nhs_daily',
    },
    sessions: sessions(count, options),
    routines: [],
    progress: { enabled: true, exercises: [] },
  };
}

export function backupText(count, options = {}) {
  return JSON.stringify({ format: 'limber-backup', exported_at_ms: options.endMs ?? Date.UTC(2026, 10, 30, 21),
                          data: userData(count, options) });
}

// A page of the app's origin without the app. Chromium asks such a page for /favicon.ico, which
// the site does not have; answered here, its 404 cannot reach a test's console check late.
async function openBarePage(page, appUrl) {
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto(appUrl + 'manifest.webmanifest');
}

// Stores a schema-1 document's text the way the builds before layout 2 did (database version 1,
// one `kv` store, the document under 'user-data'). Runs in a page of the app's origin: passed to
// page.evaluate, or served as a script's source (the kill probe, tests/browser/kill_probe/).
export function putLegacyText(text) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('limber', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(text, 'user-data');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
  });
}

// The same from a page of the app's origin without the app.
export async function storeLegacyDocument(page, appUrl, doc) {
  await openBarePage(page, appUrl);
  await page.evaluate(putLegacyText, JSON.stringify(doc));
}

// Puts what an earlier build stored (a fixture: {version, meta, sessions, kv}) into
// IndexedDB exactly as it was, at that IndexedDB version, before the app is opened.
export async function storeSavedStores(page, appUrl, saved) {
  await openBarePage(page, appUrl);
  await page.evaluate((fixture) => new Promise((resolve, reject) => {
    const open = indexedDB.open('limber', fixture.version);
    open.onupgradeneeded = () => { for (const name of ['kv', 'meta', 'sessions']) open.result.createObjectStore(name); };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['kv', 'meta', 'sessions'], 'readwrite');
      for (const name of ['kv', 'meta', 'sessions']) {
        for (const [key, value] of Object.entries(fixture[name])) tx.objectStore(name).put(value, key);
      }
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
  }), saved);
}
