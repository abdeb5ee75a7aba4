// embed.js: Limber's clinic widget. A clinic pastes one tag where the widget should go:
//
//   <script src="https://limber.example/embed.js" data-routine="nhs_daily" data-theme="light"></script>
//
// data-routine   a routine id (README lists them), or a clinician's own routine: the value of a
//                routine link, what follows "#routine=" ("1.<payload>.<check>"; the routine
//                editor's "Put it on a website" box gives the whole tag); default: the first routine
// data-theme     light or dark; default: light
// data-height    the widget's height (any CSS length); default: 640px
// data-title     the iframe's accessible name; default: "Limber exercise routine"
//
// The script puts an iframe of the app right after itself, as wide as its container. The
// app inside tells this page what happens with window.postMessage, to this page's origin
// only (the README documents the messages), and accepts commands only from it. A page with no
// web origin (saved on a computer and opened from a file) gets the widget without events.
(function () {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  const data = script.dataset;
  const app = new URL('index.html', script.src);
  app.searchParams.set('embed', '1');
  if (data.routine) app.searchParams.set('routine', data.routine);
  app.searchParams.set('theme', data.theme === 'dark' ? 'dark' : 'light');
  // Only a web origin can be a host: a file's page reports "null" (Firefox) or "file://" (Chromium).
  const origin = window.location.origin;
  if (/^https?:\/\//.test(origin)) app.searchParams.set('host', origin);
  const frame = document.createElement('iframe');
  frame.src = app.href;
  frame.title = data.title || 'Limber exercise routine';
  frame.allow = 'screen-wake-lock';
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.maxWidth = '100%';
  frame.style.height = data.height || '640px';
  frame.style.border = '0';
  frame.style.borderRadius = '12px';
  frame.style.colorScheme = 'normal';
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
