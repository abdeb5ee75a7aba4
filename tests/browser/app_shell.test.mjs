// The app shell in a real headless Chromium (WebGL2 on SwiftShader): it starts cleanly,
// draws a real first screen, answers the automation interface, takes mouse and touch
// input, follows resizes and pixel densities, and draws nothing while nothing changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { command, control, launch, openApp, pressesReady, settle, state } from './harness.mjs';
import { decodePng, pixelStats } from './png.mjs';

// Counts WebGL draw calls from outside the app, to check the app's own frame counter.
const countGlDraws = () => {
  window.__glDraws = 0;
  for (const name of ['drawElements', 'drawArrays']) {
    const original = WebGL2RenderingContext.prototype[name];
    WebGL2RenderingContext.prototype[name] = function (...args) {
      window.__glDraws++;
      return original.apply(this, args);
    };
  }
};

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

describe('start-up', () => {
  it('loads without console errors and reports a ready Today screen', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    const s = await openApp(page, h.url);
    assert.equal(s.app, 'limber');
    assert.equal(s.ready, true);
    assert.equal(s.screen, 'today');
    assert.ok(s.frames >= 1, `frames drawn: ${s.frames}`);
    assert.equal(await page.title(), 'Today – Limber', 'the page title names the screen');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Today');
    assert.equal(await page.getAttribute('meta[name="theme-color"]', 'content'), '#1F6F63');
    assert.equal(await page.isVisible('#loading'), false, 'the loading indicator is hidden once drawn');
    assert.equal(await page.isVisible('#problem'), false);
    // The app loaded and validated the whole catalogue at start-up.
    const assetCount = (file, key) =>
      JSON.parse(readFileSync(new URL(`../../assets/catalogue/${file}`, import.meta.url)))[key].length;
    assert.deepEqual(s.catalogue, {
      exercises: assetCount('exercises.json', 'exercises'),
      routines: assetCount('routines.json', 'routines'),
    });
    const start = control(s, 'start');
    assert.equal(start.label, 'Start');
    assert.ok(start.height >= 44 && start.width >= 44, `the start button is a large touch target: ${start.width}x${start.height}`);
    assert.deepEqual(problems, []);
  });

  it('draws a real first screen: the canvas is not blank', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await openApp(page, h.url);
    await settle(page);
    const image = decodePng(await page.locator('#canvas').screenshot());
    const stats = pixelStats(image);
    assert.equal(image.width, 390);
    assert.ok(stats.colours > 50, `anti-aliased text and shapes give many colours, got ${stats.colours}`);
    assert.ok(stats.differing > 0.03, `over 3% of pixels are drawn content, got ${(stats.differing * 100).toFixed(1)}%`);
    // The page background is the theme's, not WebGL's default black.
    assert.deepEqual(stats.background, [0xf6, 0xf3, 0xec]);
    // The first primary button (the first visit's "I understand") is filled with the
    // theme's primary colour just inside its left edge, at mid-height.
    const s = await state(page);
    const ok = control(s, 'safety-ok');
    const [r, g, b] = image.at(Math.round(ok.left + 6), Math.round(ok.y));
    assert.deepEqual([r, g, b], [0x1f, 0x6f, 0x63], 'the button is drawn where the state says it is');
    assert.deepEqual(problems, []);
  });
});

describe('loading', () => {
  it('shows a loading indicator with progress while the app downloads, then gives way to it', async () => {
    const { page, problems } = await h.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/limber.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(h.url);
    await page.waitForSelector('#loading', { state: 'visible' });
    assert.match(await page.textContent('#loading'), /Loading/);
    assert.deepEqual(await page.evaluate(() => window.limber.state()), { app: 'limber', ready: false, loading: true });
    assert.match((await page.evaluate(() => window.limber.command('ping'))).error, /still starting/);
    release();
    await page.evaluate(() => window.limber.ready);
    assert.equal(await page.isVisible('#loading'), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'the canvas takes keyboard focus');
    assert.deepEqual(problems, []);
  });
});

describe('automation interface', () => {
  it('answers state and commands, and refuses malformed commands with a reason', async () => {
    const { page, problems } = await h.newPage();
    await openApp(page, h.url);
    assert.deepEqual(await command(page, 'ping'), { ok: true });
    assert.deepEqual(await command(page, 'navigate', 'safety'), { ok: true });
    assert.equal((await state(page)).screen, 'safety');
    assert.equal((await state(page)).canGoBack, true);
    assert.deepEqual(await command(page, 'back'), { ok: true });
    assert.equal((await state(page)).screen, 'today');

    const unknown = await command(page, 'fly');
    assert.equal(unknown.ok, false);
    assert.match(unknown.error, /unknown command 'fly'/);
    const badScreen = await command(page, 'navigate', 'nowhere');
    assert.match(badScreen.error, /unknown screen 'nowhere'/);
    assert.deepEqual(await command(page, 'back'), { ok: false, error: 'back: already on the first screen' });
    const notString = await page.evaluate(() => window.limber.command('navigate', 42));
    assert.match(notString.error, /must be a string/);
    const noName = await page.evaluate(() => window.limber.command());
    assert.match(noName.error, /non-empty string/);
    assert.equal((await state(page)).screen, 'today', 'refused commands change nothing');
    assert.deepEqual(problems, []);
  });
});

describe('input', () => {
  it('a mouse click on Start opens the session player', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1024, height: 1000 } });
    const s = await openApp(page, h.url);
    const start = control(s, 'start');
    await page.mouse.click(start.x, start.y);
    await page.waitForFunction(() => window.limber.state().screen === 'player', null, { timeout: 5000 });
    assert.equal((await state(page)).session.stage, 'pain_before');
    assert.deepEqual(problems, []);
  });

  it('quick touch taps work (a phone: touch only, pixel ratio 3)', async () => {
    const { page, problems } = await h.newPage({
      viewport: { width: 360, height: 640 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true,
    });
    let s = await openApp(page, h.url);
    await page.touchscreen.tap(control(s, 'tab-library').x, control(s, 'tab-library').y);
    await page.waitForFunction(() => window.limber.state().screen === 'library', null, { timeout: 5000 });
    s = await settle(page);
    await pressesReady(page);
    await page.touchscreen.tap(control(s, 'bed-In bed').x, control(s, 'bed-In bed').y);
    await page.waitForFunction(() => window.limber.state().controls.every((c) => !c.id.startsWith('exercise-cat_cow')), null, { timeout: 5000 });
    s = await settle(page);
    await pressesReady(page);
    await page.touchscreen.tap(control(s, 'tab-today').x, control(s, 'tab-today').y);
    await page.waitForFunction(() => window.limber.state().screen === 'today', null, { timeout: 5000 });
    assert.deepEqual(problems, []);
  });

  it('a tap leaves nothing highlighted, as a phone has no hover; a mouse still highlights what it is over', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
    let s = await openApp(page, h.url);
    await command(page, 'navigate', 'library');
    s = await settle(page);
    const chip = control(s, 'bed-In bed');
    await pressesReady(page);
    await page.touchscreen.tap(chip.x, chip.y);
    await page.waitForFunction(() => window.limber.state().controls.every((c) => !c.id.startsWith('exercise-cat_cow')));
    s = await settle(page);
    assert.deepEqual(s.controls.filter((c) => c.hovered).map((c) => c.id), [], 'nothing stays highlighted after the tap');
    const { page: desk } = await h.newPage({ viewport: { width: 1024, height: 800 } });
    s = await openApp(desk, h.url);
    const start = control(s, 'start');
    await desk.mouse.move(start.x, start.y);
    await desk.waitForFunction(() => window.limber.state().controls.some((c) => c.id === 'start' && c.hovered));
    assert.deepEqual(problems, []);
  });
});

describe('rendering on demand', () => {
  it('draws no frames over idle seconds on a static screen, and wakes for input', async () => {
    const { page, context, problems } = await h.newPage({ viewport: { width: 800, height: 600 } });
    await context.addInitScript(countGlDraws);
    await openApp(page, h.url);
    const idle = await settle(page);
    const drawsBefore = await page.evaluate(() => window.__glDraws);
    await page.waitForTimeout(3000);
    const later = await state(page);
    assert.equal(later.frames, idle.frames, 'the app drew no frame while idle');
    assert.equal(later.sleeping, true);
    assert.equal(await page.evaluate(() => window.__glDraws), drawsBefore, 'WebGL saw no draw call while idle');

    await page.mouse.move(400, 300);
    await page.mouse.move(410, 310);
    await page.waitForFunction((n) => window.limber.state().frames > n, idle.frames, { timeout: 5000 });
    const woken = await settle(page);
    assert.ok(woken.frames - idle.frames <= 20, `a mouse move costs a few frames, not a stream: ${woken.frames - idle.frames}`);
    assert.ok((await page.evaluate(() => window.__glDraws)) > drawsBefore);
    assert.deepEqual(problems, []);
  });

  it("an exercise page's moving figure stops drawing when scrolled out of view, and moves again when back", async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    await command(page, 'exercise', 'cat_cow');
    await page.waitForFunction(() => window.limber.state().screen === 'exercise' && window.limber.state().figures === 1);
    let s = await state(page);
    assert.equal(s.sleeping, false, 'the figure moves');
    for (let i = 0; i < 3; ++i) await command(page, 'scroll', '3000');
    s = await settle(page);  // asleep: nothing left to draw
    assert.equal(s.figures, 0, 'no figure drawn while out of view');
    for (let i = 0; i < 3; ++i) await command(page, 'scroll', '-3000');
    await page.waitForFunction(() => window.limber.state().figures === 1);
    const back = await state(page);
    await page.waitForFunction((n) => window.limber.state().frames > n + 5, back.frames);
    assert.equal((await state(page)).sleeping, false, 'in view, it moves again');
    assert.deepEqual(problems, []);
  });

  it('a command wakes a sleeping app to show its result', async () => {
    const { page } = await h.newPage();
    await openApp(page, h.url);
    const idle = await settle(page);
    await command(page, 'navigate', 'safety');
    const s = await settle(page);
    assert.ok(s.frames > idle.frames);
    assert.ok(s.controls.some((c) => c.id === 'back'), 'the new screen was drawn: its Back button is listed');
  });
});

describe('viewport', () => {
  for (const ratio of [1, 2, 3]) {
    it(`renders at device pixel ratio ${ratio} with fonts rasterised for it`, async () => {
      const { page, problems } = await h.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: ratio });
      await openApp(page, h.url);
      const s = await settle(page);
      assert.equal(s.viewport.pixelRatio, ratio);
      assert.equal(s.viewport.width, 360);
      assert.equal(s.viewport.framebufferWidth, 360 * ratio);
      assert.equal(s.viewport.framebufferHeight, 640 * ratio);
      assert.equal(s.fontPixelRatio, ratio);
      const canvas = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
      assert.deepEqual(canvas, [360 * ratio, 640 * ratio], 'the canvas backing store matches the real pixels');
      assert.deepEqual(problems, []);
    });
  }

  it('follows a window resize', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });
    await openApp(page, h.url);
    const small = await settle(page);
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.waitForFunction(() => window.limber.state().viewport.width === 1200, null, { timeout: 5000 });
    const large = await settle(page);
    assert.equal(large.viewport.framebufferWidth, 2400);
    assert.ok(large.frames > small.frames);
    // The same button before and after: as wide as the phone's column, then wider, up to the
    // column's limit, on a wide window.
    const before = control(small, 'start');
    const after = control(large, 'start');
    assert.ok(before.width > 240 && before.width < 360, `on a 360 px phone the button spans the column: ${before.width}`);
    assert.ok(after.width > before.width && after.width <= 560, `the column widens, up to its limit: ${before.width} -> ${after.width}`);
    assert.ok(after.x > 300 && after.x + after.width <= 1200, `and sits away from the left edge, inside the window: ${after.x} + ${after.width}`);
    assert.deepEqual(problems, []);
  });
});

describe('addresses', () => {
  it('an exercise page has its own address: a reload opens the same exercise, and Back goes to Today', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, h.url);
    assert.deepEqual(await command(page, 'exercise', 'knee_rolls'), { ok: true });
    await page.waitForFunction(() => location.hash === '#exercise=knee_rolls');
    await page.reload();
    await page.evaluate(() => window.limber.ready);
    await page.waitForFunction(() => window.limber.state().screen === 'exercise');  // its figure moves: no settling
    assert.equal(await page.title(), 'Knee rolls – Limber');
    assert.equal(await page.evaluate(() => location.hash), '#exercise=knee_rolls');
    await page.goBack();
    await page.waitForFunction(() => window.limber.state().screen === 'today');
    assert.deepEqual(problems, []);
  });
});

describe('touch scrolling', () => {
  it('a flick travels on after the finger lifts, slows to a stop, and stops cleanly at the end of the page', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await openApp(page, h.url);
    await command(page, 'navigate', 'safety');  // the longest page
    let s = await settle(page);
    assert.ok(s.scroll.max > 1500, `a long page: ${s.scroll.max} px to scroll`);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 195, y }] });
    // A flick up: 320 px in about 100 ms, then the finger lifts (the gaps are the gesture itself).
    const flick = async () => {
      await touch('touchStart', 700);
      for (let i = 1; i <= 8; ++i) { await touch('touchMove', 700 - i * 40); await page.waitForTimeout(12); }
      await touch('touchEnd');
      return (await state(page)).scroll.y;
    };
    const lifted = await flick();
    await page.waitForFunction((y) => window.limber.state().scroll.y > y + 100, lifted, { timeout: 5000 });
    s = await settle(page);  // it stops by itself: the app goes back to sleep
    assert.ok(s.scroll.y > lifted + 100, `the page went on ${Math.round(s.scroll.y - lifted)} px after the finger lifted`);
    assert.ok(s.scroll.y < s.scroll.max, 'one flick does not reach the end of the safety page');
    // Flicked near the end: the glide stops there, not past it.
    await command(page, 'scroll', String(Math.round(s.scroll.max - s.scroll.y - 150)));
    s = await settle(page);
    await flick();
    s = await settle(page);
    assert.equal(s.scroll.y, s.scroll.max, `the glide stopped at the end (${s.scroll.y} of ${s.scroll.max})`);
    assert.deepEqual(problems, []);
  });
});
