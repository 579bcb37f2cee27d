// Issue #7: the debrief is one self-contained HTML file. Opened from disk in Chromium with the
// network blocked, every section shows and the page asks for nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { screenshot, useBrowser, writeDebrief } from './browser.ts';

// These pages are files on disk, not the app: each test makes and closes its own context.
const app = useBrowser();

test('the debrief opens from disk with the network blocked, shows every section and requests nothing', async () => {
  const made = writeDebrief(['--account', 'rok', '--compare', 'account=jp']);
  const out = made.out;
  expect(made.status, made.stderr).toBe(0);
  const url = pathToFileURL(out).href;

  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.setOffline(true);
  const attempted: string[] = [];
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    blocked.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url() !== url) attempted.push(`${r.method()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  try {
    await page.goto(url);
    expect(await page.title()).toMatch(/^Debrief: 20 December 2018/);
    for (const name of [
      'Scenario',
      'Facts',
      'The plot at key moments',
      'Message sequence',
      'Call exchanges',
      'Breakdowns',
      'Scorecard',
      'Comparison',
      'Assumptions',
    ]) {
      const h = page.getByRole('heading', { level: 2, name, exact: true });
      await h.scrollIntoViewIfNeeded();
      expect(await h.isVisible(), name).toBe(true);
    }
    // The pictures are drawn, not empty boxes.
    for (const id of ['moment-first-breakdown', 'moment-closest-pass', 'moment-end']) {
      const box = await page.locator(`#${id} svg`).boundingBox();
      expect(box!.width, id).toBeGreaterThan(300);
      expect(box!.height, id).toBeGreaterThan(200);
      expect(await page.locator(`#${id} svg text.unit`).count(), id).toBeGreaterThanOrEqual(3);
    }
    expect(await page.locator('#sequence svg line').count()).toBeGreaterThan(4);
    await page.waitForTimeout(300); // let anything that would load, try to
    await screenshot(page, 'debrief');
    expect(attempted).toEqual([]);
    expect(blocked).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the same watch does catch a file that reaches out (so "requests nothing" above means something)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-probe-'));
  const file = join(dir, 'leaky.html');
  writeFileSync(file, '<!doctype html><title>leaky</title><p>x</p><img src="https://example.invalid/x.png">');
  const url = pathToFileURL(file).href;
  const context = await app.browser.newContext();
  await context.setOffline(true);
  const attempted: string[] = [];
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url() !== url) attempted.push(r.url());
  });
  try {
    await page.goto(url);
    await page.waitForTimeout(300);
    expect(attempted).toEqual(['https://example.invalid/x.png']);
  } finally {
    await context.close();
  }
});
