// The tactical plot in the built app: renders through WebGL, is not blank (land, both nations'
// colours), stays on its own origin, answers clicks, and keeps a frame budget while playing.
// At the moments a trainer looks at, the picture shows what it must (the ✗ where the call broke
// down, the lock beam, the closest pass to scale), read back from the canvas's pixels; the
// screenshots are saved for review as well.
import { expect, test } from 'vitest';
import { screenshot, useApp } from './browser.ts';
import { callLine, callMarks } from '../../src/app/plot/geometry/call';

// One page for the whole file, opened with the plot mounted.
const app = useApp('?scenario=dec-2018-noto&account=rok&t=540', { plot: true });

/** Sets the playhead (paused) through the app's store hook and renders one frame. */
async function seek(t: number): Promise<void> {
  await app.page.evaluate((tt) => {
    const store = window.encounterSim!.store;
    store.getState().pause();
    store.getState().seek(tt);
    window.__encounterPlot!.renderNow();
  }, t);
}

interface ColourCounts {
  width: number;
  height: number;
  counts: Record<string, number>;
}

/**
 * Reads the plot's pixels as shown (the canvas copied right after a synchronous render, so the
 * sea, which is the renderer's clear colour, is included) and counts those near each reference
 * colour. Falls back to pixi's extract if the copy comes back empty.
 */
async function colourCounts(refs: Record<string, [number, number, number]>, tolerance = 36): Promise<ColourCounts> {
  return app.page.evaluate(
    ({ refs, tolerance }) => {
      const plot = window.__encounterPlot!;
      const src = plot.app.canvas;
      plot.renderNow();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(src, 0, 0);
      const image = ctx.getImageData(0, 0, copy.width, copy.height);
      let pixels: Uint8ClampedArray = image.data;
      let width = image.width;
      let height = image.height;
      if (!pixels.some((v) => v !== 0)) {
        const ex = plot.app.renderer.extract.pixels({ target: plot.app.stage, frame: plot.app.screen });
        pixels = ex.pixels;
        width = ex.width;
        height = ex.height;
      }
      const counts: Record<string, number> = {};
      const entries = Object.entries(refs);
      for (const [name] of entries) counts[name] = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const r = pixels[i]!;
        const g = pixels[i + 1]!;
        const b = pixels[i + 2]!;
        for (const [name, [rr, gg, bb]] of entries) {
          if (Math.abs(r - rr) <= tolerance && Math.abs(g - gg) <= tolerance && Math.abs(b - bb) <= tolerance) counts[name]!++;
        }
      }
      return { width, height, counts };
    },
    { refs, tolerance },
  );
}

const hex = (h: number): [number, number, number] => [(h >> 16) & 255, (h >> 8) & 255, h & 255];

test('the plot mounts with a named renderer', async () => {
  const { name, software } = await app.page.evaluate(() => ({ name: window.__encounterPlot!.rendererName, software: window.__encounterPlot!.software }));
  console.log(`[plot] renderer: ${name}${software ? ' (software rasteriser: no MSAA)' : ''}`);
  expect(['webgl', 'webgpu', 'canvas']).toContain(name);
  expect(await app.page.evaluate(() => document.body.dataset.renderer)).toBe(name);
});

test('the plot is not blank: sea, land and both nations are drawn', async () => {
  await seek(540);
  // Reference colours from src/app/plot/style.ts (kept literal: the test must not import pixi code).
  const { width, height, counts } = await colourCounts({
    sea: hex(0x16232f),
    land: hex(0x55604a),
    jp: hex(0x4d8dff),
    kr: hex(0xff5a5a),
  });
  console.log(`[plot] ${width}×${height} px; pixel counts ${JSON.stringify(counts)}`);
  expect(width).toBeGreaterThan(300);
  expect(counts['sea']!).toBeGreaterThan(width * height * 0.3);
  expect(counts['land']!).toBeGreaterThan(200);
  expect(counts['jp']!).toBeGreaterThan(50);
  expect(counts['kr']!).toBeGreaterThan(50);
});

test('the key lists the channels used and the radar looks', async () => {
  const legend = app.page.locator('.plot-legend');
  await expect.poll(() => legend.count()).toBe(1);
  if (!(await legend.evaluate((el) => (el as HTMLDetailsElement).open))) await legend.locator('summary').click();
  const text = await legend.innerText();
  for (const words of [
    '121.5 VHF guard',
    '156.8 Ch 16',
    '243.0 UHF guard',
    'satellite',
    'held on target, transmitting',
    'pointed, not transmitting',
    'search radar, rotating',
  ])
    expect(text).toContain(words);
  await legend.locator('summary').click();
});

test('the encounter fills the first view; headquarters do not shrink it', async () => {
  const v = await app.page.evaluate(() => window.__encounterPlot!.view());
  const spanKm = v.x1 - v.x0;
  console.log(`[plot] initial view ${spanKm.toFixed(1)} km across (${v.pxPerKm.toFixed(1)} px/km)`);
  expect(spanKm).toBeGreaterThan(5);
  expect(spanKm).toBeLessThan(80);
  const at = await app.page.evaluate(() => ({
    p1: window.__encounterPlot!.unitAt('p1'),
    ddg: window.__encounterPlot!.unitAt('ddg971'),
    hq: window.__encounterPlot!.unitAt('rokn-hq'),
  }));
  expect(at.p1?.visible).toBe(true);
  expect(at.ddg?.visible).toBe(true);
  expect(at.hq?.visible).toBe(false);
});

/**
 * The ✗ marks as drawn: pixels of the failure colour (FAIL in style.ts) that go when the calls'
 * lines are hidden (their labels stay, so red label text is not counted, nor the red of ROK
 * symbols). Returns their count, centroid and bounding box in CSS px.
 */
async function drawnCrosses(): Promise<{ n: number; x: number; y: number; x0: number; y0: number; x1: number; y1: number }> {
  return app.page.evaluate(() => {
    const plot = window.__encounterPlot!;
    const src = plot.app.canvas;
    const grab = () => {
      plot.renderNow();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(src, 0, 0);
      return ctx.getImageData(0, 0, copy.width, copy.height).data;
    };
    // Both pictures at one instant: the sweeps turn with real time and must not move in between.
    const realNow = performance.now.bind(performance);
    const instant = realNow();
    performance.now = () => instant;
    let shown: Uint8ClampedArray;
    let hidden: Uint8ClampedArray;
    try {
      shown = grab();
      plot.showCallLines(false);
      hidden = grab();
    } finally {
      plot.showCallLines(true);
      performance.now = realNow;
    }
    plot.renderNow();
    const k = src.width / src.getBoundingClientRect().width;
    let n = 0;
    let sx = 0;
    let sy = 0;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < shown.length; i += 4) {
      const fail = Math.abs(shown[i]! - 0xff) <= 12 && Math.abs(shown[i + 1]! - 0x5c) <= 12 && Math.abs(shown[i + 2]! - 0x5c) <= 12;
      const changed = shown[i] !== hidden[i] || shown[i + 1] !== hidden[i + 1] || shown[i + 2] !== hidden[i + 2];
      if (!fail || !changed) continue;
      const x = ((i / 4) % src.width) / k;
      const y = Math.floor(i / 4 / src.width) / k;
      n++;
      sx += x;
      sy += y;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    return { n, x: sx / n + 0.5 / k, y: sy / n + 0.5 / k, x0, y0, x1, y1 };
  });
}

/** Pixels within `halfWidth` px of the segment a → b (its middle 60 %) near an RGB colour. */
async function colourAlong(
  a: { x: number; y: number },
  b: { x: number; y: number },
  rgb: [number, number, number],
  halfWidth = 1.5,
  tolerance = 60,
): Promise<{ n: number; length: number }> {
  return app.page.evaluate(
    ({ a, b, rgb, halfWidth, tolerance }) => {
      const plot = window.__encounterPlot!;
      const src = plot.app.canvas;
      plot.renderNow();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(src, 0, 0);
      const k = src.width / src.getBoundingClientRect().width;
      const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      const ux = (b.x - a.x) / len;
      const uy = (b.y - a.y) / len;
      let n = 0;
      for (let y = 0; y < copy.height; y++) {
        for (let x = 0; x < copy.width; x++) {
          const cx = (x + 0.5) / k - a.x;
          const cy = (y + 0.5) / k - a.y;
          const along = cx * ux + cy * uy;
          if (along < 0.2 * len || along > 0.8 * len || Math.abs(cx * uy - cy * ux) > halfWidth) continue;
          const i = (y * copy.width + x) * 4;
          if (Math.abs(px[i]! - rgb[0]) <= tolerance && Math.abs(px[i + 1]! - rgb[1]) <= tolerance && Math.abs(px[i + 2]! - rgb[2]) <= tolerance) n++;
        }
      }
      return { n, length: len * 0.6 };
    },
    { a, b, rgb, halfWidth, tolerance },
  );
}

const unitAt = (id: string) => app.page.evaluate((u) => window.__encounterPlot!.unitAt(u)!, id);

test('the closest pass (+95 s) is drawn to scale: the P-1 about 520 m from the destroyer', async () => {
  await seek(95);
  const [p1, ddg, view] = await Promise.all([unitAt('p1'), unitAt('ddg971'), app.page.evaluate(() => window.__encounterPlot!.view())]);
  const km = Math.hypot(p1.x - ddg.x, p1.y - ddg.y) / view.pxPerKm;
  console.log(`[plot] closest pass on screen: ${(km * 1000).toFixed(0)} m at ${view.pxPerKm.toFixed(1)} px/km`);
  // The log rounds the pass to the second: the P-1 moves a few tens of metres either side of it.
  expect(km).toBeGreaterThan(0.5);
  expect(km).toBeLessThan(0.56);
  // And no lock yet: nothing of the lock colour between them.
  expect((await colourAlong(ddg, p1, hex(0xffe14d))).n).toBe(0);
  await screenshot(app.page, 'plot-t095-closest-pass');
});

test('first fire-control event (+364 s): the bright lock beam runs from the destroyer to the P-1', async () => {
  await seek(364);
  const [p1, ddg] = await Promise.all([unitAt('p1'), unitAt('ddg971')]);
  const beam = await colourAlong(ddg, p1, hex(0xffe14d));
  console.log(`[plot] lock colour along the middle of the destroyer → P-1 line: ${beam.n} px over ${beam.length.toFixed(0)} px`);
  // The beam's core is 2.2 to 4.4 px wide as it pulses: two or three pixels across the centre line all along it.
  expect(beam.n).toBeGreaterThan(1.5 * beam.length);
  await screenshot(app.page, 'plot-t364-first-fire-control');
});

test('where the calls broke down: the ✗ halfway for the call the destroyer was not tuned to, at the destroyer for KOREA COAST', async () => {
  // The calls by channel, as the run made them; each shown 15 s after it was keyed.
  const keyed = await app.page.evaluate(() =>
    Object.fromEntries(
      window
        .encounterSim!.store.getState()
        .analysis!.run.transmissions.filter((x) => x.kind === 'hail')
        .map((x) => [x.channel, { id: x.id, t: x.t }]),
    ),
  );
  for (const [channel, stage, name] of [
    ['121.5', 'receivable', 'plot-first-call-fails'],
    ['156.8', 'understood', 'plot-heard-as-korea-coast'],
  ] as const) {
    const { id: tx, t: sent } = keyed[channel]!;
    const t = sent + 15;
    await seek(t);
    const [p1, ddg, calls] = await Promise.all([unitAt('p1'), unitAt('ddg971'), app.page.evaluate(() => window.__encounterPlot!.calls())]);
    const call = calls.find((c) => c.tx === tx && c.unit === 'ddg971')!;
    expect(call.failedAt).toBe(stage);
    // Where the pure geometry puts the ✗ for these two symbols and this lane …
    const [ex, ey] = callMarks(callLine(p1, ddg, call.lane), { kind: 'failed', stage }).cross!;
    expect(call.cross!.x).toBeCloseTo(ex, 6);
    expect(call.cross!.y).toBeCloseTo(ey, 6);
    // … is where the picture shows it: one ✗ (two 3 px strokes, 12 px across), every pixel of it
    // inside its footprint round that point. Where the lock beam is drawn over the calls it may hide
    // part of it, so its visible pixels need not be centred exactly there.
    const drawn = await drawnCrosses();
    console.log(
      `[plot] t=${t}: ✗ expected at (${ex.toFixed(1)}, ${ey.toFixed(1)}), drawn ${drawn.n} px centred (${drawn.x.toFixed(1)}, ${drawn.y.toFixed(1)})`,
    );
    expect(drawn.n).toBeGreaterThan(25);
    expect(drawn.x0).toBeGreaterThanOrEqual(ex - 8.5);
    expect(drawn.x1).toBeLessThanOrEqual(ex + 8.5);
    expect(drawn.y0).toBeGreaterThanOrEqual(ey - 8.5);
    expect(drawn.y1).toBeLessThanOrEqual(ey + 8.5);
    expect(Math.hypot(drawn.x - ex, drawn.y - ey)).toBeLessThan(4);
    const toP1 = Math.hypot(drawn.x - p1.x, drawn.y - p1.y);
    const toDdg = Math.hypot(drawn.x - ddg.x, drawn.y - ddg.y);
    if (stage === 'receivable') {
      // Halfway along the line between the two symbols.
      expect(Math.abs(toP1 - p1.r - (toDdg - ddg.r))).toBeLessThan(6);
    } else {
      // Heard, but misheard: at the destroyer's end, just outside its symbol.
      expect(toDdg).toBeLessThan(ddg.r + 16);
      expect(toP1).toBeGreaterThan(3 * toDdg);
    }
    await screenshot(app.page, name);
  }
});

test('screenshots: the closest pass zoomed in, and the radio horizons', async () => {
  // The closest pass needs a closer look: zoom on the destroyer with the wheel.
  await seek(95);
  const box = await app.page.evaluate(() => {
    const r = window.__encounterPlot!.app.canvas.getBoundingClientRect();
    return { left: r.left, top: r.top };
  });
  const ddg = await unitAt('ddg971');
  await app.page.mouse.move(box.left + ddg.x, box.top + ddg.y);
  for (let i = 0; i < 4; i++) await app.page.mouse.wheel(0, -300);
  await app.page.waitForFunction(() => window.__encounterPlot!.view().pxPerKm > 60, undefined, { timeout: 5_000 });
  await app.page.mouse.move(0, 0);
  await app.page.evaluate(() => window.__encounterPlot!.renderNow());
  await screenshot(app.page, 'plot-t095-closest-pass-zoomed');
  await app.page.mouse.dblclick(box.left + 30, box.top + 120);

  await seek(545);
  await app.page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    if (!s.showHorizons) s.toggleHorizons();
    window.__encounterPlot!.renderNow();
  });
  await screenshot(app.page, 'plot-t545-horizons');
  await app.page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    if (s.showHorizons) s.toggleHorizons();
  });
});

test('clicking a unit selects it; wheel zooms; drag pans', async () => {
  await seek(364);
  const box = await app.page.evaluate(() => {
    const r = window.__encounterPlot!.app.canvas.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
  const ddg = await app.page.evaluate(() => window.__encounterPlot!.unitAt('ddg971'));
  expect(ddg?.visible).toBe(true);
  await app.page.mouse.click(box.left + ddg!.x, box.top + ddg!.y);
  expect(await app.page.evaluate(() => window.encounterSim!.store.getState().selectedUnits)).toEqual(['ddg971']);

  const before = await app.page.evaluate(() => window.__encounterPlot!.view());
  await app.page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
  await app.page.mouse.wheel(0, -400);
  await app.page.waitForFunction((px) => window.__encounterPlot!.view().pxPerKm > px, before.pxPerKm, { timeout: 5_000 });
  const zoomed = await app.page.evaluate(() => window.__encounterPlot!.view());
  await app.page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(box.left + box.width / 2 + 120, box.top + box.height / 2 + 40, { steps: 5 });
  await app.page.mouse.up();
  const panned = await app.page.evaluate(() => window.__encounterPlot!.view());
  expect(panned.x0).toBeLessThan(zoomed.x0);
  // A drag is not a click: the selection stays.
  expect(await app.page.evaluate(() => window.encounterSim!.store.getState().selectedUnits)).toEqual(['ddg971']);
  // Double-click frames the encounter again.
  await app.page.mouse.dblclick(box.left + 40, box.top + box.height / 2);
  const reset = await app.page.evaluate(() => window.__encounterPlot!.view());
  expect(reset.pxPerKm).toBeCloseTo(before.pxPerKm, 3);
});

test('frame time while playing at 1×', async () => {
  await seek(500);
  await app.page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    s.setSpeed(1);
    s.play();
  });
  // Let the previous frames age out of the history, then sample about three seconds of play.
  await app.page.waitForTimeout(3_200);
  const sample = await app.page.evaluate(() => {
    const p = window.__encounterPlot!;
    const s = window.encounterSim!.store.getState();
    const out = { times: p.frameTimes().slice(-180), intervals: p.frameIntervals().slice(-180), t: s.t, playing: s.playing };
    s.pause();
    return out;
  });
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
    return { n: xs.length, mean: +mean.toFixed(2), p95: +p95.toFixed(2) };
  };
  const work = stats(sample.times);
  const interval = stats(sample.intervals);
  console.log(`[plot] frame work (update + render submit) at 1×: mean ${work.mean} ms, p95 ${work.p95} ms over ${work.n} frames`);
  console.log(
    `[plot] frame interval at 1×: mean ${interval.mean} ms (${(1000 / interval.mean).toFixed(1)} fps), p95 ${interval.p95} ms over ${interval.n} frames`,
  );

  // For comparison on this machine: the page's own frame rate while playing with the plot's ticker
  // stopped, and the cost of a full scene rebuild stepped synchronously (renderNow with a new t).
  const baseline = await app.page.evaluate(async () => {
    const p = window.__encounterPlot!;
    const s = window.encounterSim!.store;
    s.getState().seek(500);
    s.getState().play();
    p.app.ticker.stop();
    const ts: number[] = [];
    await new Promise<void>((done) => {
      const f = (t: number) => {
        ts.push(t);
        if (ts.length < 60) requestAnimationFrame(f);
        else done();
      };
      requestAnimationFrame(f);
    });
    s.getState().pause();
    p.app.ticker.start();
    const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
    const steps: number[] = [];
    for (let i = 0; i < 60; i++) {
      s.getState().seek(520 + i * (1 / 60));
      const t0 = performance.now();
      p.renderNow();
      steps.push(performance.now() - t0);
    }
    return { gaps, steps };
  });
  const pageOnly = stats(baseline.gaps);
  const stepped = stats(baseline.steps);
  console.log(`[plot] page without the plot drawing (ticker stopped), playing: mean ${pageOnly.mean} ms (${(1000 / pageOnly.mean).toFixed(1)} fps)`);
  console.log(`[plot] renderNow() with a new playhead each call: mean ${stepped.mean} ms, p95 ${stepped.p95} ms over ${stepped.n} calls`);
  expect(sample.t).toBeGreaterThan(501);
  expect(work.n).toBeGreaterThan(30);
  // Generous bound for a software (SwiftShader) renderer on two cores; the figures above are the report.
  expect(work.mean).toBeLessThan(50);
});

test('no foreign-origin requests and no errors', () => {
  expect(app.rec.foreignRequests).toEqual([]);
  expect(app.rec.failedRequests).toEqual([]);
  expect(app.rec.consoleErrors).toEqual([]);
});
