// engines.mjs: the built app driven in three browser engines, behind one small page interface,
// so a test is written once and runs in each (engines.test.mjs).
//
//   chromium  Debian's Chromium, headless, through Playwright over the DevTools protocol (as
//             the rest of the suite, harness.mjs).
//   firefox   Debian's Firefox ESR through Playwright over WebDriver BiDi (its `moz-firefox`
//             channel), shown on a virtual display (Xvfb): headless Firefox has no WebGL 2 here.
//   webkit    WebKitGTK, Safari's engine: its MiniBrowser through WebKitWebDriver (classic W3C
//             WebDriver) and selenium-webdriver, on the virtual display. Playwright's WebKit
//             needs Playwright's own patched build, which Debian does not ship.
//
// Why this split: Playwright already drives the suite, and its BiDi channel lets the same
// calls reach Firefox; for WebKit only classic WebDriver exists, and selenium-webdriver is the
// W3C's own reference client. Everything engine-specific lives here; what an engine's driver
// cannot do is listed in DRIVER_GAPS and the README's browser table.
//
// Usage:
//     const engine = await launchEngine('webkit');           // serves build/web/dist
//     const page = await engine.newPage({ width: 390, height: 844 });
//     await page.goto(engine.url);
//     const s = await page.evaluate(() => window.limber.state());
//     await page.close(); await engine.close();
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, firefox } from 'playwright-core';
import { Builder, Key, Origin } from 'selenium-webdriver';

import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, DIST, pressesReady, watchConsole } from './harness.mjs';

export const ENGINES = (process.env.LIMBER_ENGINES || 'chromium,firefox,webkit').split(',').filter(Boolean);
const FIREFOX = process.env.LIMBER_FIREFOX || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.LIMBER_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.LIMBER_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// What a driver cannot do, so a test states it instead of pretending: classic WebDriver has
// no way to listen to the console, and neither it nor Playwright's BiDi channel for Firefox
// sends touch input (a tap there reaches the page as no event at all).
export const DRIVER_GAPS = {
  chromium: new Set(),
  firefox: new Set(['touch']),
  webkit: new Set(['console', 'touch']),
};

// What each engine, as driven here, says of keeping a site's data (navigator.storage; Limber's
// words come from src/core/app/data_safety.h): at a first visit, after a session (its last answer
// asks the browser to keep the data), and after the Settings button asks again. The tests expect
// exactly this, so a change in an engine shows up.
export const STORAGE_RULES = {
  // Chromium grants persistent storage only to a site a person has engaged with or installed,
  // without asking: a fresh profile is refused, silently, each time.
  chromium: { kept: 'not_promised', afterSession: 'not_promised', canAsk: true, afterAsk: 'not_promised' },
  // Firefox asks the person when a session ends; the test profile's testing preference answers yes.
  firefox: { kept: 'not_promised', afterSession: 'promised', canAsk: true },
  // WebKitGTK's MiniBrowser has no navigator.storage: Limber cannot know, and says so.
  webkit: { kept: 'cannot_say', afterSession: 'cannot_say', canAsk: false },
};
// Inside a widget on another site (`widget`): Firefox and WebKit keep the frame's storage apart
// from the app's own site (partitioned by the top-level site), and the widget says so once. A
// Playwright context is a private window, where Chromium blocks cross-site cookies and with
// them the frame's storage: the widget keeps its session in memory and says so each visit.
STORAGE_RULES.chromium.widget = 'blocked';
STORAGE_RULES.firefox.widget = 'partitioned';
STORAGE_RULES.webkit.widget = 'partitioned';

// What each engine, as driven here, offers a session: voices to read aloud (`voices`); the screen
// wake lock asked for as a session starts without a person's gesture (`wakeLockWithoutGesture`:
// WebKit grants one only within a gesture, so the page asks again at the next key press or tap;
// after it, all three hold it); and the tones' AudioContext after that key press (`audio`:
// Firefox finds no sound device on these machines, its resume() never settles, so the page plays
// no tone and the session runs).
export const SESSION_RULES = {
  chromium: { voices: 'none', wakeLockWithoutGesture: 'held', audio: 'running' },
  firefox: { voices: 'none', wakeLockWithoutGesture: 'held', audio: 'suspended' },
  webkit: { voices: 'some', wakeLockWithoutGesture: 'refused', audio: 'running' },
};

// What the app says after a press on "Copy link" (state().linkCopy): whether the engine's
// clipboard took the link. Where it does not, the link is shown to copy by hand.
export const CLIPBOARD_RULES = { chromium: 'copied', firefox: 'copied', webkit: 'copied' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// A virtual display for the engines that need one, unless one is already given; shared by
// the engines running at once, and stopped with the last of them.
let display = null;
async function acquireDisplay() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (display) {
    ++display.users;
    return display.name;
  }
  for (let n = 90; n < 110; ++n) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const proc = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${n}`); ++i) await sleep(50);
    if (!existsSync(`/tmp/.X11-unix/X${n}`)) {
      proc.kill();
      throw new Error(`Xvfb did not start on display :${n} (is the xvfb package installed? scripts/setup installs it)`);
    }
    display = { name: `:${n}`, proc, users: 1 };
    return display.name;
  }
  throw new Error('no free X display number between :90 and :109 for Xvfb');
}
function releaseDisplay() {
  if (display && --display.users <= 0) {
    display.proc.kill();
    display = null;
  }
}

// ---- Playwright pages (Chromium, Firefox) -------------------------------------------------------
function playwrightPage(name, context, first, problems) {
  let page = first;
  const watch = (p) => watchConsole(p, problems);
  watch(page);
  return {
    problems,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    // A script's source run in the page as the driver runs its own (the page's CSP does not apply).
    runScript: (source) => page.evaluate(source),
    // In the page's n-th frame (an iframe of its document, in order), whatever its origin.
    evaluateInFrame: (n, fn, arg) => page.mainFrame().childFrames()[n].evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 30000) => page.waitForFunction(fn, arg, { timeout, polling: 50 }),
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    // Over BiDi, Playwright adds a <style> of its own to take a screenshot; Limber's Content
    // Security Policy refuses it and Firefox reports that as an error. That one refusal, made
    // during the screenshot, is the driver's and not the page's.
    async screenshot() {
      const before = problems.length;
      const shot = await page.screenshot({ caret: 'initial' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const ours = problems.splice(before).filter((p) => !/blocked an inline style \(style-src-elem\)/.test(p));
      problems.push(...ours);
      return shot;
    },
    press: (key) => page.keyboard.press(key),
    // Taps and clicks wait while the app holds them back after a tap that changed the view
    // (app/tap_guard.h), as a person's next deliberate tap would.
    click: async (x, y) => { await pressesReady(page); await page.mouse.click(x, y); },
    tap: DRIVER_GAPS[name].has('touch') ? null : async (x, y) => { await pressesReady(page); await page.touchscreen.tap(x, y); },
    // The tab closed as a person closes it (its pagehide runs), and the address opened in a new
    // tab of the same browser, with the same storage.
    async closeAndReopen(url) {
      const next = await context.newPage();
      watch(next);
      await page.close({ runBeforeUnload: false });
      page = next;
      await page.goto(url);
    },
    close: () => context.close(),
  };
}

async function launchPlaywright(name) {
  const env = { ...process.env };
  if (name === 'firefox') env.DISPLAY = await acquireDisplay();
  const browser = name === 'chromium'
    ? await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
    : await firefox.launch({ channel: 'moz-firefox', executablePath: FIREFOX, headless: false, env,
                             // navigator.storage.persist() asks the person; here the answer is yes.
                             firefoxUserPrefs: { 'dom.storageManager.prompt.testing': true,
                                                 'dom.storageManager.prompt.testing.allow': true } });
  return {
    version: browser.version(),
    async newPage({ width, height, touch = false }) {
      const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch });
      return playwrightPage(name, context, await context.newPage(), []);
    },
    async close() {
      await browser.close();
      if (name === 'firefox') releaseDisplay();
    },
  };
}

// ---- WebDriver pages (WebKitGTK) ----------------------------------------------------------------
const WEBDRIVER_KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, Escape: Key.ESCAPE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP };

// A function and its argument as a script WebDriver runs in the page, answering when any
// promise it returns settles (as Playwright's evaluate does).
function asyncScript(fn, arg) {
  return `const done = arguments[arguments.length - 1];
    Promise.resolve().then(() => (${fn.toString()})(${JSON.stringify(arg ?? null)}))
      .then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`;
}

async function launchWebKit() {
  const env = { ...process.env, DISPLAY: await acquireDisplay() };
  const port = await freePort();
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: 'ignore' });
  const server = `http://127.0.0.1:${port}`;
  for (let i = 0; ; ++i) {
    try {
      if ((await fetch(`${server}/status`)).ok) break;
    } catch { /* not listening yet */ }
    if (i > 100) {
      driverProcess.kill();
      throw new Error(`WebKitWebDriver did not answer on port ${port} (is webkit2gtk-driver installed? scripts/setup installs it)`);
    }
    await sleep(50);
  }
  let version = '';
  return {
    get version() { return version; },
    async newPage({ width, height }) {
      // Each page is a session of its own: a new MiniBrowser, whose automation sessions
      // keep their data in memory only (a first visit each time).
      const driver = await new Builder().usingServer(server).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      }).build();
      version = (await driver.getCapabilities()).get('browserVersion') || version;
      // The window holds a toolbar: size it so the page itself gets the asked-for viewport.
      await driver.manage().window().setRect({ width, height });
      const inner = await driver.executeScript('return [window.innerWidth, window.innerHeight]');
      await driver.manage().window().setRect({ width: width * 2 - inner[0], height: height * 2 - inner[1] });
      const evaluate = async (fn, arg) => {
        const reply = await driver.executeAsyncScript(asyncScript(fn, arg));
        if (reply && reply.error) throw new Error(`in the page: ${reply.error}`);
        return reply ? reply.value : undefined;
      };
      // As pressesReady() in harness.mjs: a click waits while the app holds taps back.
      const pressesReadyHere = async () => {
        for (const end = Date.now() + 5000; await evaluate(() => window.limber && window.limber.state().pressesHeld).catch(() => false);) {
          if (Date.now() > end) throw new Error('the app held presses back for 5 s');
          await sleep(20);
        }
      };
      return {
        problems: [],
        evaluate,
        runScript: (source) => driver.executeScript(source),
        async evaluateInFrame(n, fn, arg) {
          await driver.switchTo().frame(n);
          try {
            return await evaluate(fn, arg);
          } finally {
            await driver.switchTo().defaultContent();
          }
        },
        async waitFor(fn, arg, timeout = 30000) {
          const end = Date.now() + timeout;
          for (;;) {
            const value = await evaluate(fn, arg).catch(() => false);
            if (value) return value;
            if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${fn.toString()}`);
            await sleep(50);
          }
        },
        goto: (url) => driver.get(url),
        reload: () => driver.navigate().refresh(),
        screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
        press: (key) => driver.actions().sendKeys(WEBDRIVER_KEYS[key] ?? key).perform(),
        click: async (x, y) => {
          await pressesReadyHere();
          await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).press().release().perform();
        },
        tap: null,  // WebKitWebDriver has no touch input
        // A new tab in the same session (the same storage, kept in memory), then this one closed.
        async closeAndReopen(url) {
          const old = await driver.getWindowHandle();
          await driver.switchTo().newWindow('tab');
          const fresh = await driver.getWindowHandle();
          await driver.switchTo().window(old);
          await driver.close();
          await driver.switchTo().window(fresh);
          await driver.get(url);
        },
        close: () => driver.quit(),
      };
    },
    async close() {
      driverProcess.kill();
      releaseDisplay();
    },
  };
}

// ---- A browser on a profile of its own, with no driver (the kill test) -----------------------------
// Firefox or WebKitGTK opened at `url` on the profile folder `profile`, in a process group of its
// own, so that `kill()` ends all of it at once (SIGKILL, as a phone's system or a flat battery
// does) and the next open on the same folder finds what the last one stored. No driver: a
// WebDriver session in MiniBrowser keeps storage in memory only, and a driver would outlive the
// browser it drives. The page itself reports to the test (tests/browser/kill_probe/).
const FIREFOX_PROFILE_PREFS = {
  // Nothing between the start and the page: no first-run pages, no default-browser question.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': '',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  // After a kill: open only the address given, not the killed tabs, and never offer safe mode.
  'browser.sessionstore.resume_from_crash': false,
  'toolkit.startup.max_resumed_crashes': -1,
  'browser.tabs.crashReporting.sendReport': false,
  // navigator.storage.persist() asks the person; here the answer is yes.
  'dom.storageManager.prompt.testing': true,
  'dom.storageManager.prompt.testing.allow': true,
};

export async function openOnProfile(name, profile, url) {
  const env = { ...process.env, DISPLAY: await acquireDisplay() };
  let child;
  if (name === 'firefox') {
    const prefs = Object.entries(FIREFOX_PROFILE_PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`);
    mkdirSync(profile, { recursive: true });
    writeFileSync(join(profile, 'user.js'), prefs.join(''));
    child = spawn(FIREFOX, ['--no-remote', '--new-instance', '--profile', profile, url],
                  { env: { ...env, MOZ_CRASHREPORTER_DISABLE: '1' }, detached: true, stdio: 'ignore' });
  } else if (name === 'webkit') {
    // MiniBrowser keeps a site's data under the user's data folder: here, the profile.
    child = spawn(MINIBROWSER, [url], { env: { ...env, HOME: profile, XDG_DATA_HOME: join(profile, 'data'),
                                                XDG_CACHE_HOME: join(profile, 'cache'), XDG_CONFIG_HOME: join(profile, 'config') },
                                        detached: true, stdio: 'ignore' });
  } else {
    releaseDisplay();
    throw new Error(`openOnProfile: no plain launch for '${name}' (kill.test.mjs kills Chromium through its own launch)`);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    async kill() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch { /* already gone */ }
      await exited;
      releaseDisplay();
    },
  };
}

// Serves build/web/dist on a loopback port and starts the named engine.
export async function launchEngine(name) {
  const server = await startServer({ root: DIST, port: 0 });
  let engine;
  try {
    if (name === 'webkit') engine = await launchWebKit();
    else if (name === 'chromium' || name === 'firefox') engine = await launchPlaywright(name);
    else throw new Error(`unknown engine '${name}' (engines: chromium, firefox, webkit)`);
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    name,
    url: server.url,
    get version() { return engine.version; },
    gaps: DRIVER_GAPS[name],
    newPage: (options) => engine.newPage(options),
    async close() {
      await engine.close();
      await server.close();
    },
  };
}
