// The exercise gallery (#gallery): every exercise at its start and held positions. The
// screenshots are kept as test artifacts in build/artifacts/ for people to review.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { stillsOf } from './clips_fixture.mjs';
import { command, launch, settle } from './harness.mjs';
import { decodePng } from './png.mjs';

const ARTIFACTS = new URL('../../build/artifacts/', import.meta.url);
const exercises = JSON.parse(readFileSync(new URL('../../assets/catalogue/exercises.json', import.meta.url))).exercises;
const stills = exercises.reduce((n, e) => n + stillsOf(e.id), 0);

// How many pixels of an image are close to a colour.
function countColour(image, [r, g, b], tolerance = 6) {
  let n = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const [pr, pg, pb] = image.at(x, y);
      if (Math.abs(pr - r) <= tolerance && Math.abs(pg - g) <= tolerance && Math.abs(pb - b) <= tolerance) n++;
    }
  }
  return n;
}

let h;
before(async () => { h = await launch(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await h?.close(); });

describe('gallery', () => {
  it('a link to #gallery shows every exercise at its start and held positions', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1400, height: 2300 }, deviceScaleFactor: 1 });
    await page.goto(h.url + '#gallery');
    await page.evaluate(() => window.limber.ready);
    const s = await settle(page);
    assert.equal(s.screen, 'gallery');
    assert.equal(s.canGoBack, true, 'Back returns to the first screen');
    assert.equal(s.clips, exercises.length, 'one clip per exercise');
    assert.equal(s.figures, stills, 'start and held of every exercise (and both phases of two-phase ones), all in view');
    assert.ok(stills > 2 * exercises.length, 'cat-cow shows the cat and the cow');
    const png = await page.locator('#canvas').screenshot();
    writeFileSync(new URL('gallery.png', ARTIFACTS), png);
    const image = decodePng(png);
    // The figures are drawn: plenty of the body's blue and the skin tone.
    assert.ok(countColour(image, [0x3a, 0x7f, 0xa0]) > 20000, 'body colour present');
    assert.ok(countColour(image, [0xe7, 0xb8, 0x99]) > 10000, 'skin colour present');
    assert.deepEqual(problems, []);
  });

  it('the dark theme draws the gallery in its own palette', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 1400, height: 2300 }, deviceScaleFactor: 1 });
    await page.goto(h.url + '#gallery');
    await page.evaluate(() => window.limber.ready);
    assert.deepEqual(await command(page, 'theme', 'dark'), { ok: true });
    const s = await settle(page);
    assert.equal(s.theme, 'dark');
    const png = await page.locator('#canvas').screenshot();
    writeFileSync(new URL('gallery-dark.png', ARTIFACTS), png);
    const image = decodePng(png);
    assert.deepEqual(image.at(2, 2), [0x14, 0x19, 0x1c], 'the dark background');
    assert.ok(countColour(image, [0x5f, 0xa3, 0xc4]) > 20000, 'the dark theme body colour');
    assert.deepEqual(problems, []);
  });

  it('on a phone the gallery draws only the figures in view, and Back goes to Today', async () => {
    const { page, problems } = await h.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true });
    await page.goto(h.url + '#gallery');
    await page.evaluate(() => window.limber.ready);
    const s = await settle(page);
    assert.ok(s.figures >= 2 && s.figures < stills, `figures in view: ${s.figures}`);
    writeFileSync(new URL('gallery-phone.png', ARTIFACTS), await page.locator('#canvas').screenshot());
    // And in the dark theme, for review beside the light one.
    assert.deepEqual(await command(page, 'theme', 'dark'), { ok: true });
    await settle(page);
    const darkPng = await page.locator('#canvas').screenshot();
    writeFileSync(new URL('gallery-phone-dark.png', ARTIFACTS), darkPng);
    const dark = decodePng(darkPng);
    assert.ok(countColour(dark, [0x5f, 0xa3, 0xc4]) > 2000, 'the dark theme body colour on the phone');
    assert.deepEqual(await command(page, 'theme', 'light'), { ok: true });
    await settle(page);
    const back = s.controls.find((c) => c.id === 'back');
    await page.touchscreen.tap(back.x + back.width / 2, back.y + back.height / 2);
    await page.waitForFunction(() => window.limber.state().screen === 'today', null, { timeout: 5000 });
    assert.deepEqual(problems, []);
  });
});

describe('framing', () => {
  // The figure fills its frame at every screen size: on a phone each still takes the column's
  // whole width, one under another; on a desktop they stand side by side across it. Read from
  // the page's mirror of what the canvas drew (each figure is an image there, with its box).
  for (const [width, height] of [[320, 568], [390, 844], [1280, 800]]) {
    it(`at ${width} px the exercise page's stills fill the width the page gives them`, async () => {
      const { page, problems } = await h.newPage({ viewport: { width, height } });
      await page.goto(h.url);
      await page.evaluate(() => window.limber.ready);
      await command(page, 'exercise', 'knee_rolls');
      await command(page, 'setting', 'reduced_motion=on');
      await settle(page);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('#mirror [role=img]')]
        .filter((e) => /^Knee rolls: /.test(e.getAttribute('aria-label')))
        .map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }));
      assert.equal(boxes.length, stillsOf('knee_rolls'));
      for (const b of boxes) {
        assert.ok(b.x >= 0 && b.x + b.w <= width, `inside the screen: ${JSON.stringify(b)}`);
        assert.ok(b.h >= 100 && b.h <= b.w, `as tall as the figure needs: ${JSON.stringify(b)}`);
      }
      // The page's column less its margins and scroll bar: 80% of a phone's width, 540 px on a desktop.
      const across = width > 600 ? boxes.reduce((sum, b) => sum + b.w, 0) + 10 * (boxes.length - 1) : Math.min(...boxes.map((b) => b.w));
      assert.ok(across >= (width > 600 ? 540 : 0.8 * width), `filling the column: ${Math.round(across)} px of ${width}`);
      if (width < 600) assert.ok(boxes[1].y >= boxes[0].y + boxes[0].h, 'one under another on a phone');
      else assert.equal(Math.round(boxes[1].y), Math.round(boxes[0].y), 'side by side on a desktop');
      writeFileSync(new URL(`exercise-stills-${width}.png`, ARTIFACTS), await page.screenshot());
      assert.deepEqual(problems, []);
    });
  }
});
