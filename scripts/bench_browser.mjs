// scripts/bench_browser.mjs: how start-up, a write, a restore and an export grow with a
// person's history, in headless Chromium (scripts/bench runs it; timings are reported, never
// judged). For 0, 10, 100, 1,000 and 5,000 sessions: the time to the first frame (median of
// three reloads), the WebAssembly heap after start-up, the bytes written for one finished
// exercise, and the time to restore and to export the whole history.
//
//   node scripts/bench_browser.mjs [sizes...]      (build/web/dist must be built)
import { launch, openApp, state, command } from '../tests/browser/harness.mjs';
import { backupText } from '../tests/browser/history_fixture.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n >= 0);
const SIZES = sizes.length ? sizes : [0, 10, 100, 1000, 5000];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wait = (page, f, arg) => page.waitForFunction(f, arg, { timeout: 120000, polling: 20 });

const h = await launch();
const rows = [];
try {
  for (const n of SIZES) {
    const { page, context } = await h.newPage({ viewport: { width: 1024, height: 900 }, acceptDownloads: true });
    await openApp(page, h.url);
    let restoreMs = 0;
    if (n > 0) {
      const text = backupText(n, { endMs: Date.now() - 86_400_000 });
      const t0 = Date.now();
      await command(page, 'import', text);
      await wait(page, (k) => window.limber.state().data.sessions === k && window.limber.state().storage.status === 'saved', n);
      restoreMs = Date.now() - t0;
    }
    const first = [];
    for (let i = 0; i < 3; ++i) {
      await page.reload();
      first.push(await page.evaluate(() => window.limber.ready.then(() => performance.now())));
    }
    const heap = (await state(page)).heapBytes;
    const t1 = Date.now();
    const download = page.waitForEvent('download');
    await command(page, 'export', 'backup');
    await download;
    const exportMs = Date.now() - t1;
    await command(page, 'start', 'gentle_bad_day');
    await command(page, 'pain', '3');
    await command(page, 'clock_rate', '100');
    await wait(page, () => window.limber.state().session.finished >= 1 && window.limber.state().storage.status === 'saved');
    const writeBytes = (await state(page)).storage.lastWriteBytes;
    rows.push({ n, firstFrameMs: Math.round(median(first)), heapMB: (heap / 1048576).toFixed(0), writeBytes, restoreMs, exportMs });
    await context.close();
  }
} finally {
  await h.close();
}
console.log('sessions  first frame (ms)  heap (MB)  one exercise written (bytes)  restore (ms)  export (ms)');
for (const r of rows) {
  console.log(`${String(r.n).padStart(8)}  ${String(r.firstFrameMs).padStart(16)}  ${String(r.heapMB).padStart(9)}  ` +
              `${String(r.writeBytes).padStart(28)}  ${String(r.restoreMs).padStart(12)}  ${String(r.exportMs).padStart(11)}`);
}
const base = rows.find((r) => r.n === 0);
const top = rows[rows.length - 1];
if (base && top && top.n > 0) {
  console.log(`first frame with ${top.n} sessions: ${(top.firstFrameMs / base.firstFrameMs).toFixed(2)} times an empty profile's ` +
              '(aim: within 1.5; reported, not judged)');
}
