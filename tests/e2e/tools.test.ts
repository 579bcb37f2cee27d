// The mariner's tools a trainer uses on the projected plot: the keyboard pans and zooms the
// focused plot (and the timeline's arrows keep out of it), F follows a unit through time, the
// pointer over a unit shows its name, course and speed, and two units measured against each other
// show range, bearing and CPA on the plot and in the inspector (test-results/screenshots/tools-1366.png).
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, useBrowser } from './browser.ts';

const { open } = useBrowser();
const at1366 = { plot: true, before: async ({ page }: { page: Page }) => page.setViewportSize({ width: 1366, height: 768 }) };

const view = (page: Page) => page.evaluate(() => window.__encounterPlot!.view());
const store = <T>(page: Page, fn: string) => page.evaluate((f) => new Function('s', `return (${f})(s)`)(window.encounterSim!.store.getState()) as T, fn);
const render = (page: Page) => page.evaluate(() => window.__encounterPlot!.renderNow());

test('arrow keys pan, + and − zoom and 0 reframes the focused plot; the timeline keeps its arrows elsewhere', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', at1366);
  const framed = await view(page);
  const t0 = await store<number>(page, '(s) => s.t');
  await page.focus('#plot');
  await page.keyboard.press('ArrowRight');
  await render(page);
  const east = await view(page);
  // The view moved east by a share of its width, at the same zoom.
  expect(east.x0).toBeGreaterThan(framed.x0 + (framed.x1 - framed.x0) * 0.05);
  expect(east.pxPerKm).toBeCloseTo(framed.pxPerKm, 6);
  // The plot had the arrow: the playhead did not step to the next event.
  expect(await store<number>(page, '(s) => s.t')).toBe(t0);
  await page.keyboard.press('ArrowDown');
  await render(page);
  expect((await view(page)).y0).toBeGreaterThan(east.y0);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await render(page);
  const zoomed = await view(page);
  expect(zoomed.pxPerKm).toBeCloseTo(east.pxPerKm * 1.25 * 1.25, 3);
  expect(zoomed.x1 - zoomed.x0).toBeLessThan((east.x1 - east.x0) * 0.7);
  await page.keyboard.press('-');
  await render(page);
  expect((await view(page)).pxPerKm).toBeCloseTo(east.pxPerKm * 1.25, 3);
  await page.keyboard.press('0');
  await render(page);
  const back = await view(page);
  expect(back.x0).toBeCloseTo(framed.x0, 3);
  expect(back.pxPerKm).toBeCloseTo(framed.pxPerKm, 6);
  // The hint for the mouse and keys is on the plot.
  await expect.poll(() => page.locator('#plot .plot-hint').innerText()).toContain('Drag: pan');
});

test('F follows the selected unit: it stays centred as the playhead moves, until the plot is dragged', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', at1366);
  await page.evaluate(() => window.encounterSim!.store.getState().selectUnit('p1'));
  await page.focus('#plot');
  await page.keyboard.press('f');
  expect(await store<string | null>(page, '(s) => s.following')).toBe('p1');
  const d = await store<number>(page, '(s) => s.replay.durationS');
  const centred = async () => {
    await render(page);
    const v = await view(page);
    const u = (await page.evaluate(() => window.__encounterPlot!.unitAt('p1')))!;
    const w = (v.x1 - v.x0) * v.pxPerKm;
    const h = (v.y1 - v.y0) * v.pxPerKm;
    return Math.hypot(u.x - w / 2, u.y - h / 2);
  };
  const firstView = await view(page);
  for (const f of [0.2, 0.5, 0.8]) {
    await page.evaluate((t) => window.encounterSim!.store.getState().seek(t), d * f);
    expect(await centred()).toBeLessThan(1.5);
  }
  // The camera went with the aircraft: the view is not where it started.
  expect(Math.abs((await view(page)).x0 - firstView.x0) + Math.abs((await view(page)).y0 - firstView.y0)).toBeGreaterThan(1);
  await expect.poll(() => page.locator('#plot .plot-following').innerText()).toContain('Following JMSDF P-1');
  // A drag by hand takes the camera back.
  const b = (await page.locator('#plot canvas').boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 - 80, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  expect(await store<string | null>(page, '(s) => s.following')).toBeNull();
  await page.evaluate((t) => window.encounterSim!.store.getState().seek(t), d * 0.3);
  expect(await centred()).toBeGreaterThan(20);
});

test('hovering a unit shows its name, kind, nation, course, speed and altitude', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', at1366);
  await page.evaluate((t) => window.encounterSim!.store.getState().seek(t), 300);
  await render(page);
  const u = (await page.evaluate(() => window.__encounterPlot!.unitAt('p1')))!;
  expect(u.visible).toBe(true);
  const b = (await page.locator('#plot canvas').boundingBox())!;
  await page.mouse.move(b.x + u.x + 2, b.y + u.y - 20);
  await page.mouse.move(b.x + u.x, b.y + u.y, { steps: 3 });
  const tip = page.locator('#plot .plot-tooltip');
  await expect.poll(() => tip.isVisible()).toBe(true);
  const text = await tip.innerText();
  expect(text).toContain('JMSDF P-1');
  expect(text).toMatch(/aircraft · Japan/);
  expect(text).toMatch(/Course \d{3}° · \d+\.\d kt/);
  expect(text).toMatch(/Altitude \d+ ft \(\d+ m\)/);
  // Off the plot it goes away.
  await page.mouse.move(2, 2);
  await expect.poll(() => tip.isVisible()).toBe(false);
});

test('range, bearing and CPA between the destroyer and the P-1 on the plot and in the inspector (1366 × 768)', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', at1366);
  // A moment where the two are closing, so the CPA is drawn ahead of them.
  const t = await page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    s.measureBetween('ddg971', 'p1');
    const d = s.replay!.durationS;
    for (let i = 0; i < 60; i++) {
      window.encounterSim!.store.getState().seek((d * i) / 60);
      window.__encounterPlot!.renderNow();
      const m = window.__encounterPlot!.measured();
      if (m && m.closure === 'closing' && m.inS > 30 && m.rangeM > 2 * 1852) return (d * i) / 60;
    }
    return null;
  });
  expect(t).not.toBeNull();
  const m = (await page.evaluate(() => window.__encounterPlot!.measured()))!;
  expect(m).toMatchObject({ from: 'ddg971', to: 'p1', closure: 'closing' });
  // The inspector says the same figures as the plot.
  const box = page.getByRole('region', { name: 'Range, bearing and CPA' });
  await expect.poll(() => box.innerText()).toContain(`${String(Math.round(m.bearingDeg) % 360).padStart(3, '0')}°`);
  const text = await box.innerText();
  expect(text).toContain(`${(m.rangeM / 1852).toFixed(m.rangeM < 1852 ? 2 : 1)} nm`);
  expect(text).toMatch(/Time to CPA\s+\d+:\d\d \(at \d\d:\d\d:\d\d\)/);
  const shot = await screenshot(page, 'tools-1366');
  expect(shot).toMatch(/tools-1366\.png$/);
});
