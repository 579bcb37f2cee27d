// Playing a crowded exercise, the plot rebuilds its scene at reduced detail a few ms a frame behind
// the picture on screen, and shows the new scene only once it is whole (scene.ts, still.ts). What
// a trainer must never see is half a scene: so every frame that does a slice of a rebuild (or
// stands between rebuilds) leaves the picture as it was, the picture changes only in the frame a
// rebuild completes, and the scene it then shows is the one a rebuild done at once (a seek, a
// click) draws for the same playhead and camera. Nobody is selected, so no sweep or beam moves.
// Where a click or the mouse finds a unit moves with the picture, not before it: a rebuild places
// the units frames before it shows them.
//
// The plot's ticker is stopped and the test runs its frames itself (debug hook `tick`), one per
// animation frame, so it sees every one; after each it draws the stage if the frame did not (a
// frame in which a sweep moved would) and reads the canvas's pixels.
import { expect, test } from 'vitest';
import { openScenarioText, useBrowser } from './browser.ts';
import { generateScenario } from '../../src/core/synthetic/generate';
import { FULL_DETAIL_MAX_UNITS } from '../../src/app/plot/geometry/detail';

const session = useBrowser();

/** Where playing starts (s), and how many rebuilds in slices the test watches complete. */
const T0 = 120;
const REBUILDS = 3;

test(
  'playing at reduced detail, a rebuild in slices never shows half a scene and ends on the picture a rebuild at once draws',
  { timeout: 120_000 },
  async () => {
    const yaml = generateScenario({ units: 300, durationS: 600, seed: 1 }).yaml;
    const { page } = await session.open('?scenario=control-cues-exchange', { plot: true });
    const loaded = await openScenarioText(page, 'synthetic-300.yaml', yaml);
    expect(loaded).toBe(300);

    const run = await page.evaluate(
      async ({ t0, rebuilds }) => {
        const store = window.encounterSim!.store;
        const plot = window.__encounterPlot!;
        const gl = (plot.app.renderer as unknown as { gl: WebGLRenderingContext }).gl;
        // The drawing buffer right after a render, before the browser composites it.
        const read = () => {
          const a = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
          gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, a);
          return a;
        };
        // Pixels that differ at all, and by more than 2 (0–255) in some channel.
        const compare = (a: Uint8Array, b: Uint8Array) => {
          let any = 0;
          let more = 0;
          for (let i = 0; i < a.length; i += 4) {
            let d = 0;
            for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(a[i + c]! - b[i + c]!));
            if (d > 0) any++;
            if (d > 2) more++;
          }
          return { any, more };
        };
        plot.app.ticker.stop();
        const s = store.getState();
        s.selectUnit(null);
        s.pause();
        s.setSpeed(16);
        s.seek(t0);
        plot.renderNow();
        const start = { stats: plot.stats(), sweeps: plot.detail().sweeps.length };
        let shown = read();
        store.getState().play();
        const frames: { change: string; rebuilding: boolean; sliced: boolean; changed: number; moved: boolean }[] = [];
        // Aircraft move furthest between rebuilds: where a click finds them, frame by frame.
        const aircraft = ['jp-air1', 'kr-air1', 'jp-air2', 'kr-air2'].filter((id) => plot.unitAt(id)?.visible);
        const clickable = () => JSON.stringify(aircraft.map((id) => plot.unitAt(id)));
        let found = clickable();
        let first: { t: number; pixels: Uint8Array } | null = null;
        let wasRebuilding = false;
        let completed = 0;
        // Bounded by the playhead too, so a plot that never completes a rebuild in slices fails soon.
        while (completed < rebuilds && store.getState().playing && store.getState().t < t0 + 120) {
          await new Promise((r) => requestAnimationFrame(r));
          const f = plot.tick();
          if (!f.drawn) plot.app.render();
          const now = read();
          const changed = compare(now, shown).any;
          // A rebuild that was under way before this frame and is not now has completed in it.
          const sliced = wasRebuilding && !f.rebuilding;
          const nowFound = clickable();
          frames.push({ change: f.change, rebuilding: f.rebuilding, sliced, changed, moved: nowFound !== found });
          found = nowFound;
          if (f.change === 'rebuilt') shown = now;
          if (sliced) {
            completed++;
            first ??= { t: f.t!, pixels: now };
          }
          wasRebuilding = f.rebuilding;
        }
        store.getState().pause();
        if (!first) return { start, aircraft, frames, atOnce: null };
        // The same playhead rebuilt at once, from the same scene before it (T0: trails stand alike).
        store.getState().seek(t0);
        plot.renderNow();
        store.getState().seek(first.t);
        plot.renderNow();
        return { start, aircraft, frames, atOnce: { t: first.t, ...compare(read(), first.pixels), pixels: first.pixels.length / 4 } };
      },
      { t0: T0, rebuilds: REBUILDS },
    );

    // The exercise is drawn at reduced detail with nothing turning.
    expect(run.start.stats.visible).toBeGreaterThan(FULL_DETAIL_MAX_UNITS);
    expect(run.start.stats.reduced).toBe(true);
    expect(run.start.sweeps).toBe(0);
    const frames = run.frames;
    const sliced = frames.filter((f) => f.sliced);
    expect(sliced.length).toBe(REBUILDS);
    // Rebuilds did take several frames (otherwise nothing here was done in slices).
    expect(frames.filter((f) => f.rebuilding).length).toBeGreaterThan(REBUILDS);
    // No frame but one that completed a rebuild changed the picture; slices never drew one of their own.
    const changedElsewhere = frames.filter((f) => f.change !== 'rebuilt' && f.changed > 0);
    expect(changedElsewhere).toEqual([]);
    expect(frames.filter((f) => f.change === 'building')).toEqual([]);
    for (const f of sliced) expect(f.change).toBe('rebuilt');
    // The units moved on: a completed rebuild shows the new scene.
    expect(sliced.every((f) => f.changed > 0)).toBe(true);

    // A click finds a unit where the picture shows it: the units moved for clicks only as the picture did.
    expect(run.aircraft.length).toBeGreaterThan(0);
    expect(frames.filter((f) => f.moved && f.change !== 'rebuilt')).toEqual([]);
    expect(sliced.every((f) => f.moved)).toBe(true);

    // Its picture is the one a rebuild at once draws for that playhead.
    expect(run.atOnce).not.toBeNull();
    expect(run.atOnce!.t).toBeGreaterThan(T0);
    expect(run.atOnce!.more).toBe(0);
    expect(run.atOnce!.any).toBeLessThan(run.atOnce!.pixels / 1000);
  },
);
