// Offline use, as on a ship or in a training room without internet: after one visit the built app
// opens, runs December 2018, switches account, and opens its lazily loaded parts (the Compare tab,
// the editor) with the network cut; another scenario's link opens too. The web app manifest that
// lets the browser install it is served and linked.
import { expect, test } from 'vitest';
import { screenshot, useBrowser, waitReady } from './browser.ts';

const { open } = useBrowser();

test('after one visit the app installs its files and works with no network', async () => {
  const rec = await open('?scenario=dec-2018-noto&account=jp', {
    plot: true,
    // The app registers its service worker under automation only when asked (src/app/offline.ts).
    before: async (r) => {
      await r.page.addInitScript(() => sessionStorage.setItem('encounter-sim:offline', 'on'));
    },
  });
  const { page, context } = rec;
  // The service worker has installed (every file precached) and is active.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link ? ((await (await fetch(link.href)).json()) as { name: string; start_url: string; display: string; icons: unknown[] }) : null;
  });
  expect(manifest?.name).toContain('encounter-sim');
  expect(manifest?.display).toBe('standalone');
  expect(manifest?.icons.length).toBeGreaterThan(0);

  await context.setOffline(true);
  // The network is really gone for anything not served by the service worker.
  expect(
    await page.evaluate(() =>
      fetch('/not-in-the-app.txt', { cache: 'no-store' }).then(
        () => 'reached',
        () => 'offline',
      ),
    ),
  ).toBe('offline');
  rec.failedRequests.length = 0;
  rec.consoleErrors.length = 0;
  await page.reload();
  await waitReady(page);
  await page.waitForFunction(() => !!window.__encounterPlot);
  await expect.poll(() => page.getByText('20 December 2018: DDG 971 and a JMSDF P-1').first().isVisible()).toBe(true);
  expect(await page.getByRole('list', { name: 'Breakdowns' }).locator(':scope > li').count()).toBeGreaterThan(0);
  // A new run offline: the other account.
  await page.getByRole('combobox', { name: 'Account' }).selectOption('rok');
  await expect.poll(() => page.evaluate(() => window.encounterSim!.store.getState().analysis?.run.scenario.account)).toBe('rok');
  // Parts of the app loaded only when asked for come from the cache too.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect.poll(() => page.locator('#details-panel-compare').innerText()).not.toBe('');
  // Another scenario's link, opened in a new tab with no network.
  const other = await context.newPage();
  await other.goto(new URL('/?scenario=jan-2019-flyby', page.url()).href);
  await waitReady(other);
  expect(await other.evaluate(() => window.encounterSim!.store.getState().scenarioId)).toBe('jan-2019-flyby');
  await other.close();
  await page.getByRole('button', { name: /^Edit/ }).click();
  await page.waitForFunction(() => !!window.encounterSimEditor?.editor()?.file(), undefined, { timeout: 10_000 });
  await screenshot(page, 'offline-dec-2018');
  expect(rec.failedRequests).toEqual([]);
  expect(rec.consoleErrors, rec.consoleErrors.join('\n')).toEqual([]);
});
