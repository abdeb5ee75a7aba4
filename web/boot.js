// boot.js: starts Limber in this page and stands in for it when it cannot start.
//
//  1. Checks that the browser has WebAssembly and WebGL 2, and says so plainly if not.
//  2. Downloads limber.wasm with a progress bar; a failed download gets a clear message.
//  3. Starts the app (limber.js, built by Emscripten) on the page's canvas.
//  4. Publishes window.limber, the automation interface (documented in README.md):
//       limber.state()              -> object: the app's state (src/core/app/app_state.h)
//       limber.command(name, arg?)  -> {ok, error?}: see src/core/app/command.h
//       limber.ready                -> Promise, resolves when the first frame is drawn,
//                                      rejects with the message shown if start-up fails
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  // How long start-up waits for the browser's storage before starting without it.
  // (Tests shorten it with window.LIMBER_STORAGE_WAIT_MS, set before this script runs.)
  const STORAGE_WAIT_MS = Number(window.LIMBER_STORAGE_WAIT_MS) || 8000;
  let module = null;
  let failure = null;
  let settle;
  const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  ready.catch(() => {});  // a start-up failure is shown on the page; nobody has to await it

  function showProblem(title, text, hint) {
    if (failure) return;
    failure = text;
    $('loading').hidden = true;
    $('canvas').hidden = true;
    $('problem-title').textContent = title;
    $('problem-text').textContent = text;
    $('problem-hint').textContent = hint || '';
    $('problem').hidden = false;
    console.error('Limber: ' + text);
    settle.reject(new Error(text));
  }
  $('problem-retry').addEventListener('click', () => location.reload());

  const unsupported = (what) => showProblem(
    'This browser cannot run Limber',
    what,
    'Please update your browser, or open this page in a recent Chrome, Edge, Firefox or Safari.');

  function hasWebGL2() {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return false;
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();  // only a probe: give the context back at once
      return true;
    } catch (e) {
      return false;
    }
  }

  function setProgress(loaded, total) {
    const bar = $('loading-bar');
    if (total > 0) bar.style.width = Math.min(100, Math.round((100 * loaded) / total)) + '%';
    $('loading-text').textContent = total > 0
      ? 'Loading… ' + Math.round(loaded / 1024) + ' of ' + Math.round(total / 1024) + ' KB'
      : 'Loading…';
  }

  async function download(url, known) {
    let response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw new Error('Limber could not be downloaded (' + url + ': ' + e.message + ').');
    }
    if (!response.ok) {
      throw new Error('Limber could not be downloaded (' + url + ': HTTP ' + response.status + ').');
    }
    // The build writes the file's size into the page: a compressing host's Content-Length counts
    // compressed bytes, not what we read (or is absent), so it is only a fallback.
    const total = known > 0 ? known
      : response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !response.body.getReader) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      setProgress(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error('Limber could not be downloaded (' + url + ').'));
      document.body.appendChild(script);
    });
  }

  // A copy of `text` in the module's heap, as UTF-8 (NULs included), for one call.
  function heapText(text) {
    const bytes = module.lengthBytesUTF8(text);
    const ptr = module._malloc(bytes + 1);
    if (ptr) module.stringToUTF8(text, ptr, bytes + 1);
    return { ptr, bytes };
  }

  function parseReply(text, what) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new Error('limber.' + what + ': the app answered with text that is not JSON: ' + text);
    }
  }

  window.limber = Object.freeze({
    ready,
    state() {
      if (failure) return { app: 'limber', ready: false, error: failure };
      if (!module) return { app: 'limber', ready: false, loading: true };
      return parseReply(module.ccall('limber_state', 'string', [], []), 'state');
    },
    command(name, arg) {
      if (typeof name !== 'string' || name === '') {
        return { ok: false, error: 'command: the name must be a non-empty string' };
      }
      if (arg !== undefined && typeof arg !== 'string') {
        return { ok: false, error: 'command ' + name + ': the argument must be a string' };
      }
      if (failure) return { ok: false, error: failure };
      if (!module) return { ok: false, error: 'the app is still starting' };
      // Both texts go through the heap, never the stack: a restored backup can be megabytes,
      // and ccall's strings live on the stack, where a large one overwrote the app's memory.
      const texts = [heapText(name), heapText(arg || '')];
      try {
        if (!texts[0].ptr || !texts[1].ptr) return { ok: false, error: 'command ' + name + ': the app has no memory left for this text' };
        const reply = module._limber_command(texts[0].ptr, texts[0].bytes, texts[1].ptr, texts[1].bytes);
        return parseReply(module.UTF8ToString(reply), 'command');
      } finally {
        for (const t of texts) if (t.ptr) module._free(t.ptr);
      }
    },
  });

  async function start() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return unsupported('It does not support WebAssembly, which Limber is built with.');
    }
    if (!hasWebGL2()) {
      return unsupported('WebGL 2 graphics are turned off or not available, and Limber needs them to draw.');
    }
    try {
      // The stored progress is read before the app starts, so it never writes before reading.
      // A storage that does not answer (a widget in an about:blank or data: page, a blocked
      // upgrade) is waited for STORAGE_WAIT_MS at most: the app then starts in memory, says so,
      // writes nothing, and takes the stored data when it comes (the stored_late command).
      const load = window.LimberPage.store.load();
      const waited = new Promise((resolve) => setTimeout(() => resolve({ waiting: true, unsaved: window.LimberPage.store.unsaved() }),
                                                         STORAGE_WAIT_MS));
      const [wasmBinary, , stored] = await Promise.all([download('limber.wasm', Number($('loading').dataset.wasmBytes) || 0), loadScript('limber.js'),
                                                         Promise.race([load, waited])]);
      // A load that failed (a full disk can keep the database from opening) is tried again, with
      // a growing wait, for as long as the app waits for it.
      const late = async (result) => {
        await ready;
        for (let wait = 2000; result.error && window.limber.state().storage.status === 'loading'; wait = Math.min(2 * wait, 30000)) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          result = await window.LimberPage.store.load();
        }
        if (result.error) return;
        const r = window.limber.command('stored_late', JSON.stringify(result));
        if (!r.ok) console.warn('Limber: the stored data came late and was not taken: ' + r.error);
      };
      if (stored.waiting) load.then(late);
      else if (stored.error) late(stored);
      $('loading-text').textContent = 'Starting…';
      // Emscripten uses this very object as its Module: keep it to reach ccall.
      const config = {
        canvas: $('canvas'),
        wasmBinary,
        limberStored: stored,
        onRuntimeInitialized() {
          module = config;
          window.LimberPage.attach(config);
        },
        onLimberReady() {
          $('loading').hidden = true;
          $('canvas').focus({ preventScroll: true });
          settle.resolve();
          window.LimberPage.started();
        },
        onLimberFatal(text) {
          showProblem('Limber could not start', text, 'Reloading the page may help. If it does not, try another browser.');
        },
        onAbort(reason) {
          showProblem('Limber stopped unexpectedly', 'The app stopped: ' + reason, 'Reloading the page may help.');
        },
      };
      await createLimber(config);
    } catch (e) {
      showProblem('Limber could not start', e.message || String(e), 'Check your internet connection, then try again.');
    }
  }

  start();
})();
