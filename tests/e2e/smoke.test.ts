import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the built app loads, becomes ready and stays on its own origin', async () => {
  const { page, context, consoleErrors, failedRequests, foreignRequests } = await newPage(browser);
  try {
    await page.goto(inject('baseURL'));
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 30_000 });

    expect(await page.title()).toContain('encounter-sim');
    await screenshot(page, 'smoke');

    expect(foreignRequests).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
