// A moment shared in class: the trainer zooms and pans the plot, picks a breakdown, opens a tab,
// and copies the link; a colleague opening it sees the same moment — the same sea framed, the
// same playhead, breakdown, units and tabs — even on a screen of another size. And "Export PNG"
// saves the plot as shown with a caption for slides (test-results/screenshots/export-*.png).
import { readFile, mkdir, copyFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SCREENSHOT_DIR, useBrowser } from './browser.ts';

const { open } = useBrowser();

type Box = { x0: number; y0: number; x1: number; y1: number };
const view = (page: Page) => page.evaluate(() => window.__encounterPlot!.view());
const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    return { t: s.t, breakdown: s.selectedBreakdown, units: s.selectedUnits, tabs: s.openTabs, plotView: s.plotView };
  });

/** Zooms in on the plot's centre with the wheel and drags it, as a trainer would. */
async function zoomAndPan(page: Page): Promise<void> {
  const canvas = page.locator('#plot canvas');
  const b = (await canvas.boundingBox())!;
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -240);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 60, cy + 20, { steps: 6 });
  await page.mouse.move(cx - 120, cy + 40, { steps: 6 });
  await page.mouse.up();
}

/** Lets the page use the clipboard, as a trainer's browser does after asking. */
const withClipboard = {
  before: async (rec: { context: import('playwright-core').BrowserContext }) => rec.context.grantPermissions(['clipboard-read', 'clipboard-write']),
};

/** What "Copy link" put on the clipboard. */
async function copiedLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.getByText('Link copied').count()).toBeGreaterThan(0);
  return page.evaluate(() => navigator.clipboard.readText());
}

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

test('a copied link restores the whole view: time, breakdown, units, tabs, zoom and pan', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', { plot: true, ...withClipboard });
  const framed = await view(page);
  await zoomAndPan(page);
  const moved = await view(page);
  // The trainer really zoomed in (a narrower view) and moved it.
  expect(moved.x1 - moved.x0).toBeLessThan((framed.x1 - framed.x0) * 0.8);
  expect(close(moved.x0 + moved.x1, framed.x0 + framed.x1, 0.5)).toBe(false);
  // A breakdown, then a unit of it, and the sequence chart under the plot.
  await page.getByRole('list', { name: 'Breakdowns' }).locator(':scope > li').nth(1).click();
  await page.getByRole('tab', { name: 'Sequence chart' }).click();
  await page.evaluate(() => window.encounterSim!.store.getState().seek(window.encounterSim!.store.getState().t + 7));
  const sent = await state(page);
  expect(sent.breakdown).not.toBeNull();
  expect(sent.plotView).not.toBeNull();
  const link = await copiedLink(page);
  expect(link).toContain('view=');

  // Same screen size: the same box to within a few metres.
  const same = await open(new URL(link).search, { plot: true });
  const got = await state(same.page);
  expect(got.t).toBeCloseTo(sent.t, 1);
  expect(got.breakdown).toBe(sent.breakdown);
  expect(got.units).toEqual(sent.units);
  expect(got.tabs).toEqual(sent.tabs);
  const there = await view(same.page);
  const tol = (moved.x1 - moved.x0) * 0.01;
  for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(close(there[k], moved[k], tol), `${k}: ${there[k]} vs ${moved[k]}`).toBe(true);
  expect(await same.page.getByRole('tab', { name: 'Sequence chart' }).getAttribute('aria-selected')).toBe('true');
});

test('on a larger screen the link frames the same sea: all of it in view, centred, not zoomed out to the encounter', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', { plot: true, ...withClipboard });
  const framed = await view(page);
  await zoomAndPan(page);
  const moved = await view(page);
  const link = await copiedLink(page);
  const big = await open('', { plot: true, before: async (rec) => rec.page.setViewportSize({ width: 1920, height: 1080 }) });
  await big.page.goto(link);
  await big.page.waitForFunction(() => document.body.dataset.ready === 'true' && !!window.__encounterPlot);
  await big.page.evaluate(() => window.__encounterPlot!.renderNow());
  const there: Box = await view(big.page);
  const slack = (moved.x1 - moved.x0) * 0.01;
  expect(there.x0).toBeLessThanOrEqual(moved.x0 + slack);
  expect(there.y0).toBeLessThanOrEqual(moved.y0 + slack);
  expect(there.x1).toBeGreaterThanOrEqual(moved.x1 - slack);
  expect(there.y1).toBeGreaterThanOrEqual(moved.y1 - slack);
  expect(close((there.x0 + there.x1) / 2, (moved.x0 + moved.x1) / 2, slack)).toBe(true);
  expect(close((there.y0 + there.y1) / 2, (moved.y0 + moved.y1) / 2, slack)).toBe(true);
  // Zoomed in as sent, not back to the whole encounter.
  expect(there.x1 - there.x0).toBeLessThan(framed.x1 - framed.x0);
  // Double-click frames the encounter again, and the link forgets the framed area.
  const canvas = big.page.locator('#plot canvas');
  await canvas.dblclick();
  await expect.poll(() => big.page.evaluate(() => window.encounterSim!.store.getState().plotView)).toBeNull();
  await expect.poll(() => big.page.evaluate(() => location.search)).not.toContain('view=');
});

test('"Export PNG" saves the plot as shown with a caption naming the scenario, moment, account and breakdown', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', { plot: true });
  await page.getByRole('list', { name: 'Breakdowns' }).locator(':scope > li').first().click();
  const canvasSize = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('#plot canvas')!;
    return { w: c.width, h: c.height };
  });
  const downloading = page.waitForEvent('download', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const download = await downloading.catch(async (e: unknown) => {
    throw new Error(`no download; the plot says: ${await page.locator('.plot-export-said').textContent()} (${String(e)})`);
  });
  const name = download.suggestedFilename();
  expect(name).toMatch(/^dec-2018-noto_rok_[\w.-]+_t\d+m\d\ds\.png$/);
  const path = await download.path();
  const png = await readFile(path);
  // PNG signature, then the IHDR width and height.
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  expect(w).toBe(canvasSize.w);
  // The caption band under the plot: a title, the moment and the breakdown's words.
  expect(h).toBeGreaterThan(canvasSize.h + 60);
  await expect.poll(() => page.getByRole('status').filter({ hasText: name }).count()).toBe(1);
  // The caption's pixels are not all background: words were written there.
  const inked = await page.evaluate(
    async (bytes: number[]) => {
      const img = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const band = ctx.getImageData(0, img.height - 40, img.width, 40).data;
      let light = 0;
      for (let i = 0; i < band.length; i += 4) if (band[i]! > 150 && band[i + 1]! > 150) light++;
      return light;
    },
    [...png],
  );
  expect(inked).toBeGreaterThan(200);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await copyFile(path, `${SCREENSHOT_DIR}/export-dec-2018-rok.png`);
});
