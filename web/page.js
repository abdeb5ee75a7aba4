// page.js: what the page does for the app (src/browser/page_services.h calls it).
//
//   LimberPage.store      the storage (web/store.js): load() before the app starts, save(write),
//                         keepUnsaved(text), setAside(text), readSessions(), clearAll()
//   LimberPage.cue        every session cue: announced in the live region, and as a tone
//                         and spoken words when those settings are on
//   LimberPage.screen     the page title, screen changes announced, the browser history
//   LimberPage.download, chooseBackupFile, persist, wakeLock
//   LimberPage.showSheet  the print view: a routine's printed sheet, as a document to print
//   LimberPage.started    the app is up: register the service worker (offline, updates)
//
//   LimberPage.mirror     the accessible mirror: the screen report as real elements
//
// Keys: Tab and Shift+Tab move through the mirror's controls in the order they are drawn; Enter
// and Space press the focused one. In a session, Space pauses or resumes and the arrows go to the
// previous or next exercise (unless a control has the focus); Escape goes back a screen.
// Elsewhere the up and down arrows move between controls.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  let module = null;          // the running app, once boot.js attaches it
  // Inside a clinic's page (web/embed.js): whether this is the widget, and the host's origin,
  // the only one we talk to. The core reads the address (src/core/app/embed.h) and says what it
  // accepted through setEmbed() before the first frame; the page never reads it a second way.
  const inFrame = window.parent !== window;
  let embedded = false;
  let hostOrigin = '';
  function setEmbed(isWidget, host) {
    embedded = !!isWidget && inFrame;
    hostOrigin = embedded ? host : '';
  }
  let session = false;        // a session is running: the keys and buttons act on it

  // ---- Cues: live region, tones, speech -------------------------------------------------
  let audio = null;
  function unlockAudio() {
    // Browsers only start sound after a person's gesture.
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!audio) audio = new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
  }
  // A person's gesture: the moment Firefox and Safari let sound start, and Safari a wake lock
  // (asked for again here if a session wants one and it was refused outside a gesture).
  function gesture() {
    unlockAudio();
    if (wakeLockWanted && !wakeLockSentinel && !wakeLockPending) wakeLock(true);
  }
  window.addEventListener('pointerdown', gesture, { capture: true, passive: true });
  window.addEventListener('keydown', gesture, { capture: true, passive: true });

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

  // How many voices the browser has to read aloud: some load late (voiceschanged), some
  // browsers have none (Chromium and Firefox without a speech service). The app says so in
  // Settings (src/core/app/app.h: speech_voices); the live region carries every cue anyway.
  function reportVoices() {
    if (!appReady || !window.limber) return;
    const n = window.speechSynthesis && window.SpeechSynthesisUtterance ? speechSynthesis.getVoices().length : 0;
    window.limber.command('speech_voices', String(n));
  }
  if (window.speechSynthesis && speechSynthesis.addEventListener) speechSynthesis.addEventListener('voiceschanged', () => reportVoices());

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

  // ---- The accessible mirror (src/core/app/screen_report.h) ------------------------------------
  // The canvas is one picture to a screen reader. Each time what it shows changes, the app sends
  // its screen report, and this keeps one real element per node, in reading order, laid over the
  // place the canvas drew it (a magnifier follows the focus; touch exploration finds things where
  // they are drawn). Elements are kept and reused by key, never rebuilt, so the focus and a screen
  // reader's place survive an update; an element is moved only when its place in the order changed.
  const mirrorRoot = $('mirror');
  const mirrorMain = $('mirror-main');
  const mirrorEls = new Map();  // key -> element
  let mirrorUpdates = 0;
  let mirrorNodes = [];
  let lastControlFocus = '';    // the control the app was told has the focus ('' none)
  let focusAfterUpdate = null;  // 'heading' or a control's key: where focus goes with the next report
  const focusByDepth = [];      // the control focused when a screen was left for a deeper one
  let dialogReturn = null;      // the key focused before a question opened

  const CONTROL_ROLES = new Set(['button', 'toggle', 'setting_switch', 'radio', 'tab', 'textbox']);
  const GROUP_ROLES = new Set(['list', 'navigation', 'dialog', 'radio_group', 'group']);

  function makeElement(node) {
    let el;
    switch (node.role) {
      case 'heading': el = document.createElement('h' + node.level); el.tabIndex = -1; break;
      case 'text': el = document.createElement('p'); break;
      case 'list': el = document.createElement('ul'); break;
      case 'list_item': el = document.createElement('li'); break;
      case 'image': el = document.createElement('div'); el.setAttribute('role', 'img'); break;
      case 'table': el = document.createElement('table'); break;
      case 'navigation': el = document.createElement('nav'); break;
      case 'dialog': el = document.createElement('div'); el.setAttribute('role', 'dialog'); el.setAttribute('aria-modal', 'true'); break;
      case 'radio_group': el = document.createElement('div'); el.setAttribute('role', 'radiogroup'); break;
      case 'group': el = document.createElement('div'); el.setAttribute('role', 'group'); break;
      default:
        el = document.createElement('button');
        el.type = 'button';
        if (node.role === 'setting_switch') el.setAttribute('role', 'switch');
        if (node.role === 'radio') el.setAttribute('role', 'radio');
        el.dataset.control = node.id;
        // Enter, Space or a screen reader's activation: pressed through the app's own press.
        el.addEventListener('click', () => window.limber && window.limber.command('press', el.dataset.control));
    }
    if (!GROUP_ROLES.has(node.role)) el.classList.add('m');
    return el;
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined) { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
  }

  function fill(el, node) {
    const r = node.role;
    if (r === 'table') {
      const text = JSON.stringify([node.name, node.columns, node.cells]);
      if (el.dataset.content !== text) {
        el.dataset.content = text;
        el.replaceChildren();
        el.createCaption().textContent = node.name;
        for (let row = 0; row * node.columns < node.cells.length; ++row) {
          const tr = el.insertRow();
          for (let col = 0; col < node.columns; ++col) {
            const cell = document.createElement(row === 0 ? 'th' : 'td');
            if (row === 0) cell.scope = 'col';
            cell.textContent = node.cells[row * node.columns + col];
            tr.appendChild(cell);
          }
        }
      }
    } else if (r === 'image' || GROUP_ROLES.has(r)) {
      setAttr(el, 'aria-label', r === 'list' ? null : node.name || null);
    } else if (CONTROL_ROLES.has(r)) {
      if (el.firstChild === null || el.firstChild.textContent !== node.name) {
        el.replaceChildren(document.createTextNode(node.name));
      }
      // A row's second line or a setting's explanation: a description, not part of the name.
      let detail = el.querySelector('.d');
      if (node.detail) {
        if (!detail) {
          detail = document.createElement('span');
          detail.className = 'd';
          detail.hidden = true;
          detail.id = 'mirror-d-' + node.id;
          el.appendChild(detail);
        }
        if (detail.textContent !== node.detail) detail.textContent = node.detail;
        setAttr(el, 'aria-describedby', detail.id);
      } else {
        setAttr(el, 'aria-describedby', null);
      }
      const on = node.checked === undefined ? null : String(!!node.checked);
      setAttr(el, 'aria-pressed', r === 'toggle' ? on : null);
      setAttr(el, 'aria-checked', r === 'setting_switch' || r === 'radio' ? on : null);
      setAttr(el, 'aria-current', r === 'tab' && node.checked ? 'page' : null);
      setAttr(el, 'aria-disabled', node.disabled ? 'true' : null);
    } else if (el.textContent !== node.name) {
      el.textContent = node.name;
    }
    if (!GROUP_ROLES.has(r)) {
      // Over the place it was drawn, kept inside the window: an element below the fold would make
      // the browser scroll the page to reach it (the canvas scrolls to a focused control instead).
      const h = Math.min(node.h, window.innerHeight);
      const top = Math.max(0, Math.min(node.y, window.innerHeight - h));
      const style = el.style;
      const want = [node.x + 'px', top + 'px', node.w + 'px', h + 'px'];
      if (style.left !== want[0]) style.left = want[0];
      if (style.top !== want[1]) style.top = want[1];
      if (style.width !== want[2]) style.width = want[2];
      if (style.height !== want[3]) style.height = want[3];
    }
  }

  function mirror(nodes, problem) {
    if (problem) console.error('Limber: the screen report is not well formed: ' + problem);
    mirrorUpdates += 1;
    mirrorNodes = nodes;
    const active = document.activeElement;
    const inMirror = (el) => !!el && el !== document.body && mirrorRoot.contains(el);
    const wasInMirror = inMirror(active);
    const activeKey = wasInMirror ? active.dataset.key : undefined;
    // Keyboard and screen reader users are in the mirror (or nowhere yet); a pointer's are on the canvas.
    const keyboardHere = wasInMirror || active === document.body || active === null;
    const used = new Set();
    const counts = new Map();
    // Children wanted per container, in order; the top level holds main, the tab bar and a question.
    const top = [mirrorMain];
    const stack = [{ el: mirrorMain, children: [] }];
    const wanted = [stack[0]];
    let dialog = null;
    let heading = null;
    let focusedByCanvas = null;
    for (const node of nodes) {
      if (node.role === 'group_end') { if (stack.length > 1) stack.pop(); continue; }
      let key;
      if (node.id) key = 'c:' + node.id;
      else {
        const base = node.role + (node.level ? node.level : '');
        const n = (counts.get(base) || 0) + 1;
        counts.set(base, n);
        key = base + ':' + n;
      }
      let el = node.role === 'textbox' ? boxes.get(node.id) : mirrorEls.get(key);
      if (!el) {
        if (node.role === 'textbox') continue;  // covered by a question: no box now
        el = makeElement(node);
        mirrorEls.set(key, el);
      }
      el.dataset.key = key;
      used.add(key);
      if (node.role !== 'textbox') fill(el, node);
      if (node.role === 'heading' && node.level === 1 && !heading) heading = el;
      if (node.focused) focusedByCanvas = el;
      const parent = stack[stack.length - 1];
      if (node.role === 'navigation' || node.role === 'dialog') {
        top.push(el);  // landmarks and the question stand beside main, not inside it
        if (node.role === 'dialog') dialog = el;
      } else {
        parent.children.push(el);
      }
      if (GROUP_ROLES.has(node.role)) {
        const entry = { el, children: [] };
        stack.push(entry);
        wanted.push(entry);
      }
    }
    // Place each container's children in order, moving only what is out of place.
    const place = (container, children) => {
      children.forEach((child, i) => {
        if (container.children[i] !== child) container.insertBefore(child, container.children[i] || null);
      });
      while (container.children.length > children.length) {
        const extra = container.children[children.length];
        if (extra.classList.contains('text-field')) $('text-fields').appendChild(extra);  // the box lives on
        else extra.remove();
      }
    };
    for (const { el, children } of wanted) place(el, children);
    place(mirrorRoot, top);
    for (const [key, el] of mirrorEls) {
      if (!used.has(key)) { el.remove(); mirrorEls.delete(key); }
    }
    // A question is modal: everything else is inert until it is answered.
    mirrorMain.inert = !!dialog;
    for (const el of top) if (el !== dialog && el !== mirrorMain) el.inert = !!dialog;
    // Where the focus goes now.
    const focusOn = (el) => { if (el && document.activeElement !== el) el.focus({ preventScroll: true }); };
    if (dialog && !dialog.contains(document.activeElement)) {
      if (keyboardHere) dialogReturn = activeKey || dialogReturn;
      if (keyboardHere || active === $('canvas')) focusOn(dialog.querySelector('button'));
    } else if (!dialog && dialogReturn !== null) {
      const back = mirrorEls.get(dialogReturn);
      dialogReturn = null;
      if (!inMirror(document.activeElement)) focusOn(back || heading);
    } else if (focusAfterUpdate) {
      const target = focusAfterUpdate === 'heading' ? heading : mirrorEls.get(focusAfterUpdate) || heading;
      focusAfterUpdate = null;
      if (keyboardHere) focusOn(target);
    } else if (focusedByCanvas && (active === $('canvas') || active === document.body)) {
      focusOn(focusedByCanvas);  // Dear ImGui's arrow keys moved the focus on the canvas
    } else if (wasInMirror && !inMirror(active)) {
      focusOn(heading);  // the focused element went with the update (an answered question)
    }
  }

  // The app rings the control whose element has the page's focus, and scrolls to it.
  function tellFocus() {
    const el = document.activeElement;
    const id = el && mirrorRoot.contains(el) && el.dataset && el.dataset.control ? el.dataset.control : '';
    if (id === lastControlFocus || !window.limber) return;
    lastControlFocus = id;
    window.limber.command(id ? 'focus' : 'blur', id || undefined);
  }
  mirrorRoot.addEventListener('focusin', tellFocus);
  mirrorRoot.addEventListener('focusout', () => setTimeout(tellFocus, 0));
  // Arrow keys step through the controls, as they do on the canvas.
  mirrorRoot.addEventListener('keydown', (event) => {
    if (!['ArrowDown', 'ArrowUp'].includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const all = [...mirrorRoot.querySelectorAll('button, input, textarea')].filter((el) => !el.closest('[inert]') && !el.hidden);
    const at = all.indexOf(document.activeElement);
    const next = all[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (at < 0 || !next) return;
    event.preventDefault();
    next.focus({ preventScroll: true });
  });

  // ---- Screen title, history ---------------------------------------------------------------
  let depth = 1;        // history entries of ours: 1 is the page itself
  let ignorePops = 0;   // pops we asked for, not the person
  let shownQuestion = 'none';
  let shownStage = 'closed';
  let shownScreen = '';
  // `asking` is the app's own words for what it asks now (app/questions.h: asking_json): a
  // question is announced when asked, in the words the canvas shows.
  function screen(id, address, title, newDepth, sessionRunning, paused, stage, question, asking) {
    document.title = title + ' – Limber';
    session = sessionRunning;
    if (id !== shownScreen) {
      // Focus goes to the new screen's heading; on the way back, to the control that led on.
      const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : undefined;
      if (newDepth > depth && focused) focusByDepth[depth] = focused;
      focusAfterUpdate = newDepth < depth && focusByDepth[newDepth] ? focusByDepth[newDepth] : 'heading';
      focusByDepth.length = Math.max(newDepth, 1);
      if (shownScreen) cue('screen', title, {});
      shownScreen = id;
    } else if (stage !== shownStage) {
      focusAfterUpdate = 'heading';  // the player moved on: pain question, session, summary
    }
    const pain = asking.pain;
    if (pain && stage !== shownStage) cue('question', pain.question + ' ' + pain.scale, {});
    shownStage = stage;
    const q = asking.confirm;
    if (q && question !== shownQuestion) cue('question', q.question + ' ' + q.detail, {});
    shownQuestion = question;
    const url = '#' + address;  // the core's (app/address.h): an exercise page names its exercise
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
    if (embedded || !window.limber) return;
    if (sheetOpen()) { closeSheet(true, true); return; }  // Back closes the printed sheet only
    if (event.state && event.state.sheet) { ignorePops += 1; history.back(); return; }  // Forward to a closed sheet
    const entry = event.state && event.state.limber;
    if (!entry) return;  // a fragment typed or pasted in (a routine link): hashchange handles it
    if (entry > depth) {
      // Forward: the app has no way forward, so undo the browser's step.
      ignorePops += 1;
      history.back();
      return;
    }
    // Back: the entry is gone; go back a screen. If the app only closed a question (or asked
    // one), it is still as deep as before: put the entry back so Back keeps working.
    depth = entry;
    window.limber.command('back');
    const now = window.limber.state().depth;
    if (now > depth) {
      for (let d = depth + 1; d <= now; ++d) history.pushState({ limber: d }, '', location.hash);
      depth = now;
    }
  });

  // ---- Keys ------------------------------------------------------------------------------------
  window.addEventListener('keydown', (event) => {
    // Tab leaves the canvas for the mirror's controls: SDL would keep it for Dear ImGui.
    if (event.key === 'Tab' && event.target === $('canvas')) { event.stopPropagation(); return; }
    // The print view is a document: its keys are the browser's, and Escape closes it.
    if (sheetOpen()) {
      if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); closeSheet(); }
      return;
    }
    if (!window.limber || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target && event.target.classList && event.target.classList.contains('text-field')) return;
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

  // ---- Text boxes over the canvas's text fields (src/core/app/text_entry.h) ---------------------
  // A canvas cannot bring up a phone's keyboard, so each text field the app draws gets a real
  // text box laid over it: typing, pasting, input methods and screen readers all work there.
  // Every change goes to the app as the `text` command, and the app's value is what stays.
  // A link box is read-only: this page's address with the routine link, to copy by hand.
  const boxes = new Map();  // field id -> its <input> or <textarea>
  const linkAddress = (fragment) => location.origin + location.pathname + '#' + fragment;
  // The clinic widget's tag (web/embed.js, beside this page) playing a link's routine.
  const embedTag = (fragment) => '<script src="' + new URL('embed.js', location.origin + location.pathname).href +
    '" data-routine="' + fragment.replace(/^routine=/, '') + '"></' + 'script>';
  function leaveBox() { $('canvas').focus({ preventScroll: true }); }  // the keys go back to the app
  function makeBox(field) {
    const box = document.createElement(field.multiline ? 'textarea' : 'input');
    box.id = 'field-' + field.id;
    box.dataset.control = field.id;  // focused, the app rings its field and scrolls it into view
    box.className = 'text-field';
    box.autocomplete = 'off';
    if (!field.multiline) { box.type = 'text'; box.enterKeyHint = 'done'; }
    if (field.link) {
      box.readOnly = true;
      box.addEventListener('focus', () => box.select());
    }
    box.addEventListener('input', () => {
      if (!window.limber || field.link) return;
      const result = window.limber.command('text', field.id + '=' + box.value);
      if (result.ok) return;
      // Refused (the app shows why under the field): back to what the app has, and say why.
      const draft = window.limber.state().draft;
      box.value = draft ? draft[field.id] : '';
      cue('problem', result.error.replace(/^text: /, ''), {});
    });
    box.addEventListener('keydown', (event) => {
      event.stopPropagation();  // the keys are the box's, not the app's
      if (event.isComposing || event.keyCode === 229) return;  // an input method is still composing
      // Escape (or Enter in a one-line box) gives the keys back to the app.
      if (event.key === 'Escape' || (event.key === 'Enter' && !field.multiline)) {
        event.preventDefault();
        leaveBox();
      }
    });
    // The page under a box still scrolls: the wheel, and a drag that starts on the box.
    box.addEventListener('wheel', (event) => {
      event.preventDefault();
      const lines = event.deltaMode === 1 ? 40 : event.deltaMode === 2 ? window.innerHeight : 1;
      if (window.limber) window.limber.command('scroll', String(event.deltaY * lines));
    }, { passive: false });
    let lastY = null;
    let dragging = false;
    box.addEventListener('touchstart', (event) => { lastY = event.touches[0].clientY; dragging = false; }, { passive: true });
    box.addEventListener('touchmove', (event) => {
      if (lastY === null || !window.limber) return;
      const y = event.touches[0].clientY;
      if (!dragging && Math.abs(y - lastY) < 10) return;  // a tap that wobbles is still a tap
      dragging = true;
      event.preventDefault();
      window.limber.command('scroll', String(lastY - y));
      lastY = y;
    }, { passive: false });
    box.addEventListener('touchend', () => { lastY = null; }, { passive: true });
    // A phone's keyboard opening (or any resize) must not hide the box being typed in.
    box.addEventListener('focus', () => setTimeout(keepFocusedBoxInView, 350));
    $('text-fields').appendChild(box);
    return box;
  }
  // Scrolls the page so the focused box sits inside what can be seen: above an on-screen
  // keyboard (the visual viewport) and inside the page's own visible band.
  let band = { top: 0, bottom: Infinity };
  let scrollSent = false;  // until the app draws it, the boxes stand where they were
  function keepFocusedBoxInView() {
    const box = document.activeElement;
    if (scrollSent || !box || !box.classList.contains('text-field') || !window.limber) return;
    const r = box.getBoundingClientRect();
    const vv = window.visualViewport;
    const bottom = Math.min(band.bottom, vv ? vv.offsetTop + vv.height : window.innerHeight) - 12;
    const top = band.top + 12;
    const dy = r.bottom > bottom ? Math.min(r.bottom - bottom, r.top - top) : r.top < top ? r.top - top : 0;
    if (!dy) return;
    scrollSent = true;
    window.limber.command('scroll', String(dy));
  }
  // After a resize the page's visible band changes with the next frame: fit again then, once.
  let refit = false;
  const resized = () => { refit = true; keepFocusedBoxInView(); };
  if (window.visualViewport) window.visualViewport.addEventListener('resize', resized);
  window.addEventListener('resize', resized);

  let shownHeight = window.innerHeight;
  function textFields(fields) {
    scrollSent = false;
    // The page got shorter or taller (perhaps before its resize event): fit again.
    if (window.innerHeight !== shownHeight) { shownHeight = window.innerHeight; refit = true; }
    const seen = new Set();
    for (const field of fields) {
      seen.add(field.id);
      let box = boxes.get(field.id);
      if (!box || (box.tagName === 'TEXTAREA') !== field.multiline || box.readOnly !== field.link) {
        if (box) box.remove();
        box = makeBox(field);
        boxes.set(field.id, box);
      }
      box.setAttribute('aria-label', field.label);
      box.placeholder = field.placeholder;
      // No maxlength: a browser would cut what is typed or pasted without a word. The app refuses
      // text past the limit whole and says why, under the field and in the live region.
      // What the app kept wins: a refused or tidied change shows as the app has it.
      const value = field.snippet ? embedTag(field.value) : field.link ? linkAddress(field.value) : field.value;
      if (box.value !== value) box.value = value;
      const cutTop = Math.max(0, field.clipTop - field.y);
      const cutBottom = Math.max(0, field.y + field.height - field.clipBottom);
      band = { top: field.clipTop, bottom: field.clipBottom };
      // Scrolled out of sight: cut away entirely but still in the Tab order and the accessibility
      // tree (focused, the app scrolls its field into view), and kept inside the window so the
      // browser does not scroll the page to it. The box being typed in when a resize pushed it out
      // (a keyboard opening) is fitted back into view instead.
      const gone = cutTop + cutBottom >= field.height && !(refit && document.activeElement === box);
      box.classList.toggle('out-of-sight', gone);
      box.style.left = field.x + 'px';
      box.style.top = (gone ? Math.max(0, Math.min(field.y, window.innerHeight - field.height)) : field.y) + 'px';
      box.style.width = field.width + 'px';
      box.style.height = field.height + 'px';
      box.style.clipPath = cutTop || cutBottom ? `inset(${cutTop}px 0 ${cutBottom}px 0)` : '';
      box.style.fontSize = field.fontPx + 'px';
      box.style.color = field.ink;
      box.style.setProperty('--accent', field.accent);
    }
    for (const [id, box] of boxes) {
      if (!seen.has(id)) { box.remove(); boxes.delete(id); }
    }
    if (refit) { refit = false; setTimeout(keepFocusedBoxInView, 0); }
  }

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
    // The app says how large a backup may be, before the file is read at all.
    if (!window.limber.command('import_size', String(file.size)).ok) return;
    const text = await file.text();
    window.limber.command('import', text || ' ');
  });

  // What the browser says of keeping Limber's data (src/core/app/data_safety.h decides what
  // follows): asked at start, after a request to keep it, and when the page comes back.
  // persisted() never prompts; persist() may (Firefox asks the person), so it runs only at a press.
  const appleMobile = /iPhone|iPad|iPod/.test(navigator.userAgent) ||
    (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);  // iPadOS asks for the desktop site
  async function reportStorage() {
    if (!appReady || !window.limber) return;
    const s = navigator.storage;
    const facts = {
      can_ask: !!(s && s.persist),
      apple_mobile: appleMobile,
      home_screen: navigator.standalone === true || matchMedia('(display-mode: standalone)').matches,
    };
    try { if (s && s.persisted) facts.persisted = await s.persisted(); } catch (e) { /* cannot say */ }
    try {
      if (s && s.estimate) {
        const { usage, quota } = await s.estimate();
        if (Number.isFinite(usage)) facts.usage_bytes = usage;
        if (Number.isFinite(quota)) facts.quota_bytes = quota;
      }
    } catch (e) { /* not offered (WebKit in a cross-site frame) */ }
    const result = window.limber.command('storage_facts', JSON.stringify(facts));
    if (!result.ok) console.error('Limber: ' + result.error);
  }
  function persist() {
    if (!navigator.storage || !navigator.storage.persist) return;
    navigator.storage.persist().catch(() => false).then(reportStorage);
  }

  let wakeLockWanted = false;
  let wakeLockSentinel = null;
  let wakeLockPending = false;
  let wakeLockRefused = '';
  async function wakeLock(on) {
    wakeLockWanted = on;
    if (!on) {
      if (wakeLockSentinel) wakeLockSentinel.release().catch(() => {});
      wakeLockSentinel = null;
      return;
    }
    if (!('wakeLock' in navigator) || wakeLockSentinel || document.visibilityState !== 'visible') return;
    if (wakeLockPending) return;
    wakeLockPending = true;
    try {
      const sentinel = await navigator.wakeLock.request('screen');
      // The session may have paused or ended while the browser answered.
      if (!wakeLockWanted) {
        sentinel.release().catch(() => {});
      } else {
        wakeLockSentinel = sentinel;
        sentinel.addEventListener('release', () => { if (wakeLockSentinel === sentinel) wakeLockSentinel = null; });
      }
      wakeLockRefused = '';
    } catch (e) {
      // Refused (battery saver, permissions; Safari outside a person's gesture): the session runs
      // anyway, and the next tap or key press asks again, inside its gesture.
      wakeLockSentinel = null;
      wakeLockRefused = (e && e.name) || 'refused';
    } finally {
      wakeLockPending = false;
    }
  }

  function hidden() { if (module) module._limber_page_hidden(); }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') { hidden(); return; }
    if (wakeLockWanted) wakeLock(true);  // the browser released it while hidden
    reportStorage();
  });
  window.addEventListener('pagehide', hidden);

  // ---- The print view: a routine's printed sheet (src/core/print/routine_sheet.h) -------------
  // A real document over the app, read by a screen reader as one; print media shows only the
  // sheet (web/limber.css). The app behind it is inert until the view closes.
  let sheetOpener = null;  // the element to give the focus back to
  const appLayers = () => [$('canvas'), $('mirror'), $('text-fields')];
  // The sheet has its own history entry, as a phone's full-screen view does: Back closes it and
  // leaves the screen under it (and anything being edited there) as it was.
  function showSheet(html) {
    const reopening = sheetOpen();
    if (reopening) closeSheet(false, true);
    if (!embedded && !reopening) history.pushState({ limber: depth, sheet: true }, '', location.hash);
    sheetOpener = document.activeElement;
    $('print-sheet').innerHTML = html;  // made by the core, every text in it escaped
    $('print-view').hidden = false;
    for (const el of appLayers()) el.inert = true;
    $('print-view').scrollTop = 0;
    const title = $('sheet-title');
    if (title) { title.tabIndex = -1; title.focus({ preventScroll: true }); }
    cue('notice', 'The printed sheet is open. Print it or save it as a PDF, or go back to Limber.', {});
  }
  function closeSheet(refocus = true, keepEntry = false) {
    if (!keepEntry && !embedded && history.state && history.state.sheet) { ignorePops += 1; history.back(); }
    $('print-view').hidden = true;
    $('print-sheet').textContent = '';
    for (const el of appLayers()) el.inert = false;
    const back = sheetOpener && sheetOpener.isConnected ? sheetOpener : $('canvas');
    sheetOpener = null;
    if (refocus) back.focus({ preventScroll: true });
  }
  const sheetOpen = () => !$('print-view').hidden;
  $('print-now').addEventListener('click', () => window.print());
  $('print-close').addEventListener('click', () => closeSheet());

  // ---- Routine links: copy one, open one --------------------------------------------------------
  function copyLink(fragment) {
    const url = location.origin + location.pathname + '#' + fragment;
    // The link also goes in the address bar, so it can be copied by hand if the clipboard is refused.
    if (!embedded) history.replaceState(history.state, '', '#' + fragment);
    // The app says "copied" only when the clipboard took it.
    const tell = (ok) => {
      cue(ok ? 'notice' : 'problem', ok ? 'Link copied.' : 'The link could not be copied. It is in a box under the Copy link button, to select and copy.', {});
      if (window.limber) window.limber.command('link_copied', ok ? 'yes' : 'no');
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(() => tell(true), () => tell(false));
    else queueMicrotask(() => tell(false));  // not from inside the app's own call
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
  if (inFrame) {
    window.addEventListener('message', (event) => {
      if (!embedded) return;
      let why = '';
      if (event.source !== window.parent) why = 'it came from a window other than the page around this widget';
      else if (!hostOrigin) why = "this widget's address names no host page that may send commands";
      else if (event.origin !== hostOrigin) why = 'only ' + hostOrigin + ' may send commands';
      if (why) {
        console.warn('Limber widget: ignored a message from ' + event.origin + ': ' + why + '.');
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
  // The build a worker holds (its cache's name, which sw.js answers to 'version'), or null if
  // it does not answer within a few seconds.
  function buildOf(worker) {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(null), 5000);
      channel.port1.onmessage = (event) => {
        clearTimeout(timer);
        resolve((event.data && event.data.limberCache) || null);
      };
      worker.postMessage('version', [channel.port2]);
    });
  }
  async function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    try {
      registration = await navigator.serviceWorker.register('sw.js');
    } catch (e) {
      console.warn('Limber works online only here: the offline service worker could not start (' + e.message + ').');
      return;
    }
    const check = async () => {
      // A new build waits beside the running one; the app asks before switching. Only a
      // different build counts: on a first visit Firefox can still list the first worker as
      // waiting after it has taken control of the page, which is no update at all.
      const waiting = registration.waiting, running = navigator.serviceWorker.controller;
      if (!waiting || !running || waiting === running || updateWaiting) return;
      const [next, now] = await Promise.all([buildOf(waiting), buildOf(running)]);
      if (next && now && next !== now) {
        updateWaiting = true;
        tellUpdate();
      }
    };
    check().catch(() => {});
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (worker) worker.addEventListener('statechange', () => { if (worker.state === 'installed') check().catch(() => {}); });
    });
    // Look for a new build when the page comes back into view, and every hour.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
    setInterval(() => registration.update().catch(() => {}), 3600 * 1000);
  }
  function applyUpdate() {
    // Another tab may have switched already: then this page only needs the reload.
    if (!registration || !registration.waiting) { location.reload(); return; }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    registration.waiting.postMessage('skip-waiting');
  }
  function started() {
    appReady = true;
    window.LimberStore.started();
    tellUpdate();
    reportStorage();
    reportVoices();
    registerServiceWorker();
  }

  window.LimberPage = Object.freeze({
    store: window.LimberStore,
    cue, screen, textFields, mirror, download, chooseBackupFile, persist, wakeLock, applyUpdate, started, setEmbed, postToHost, copyLink,
    showSheet, closeSheet: () => closeSheet(),
    checkForUpdate: () => (registration ? registration.update() : Promise.resolve()),
    announced: () => announced.slice(),
    // What the session asked of the browser (tests: each engine's rules for sound and wake lock).
    outputs: () => ({ audio: audio ? audio.state : 'none',
                      wakeLock: wakeLockSentinel ? 'held' : wakeLockRefused ? 'refused' : wakeLockWanted ? 'pending' : 'off' }),
    // How often the mirror was updated, and from what report (tests: idle stays idle).
    mirrorState: () => ({ updates: mirrorUpdates, nodes: mirrorNodes.length }),
    attach(m) { module = m; },
  });
})();
