// The replay as a trainer uses it, in the built app in Chromium: December 2018 opens with nothing
// fetched from elsewhere, play moves the clock, breakdown markers and keyboard shortcuts move the
// playhead, the URL restores the moment, and switching procedure changes the breakdown list.
// Screenshots (test-results/screenshots/replay-*.png) are for a human to look at.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, useBrowser, waitReady as ready } from './browser.ts';

// One page at a time: each test's page is closed after it.
const { open } = useBrowser();

const clockText = (page: Page) => page.locator('#clock').innerText();
const playhead = (page: Page) => page.evaluate(() => window.encounterSim!.store.getState().t);
const breakdownItems = (page: Page) => page.getByRole('list', { name: 'Breakdowns' }).locator(':scope > li');

test('opens December 2018 from its own origin only, with every panel filled', async () => {
  const { page, foreignRequests, failedRequests, consoleErrors } = await open();
  await expect.poll(() => page.getByText('20 December 2018: DDG 971 and a JMSDF P-1').first().isVisible()).toBe(true);
  expect(await page.getByRole('combobox', { name: 'Scenario' }).inputValue()).toBe('dec-2018-noto');
  expect(await clockText(page)).toBe('14:54:00 JST/KST');
  expect(await breakdownItems(page).count()).toBeGreaterThan(0);
  expect(await page.getByRole('list', { name: 'Event log' }).locator('li').count()).toBeGreaterThan(20);
  expect(await page.getByRole('group', { name: 'Breakdowns on the timeline' }).getByRole('button').count()).toBe(await breakdownItems(page).count());
  await screenshot(page, 'replay-open');
  expect(foreignRequests).toEqual([]);
  expect(failedRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('play advances the scenario clock; pause stops it', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok&t=500');
  const before = await clockText(page);
  expect(before).toBe('15:02:20 JST/KST');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction((b) => document.querySelector('#clock')!.textContent !== b, before, { timeout: 5_000 });
  const during = await clockText(page);
  expect(during > before).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await clockText(page);
  await page.waitForTimeout(400);
  expect(await clockText(page)).toBe(paused);
});

test('clicking the first breakdown marker moves the playhead there and highlights its log entry', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok&procedure=practice-2018&t=900');
  expect(await playhead(page)).toBe(900);
  const markers = page.getByRole('group', { name: 'Breakdowns on the timeline' }).getByRole('button');
  const first = markers.first();
  const label = (await first.getAttribute('aria-label'))!;
  const { id, t, entry } = await page.evaluate(() => {
    const b = window.encounterSim!.store.getState().analysis!.breakdowns[0]!;
    return { id: b.id, t: b.t, entry: b.entry };
  });
  expect(label.startsWith(`Breakdown ${id} at `)).toBe(true);
  await first.click();
  expect(await playhead(page)).toBe(t);
  expect(Number(await page.getByRole('slider', { name: 'Playhead' }).inputValue())).toBe(Math.round(t));
  const row = page.locator(`.log-list li[data-seq="${entry}"]`);
  await expect.poll(() => row.getAttribute('class')).toContain('selected');
  // The highlighted entry is scrolled into the log's visible area.
  const box = (await row.boundingBox())!;
  const scroller = (await page.locator('.log-scroll').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(scroller.y - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(scroller.y + scroller.height + 1);
  // The breakdown is selected in the list too.
  expect(await page.locator(`.breakdown-list li[data-breakdown="${id}"]`).getAttribute('aria-current')).toBe('true');
  await screenshot(page, 'replay-first-breakdown');

  // And a later marker, under the account where the calls fail on the ladder: the first call lost
  // at receivable (the set not tuned to 121.5), found in the run rather than by its number.
  const lost = await page.evaluate(() => {
    const b = window.encounterSim!.store.getState().analysis!.breakdowns.find((x) => x.stage === 'receivable')!;
    return { id: b.id, t: b.t };
  });
  await page.getByRole('button', { name: new RegExp(`^Breakdown ${lost.id} at \\d\\d:\\d\\d:\\d\\d: stopped at receivable$`) }).click();
  expect(await playhead(page)).toBe(lost.t);
  await page.getByRole('tab', { name: 'Sequence chart' }).click();
  await screenshot(page, 'replay-lost-call-sequence');
});

test('keyboard: Space plays and pauses, Right steps to the next event, ] speeds up, Home and End', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok&t=0');
  await page.locator('body').press('Space');
  expect(await page.evaluate(() => window.encounterSim!.store.getState().playing)).toBe(true);
  await page.locator('body').press('Space');
  expect(await page.evaluate(() => window.encounterSim!.store.getState().playing)).toBe(false);
  await page.locator('body').press('Home');
  expect(await clockText(page)).toBe('14:54:00 JST/KST');
  const next = await page.evaluate(() => window.encounterSim!.store.getState().replay!.nextEventTime(0));
  await page.locator('body').press('ArrowRight');
  expect(await playhead(page)).toBe(next);
  expect(await page.getByRole('combobox', { name: 'Speed' }).inputValue()).toBe('8');
  await page.locator('body').press(']');
  expect(await page.getByRole('combobox', { name: 'Speed' }).inputValue()).toBe('16');
  await page.locator('body').press('[');
  await page.locator('body').press('[');
  expect(await page.getByRole('combobox', { name: 'Speed' }).inputValue()).toBe('4');
  await page.locator('body').press('End');
  expect(await clockText(page)).toBe('15:14:00 JST/KST');
  await page.locator('body').press('Home');
  expect(await clockText(page)).toBe('14:54:00 JST/KST');
});

test('reloading the URL restores the moment: account, procedure and playhead', async () => {
  const { page } = await open();
  await page.getByRole('combobox', { name: 'Account' }).selectOption('rok');
  await page.getByRole('combobox', { name: 'Procedure' }).selectOption('cues-2014');
  await page.getByRole('group', { name: 'Breakdowns on the timeline' }).getByRole('button').last().click();
  await page.locator('body').press('ArrowRight');
  const t = await playhead(page);
  expect(t).toBeGreaterThan(0);
  const clock = await clockText(page);
  await page.waitForFunction((tt) => new URL(location.href).searchParams.get('t') === String(tt), t, { timeout: 5_000 });
  const url = page.url();
  expect(url).toContain('account=rok');
  expect(url).toContain('procedure=cues-2014');
  await page.reload();
  await ready(page);
  expect(await page.getByRole('combobox', { name: 'Account' }).inputValue()).toBe('rok');
  expect(await page.getByRole('combobox', { name: 'Procedure' }).inputValue()).toBe('cues-2014');
  expect(await playhead(page)).toBe(t);
  expect(await clockText(page)).toBe(clock);
});

test('switching to jp-rok-2024 changes the breakdown list and says what changed', async () => {
  const { page, consoleErrors } = await open('?scenario=dec-2018-noto&account=rok&procedure=practice-2018&t=545');
  const before = await breakdownItems(page).allInnerTexts();
  await page.getByRole('combobox', { name: 'Procedure' }).selectOption('jp-rok-2024');
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Switching procedure' }).innerText())
    .toMatch(/^Switching procedure practice-2018 → jp-rok-2024: \d+ breakdowns? gone, \d+ new/);
  const after = await breakdownItems(page).allInnerTexts();
  expect(after.length).toBeLessThan(before.length);
  expect(after.join('\n')).not.toContain('stopped at receivable');
  expect(before.join('\n')).toContain('✗ receivable');
  expect(await playhead(page)).toBe(545);
  await page.getByRole('tab', { name: 'Sequence chart' }).click();
  await screenshot(page, 'replay-jp-rok-2024');
  await page.getByRole('tab', { name: 'Unit inspector' }).click();
  await page.getByRole('group', { name: 'Units' }).getByRole('button', { name: 'Gwanggaeto the Great' }).click();
  await screenshot(page, 'replay-inspector');
  expect(consoleErrors).toEqual([]);
});
