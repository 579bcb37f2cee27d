// The event log at the size of a generated exercise (100,000 entries) in Chromium, with real
// layout: only a window of rows is in the DOM, scrolling far shows the rows that belong there,
// and an entry selected far away is rendered inside the log's visible area. The long tasks seen
// while scrolling and seeking are printed as figures, not asserted (the machine is shared).
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, useBrowser } from './browser.ts';

const { open } = useBrowser();
const N = 100_000;

/** Swaps the run's log for N notes, one every 10 ms, about the scenario's units in turn. */
async function bigLog(page: Page): Promise<void> {
  await page.evaluate((n) => {
    const store = window.encounterSim!.store;
    const s = store.getState();
    const a = s.analysis!;
    const units = a.run.scenario.units.map((u) => u.id);
    const log = Array.from({ length: n }, (_, i) => ({
      type: 'note' as const,
      seq: i,
      t: i / 100,
      cause: { kind: 'script' as const, ref: 'synthetic' },
      unit: units[i % units.length]!,
      text: `Note number ${i}: a longer line of text that may wrap in a narrow log panel`,
    }));
    const replay = { ...s.replay!, entryIndexAt: (t: number) => Math.min(n - 1, Math.floor(t * 100 + 1e-6)) };
    store.setState({ analysis: { ...a, run: { ...a.run, log } }, replay, t: 0, selectedEntry: null });
  }, N);
}

/** Long tasks (ms) from now until `stop` is called. */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('a 100,000-entry log keeps a window of rows, scrolls and seeks to the rows that belong there', async () => {
  const { page } = await open();
  const list = page.getByRole('list', { name: 'Event log' });
  await expect.poll(() => list.locator('li').count()).toBeGreaterThan(20);
  await bigLog(page);
  await expect.poll(() => page.locator('.log-filters .count').innerText()).toBe('100,000 of 100,000 entries');
  expect(await list.locator('li').count()).toBeLessThanOrEqual(400);
  const stop = await watchLongTasks(page);

  // Scroll to the middle: the rows at the top of the view are from the middle of the log.
  for (const f of [0.5, 0.8, 0.2, 0.95]) {
    await page.locator('.log-scroll').evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), f);
    await frames(page);
    const [topSeq, bottomSeq] = await page.evaluate(() => {
      const box = document.querySelector('.log-scroll')!.getBoundingClientRect();
      const seqAt = (y: number) => {
        const li = document.elementFromPoint(box.left + 20, y)?.closest('li');
        return li ? Number((li as HTMLElement).dataset.seq) : -1;
      };
      return [seqAt(box.top + 5), seqAt(box.bottom - 5)];
    });
    // Rows fill the view, top to bottom, in order: measuring the new rows did not move them out of it.
    expect(bottomSeq).toBeGreaterThan(topSeq);
    expect(bottomSeq - topSeq).toBeLessThan(40);
    // Where the row at the top should be, give or take the estimate of rows not yet measured.
    expect(topSeq).toBeGreaterThan(N * f - N * 0.1);
    expect(topSeq).toBeLessThan(N * f + N * 0.1);
    expect(await list.locator('li').count()).toBeLessThanOrEqual(500);
  }

  const whileScrolling = await stop();

  // Seek far away: the entry is rendered, selected and inside the log's visible area.
  for (const seq of [90_000, 1_000, 60_000]) {
    await page.evaluate((seq) => window.encounterSim!.store.getState().selectEntry(seq), seq);
    const row = page.locator(`.log-list li[data-seq="${seq}"]`);
    await expect.poll(() => row.getAttribute('class')).toContain('selected');
    await frames(page);
    const box = (await row.boundingBox())!;
    const scroller = (await page.locator('.log-scroll').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(scroller.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(scroller.y + scroller.height + 1);
  }
  const whileSeeking = (await stop()).slice(whileScrolling.length);
  // Seeking also moves the plot, the timeline and the other panels: not all of it is the log's.
  console.log(
    `log at ${N} entries: long tasks (ms) while scrolling 4 times ${JSON.stringify(whileScrolling)}, seeking 3 times ${JSON.stringify(whileSeeking)}`,
  );
  await screenshot(page, 'log-scale-100k');
});
