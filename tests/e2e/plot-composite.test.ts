// At reduced detail the plot draws its still layers into three pictures, and a selected unit's
// radar sweep turns between them (still.ts). Rather than laying the three whole pictures over
// each other every frame, it lays them over each other once per scene and shows the three again
// only in boxes round what moves (geometry/composite.ts). A trainer must see exactly what the
// three whole layers show: so, with real time stopped (performance.now) so the sweep stands at
// the same angle, the picture composed in boxes is the picture of three whole layers, pixel for
// pixel; and when real time moves on, the sweep turns and nothing outside the boxes changes.
import { expect, test } from 'vitest';
import { openScenarioText, useBrowser } from './browser.ts';
import { generateScenario } from '../../src/core/synthetic/generate';
import { FULL_DETAIL_MAX_UNITS } from '../../src/app/plot/geometry/detail';

const session = useBrowser();

/** The playhead (s) the pictures are drawn at. */
const T = 120;

test(
  'with a sweeping unit selected at reduced detail, the picture composed in boxes is the three whole layers pixel for pixel, and a turning sweep changes it only in its box',
  { timeout: 240_000 },
  async () => {
    const yaml = generateScenario({ units: 300, durationS: 600, seed: 1 }).yaml;
    const { page } = await session.open('?scenario=control-cues-exchange', { plot: true });
    expect(await openScenarioText(page, 'synthetic-300.yaml', yaml)).toBe(300);

    const run = await page.evaluate((t) => {
      const store = window.encounterSim!.store;
      const plot = window.__encounterPlot!;
      const gl = (plot.app.renderer as unknown as { gl: WebGLRenderingContext }).gl;
      plot.app.ticker.stop();
      const s = store.getState();
      s.pause();
      s.seek(t);
      plot.renderNow();
      // As the browser benchmark chooses: a unit on screen whose search radar sweeps at the playhead.
      const unit = s
        .replay!.frameAt(t)
        .units.find((x) => x.emitters.some((e) => e.type === 'search-radar' && e.mode === 'search') && plot.unitAt(x.spec.id)?.visible);
      if (!unit) return null;
      s.selectUnit(unit.spec.id);
      // Real time, which turns the sweeps, stands still unless moved here.
      let now = 50_000;
      performance.now = () => now;
      const read = () => {
        const a = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
        gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, a);
        return a;
      };
      // The scene at the playhead, rebuilt from the same scene before it (trails stand alike).
      const drawn = (asLayers: boolean) => {
        plot.composeAsLayers(asLayers);
        store.getState().seek(t + 20);
        plot.renderNow();
        store.getState().seek(t);
        plot.renderNow();
        return { pixels: read(), composition: plot.composition() };
      };
      const boxed = drawn(false);
      now += 1500;
      plot.renderNow();
      const turned = read();
      now -= 1500;
      const layered = drawn(true);
      plot.composeAsLayers(false);

      // Pixels (from the bottom row, as read) that differ, and those of them outside the boxes.
      const h = gl.drawingBufferHeight;
      const w = gl.drawingBufferWidth;
      const boxes = boxed.composition?.kind === 'boxes' ? boxed.composition.boxes : [];
      const inBox = (x: number, y: number) => boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
      const compare = (a: Uint8Array, b: Uint8Array) => {
        let any = 0;
        let outside = 0;
        for (let i = 0; i < a.length; i += 4) {
          if (a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2] && a[i + 3] === b[i + 3]) continue;
          any++;
          const x = (i / 4) % w;
          const y = h - 1 - Math.floor(i / 4 / w);
          if (!inBox(x, y)) outside++;
        }
        return { any, outside };
      };
      const at = plot.unitAt(unit.spec.id)!;
      const r = plot.app.renderer.resolution;
      return {
        unit: unit.spec.id,
        stats: plot.stats(),
        sweeps: plot.detail().sweeps,
        boxed: boxed.composition,
        layered: layered.composition,
        unitInBox: inBox(Math.floor(at.x * r), Math.floor(at.y * r)),
        pixels: w * h,
        boxedVsLayered: compare(boxed.pixels, layered.pixels),
        turnedVsBoxed: compare(turned, boxed.pixels),
      };
    }, T);

    expect(run).not.toBeNull();
    expect(run!.stats.reduced).toBe(true);
    expect(run!.stats.visible).toBeGreaterThan(FULL_DETAIL_MAX_UNITS);
    expect(run!.sweeps).toEqual([run!.unit]);
    // Composed in boxes (one round the selected unit's sweep at least), or as whole layers when asked.
    expect(run!.boxed?.kind).toBe('boxes');
    expect(run!.unitInBox).toBe(true);
    expect(run!.layered).toEqual({ kind: 'layers' });
    // What the trainer sees is the same, to the last bit.
    expect(run!.boxedVsLayered).toEqual({ any: 0, outside: 0 });
    // Real time moved on: the sweep turned, inside its box, and nothing else changed.
    expect(run!.turnedVsBoxed.any).toBeGreaterThan(0);
    expect(run!.turnedVsBoxed.outside).toBe(0);
  },
);
