// store.js: Limber's storage in this browser (src/browser/page_services.cpp calls it through
// LimberPage.store). The app decides what to write and when (src/core/app/profile_writes.h);
// this keeps it, and watches the storage for what happens to it while the page is open.
//
//   load()             before the app starts: the stored parts, what a visit before could not
//                      store, and whether this browser had kept data before
//   save(write)        one write, one transaction -> {ok, error?, conflict?}
//   keepUnsaved(text)  while writes fail: what is not stored yet, where a reload finds it
//   unsaved(), setAside(text), readSessions(), clearAll(), started()
//
// IndexedDB (src/core/storage/profile.h): `meta` holds the parts by name, each the app's JSON
// text; `sessions` one entry per session by id; `kv` copies set aside and a schema-1 document
// until migrated. localStorage: the sessions the last write held ('limber-held': an empty
// IndexedDB is then no first visit) and unsaved work ('limber-unsaved'; else sessionStorage).
'use strict';

(function () {
  const [DB_NAME, DB_VERSION, STORES, LEGACY_KEY] = ['limber', 2, ['kv', 'meta', 'sessions'], 'user-data'];
  const [HELD_KEY, UNSAVED_KEY] = ['limber-held', 'limber-unsaved'];
  let dbPromise = null;
  // What this tab last read or wrote of the parts another tab may change: a write that
  // carries them first checks that they are still these (else the app merges them first).
  const known = { history: null, routines: null };
  const pendingAside = [];  // unreadable texts to keep aside, in the next write's transaction
  let heldWritten = null;

  const describe = (error) => (!error ? 'an unknown storage error'
    : error.name === 'QuotaExceededError' ? 'the storage on this device is full' : error.message || error.name || String(error));

  // Said to the app once it runs: the storage was repaired, or emptied while open.
  const untold = [];
  const tell = (command, why) => (window.limber && window.limber.state().ready ? window.limber.command(command, why)
                                                                                : untold.push([command, why]));
  const started = () => { for (const [command, why] of untold.splice(0)) window.limber.command(command, why); };

  // The database emptied underneath us (deleted by a script, or the site's data cleared): the
  // app writes everything it holds again at once.
  function lost(why) {
    [dbPromise, known.history, known.routines] = [null, null, null];
    tell('storage_lost', why);
  }

  // Opens Limber's database in whatever shape it is found. Another script of this origin can
  // delete it and make it again at any version with any stores: one missing a store of ours gets
  // it added by an upgrade to the next version, which keeps everything the database holds, and
  // the app is told (storage_repaired). An upgrade blocked by another tab waits for that tab to
  // let go (it closes on versionchange); start-up stops waiting after a stated time (boot.js).
  function openAt(version, repair) {
    return new Promise((resolve, reject) => {
      const request = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version);
      request.onupgradeneeded = () => {
        for (const name of STORES) {
          if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error || new Error('IndexedDB could not be opened'));
      request.onblocked = () => {
        if (repair) console.warn('Limber: waiting for another tab to let go of the storage, to repair it.');
      };
    });
  }

  async function openDb() {
    if (!window.indexedDB) throw new Error('this browser does not offer IndexedDB storage (private browsing can turn it off)');
    // No version asked: an existing database opens as it is (a new one is made with our stores).
    let database = await openAt(undefined, false);
    const missing = STORES.filter((name) => !database.objectStoreNames.contains(name));
    if (missing.length > 0 && database.version >= DB_VERSION) {
      const version = database.version + 1;
      database.close();
      database = await openAt(version, true);
      console.warn('Limber: the database had no ' + missing.join(' or ') + ' store; added by an upgrade to version ' + version + '.');
      tell('storage_repaired', 'some of its parts were missing');
    } else if (missing.length > 0) {
      // An older layout's database (version 1): upgraded as it always was, not a repair.
      database.close();
      database = await openAt(DB_VERSION, false);
    }
    // Another tab's newer build upgrading: let go, and open again at the next use. A deletion
    // (newVersion null) or a close the browser forces (site data cleared) empties the storage.
    database.onversionchange = (event) => {
      database.close();
      if (event.newVersion === null) lost('the database was deleted');
      else dbPromise = null;
    };
    // A close the browser forces: its site data cleared (the files go a moment after), or an
    // error of its own (a full disk). Looked at once the clearing would be done.
    database.onclose = () => { dbPromise = null; for (const ms of [500, 3000]) setTimeout(emptied, ms); };
    return database;
  }

  // Whether the database still holds Limber's data, asked after the browser closed it.
  const emptied = () => db().then((d) => asPromise(d.transaction('meta', 'readonly').objectStore('meta').get('schema')))
    .then((schema) => schema === undefined && lost('the browser closed it, as it does when a site\'s data is cleared'),
          () => { dbPromise = null; });

  function db() {
    if (!dbPromise) dbPromise = openDb().catch((e) => { dbPromise = null; throw e; });
    return dbPromise;
  }

  const asPromise = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const textOrNull = (value) => (typeof value === 'string' ? value : null);

  // Where work is kept outside IndexedDB; reaching either throws where a browser blocks storage.
  const areas = () => ['localStorage', 'sessionStorage'].map((n) => { try { return window[n]; } catch (e) { return null; } });
  const readKept = (key) => areas().map((a) => { try { return a && a.getItem(key); } catch (e) { return null; } }).find(Boolean) || '';

  // The parts as one JSON object of their texts for the app, or a schema-1 document, or
  // nothing: what the first screen needs, never the sessions themselves.
  async function load() {
    const unsaved = readKept(UNSAVED_KEY);
    try {
      const database = await db();
      const tx = database.transaction(['meta', 'kv', 'sessions'], 'readonly');
      const [keys, values, legacy, sessions] = await Promise.all([
        asPromise(tx.objectStore('meta').getAllKeys()), asPromise(tx.objectStore('meta').getAll()),
        asPromise(tx.objectStore('kv').get(LEGACY_KEY)), asPromise(tx.objectStore('sessions').count())]);
      const parts = Object.fromEntries(keys.map((k, i) => [String(k), textOrNull(values[i])]));
      known.history = parts.history ?? null;
      known.routines = parts.routines ?? null;
      // Parts or session entries without a schema part are damage, never a first visit.
      if (keys.length > 0 || (sessions > 0 && typeof legacy !== 'string')) {
        return { kind: 'parts', text: JSON.stringify(parts), legacyPresent: typeof legacy === 'string', unsaved };
      }
      if (typeof legacy === 'string') return { kind: 'legacy', text: legacy, unsaved };
      const held = Number(readKept(HELD_KEY));
      return { kind: 'none', unsaved, heldBefore: readKept(HELD_KEY) !== '' && held >= 0 ? held : -1 };
    } catch (e) {
      dbPromise = null;
      return { error: describe(e), unsaved };
    }
  }

  // One write from the app ({meta, sessions, held, migrated?}, app/profile_writes.h), in one
  // transaction, durable before it reports success where the browser offers that.
  async function save(text) {
    const first = await saveOnce(text);
    // A store gone since the database was opened (another script deleted and remade it): the
    // next open repairs it, and the write is tried again at once rather than failing for ever.
    if (!first.ok && first.missingStore) {
      dbPromise = null;
      return saveOnce(text);
    }
    return first;
  }

  async function saveOnce(text) {
    let write;
    try {
      write = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: 'the app asked to store text that is not JSON (' + e.message + ')' };
    }
    try {
      const database = await db();
      return await new Promise((resolve) => {
        const tx = database.transaction(STORES, 'readwrite', { durability: 'strict' });
        const meta = tx.objectStore('meta');
        const aside = pendingAside.splice(0);
        let failure = null;  // a put refused at once (a full disk): its own words, not the abort's
        let conflict = null;
        const put = () => {
          try {
            for (const [i, t] of aside.entries()) tx.objectStore('kv').put(t, 'set-aside-' + Date.now() + '-' + i);
            for (const [key, value] of Object.entries(write.meta)) meta.put(value, key);
            const sessions = tx.objectStore('sessions');
            for (const [id, value] of Object.entries(write.sessions)) sessions.put(value, id);
          } catch (e) {
            failure = e;
            tx.abort();
          }
        };
        // Checked in the write's own transaction: a database emptied since it was read (no
        // schema part, and this write does not lay one out) gets everything written again, and
        // another tab's newer history or routines are merged first.
        const schema = meta.get('schema');
        const history = meta.get('history');
        const routines = meta.get('routines');
        routines.onsuccess = () => {
          if (schema.result === undefined && !('schema' in write.meta)) {
            lost('the stored data was gone when Limber next saved');
            conflict = '{"history":null,"routines":null}';
            tx.abort();
            return;
          }
          if ('history' in write.meta || 'routines' in write.meta) {
            const found = { history: textOrNull(history.result), routines: textOrNull(routines.result) };
            if (found.history !== known.history || found.routines !== known.routines) {
              conflict = '{"history":' + (found.history ?? 'null') + ',"routines":' + (found.routines ?? 'null') + '}';
              known.history = found.history;
              known.routines = found.routines;
              tx.abort();
              return;
            }
          }
          put();
        };
        tx.oncomplete = () => {
          if ('history' in write.meta) known.history = write.meta.history;
          if ('routines' in write.meta) known.routines = write.meta.routines;
          if (typeof write.migrated === 'number') dropLegacy(write.migrated);
          keepHeld(write.held);
          resolve({ ok: true });
        };
        tx.onabort = () => {
          pendingAside.unshift(...aside);  // kept for the retry
          if (conflict) resolve({ ok: false, conflict });
          else resolve({ ok: false, error: describe(failure || tx.error) });
        };
      });
    } catch (e) {
      dbPromise = null;
      return { ok: false, error: describe(e), missingStore: e && e.name === 'NotFoundError' };
    }
  }

  function keepHeld(held) {
    if (typeof held !== 'number' || held === heldWritten) return;
    try { localStorage.setItem(HELD_KEY, String(held)); heldWritten = held; } catch (e) { /* a hint for later only */ }
  }

  // The app's unsaved work (Effects::keep_unsaved), or '' once it is all stored.
  function keepUnsaved(text) {
    for (const area of areas()) try { area.removeItem(UNSAVED_KEY); } catch (e) { /* not offered here */ }
    if (!text) return;
    for (const area of areas()) {
      try { area.setItem(UNSAVED_KEY, text); return; } catch (e) { /* full or turned off: try the next */ }
    }
    console.warn('Limber: the unsaved changes could not be kept anywhere in this browser; a backup file keeps them.');
  }

  // After a migration: the schema-1 document goes once the new layout reads back whole.
  async function dropLegacy(expected) {
    try {
      const database = await db();
      const check = database.transaction(['meta', 'sessions'], 'readonly');
      const [schema, count] = await Promise.all([asPromise(check.objectStore('meta').get('schema')),
                                                 asPromise(check.objectStore('sessions').count())]);
      if (typeof schema !== 'string' || count < expected) {
        console.warn('Limber: the migrated data reads back with ' + count + ' of ' + expected + ' sessions; the old copy is kept.');
        return;
      }
      database.transaction('kv', 'readwrite', { durability: 'strict' }).objectStore('kv').delete(LEGACY_KEY);
    } catch (e) {
      console.warn('Limber: the old copy of the data could not be checked (' + describe(e) + '); it is kept.');
    }
  }

  // Every stored session, for backups, the CSV, an import or counting the history again: the
  // app asked (Effects::read_sessions) and gets them as one JSON array.
  async function readSessions() {
    let text;
    try {
      const database = await db();
      const all = await asPromise(database.transaction('sessions', 'readonly').objectStore('sessions').getAll());
      text = '[' + all.filter((t) => typeof t === 'string').join(',') + ']';
    } catch (e) {
      dbPromise = null;
      if (window.limber) window.limber.command('sessions_unreadable', describe(e));
      return;
    }
    if (window.limber) window.limber.command('sessions_read', text);
  }

  // Kept with the next write, in the same transaction: the fresh data can never be stored
  // while the unreadable copy is lost.
  function setAside(text) { pendingAside.push(text); }

  // "Delete all my data": every store, copies kept aside included, and what is kept outside.
  async function clearAll() {
    pendingAside.length = 0;
    keepUnsaved('');
    try { localStorage.removeItem(HELD_KEY); } catch (e) { /* not offered here */ }
    heldWritten = null;
    try {
      const database = await db();
      await new Promise((resolve, reject) => {
        const tx = database.transaction(STORES, 'readwrite', { durability: 'strict' });
        for (const name of STORES) tx.objectStore(name).clear();
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
      known.history = null;
      known.routines = null;
    } catch (e) {
      dbPromise = null;
      console.error('Limber: could not delete the stored data: ' + describe(e));
    }
  }

  window.LimberStore = Object.freeze({ load, save, keepUnsaved, unsaved: () => readKept(UNSAVED_KEY), setAside, clearAll,
                                       readSessions, started });
})();
