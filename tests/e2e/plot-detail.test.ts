// The plot's level of detail in the built app (geometry/detail.ts): a generated exercise of a
// thousand units is drawn with reduced detail — the key says so — yet the unit the trainer
// selected keeps its radar sweep and its trail; December 2018's dozen units are drawn in full,
// every sweep and trail as before, and the key says nothing about detail.
import { expect, test } from 'vitest';
import { openScenarioText, screenshot, useBrowser } from './browser.ts';
import { generateScenario } from '../../src/core/synthetic/generate';
import { FULL_DETAIL_MAX_UNITS } from '../../src/app/plot/geometry/detail';

const session = useBrowser();

/** Pauses at `t` and renders one frame; then what the scene drew at its level of detail and the key's words. */
async function drawnAt(page: import('playwright-core').Page, t: number) {
  return page.evaluate((tt) => {
    const s = window.encounterSim!.store.getState();
    s.pause();
    s.seek(tt);
    const plot = window.__encounterPlot!;
    plot.renderNow();
    const key = document.querySelector<HTMLDetailsElement>('.plot-legend');
    return {
      ...plot.detail(),
      stats: plot.stats(),
      summary: key?.querySelector('summary')?.textContent ?? '',
      note: key?.querySelector('.plot-detail-note')?.textContent ?? null,
    };
  }, t);
}

test('December 2018 is drawn in full detail: every searching radar sweeps, every unit has its trail, the key has no note', async () => {
  const { page } = await session.open('?scenario=dec-2018-noto&account=rok&t=540', { plot: true });
  const d = await drawnAt(page, 540);
  expect(d.reduced).toBe(false);
  expect(d.note).toBeNull();
  expect(d.summary).not.toMatch(/reduced/);
  // Every unit on the plot whose search radar is searching at the playhead has its sweep, and every
  // unit with a track behind it has its trail, on screen or off, as before.
  const expected = await page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    const f = s.replay!.frameAt(s.t);
    const onPlot = (id: string) => window.__encounterPlot!.unitAt(id)?.visible ?? false;
    return {
      searching: f.units.filter((u) => u.emitters.some((e) => e.mode === 'search' && e.type === 'search-radar') && onPlot(u.spec.id)).map((u) => u.spec.id),
      tracked: f.units.filter((u) => u.trail.length > 0).map((u) => u.spec.id),
    };
  });
  expect(expected.searching.length).toBeGreaterThan(0);
  expect(new Set(d.sweeps)).toEqual(new Set(expected.searching));
  expect(new Set(d.trails)).toEqual(new Set(expected.tracked));
});

test('at 1,000 units the key says detail is reduced, and the selected unit keeps its sweep and trail', { timeout: 240_000 }, async () => {
  const yaml = generateScenario({ units: 1000, durationS: 300, seed: 1 }).yaml;
  const { page } = await session.open('?scenario=control-cues-exchange', { plot: true });
  const loaded = await openScenarioText(page, 'synthetic-1000.yaml', yaml);
  expect(loaded).toBe(1000);
  const before = await drawnAt(page, 120);
  expect(before.stats.visible).toBeGreaterThan(FULL_DETAIL_MAX_UNITS);
  expect(before.reduced).toBe(true);
  expect(before.summary).toMatch(/reduced detail/);
  expect(before.note).toContain(`More than ${FULL_DETAIL_MAX_UNITS} units on screen`);
  expect(before.note).toMatch(/radar sweeps/);
  // No one is selected: no sweep turns, and only units on screen have trails.
  expect(before.sweeps).toEqual([]);
  expect(before.trails.length).toBeLessThanOrEqual(before.stats.visible);

  // Playing with no one selected nothing turns: the plot draws a picture whenever it rebuilt the
  // scene (the units moved on), and in between leaves that picture up rather than drawing it again.
  const played = await page.evaluate(async () => {
    const store = window.encounterSim!.store;
    const plot = window.__encounterPlot!;
    const n0 = plot.frameCount();
    const t0 = store.getState().t;
    store.getState().setSpeed(1);
    store.getState().play();
    await new Promise((r) => setTimeout(r, 3000));
    store.getState().pause();
    const n = Math.min(plot.frameCount() - n0, 240);
    const rebuilt = plot.frameRebuilds().slice(-n);
    const drawn = plot.frameDrawn().slice(-n);
    return {
      moved: store.getState().t > t0,
      rebuilt: rebuilt.filter(Boolean).length,
      rebuiltAndDrawn: rebuilt.filter((r, i) => r && drawn[i]).length,
      stoodUndrawn: drawn.filter((d, i) => !d && !rebuilt[i]).length,
    };
  });
  expect(played.moved).toBe(true);
  expect(played.rebuilt).toBeGreaterThan(0);
  expect(played.rebuiltAndDrawn).toBe(played.rebuilt);
  expect(played.stoodUndrawn).toBeGreaterThan(0);

  // Select a unit on screen whose search radar is searching.
  const chosen = await page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    const f = s.replay!.frameAt(s.t);
    const u = f.units.find(
      (x) => x.emitters.some((e) => e.mode === 'search' && e.type === 'search-radar') && window.__encounterPlot!.unitAt(x.spec.id)?.visible,
    );
    return u?.spec.id ?? null;
  });
  expect(chosen).not.toBeNull();
  await page.evaluate((id) => window.encounterSim!.store.getState().selectUnit(id), chosen!);
  const after = await drawnAt(page, 120);
  expect(after.reduced).toBe(true);
  expect(after.sweeps).toEqual([chosen]);
  expect(after.trails).toContain(chosen);
  // Its symbol is full size; another unit of the same kind and nation (the same symbol) is drawn smaller.
  const sizes = await page.evaluate((id) => {
    const plot = window.__encounterPlot!;
    const units = window.encounterSim!.store.getState().analysis!.run.scenario.units;
    const me = units.find((u) => u.id === id)!;
    const twin = units.find((u) => u.id !== id && u.kind === me.kind && u.nation === me.nation && plot.unitAt(u.id)?.visible);
    return { chosen: plot.unitAt(id)!.r, twin: twin ? plot.unitAt(twin.id)!.r : null };
  }, chosen!);
  expect(sizes.twin).not.toBeNull();
  expect(sizes.chosen).toBeGreaterThan(sizes.twin!);
  await screenshot(page, 'plot-1000-units-reduced-detail');
  // A thousand breakdowns on the timeline stay within it: the page does not scroll sideways.
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    markers: [...document.querySelectorAll('.timeline .marker')].filter(
      (m) => m.getBoundingClientRect().right > document.querySelector('.timeline')!.getBoundingClientRect().right,
    ).length,
  }));
  expect(overflow).toEqual({ page: 0, markers: 0 });

  // The note is in the reader's language.
  await page.evaluate(() => window.encounterSim!.store.getState().setLang('ja'));
  const ja = await drawnAt(page, 120);
  expect(ja.summary).toMatch(/簡略/);
  expect(ja.note).toContain(String(FULL_DETAIL_MAX_UNITS));
});
