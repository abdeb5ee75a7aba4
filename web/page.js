// page.js: what the page does for the app (src/browser/page_services.h calls it).
//
//   LimberPage.store      IndexedDB: load() before the app starts, save(text), setAside(text)
//   LimberPage.cue        every session cue: announced in the live region, and as a tone
//                         and spoken words when those settings are on
//   LimberPage.screen     the page title, the accessible layer and the browser history
//   LimberPage.download, chooseBackupFile, persist, wakeLock
//   LimberPage.started    the app is up: register the service worker (offline, updates)
//
// Keys: Space pauses or resumes a session, the arrows go to the previous or next exercise,
// Escape goes back a screen. Elsewhere the arrows move between controls (Dear ImGui).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  let module = null;          // the running app, once boot.js attaches it
  // Inside a clinic's page (web/embed.js): the host's origin, the only one we talk to.
  const query = new URLSearchParams(location.search);
  const embedded = query.get('embed') === '1' && window.parent !== window;
  const hostOrigin = embedded ? query.get('host') || '' : '';
  let session = false;        // a session is running: the keys and buttons act on it

  // ---- IndexedDB ----------------------------------------------------------------------
  const DB_NAME = 'limber';
  const STORE = 'kv';
  const KEY = 'user-data';
  let dbPromise = null;
  let loadedOk = false;  // until the stored data has been read, a write must not replace it

  function describe(error) {
    if (!error) return 'an unknown storage error';
    if (error.name === 'QuotaExceededError') return 'the storage on this device is full';
    return error.message || error.name || String(error);
  }

  function openDb() {
    return new Promise((resolve, reject) => {
      if (!window.indexedDB) {
        reject(new Error('this browser does not offer IndexedDB storage (private browsing can turn it off)'));
        return;
      }
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => { db.close(); dbPromise = null; };
        resolve(db);
      };
      request.onerror = () => reject(request.error || new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('another Limber tab is updating the storage; close it and try again'));
    });
  }

  function db() {
    if (!dbPromise) dbPromise = openDb().catch((e) => { dbPromise = null; throw e; });
    return dbPromise;
  }

  async function load() {
    try {
      const database = await db();
      const text = await new Promise((resolve, reject) => {
        const request = database.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      loadedOk = true;
      return { text: typeof text === 'string' ? text : null };
    } catch (e) {
      return { error: describe(e) };
    }
  }

  async function save(text) {
    try {
      const database = await db();
      return await new Promise((resolve) => {
        const tx = database.transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        let found = '';
        if (loadedOk) {
          store.put(text, KEY);
        } else {
          // The first load failed: whatever is stored now was never read. Keep it aside and
          // hand it to the app, which merges it, rather than write over it.
          const existing = store.get(KEY);
          existing.onsuccess = () => {
            if (typeof existing.result === 'string') {
              found = existing.result;
              store.put(existing.result, 'set-aside-' + Date.now());
            }
            store.put(text, KEY);
          };
        }
        tx.oncomplete = () => { loadedOk = true; resolve({ ok: true, foundUnread: found }); };
        tx.onabort = () => resolve({ ok: false, error: describe(tx.error) });
      });
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  async function setAside(text) {
    try {
      const database = await db();
      database.transaction(STORE, 'readwrite').objectStore(STORE).put(text, 'set-aside-' + Date.now());
    } catch (e) {
      console.error('Limber: could not keep the unreadable data aside: ' + describe(e));
    }
  }

  // ---- Cues: live region, tones, speech -------------------------------------------------
  let audio = null;
  function unlockAudio() {
    // Browsers only start sound after a person's gesture.
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!audio) audio = new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
  }
  window.addEventListener('pointerdown', unlockAudio, { capture: true, passive: true });
  window.addEventListener('keydown', unlockAudio, { capture: true, passive: true });

  const TONES = {  // short, soft tones: pitch tells the phase without looking
    phase: [523, 0.18], countdown: [784, 0.08], halfway: [659, 0.12], other_side: [587, 0.25],
    next_up: [440, 0.15], finished: [523, 0.5], hurt: [330, 0.3], breath_in: [392, 0.1], breath_out: [349, 0.1],
  };
  function tone(kind) {
    const spec = TONES[kind];
    if (!spec || !audio || audio.state !== 'running') return;
    const [frequency, seconds] = spec;
    const t = audio.currentTime;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.18, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + seconds);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + seconds + 0.05);
  }

  function speak(text) {
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance || !text) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'en-GB';
    utterance.rate = 0.95;
    speechSynthesis.speak(utterance);
  }

  const announced = [];  // the cues announced so far, newest last (kept short)
  function cue(kind, text, outputs) {
    const region = $('announcer');
    if (region && text) {
      // A new node per cue: screen readers announce additions, even of the same words.
      const line = document.createElement('p');
      line.textContent = text;
      line.dataset.kind = kind;
      region.appendChild(line);
      while (region.childNodes.length > 5) region.removeChild(region.firstChild);
      announced.push({ kind, text });
      if (announced.length > 200) announced.shift();
    }
    if (outputs.sounds) tone(kind);
    if (outputs.speech && kind !== 'breath_in' && kind !== 'breath_out') speak(text);
  }

  // ---- Screen title, session buttons, history --------------------------------------------
  let depth = 1;        // history entries of ours: 1 is the page itself
  let ignorePops = 0;   // pops we asked for, not the person
  function screen(id, title, newDepth, sessionRunning, paused) {
    document.title = title + ' – Limber';
    $('screen-title').textContent = title;
    session = sessionRunning;
    $('session-controls').hidden = !sessionRunning;
    $('a11y-pause').textContent = paused ? 'Resume' : 'Pause';
    const url = '#' + id;
    if (embedded) return;  // the host page's history is the host's, not ours
    if (newDepth > depth) {
      for (let d = depth + 1; d <= newDepth; ++d) history.pushState({ limber: d }, '', url);
    } else if (newDepth < depth) {
      ignorePops += 1;
      history.go(newDepth - depth);
      // history.go is asynchronous: label the entry we land on once it settles.
      window.addEventListener('popstate', () => history.replaceState({ limber: newDepth }, '', url), { once: true });
    } else {
      history.replaceState({ limber: newDepth }, '', url);
    }
    depth = newDepth;
  }
  window.addEventListener('popstate', (event) => {
    if (ignorePops > 0) { ignorePops -= 1; return; }
    // The person pressed the browser's back button: the entry is gone, go back a screen.
    depth = (event.state && event.state.limber) || 1;
    if (window.limber) window.limber.command('back');
  });

  // ---- Keys ------------------------------------------------------------------------------------
  window.addEventListener('keydown', (event) => {
    if (!window.limber || event.altKey || event.ctrlKey || event.metaKey) return;
    const onButton = event.target && event.target.tagName === 'BUTTON';
    let command = null;
    if (event.key === 'Escape') command = 'back';
    if (session && !onButton) {
      if (event.key === ' ' || event.key === 'Spacebar') command = 'pause';
      if (event.key === 'ArrowRight') command = 'skip';
      if (event.key === 'ArrowLeft') command = 'previous';
    }
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();  // the canvas (ImGui) must not act on it too
    window.limber.command(command);
  }, { capture: true });

  // ---- Files, persistence, wake lock, page hidden ----------------------------------------------
  function download(name, mime, text) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function chooseBackupFile() { $('backup-file').click(); }
  $('backup-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = '';
    if (!file || !window.limber) return;
    const text = await file.text();
    window.limber.command('import', text || ' ');
  });

  function persist() {
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  }

  let wakeLockWanted = false;
  let wakeLockSentinel = null;
  async function wakeLock(on) {
    wakeLockWanted = on;
    if (!on) {
      if (wakeLockSentinel) wakeLockSentinel.release().catch(() => {});
      wakeLockSentinel = null;
      return;
    }
    if (!('wakeLock' in navigator) || wakeLockSentinel || document.visibilityState !== 'visible') return;
    try {
      wakeLockSentinel = await navigator.wakeLock.request('screen');
      wakeLockSentinel.addEventListener('release', () => { wakeLockSentinel = null; });
    } catch (e) {
      wakeLockSentinel = null;  // refused (battery saver, permissions): the session runs anyway
    }
  }

  function hidden() { if (module) module._limber_page_hidden(); }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') hidden();
    else if (wakeLockWanted) wakeLock(true);  // the browser released it while hidden
  });
  window.addEventListener('pagehide', hidden);

  // The accessible session buttons act through the same commands as everything else.
  for (const [id, command] of [['a11y-previous', 'previous'], ['a11y-pause', 'pause'], ['a11y-skip', 'skip'],
                               ['a11y-hurts', 'hurts'], ['a11y-end', 'end']]) {
    $(id).addEventListener('click', () => window.limber && window.limber.command(command));
  }

  // ---- Routine links: copy one, open one --------------------------------------------------------
  function copyLink(fragment) {
    const url = location.origin + location.pathname + '#' + fragment;
    // The link also goes in the address bar, so it can be copied by hand if the clipboard is refused.
    if (!embedded) history.replaceState(history.state, '', '#' + fragment);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).catch(() => {});
  }
  window.addEventListener('hashchange', () => {
    // A link opened while Limber is already open in this tab.
    if (location.hash.startsWith('#routine=') && window.limber) window.limber.command('open_link', location.hash);
  });

  // ---- The clinic widget: events to the host page, commands from it --------------------------
  function postToHost(origin, text) {
    if (!embedded || !origin || origin !== hostOrigin) return;
    try {
      window.parent.postMessage(JSON.parse(text), origin);  // delivered only if the parent is that origin
    } catch (e) {
      console.warn('Limber widget: could not tell the host page (' + e.message + ').');
    }
  }
  if (embedded) {
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || !hostOrigin || event.origin !== hostOrigin) {
        console.warn('Limber widget: ignored a message from ' + event.origin + ' (only ' + (hostOrigin || 'no origin') + ' may send commands).');
        return;
      }
      if (!window.limber) return;
      let text;
      try {
        text = JSON.stringify(event.data);
      } catch (e) {
        console.warn('Limber widget: ignored a message that is not plain data.');
        return;
      }
      const result = window.limber.command('host', text || '""');
      if (!result.ok) console.warn('Limber widget: ignored a message from the host page: ' + result.error);
    });
  }

  // ---- Offline and updates: the service worker (sw.js) ------------------------------------------
  let registration = null;
  let appReady = false;
  let updateWaiting = false;
  function tellUpdate() {
    if (updateWaiting && appReady && window.limber) window.limber.command('update_ready');
  }
  async function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    try {
      registration = await navigator.serviceWorker.register('sw.js');
    } catch (e) {
      console.warn('Limber works online only here: the offline service worker could not start (' + e.message + ').');
      return;
    }
    const check = () => {
      // A new build waits beside the running one; the app asks before switching.
      if (registration.waiting && navigator.serviceWorker.controller) {
        updateWaiting = true;
        tellUpdate();
      }
    };
    check();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (worker) worker.addEventListener('statechange', () => { if (worker.state === 'installed') check(); });
    });
    // Look for a new build when the page comes back into view, and every hour.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
    setInterval(() => registration.update().catch(() => {}), 3600 * 1000);
  }
  function applyUpdate() {
    if (!registration || !registration.waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    registration.waiting.postMessage('skip-waiting');
  }
  function started() {
    appReady = true;
    tellUpdate();
    registerServiceWorker();
  }

  window.LimberPage = Object.freeze({
    store: Object.freeze({ load, save, setAside }),
    cue, screen, download, chooseBackupFile, persist, wakeLock, applyUpdate, started, postToHost, copyLink,
    checkForUpdate: () => (registration ? registration.update() : Promise.resolve()),
    announced: () => announced.slice(),
    attach(m) { module = m; },
  });
})();
