// The routine editor's QR code (src/core/links/qr_code.h, drawn by the UI): a screenshot of what
// the canvas drew decodes, with a QR reader from npm (jsqr), to the routine's link, which opens
// the routine in Limber.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';

import { command, launch, openApp, settle, state } from './harness.mjs';
import { decodePng, rgbaOf } from './png.mjs';

let h;
before(async () => {
  h = await launch();
  mkdirSync(new URL('../../build/artifacts', import.meta.url), { recursive: true });
});
after(async () => { await h.close(); });

async function decodeQr(page) {
  const box = await page.getByRole('img', { name: /^QR code: a link that opens / }).boundingBox();
  assert.ok(box && box.width > 100, 'the QR code is drawn');
  const shot = await page.screenshot({ clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
  const image = decodePng(shot);
  const rgba = rgbaOf(image);
  return { found: jsQR(rgba, image.width, image.height), shot };
}

describe('QR code', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: the editor's QR code reads back as the routine's link, and that link opens the routine`, async () => {
      const { page, problems } = await h.newPage({ viewport: { width: 600, height: 1400 } });
      await openApp(page, h.url);
      await command(page, 'theme', theme);
      for (const [name, arg] of [['new_routine'], ['text', 'routine_name=Back to work, week 2'], ['add_exercise', 'knee_rolls'],
                                 ['add_exercise', 'cat_cow'], ['add_exercise', 'pelvic_tilt'],
                                 ['text', 'link_note=Twice a day for two weeks; stop if the pain goes above 5.']]) {
        assert.deepEqual(await command(page, name, arg), { ok: true }, name);
      }
      for (let i = 0; i < 4; ++i) { await command(page, 'scroll', '3000'); await settle(page); }  // to the end of the editor
      await settle(page);
      const { found, shot } = await decodeQr(page);
      writeFileSync(new URL(`../../build/artifacts/qr-${theme}.png`, import.meta.url), shot);
      assert.ok(found, 'a QR reader finds the code in the screenshot');
      assert.deepEqual(await command(page, 'share_link'), { ok: true });
      const link = (await state(page)).lastLink;
      assert.equal(found.data, `${h.url}#${link}`);
      // What a phone camera does with it: opens the address.
      const { page: phone } = await h.newPage({ viewport: { width: 390, height: 844 } });
      await phone.goto(found.data);
      await phone.evaluate(() => window.limber.ready);
      const opened = await phone.evaluate(() => window.limber.state());
      assert.equal(opened.screen, 'shared_routine');
      assert.equal(opened.incoming.name, 'Back to work, week 2');
      assert.equal(opened.incoming.exercises, 3);
      assert.deepEqual(problems, []);
    });
  }
});
