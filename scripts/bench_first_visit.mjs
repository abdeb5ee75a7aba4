// scripts/bench_first_visit.mjs: a person's first visit on a slow phone, in headless Chromium
// (scripts/bench runs it; reported, never judged). DevTools' "Fast 3G" (562.5 ms round trip,
// 180,000 bytes/s down) and the CPU slowed four times; from a plain host and from a compressing
// one (gzip): the time from the address to the first usable screen (the first frame drawn),
// the bytes sent until then, and the bytes sent in all once the offline worker holds the app
// (each file once: the worker reuses what the page downloaded).
//
//   node scripts/bench_first_visit.mjs      (build/web/dist must be built)
import { startServer } from './serve.mjs';
import { DIST, launch } from '../tests/browser/harness.mjs';

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };
const h = await launch();
const rows = [];
try {
  for (const gzip of [false, true]) {
    let bytes = 0;
    const server = await startServer({ root: DIST, port: 0, gzip, onResponse: (path, status, n) => { bytes += n; } });
    const { page, context } = await h.newPage({ viewport: { width: 390, height: 844 } });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t0 = Date.now();
    await page.goto(server.url, { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.limber, null, { timeout: 120000, polling: 50 });
    await page.evaluate(() => window.limber.ready);
    const usableMs = Date.now() - t0;
    const firstBytes = bytes;
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 180000 });
    rows.push({ host: gzip ? 'gzip' : 'plain', usableMs, firstBytes, allBytes: bytes });
    await context.close();
    await server.close();
  }
} finally {
  await h.close();
}
console.log('host   first usable screen (ms)  bytes until then  bytes once offline-ready');
for (const r of rows) {
  console.log(`${r.host.padEnd(5)}  ${String(r.usableMs).padStart(24)}  ${String(r.firstBytes).padStart(16)}  ${String(r.allBytes).padStart(24)}`);
}
