// harness.mjs: shared setup for the browser tests. Serves build/web/dist on a loopback
// port and drives Debian's Chromium through playwright-core, with WebGL on SwiftShader.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';

export const DIST = resolve(process.env.LIMBER_DIST || new URL('../../build/web/dist', import.meta.url).pathname);
export const CHROMIUM = process.env.LIMBER_CHROMIUM || '/usr/bin/chromium';

// Flags from TOOLCHAIN.md: WebGL on SwiftShader, and no background traffic to a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--disable-extensions',
];

export async function launch() {
  const server = await startServer({ root: DIST, port: 0 });
  const profile = await mkdtemp(join(tmpdir(), 'limber-chromium-'));
  const context0 = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
  });
  // One persistent context holds the profile; each test opens its own fresh context.
  const browser = context0.browser() ?? null;
  return {
    server,
    url: server.url,
    async newPage(options = {}) {
      const context = browser ? await browser.newContext(options) : context0;
      const page = await context.newPage();
      const problems = watchConsole(page);
      return { page, context, problems };
    },
    // A page in the persistent profile (not incognito): installability needs one.
    async newPersistentPage() {
      const page = await context0.newPage();
      return { page, context: context0, problems: watchConsole(page) };
    },
    async close() {
      await context0.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// Collects console errors and uncaught exceptions, so a test can insist there were none (into
// `problems`, if given: one list for the pages a test opens in turn).
export function watchConsole(page, problems = []) {
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return problems;
}

// Records, for each clipboard write and each file-picker opening, the event being handled at
// that moment (window.event), or 'none'. Safari allows both only inside a person's gesture,
// not from an animation frame: a test can insist they happen during the click or tap. Runs in
// the page; with `openPicker` false the picker is only recorded, not opened (a native dialog,
// in Firefox and WebKit, that no driver answers).
export function gestureRecorder({ openPicker }) {
  window.gestureUse = [];
  const during = () => (window.event ? window.event.type : 'none');
  if (navigator.clipboard && navigator.clipboard.writeText) {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => { window.gestureUse.push({ what: 'copy', during: during() }); return write(text); };
  }
  const click = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function () {
    if (this.type !== 'file') return click.call(this);
    window.gestureUse.push({ what: 'file picker', during: during() });
    if (openPicker) return click.call(this);
  };
}

// The same in every page the Playwright page opens, from its first script on.
export async function recordGestureUse(page) {
  await page.addInitScript(gestureRecorder, { openPicker: true });
}

export async function openApp(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.limber.ready);
  return state(page);
}

export const state = (page) => page.evaluate(() => window.limber.state());
export const command = (page, name, arg) => page.evaluate(([n, a]) => window.limber.command(n, a), [name, arg]);

// Waits until the loop has gone to sleep (nothing left to draw), then returns the state.
export async function settle(page, timeout = 10000) {
  await page.waitForFunction(() => window.limber.state().sleeping === true, null, { timeout, polling: 50 });
  return state(page);
}

export function control(s, id) {
  const c = s.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no control '${id}' on screen '${s.screen}' (have: ${s.controls.map((x) => x.id).join(', ')})`);
  // The centre, where a person presses (x and y of the state are the top left corner).
  return { ...c, x: c.x + c.width / 2, y: c.y + c.height / 2, left: c.x, top: c.y };
}

// Scrolls a control into view as a person does, with the wheel over the page, until it is whole
// above the tab bar (a tab: on screen) with `room` px above it; returns it, settled. Each turn of
// the wheel goes about as far as the control is out of view, so a long page takes a few turns.
export async function reveal(page, id, room = 0) {
  let s = await settle(page);
  for (let i = 0; i < 40; ++i) {
    const c = control(s, id);
    const bottom = s.viewport.height - (id.startsWith('tab-') ? 0 : 80);
    if (c.top >= room && c.top + c.height <= bottom) return c;
    const far = c.top < room ? c.top - room : c.top + c.height - bottom;
    await page.mouse.move(s.viewport.width / 2, s.viewport.height / 2);
    await page.mouse.wheel(0, Math.sign(far) * Math.min(600, Math.max(120, Math.abs(far))));
    s = await settle(page);
  }
  return control(s, id);
}

// Presses a control the way a person does: scrolled into view if need be, then a mouse click at
// its centre on the canvas.
export async function pressControl(page, id) {
  const c = await reveal(page, id);
  await pressesReady(page);
  await page.mouse.click(c.x, c.y);
}

// After a tap that changed the view, the app ignores taps for a moment (app/tap_guard.h): a
// test taps again when the app says taps are taken, as a person's next deliberate tap would be.
export async function pressesReady(page) {
  await page.waitForFunction(() => !window.limber.state().pressesHeld, null, { timeout: 5000, polling: 20 });
}
