// Issue 7 in the built app: the Compare tab puts December 2018 under Japan's account beside the
// ROK's, on one shared playhead; the Paths tab marks the run's exchange; the Sweep tab runs
// varied runs on Web Workers and charts them, with the same numbers as `npm run sweep`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, useBrowser } from './browser.ts';
import { runSweep } from '../../src/cli/sweep.ts';
import { DEFAULT_VARY_SPECS } from '../../src/app/explore/sweep-run.ts';

const ROOT = join(import.meta.dirname, '../..');
const { open } = useBrowser();

const playhead = (page: Page) => page.evaluate(() => window.encounterSim!.store.getState().t);

test('December 2018, jp against rok side by side: the facts that differ, first divergence, breakdowns only in each, one playhead', async () => {
  const { page, consoleErrors, foreignRequests, failedRequests } = await open('?scenario=dec-2018-noto&account=jp');
  await page.getByRole('tab', { name: 'Compare' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Compare' });
  expect(await panel.getByRole('combobox', { name: 'Account B' }).inputValue()).toBe('rok');
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();

  const facts = panel.getByRole('table', { name: /^Facts the two accounts give differently: \d+ \(these are the facts this scenario models\)$/ });
  await facts.waitFor();
  // One row per fact the heading counts; the radar one reads as each side says.
  const heading = await panel.getByRole('heading', { name: /^Facts the two accounts give differently/ }).innerText();
  expect(await facts.locator('tbody tr').count()).toBe(Number(/: (\d+) /.exec(heading)![1]));
  const stir = facts.getByRole('row', { name: /What did the aft STIR-180 do/ });
  expect(await stir.locator('td').allInnerTexts()).toEqual(['Radar', '"track"', '"slewed"']);

  const colA = panel.getByRole('region', { name: /^Side A: account jp/ });
  const colB = panel.getByRole('region', { name: /^Side B: account rok/ });
  const onlyA = colA.getByRole('list', { name: /^Only in A/ });
  const onlyB = colB.getByRole('list', { name: /^Only in B/ });
  expect(await onlyA.getByRole('listitem').count()).toBeGreaterThan(0);
  expect(await onlyB.getByRole('listitem').count()).toBeGreaterThan(0);
  // Under the ROK account the P-1's calls stop short where Japan's account has them received.
  expect(await onlyB.innerText()).toMatch(/Gwanggaeto the Great/);
  // The columns sit side by side.
  const [ba, bb] = [await colA.boundingBox(), await colB.boundingBox()];
  expect(bb!.x).toBeGreaterThan(ba!.x + ba!.width - 1);
  expect(Math.abs(bb!.y - ba!.y)).toBeLessThan(2);

  // First divergence: clicking it moves the one playhead; both columns say what each run does there.
  await page.evaluate(() => window.encounterSim!.store.getState().seek(1000));
  await panel.getByRole('button', { name: /^First divergence at / }).click();
  const tDiv = await playhead(page);
  expect(tDiv).toBeLessThan(1000);
  expect(await page.locator('#clock').innerText()).toContain(await panel.getByRole('button', { name: /^First divergence at / }).innerText());
  const nowA = colA.locator('.cmp-now');
  const nowB = colB.locator('.cmp-now');
  const before = [await nowA.innerText(), await nowB.innerText()];
  // A breakdown only under B seeks there; the playhead drives both columns.
  const firstB = onlyB.getByRole('button').first();
  await firstB.click();
  const tB = await playhead(page);
  expect(tB).toBeGreaterThan(0);
  expect([await nowA.innerText(), await nowB.innerText()]).not.toEqual(before);
  expect(await nowB.innerText()).toMatch(/^At the playhead: \d\d:\d\d:\d\d /);
  // Rows after the playhead are marked as still ahead.
  expect(await panel.locator('.cmp-bd.ahead').count()).toBeGreaterThan(0);
  expect(await panel.getByRole('table', { name: 'Calls whose stage differs' }).locator('tbody tr').count()).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Compare' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'compare');

  // Paths: the run's exchange is marked in its outcome group.
  await page.getByRole('tab', { name: 'Paths' }).click();
  const paths = page.getByRole('tabpanel', { name: 'Paths' });
  const marked = paths.locator('li[aria-current="true"]');
  await marked.first().waitFor();
  expect(await marked.first().innerText()).toMatch(/► This run: p1-x1/);
  await screenshot(page, 'paths');

  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(failedRequests).toEqual([]);
});

test('Sweep: runs on Web Workers with a progress bar, charts both procedures, and agrees with the CLI', async () => {
  const runs = 40;
  const { page, consoleErrors, foreignRequests, failedRequests } = await open('?scenario=dec-2018-noto&account=rok');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Sweep' });
  expect(await panel.getByRole('spinbutton', { name: /Runs/ }).inputValue()).toBe('200');
  await panel.getByRole('spinbutton', { name: /Runs/ }).fill(String(runs));
  await panel.getByRole('combobox', { name: 'Against procedure' }).selectOption('jp-rok-2024');
  const workersBefore = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /sweep\.worker/.test(e.name)).length);
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  const bar = panel.getByRole('progressbar', { name: 'Sweep progress' });
  await bar.waitFor();
  const chart = panel.getByRole('img', { name: /^Sweep chart/ });
  await chart.waitFor({ timeout: 60_000 });
  expect(await bar.getAttribute('aria-valuenow')).toBe('100');
  // The runs really went to worker scripts of this origin.
  const workerScripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /sweep\.worker/.test(e.name))
      .map((e) => e.name),
  );
  expect(workerScripts.length).toBeGreaterThan(workersBefore);

  const cli = await runSweep(
    {
      file: { file: 'scenarios/dec-2018-noto.yaml', text: readFileSync(join(ROOT, 'scenarios/dec-2018-noto.yaml'), 'utf8') },
      account: 'rok',
      procedures: ['practice-2018', 'jp-rok-2024'],
      runs,
      seed: 1,
      vary: DEFAULT_VARY_SPECS,
    },
    { workers: 0 },
  );
  if ('diagnostics' in cli) throw new Error('cli sweep failed');
  const words = (r: { rate: number; lo: number; hi: number; k: number; n: number }) => {
    const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`;
    return `${pct(r.rate)} (${r.k}/${r.n}; 95% interval ${pct(r.lo)}–${pct(r.hi)})`;
  };
  const label = (await chart.getAttribute('aria-label'))!;
  for (const s of cli.summaries) expect(label).toContain(`${s.procedure}: ${words(s.completed)}`);
  await panel.getByText('Numbers', { exact: true }).click();
  const table = panel.getByRole('table', { name: 'Sweep results' });
  const heard = await table
    .getByRole('row', { name: /Breakdown at heard/ })
    .locator('td')
    .allInnerTexts();
  expect(heard).toEqual(cli.summaries.map((s) => words(s.stages.find((x) => x.id === 'stage:heard')!)));
  await panel.getByText('Numbers', { exact: true }).click();
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'sweep');

  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(failedRequests).toEqual([]);
});
