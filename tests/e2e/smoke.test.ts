import { expect, test } from 'vitest';
import { screenshot, useBrowser } from './browser.ts';

const { open } = useBrowser();

test('the built app loads, becomes ready and stays on its own origin', async () => {
  const { page, consoleErrors, failedRequests, foreignRequests } = await open();

  expect(await page.title()).toContain('encounter-sim');
  await screenshot(page, 'smoke');

  expect(foreignRequests).toEqual([]);
  expect(failedRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
