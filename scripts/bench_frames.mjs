// scripts/bench_frames.mjs: what drawing the exercise figure costs, in headless Chromium
// (SwiftShader's software WebGL, as on a machine without a GPU). At 1280x800: the player's
// frames per second while a session runs, and the vertices, indices and draw calls of its
// frames (window.limber.state().frameGeometry), beside the frame rate of the stock Dear ImGui
// demo window (Dear ImGui's own SDL2 and OpenGL 3 backends) in the same run
// (build/web/imgui_demo, built by scripts/bench). Reported, never judged; the vertex budget
// is printed beside the figure.
//
//   node scripts/bench_frames.mjs        (build/web/dist and build/web/imgui_demo built)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { command, launch, openApp, state } from '../tests/browser/harness.mjs';

// Set from measurement: the player's frames at 1280x800 (a session's figure with its arrow,
// its controls and text) held 4,488 vertices in December 2026 (5,204 before the figure was
// drawn as chains of single convex shapes; 2,872 once its circles were cut to a third of a
// pixel's error and its outlines drawn as baked lines); the budget leaves room for the
// figure to grow, and a regression stands out.
const PLAYER_VERTEX_BUDGET = 4000;
const SECONDS = 5;
const DEMO = fileURLToPath(new URL('../build/web/imgui_demo/', import.meta.url));

const h = await launch();
const rows = [];
try {
  const { page, context } = await h.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await openApp(page, h.url);
  await command(page, 'start', 'gentle_bad_day');
  await command(page, 'pain', 'skip');
  await page.waitForFunction(() => window.limber.state().session.stage === 'running');
  await page.waitForTimeout(1000);
  // Frames counted without asking for the state in between (that costs frames of its own);
  // the geometry sampled after, through the move, the hold and the release.
  const f0 = (await state(page)).frames;
  const t0 = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const f1 = (await state(page)).frames;
  const playerFps = (f1 - f0) / ((Date.now() - t0) / 1000);
  const geometry = [];
  for (let i = 0; i < 12; ++i) {
    geometry.push((await state(page)).frameGeometry);
    await page.waitForTimeout(500);
  }
  const most = (key) => Math.max(...geometry.map((g) => g[key]));
  rows.push(['player (a session, 1280x800)', playerFps, most('vertices'), most('indices'), most('drawCalls')]);
  await context.close();

  if (existsSync(DEMO + 'imgui_demo.wasm')) {
    const demo = await h.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await demo.page.route('**/imgui-demo/*', (route) =>
      route.fulfill({ path: DEMO + new URL(route.request().url()).pathname.split('/').pop() }));
    await demo.page.goto(h.url + 'imgui-demo/index.html');
    await demo.page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._demo_frames() > 10);
    await demo.page.waitForTimeout(1000);
    const d0 = await demo.page.evaluate(() => Module._demo_frames());
    const s0 = Date.now();
    await demo.page.waitForTimeout(SECONDS * 1000);
    const d1 = await demo.page.evaluate(() => Module._demo_frames());
    rows.push(['stock Dear ImGui demo window', (d1 - d0) / ((Date.now() - s0) / 1000), NaN, NaN, NaN]);
    await demo.context.close();
  } else {
    console.log('(the Dear ImGui demo is not built: scripts/bench builds it)');
  }
} finally {
  await h.close();
}
console.log('what                             frames/s  vertices  indices  draw calls');
for (const [what, fps, v, i, d] of rows) {
  const n = (x) => (Number.isNaN(x) ? '-' : String(x)).padStart(8);
  console.log(`${what.padEnd(32)} ${fps.toFixed(1).padStart(8)}  ${n(v)} ${n(i)}  ${n(d).padStart(10)}`);
}
const player = rows[0];
console.log(`player vertices: ${player[2]} of a ${PLAYER_VERTEX_BUDGET} budget (reported, not judged)`);
if (rows[1]) console.log(`player frame rate: ${(player[1] / rows[1][1]).toFixed(2)} times the demo's (aim: at least 1)`);
