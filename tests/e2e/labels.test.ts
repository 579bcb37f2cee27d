// No two labels on the plot overlap in the built app, in real Chromium with its real fonts, at
// the crowded moments of December 2018 a trainer shows, on three screens: 1366 × 768, 1920 × 1080
// and 150 % zoom (a 1280 × 720 CSS px window at device scale 1.5). The placed label boxes are read
// from the plot's debug hook; a screenshot of the failed 121.5 call is saved at each size.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOT_DIR, launchBrowser, screenshot, waitReady } from './browser.ts';
import { estimateMeasure } from '../unit/label-estimate';

const SCREENS = [
  { name: '1366', width: 1366, height: 768, scale: 1 },
  { name: '1920', width: 1920, height: 1080, scale: 1 },
  { name: '150', width: 1280, height: 720, scale: 1.5 },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Opens December 2018 under the ROK account at a screen's size, with the plot mounted. */
async function open(screen: (typeof SCREENS)[number]): Promise<{ page: Page; close: () => Promise<void> }> {
  const baseURL = inject('baseURL');
  const context = await browser.newContext({ baseURL, viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.scale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('/?scenario=dec-2018-noto&account=rok', baseURL).href);
  await waitReady(page);
  await page.waitForFunction(() => !!window.__encounterPlot, undefined, { timeout: 20_000 });
  return {
    page,
    close: async () => {
      expect(errors).toEqual([]);
      await context.close();
    },
  };
}

/** Seeks (paused) to t, or selects a breakdown (which seeks to it), renders a frame and reads the labels back. */
async function labelsAt(page: Page, at: { t?: number; breakdown?: string }) {
  return page.evaluate(({ t, breakdown }) => {
    const s = window.encounterSim!.store.getState();
    s.pause();
    if (breakdown) s.selectBreakdown(breakdown);
    else s.seek(t!);
    const plot = window.__encounterPlot!;
    plot.renderNow();
    const canvas = plot.app.canvas.getBoundingClientRect();
    return { ...plot.labels(), plot: { w: Math.round(canvas.width), h: Math.round(canvas.height) } };
  }, at);
}

const overlap = (a: Box, b: Box) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0;

for (const screen of SCREENS) {
  test(
    `at ${screen.name === '150' ? '150 % zoom' : `${screen.width} × ${screen.height}`}: no two labels overlap at December 2018's crowded moments`,
    { timeout: 180_000 },
    async () => {
      const { page, close } = await open(screen);
      // The moments: 15 s after each call (its label up beside its line), each breakdown of a call
      // selected (as a trainer clicks it), and the first fire-control lock.
      const { calls, breakdowns } = await page.evaluate(() => {
        const a = window.encounterSim!.store.getState().analysis!;
        return {
          calls: a.run.transmissions.map((x) => ({ id: x.id, t: x.t, channel: x.channel })),
          breakdowns: a.breakdowns.filter((b) => b.transmission).map((b) => ({ id: b.id, tx: b.transmission! })),
        };
      });
      const moments: { t?: number; breakdown?: string; name: string }[] = [
        ...calls.map((c) => ({ t: c.t + 15, name: `${c.channel} +15 s` })),
        ...breakdowns.map((b) => ({ breakdown: b.id, name: `breakdown ${b.id}` })),
        { t: 364, name: 'first fire-control lock' },
      ];
      let total = 0;
      for (const m of moments) {
        const got = await labelsAt(page, m);
        const boxes = got.placed;
        for (let i = 0; i < boxes.length; i++) {
          for (let j = 0; j < i; j++) {
            expect(overlap(boxes[i]!.rect, boxes[j]!.rect), `${m.name}: "${boxes[j]!.text}" and "${boxes[i]!.text}"`).toBe(false);
          }
          // Every label inside the plot.
          const r = boxes[i]!.rect;
          expect(r.x >= 0 && r.y >= 0 && r.x + r.w <= got.plot.w && r.y + r.h <= got.plot.h, `${m.name}: "${boxes[i]!.text}" inside the plot`).toBe(true);
        }
        // The Node test's stand-in measure (tests/unit/plot-label-layout.test.ts) is never narrower or
        // shorter than the browser's own: what it proves for its boxes holds for these.
        for (const b of boxes) {
          const est = b.lines.map((l) => estimateMeasure(l.text, l.size, l.bold));
          expect(Math.max(...est.map((e) => e.w)), `estimated width of "${b.text}"`).toBeGreaterThanOrEqual(b.rect.w - 0.5);
          expect(
            est.reduce((n, e) => n + e.h, 0),
            `estimated height of "${b.text}"`,
          ).toBeGreaterThanOrEqual(b.rect.h - 0.5);
        }
        if (m.breakdown) {
          // The selected breakdown's call is labelled, and placed first.
          expect(boxes[0]?.kind, `${m.name}: its call labelled first`).toBe('selectedCall');
        }
        total += boxes.length;
        console.log(
          `[labels] ${screen.name}: plot ${got.plot.w} × ${got.plot.h}, ${m.name}: ${boxes.length} labels (${boxes.filter((b) => b.leader).length} with a leader), left out: ${got.omitted.join(', ') || 'none'}`,
        );
      }
      expect(total).toBeGreaterThan(moments.length * 3);
      // The failed 121.5 call, selected as a trainer shows it, for review.
      const first = breakdowns.find((b) => calls.find((c) => c.id === b.tx)?.channel === '121.5')!;
      const shot = await labelsAt(page, { breakdown: first.id });
      expect(shot.placed.some((b) => b.kind === 'selectedCall' && b.text.startsWith('121.5'))).toBe(true);
      await screenshot(page, `labels-${screen.name}`);
      // The plot alone, at the device's pixels, to look at the labels closely.
      await page
        .locator('canvas')
        .first()
        .screenshot({ path: `${SCREENSHOT_DIR}/labels-${screen.name}-plot.png` });
      await close();
    },
  );
}

test("each label's box is as wide as its words as drawn, in English, after a switch to Korean and back", { timeout: 120_000 }, async () => {
  const { page, close } = await open(SCREENS[0]);
  // The layout measures words itself (and keeps what it measured); a box narrower than the drawn
  // words would let a label lie over its neighbour, a wider one leaves labels out for nothing.
  for (const lang of ['en', 'ko', 'en'] as const) {
    const got = await page.evaluate((l) => {
      const s = window.encounterSim!.store.getState();
      s.setLang(l);
      s.pause();
      s.seek(620);
      const plot = window.__encounterPlot!;
      plot.renderNow();
      return { placed: plot.labels().placed, texts: plot.texts() };
    }, lang);
    expect(got.placed.length).toBeGreaterThan(3);
    for (const b of got.placed) {
      const widths = b.lines.map((l) => got.texts.find((x) => x.text === l.text)?.w ?? NaN);
      expect(Math.max(...widths), `${lang}: "${b.text}"`).toBeCloseTo(b.rect.w, 1);
    }
    if (lang === 'ko') expect(got.placed.some((b) => /[\uac00-\ud7a3]/.test(b.text))).toBe(true);
  }
  await close();
});

test('no latitude or longitude label lies under the "Export PNG" button', { timeout: 120_000 }, async () => {
  for (const screen of [SCREENS[0], SCREENS[2]]) {
    const { page, close } = await open(screen);
    const got = await page.evaluate(() => {
      const plot = window.__encounterPlot!;
      plot.renderNow();
      const canvas = plot.app.canvas.getBoundingClientRect();
      const b = document.querySelector('.plot-export')!.getBoundingClientRect();
      const grid = plot.texts().filter((t) => /°.*[NSEW]$/.test(t.text));
      return { button: { x: b.x - canvas.x, y: b.y - canvas.y, w: b.width, h: b.height }, grid };
    });
    expect(got.grid.some((t) => t.text.endsWith('N')) && got.grid.some((t) => t.text.endsWith('E')), JSON.stringify(got.grid)).toBe(true);
    for (const t of got.grid) expect(overlap(t.box, got.button), `${screen.name}: "${t.text}" under Export PNG`).toBe(false);
    await close();
  }
});
