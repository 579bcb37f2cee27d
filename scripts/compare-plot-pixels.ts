/**
 * The plot's pixels in two checkouts, compared (issue 19, round three: a scene drawn into textures
 * must look as one drawn on the stage):
 *
 *   npx tsx scripts/compare-plot-pixels.ts <checkout A> <checkout B>
 *
 * Builds and serves each checkout (bench-app.ts), opens December 2018 (ROK account) paused at
 * t = 540 s and the 1,000-unit exercise (generateScenario, seed 1, 10 minutes) paused at t = 120 s,
 * with no one selected and again with a unit selected whose radar sweeps (the one the browser
 * benchmark selects), renders one frame and reads the canvas's pixels; then prints, per scene,
 * how many pixels differ, by how much at most (0–255 a channel) and the box they lie in. Radar
 * sweeps and lock beams move with real time: the page's clock (performance.now) is stopped at the
 * same moment in both checkouts before the frame is rendered, so they are drawn alike.
 */
import { rmSync } from 'node:fs';
import { buildAndServe } from './bench-app.ts';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { generateScenario } from '../src/core/synthetic/generate';

const roots = process.argv.slice(2);
if (roots.length !== 2) throw new Error('usage: npx tsx scripts/compare-plot-pixels.ts <checkout A> <checkout B>');
const yaml = generateScenario({ units: 1000, durationS: 600, seed: 1 }).yaml;
const SCENES = [
  { name: 'December 2018, t = 540 s', query: '/?scenario=dec-2018-noto&account=rok', t: 540, big: false },
  { name: '1,000 units, t = 120 s', query: '/?scenario=control-cues-exchange', t: 120, big: true },
  { name: '1,000 units, t = 120 s, a sweeping unit selected', query: '/?scenario=control-cues-exchange', t: 120, big: true, select: true },
];
/** The page's real time (ms) while the frame is rendered: sweep angles and beam pulses follow it. */
const FROZEN_NOW_MS = 123_456;

const browser = await launchBrowser();
const pixels: { size: string; data: Buffer }[][] = [];
try {
  for (const root of roots) {
    const { server, url, outDir } = await buildAndServe(root, { prefix: 'encounter-sim-pixels-' });
    const mine: { size: string; data: Buffer }[] = [];
    try {
      for (const sc of SCENES) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        // tsx (esbuild, keepNames) wraps named functions of page.evaluate callbacks in __name().
        await ctx.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
        const page = await ctx.newPage();
        await page.goto(new URL(sc.query, url).href);
        await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!window.__encounterPlot, undefined, { timeout: 600_000 });
        if (sc.big)
          await page.evaluate(async (text) => {
            const st = window.encounterSim!.store;
            st.getState().openText('synthetic-1000.yaml', text);
            await st.getState().settled();
          }, yaml);
        const read = await page.evaluate(
          async ({ t, select, now }) => {
            const s = window.encounterSim!.store.getState();
            s.pause();
            s.seek(t);
            const p = window.__encounterPlot!;
            if (select) {
              // As bench-browser.ts chooses: a unit on screen whose search radar sweeps at the playhead.
              p.renderNow();
              const u = s
                .replay!.frameAt(t)
                .units.find((x) => x.emitters.some((e) => e.type === 'search-radar' && e.mode === 'search') && p.unitAt(x.spec.id)?.visible);
              s.selectUnit(u?.spec.id ?? null);
            }
            await new Promise((r) => setTimeout(r, 500));
            p.app.ticker.stop();
            performance.now = () => now;
            p.renderNow();
            const gl = (p.app.renderer as unknown as { gl: WebGLRenderingContext }).gl;
            const w = gl.drawingBufferWidth;
            const h = gl.drawingBufferHeight;
            const a = new Uint8Array(w * h * 4);
            gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, a);
            let bin = '';
            for (let i = 0; i < a.length; i += 8192) bin += String.fromCharCode(...a.subarray(i, i + 8192));
            return { size: `${w}x${h}`, data: btoa(bin) };
          },
          { t: sc.t, select: !!sc.select, now: FROZEN_NOW_MS },
        );
        mine.push({ size: read.size, data: Buffer.from(read.data, 'base64') });
        await ctx.close();
      }
    } finally {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
    pixels.push(mine);
  }
} finally {
  await browser.close();
}

SCENES.forEach((sc, k) => {
  const a = pixels[0]![k]!;
  const b = pixels[1]![k]!;
  if (a.size !== b.size) return console.log(`${sc.name}: canvas ${a.size} against ${b.size}`);
  const w = Number(a.size.split('x')[0]);
  let n = 0;
  let max = 0;
  const box = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
  for (let i = 0; i < a.data.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(a.data[i + c]! - b.data[i + c]!));
    if (!d) continue;
    n++;
    max = Math.max(max, d);
    const x = (i / 4) % w;
    const y = Math.floor(i / 4 / w);
    box.x0 = Math.min(box.x0, x);
    box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, y);
  }
  const where = n ? `, within x ${box.x0}–${box.x1}, y ${box.y0}–${box.y1} from the bottom` : '';
  console.log(`${sc.name} (${a.size}): ${n.toLocaleString('en')} of ${(a.data.length / 4).toLocaleString('en')} pixels differ, by at most ${max}${where}`);
});
