// Issue 8's budget, guarded: the JavaScript a reader downloads before the tactical plot's first
// frame. It grew unnoticed from 291.5 KB to 830.8 KB gzip (every language's messages in the first
// load, the off-page worker fetched before the plot), because only a benchmark measured it. This
// test counts the same bytes as `npx tsx scripts/bench-browser.ts --only bundle` (gzip -9 of each
// file), by size, not by time: a file counts when the page asked for it before the first frame.
import { gzipSync } from 'node:zlib';
import { expect, inject, test } from 'vitest';
import { newPage, useBrowser } from './browser.ts';

const session = useBrowser();
const { open } = session;

/**
 * Bytes (gzip -9) of JavaScript allowed before the first frame. Issue 8's target is 300,000 and
 * is not met today (docs/performance.md says what is left in the first load and why); this is the
 * figure reached with 2 % to spare, so the first load can only grow by a decision that changes
 * this number. 452,526 bytes in December 2018 (by the bench); 475,336 after issue 19's quick
 * parse (js-yaml's event parser, src/core/yaml-quick.ts, about 21 KB of it): the app installs
 * its files after one visit, so the bytes are paid once, and every later parse of a scenario or
 * an author's draft is several times faster.
 */
const FIRST_FRAME_JS_BUDGET = 485_000;

interface Requested {
  path: string;
  start: number;
}

test('the JavaScript fetched before the plot is first drawn stays within its budget; a Japanese page adds only its messages', async () => {
  const base = inject('baseURL');
  const gz = new Map<string, number>();
  const gzipOf = async (path: string) => {
    if (!gz.has(path)) gz.set(path, gzipSync(Buffer.from(await (await fetch(new URL(path, base))).arrayBuffer()), { level: 9 }).length);
    return gz.get(path)!;
  };
  const totals: Record<string, number> = {};
  for (const lang of ['en', 'ja']) {
    const { page, consoleErrors } = await open(`?scenario=dec-2018-noto&account=rok&lang=${lang}`, { plot: true });
    const { drawn, scripts } = await page.evaluate(() => {
      const mark = performance.getEntriesByName('plot-drawn')[0];
      const all = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        path: new URL(e.name).pathname,
        start: e.startTime,
      }));
      return { drawn: mark?.startTime ?? null, scripts: all.filter((e: Requested) => e.path.endsWith('.js')) };
    });
    expect(drawn, 'the plot marks its first frame').not.toBeNull();
    const before = [...new Set(scripts.filter((s) => s.start < drawn!).map((s) => s.path))];
    let total = 0;
    const listed: string[] = [];
    for (const p of before) {
      const n = await gzipOf(p);
      total += n;
      listed.push(`${p} ${n}`);
    }
    totals[lang] = total;
    const what = `${lang}: JavaScript before the first frame, gzip -9 bytes:\n${listed.join('\n')}`;
    if (lang === 'en') expect(total, what).toBeLessThanOrEqual(FIRST_FRAME_JS_BUDGET);
    // Only the reader's language comes with it (English is always there: the core writes it).
    expect(
      before.some((p) => /\/assets\/ko-[\w-]+\.js$/.test(p)),
      what,
    ).toBe(false);
    expect(
      before.some((p) => /\/assets\/ja-[\w-]+\.js$/.test(p)),
      what,
    ).toBe(lang === 'ja');
    expect(consoleErrors).toEqual([]);
  }
  // Japanese costs its own messages on top (about 44 KB gzip), and nothing else.
  expect(totals.ja! - totals.en!).toBeGreaterThan(30_000);
  expect(totals.ja! - totals.en!).toBeLessThan(50_000);
});

/** What the header's language picker is called, and the language of the page. */
const headerWords = (page: import('playwright-core').Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, picker: document.querySelector('.picker-lang span')!.textContent }));

test('once the app is ready, switching to Japanese rewords the page at once, without fetching anything', async () => {
  const { page, consoleErrors } = await open('?scenario=dec-2018-noto&account=rok&lang=en');
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  expect(await headerWords(page)).toEqual({ lang: 'en', picker: 'Language' });
  await page.selectOption('#pick-lang', 'ja');
  // No waiting: the Japanese messages came in the background after the first frame.
  expect(await headerWords(page)).toEqual({ lang: 'ja', picker: '言語' });
  expect(asked.filter((u) => u.endsWith('.js'))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a switch made while the Japanese messages are still on their way waits for them: never half English, half Japanese', async () => {
  const rec = await newPage(session.browser);
  try {
    const { page } = rec;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/ja-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(new URL('/?scenario=dec-2018-noto&account=rok&lang=en', inject('baseURL')).href);
    await page.waitForFunction(() => !!window.__encounterPlot, undefined, { timeout: 30_000 });
    await page.selectOption('#pick-lang', 'ja');
    expect(await headerWords(page)).toEqual({ lang: 'en', picker: 'Language' });
    release();
    await page.waitForFunction(() => document.documentElement.lang === 'ja', undefined, { timeout: 10_000 });
    expect(await headerWords(page)).toEqual({ lang: 'ja', picker: '言語' });
    expect(rec.consoleErrors).toEqual([]);
  } finally {
    await rec.context.close();
  }
});
