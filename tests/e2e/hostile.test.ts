// Hostile input in the app, in Chromium: a draft that would run away is stopped before it runs and
// the app stays usable with every draft; a page that died in a run opens next time without it;
// two tabs typing in one draft keep both texts. Screenshots: test-results/screenshots/hostile-*.png.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, useBrowser, waitReady } from './browser.ts';

const { open } = useBrowser();
const FILE = 'scenarios/control-cues-exchange.yaml';

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Edit/ }).click();
  await page.locator('.cm-content').waitFor();
  await page.waitForFunction(() => !!window.encounterSimEditor?.editor()?.file(), undefined, { timeout: 10_000 });
}

/** Types `text` on a new line after the first line containing `after`. */
async function typeAfter(page: Page, after: string, text: string): Promise<void> {
  await page.evaluate(
    ({ after, text }) => {
      const view = window.encounterSimEditor!.editor()!.view;
      const at = view.state.doc.toString().indexOf(after);
      if (at < 0) throw new Error(`"${after}" is not in the editor`);
      const end = view.state.doc.lineAt(at).to;
      view.dispatch({ changes: { from: end, insert: `\n${text}` } });
    },
    { after, text },
  );
}

const draftKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('encounter-sim:draft:'))
      .sort(),
  );

test('a draft that would run away is refused at its line; the last good run stays, the app answers, every draft survives a reload', async () => {
  const { page, consoleErrors } = await open('?scenario=control-cues-exchange', {
    before: async ({ context }) => {
      await context.addInitScript(() => {
        if (!localStorage.getItem('encounter-sim:draft:other.yaml'))
          localStorage.setItem('encounter-sim:draft:other.yaml', JSON.stringify({ text: 'id: other\n', saved: null, updated: 1, savedAt: null }));
      });
    },
  });
  const before = await page.locator('.run-summary').innerText();
  await openEditor(page);
  await typeAfter(page, 'durationS:', 'environment: { stepS: 1.0e-9 }');
  await page.locator('.editor-problems > li', { hasText: 'a step of 1e-9 s' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('.run-summary').innerText()).toBe(before);
  // Still answering: the timeline's play button responds.
  await page
    .getByRole('button', { name: /^(Play|Pause)/ })
    .first()
    .click();
  await screenshot(page, 'hostile-runaway-refused');

  await page.reload();
  await waitReady(page);
  expect(await draftKeys(page)).toEqual(['encounter-sim:draft:other.yaml', `encounter-sim:draft:${FILE}`]);
  expect(consoleErrors).toEqual([]);
});

test('a draft that takes long runs off the page: the app answers meanwhile, Stop ends it, the last good run stays', async () => {
  const { page, consoleErrors } = await open('?scenario=control-cues-exchange');
  const before = await page.locator('.run-summary').innerText();
  await openEditor(page);
  // Within every limit, but 5 million sensor samples: seconds of work, however long it takes.
  await typeAfter(page, 'durationS:', 'environment: { stepS: 0.00036 }');
  const status = page.locator('.run-status');
  await status.filter({ hasText: 'Running scenarios/control-cues-exchange.yaml' }).waitFor({ timeout: 10_000 });
  // The page answers while the run goes on: the playhead moves under Play.
  const t0 = await page.evaluate(() => window.encounterSim!.store.getState().t);
  await page.getByRole('button', { name: /^Play/ }).first().click();
  await page.waitForFunction((t0) => window.encounterSim!.store.getState().t > t0, t0, { timeout: 5_000 });
  expect(await status.isVisible()).toBe(true);
  await screenshot(page, 'hostile-running-off-page');
  await status.getByRole('button', { name: 'Stop' }).click();
  // The editor lists the stop among its problems and keeps the draft.
  await page.locator('.editor-problems > li', { hasText: 'was stopped' }).waitFor({ timeout: 5_000 });
  await status.waitFor({ state: 'hidden' });
  expect(await page.locator('.run-summary').innerText()).toBe(before);
  expect(consoleErrors).toEqual([]);
});

test('after a page that died in a run, the app opens without that run and says so; drafts are kept', async () => {
  const { page } = await open('', {
    before: async ({ context }) => {
      await context.addInitScript(() => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('encounter-sim:draft:runaway.yaml', JSON.stringify({ text: 'id: runaway\n', saved: null, updated: 1, savedAt: null }));
        localStorage.setItem('encounter-sim:running', JSON.stringify({ file: 'runaway.yaml', search: '?procedure=./runaway-procedure.yaml' }));
      });
    },
  });
  const alert = page.getByRole('alert').filter({ hasText: 'never finished' });
  await alert.waitFor();
  expect(await alert.innerText()).toContain('The last run, of runaway.yaml, never finished');
  expect(await draftKeys(page)).toEqual(['encounter-sim:draft:runaway.yaml']);
  expect(await page.evaluate(() => localStorage.getItem('encounter-sim:running'))).toBeNull();
  await screenshot(page, 'hostile-unfinished-run');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await alert.waitFor({ state: 'detached' });
});

test("two tabs typing in one draft: the second keeps the first one's text aside and says so", async () => {
  const a = await open('?scenario=control-cues-exchange');
  const pageB = await a.context.newPage();
  await pageB.goto(a.page.url());
  await waitReady(pageB);
  await openEditor(a.page);
  await openEditor(pageB);
  // Each tab to the front before it is typed in, as a user switching tabs would: a page in the
  // background may have its frames paused, and with them the wait for what it shows.
  await a.page.bringToFront();
  await typeAfter(a.page, 'durationS:', '# typed in tab A');
  await a.page.waitForFunction(() => (localStorage.getItem('encounter-sim:draft:scenarios/control-cues-exchange.yaml') ?? '').includes('typed in tab A'));
  await pageB.bringToFront();
  await typeAfter(pageB, 'durationS:', '# typed in tab B');
  const notice = pageB.locator('.editor-notice');
  await notice.filter({ hasText: 'was also being edited in another tab' }).waitFor({ timeout: 10_000 });
  const kept = await pageB.evaluate(() => JSON.parse(localStorage.getItem('encounter-sim:draft:scenarios/control-cues-exchange.yaml')!));
  expect(kept.text).toContain('typed in tab B');
  expect(kept.replaced.text).toContain('typed in tab A');
  await screenshot(pageB, 'hostile-two-tabs');
  await pageB.close();
});

test('a 200-character title stays clear of the pickers, and a right-to-left override does not reverse a label', async () => {
  const { page } = await open('?scenario=control-cues-exchange', { plot: true });
  await openEditor(page);
  const title = 'An exercise with a very long title '.repeat(6).slice(0, 200).trim();
  await page.evaluate(
    ({ title }) => {
      const view = window.encounterSimEditor!.editor()!.view;
      const doc = view.state.doc.toString();
      const next = doc.replace(/^title: .*$/m, `title: "${title}"`).replace('name: JS Teruzuki', 'name: "JS Teruzuki\\u202Eevil"');
      view.dispatch({ changes: { from: 0, to: doc.length, insert: next } });
    },
    { title },
  );
  await page.waitForFunction((t) => document.querySelector('.run-title')?.textContent?.includes(t.slice(0, 40)), title, { timeout: 10_000 });
  const boxes = await page.evaluate(() => {
    const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
    const t = r('.run-title');
    const p = r('.pickers');
    return { titleRight: t.right, titleBottom: t.bottom, pickersLeft: p.left, pickersTop: p.top, pickersBottom: p.bottom };
  });
  const overlaps = boxes.titleRight > boxes.pickersLeft && boxes.titleBottom > boxes.pickersTop;
  expect(overlaps, JSON.stringify(boxes)).toBe(false);
  // The pickers keep a usable width: each select shows more than a letter or two.
  const narrowest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.pickers select')].map((e) => e.getBoundingClientRect().width)));
  expect(narrowest).toBeGreaterThan(80);
  // The event log shows the name in order, not reversed by the override.
  await page.getByRole('list', { name: 'Event log' }).getByText('JS Teruzukievil', { exact: false }).first().waitFor();
  await screenshot(page, 'hostile-long-title');
});
