// Issue 8: a scenario full of HTML and script payloads runs as text, nowhere as markup; the app
// runs under its Content-Security-Policy (pixi, workers, editor) and asks no other origin for
// anything; a bad file shows the error with its position and keeps the last run on screen.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { screenshot, useBrowser, type RecordedPage } from './browser.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/hostile.yaml');
const app = useBrowser();

/** Opens the app with a recorder of CSP violations installed before any page script. */
async function open(query = ''): Promise<RecordedPage & { csp: () => Promise<string[]> }> {
  const rec = await app.open(query, {
    before: async ({ context, page }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseURL')).origin });
      await page.addInitScript(() => {
        (window as unknown as { __csp: string[] }).__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { __csp: string[] }).__csp.push(
            `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
          ),
        );
      });
    },
  });
  return { ...rec, csp: () => rec.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

/** No payload became markup or ran. */
async function assertInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), where).toBeUndefined();
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    script: [...document.querySelectorAll('script')].filter((s) => /__pwned/.test(s.textContent ?? '')).length,
    onload: document.querySelectorAll('[onload], [onerror]').length,
    iframe: document.querySelectorAll('iframe').length,
    js: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
    // The account titles' <b>JP</b> and <i>ROK</i>, had they become markup.
    bold: [...document.querySelectorAll('b, i')].filter((x) => /^(JP|ROK)$/.test(x.textContent ?? '')).length,
  }));
  expect(found, where).toEqual({ img: 0, script: 0, onload: 0, iframe: 0, js: 0, bold: 0 });
}

const visibleText = (page: Page, text: string) => page.getByText(text, { exact: false }).first().isVisible();

test('a scenario full of HTML and script payloads shows them as text in every panel, tab and the exported debrief', async () => {
  const { page, context, consoleErrors, foreignRequests, failedRequests, csp } = await open();
  // Through the header's "Open file…" input, as a trainer would.
  await page.locator('#open-file').setInputFiles(FIXTURE);
  await page.getByText('TITLE <script>window.__pwned=1</script>').first().waitFor();
  await assertInert(page, 'after opening');
  await page.getByRole('combobox', { name: 'Account' }).selectOption('rok');
  expect(await visibleText(page, '<i>ROK</i> account')).toBe(false); // the <option> is not "visible" text; checked below by value
  expect(await page.getByRole('combobox', { name: 'Account' }).locator('option:checked').innerText()).toContain(
    '<i>ROK</i> account <script>window.__pwned=1</script>',
  );

  // Event log: unit names and call texts as text.
  const log = page.getByRole('list', { name: 'Event log' });
  expect(await log.innerText()).toContain('<img src=x onerror="window.__pwned=1"> UNITNAME');
  expect(await log.innerText()).toContain('CALLTEXT');
  // Findings: breakdowns, scorecard, facts, triggers.
  const findings = page.getByRole('region', { name: 'Findings' });
  for (const tab of ['Breakdowns', 'Scorecard', 'Facts', 'Triggers']) {
    await findings.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await assertInert(page, tab);
  }
  await findings.getByRole('tab', { name: /^Breakdowns/ }).click();
  expect(await page.getByRole('list', { name: 'Breakdowns' }).innerText()).toContain('"><svg onload="window.__pwned=1"> OTHERNAME');
  await findings.getByRole('tab', { name: 'Facts' }).click();
  expect(await visibleText(page, '<img src=x onerror="window.__pwned=1"> QUESTION')).toBe(true);
  // A breakdown selected, so the plot, timeline and inspector all show the units.
  await findings.getByRole('tab', { name: /^Breakdowns/ }).click();
  await page.getByRole('list', { name: 'Breakdowns' }).getByRole('button').first().click();
  await assertInert(page, 'breakdown selected');

  // Inspector: each unit.
  await page.getByRole('tab', { name: 'Unit inspector' }).click();
  const units = page.getByRole('group', { name: 'Units' }).getByRole('button');
  for (let i = 0; i < (await units.count()); i++) {
    await units.nth(i).click();
    await assertInert(page, `inspector ${i}`);
  }
  expect(await page.getByRole('tabpanel', { name: 'Unit inspector' }).innerText()).toContain('"><svg onload="window.__pwned=1"> OTHERNAME');
  expect(await log.innerText()).toContain('I AM <IFRAME SRC="JAVASCRIPT:WINDOW.__PWNED=1"></IFRAME> ON PASSAGE');

  // Sequence chart and its Mermaid copy.
  await page.getByRole('tab', { name: 'Sequence chart' }).click();
  await page.getByRole('button', { name: 'Copy as Mermaid' }).click();
  await page.waitForTimeout(200);
  await assertInert(page, 'sequence chart');
  const mermaid = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
  const box = page.getByRole('textbox', { name: 'Mermaid text' });
  const mermaidText = mermaid || (await box.inputValue());
  expect(mermaidText).toMatch(/sequenceDiagram/);
  expect(mermaidText).not.toMatch(/<script>/i);

  // Step, Drill, What-if, Compare, Paths.
  for (const tab of ['Step', 'Drill', 'What-if', 'Paths']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(100);
    await assertInert(page, tab);
  }
  await page.getByRole('tab', { name: 'Compare' }).click();
  const cmp = page.getByRole('tabpanel', { name: 'Compare' });
  await cmp.getByRole('button', { name: 'Compare', exact: true }).click();
  expect(await cmp.getByRole('combobox', { name: 'Account B' }).inputValue()).toBe('jp');
  await cmp.getByRole('table', { name: /^Facts the two accounts give differently/ }).waitFor();
  expect(await cmp.innerText()).toContain('<script>window.__pwned=1</script> What was the ship doing?');
  expect(await cmp.innerText()).toContain('"javascript:window.__pwned=1 ACTIVITY-ROK"');
  await assertInert(page, 'compare');
  await page.getByRole('tab', { name: 'Compare' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'security');

  // The exported debrief (with the comparison), opened as a page of its own.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export debrief' }).click()]);
  expect(download.suggestedFilename()).toBe('debrief-hostile-rok-cues-2014.html');
  const html = readFileSync((await download.path())!, 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'encounter-sim-hostile-')), 'debrief.html');
  writeFileSync(file, html);
  const debrief = await context.newPage();
  const debriefRequests: string[] = [];
  debrief.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) debriefRequests.push(r.url());
  });
  await debrief.goto(pathToFileURL(file).href);
  await assertInert(debrief, 'debrief');
  expect(await debrief.getByText('TITLE <script>window.__pwned=1</script>').first().isVisible()).toBe(true);
  expect(await debrief.locator('body').innerText()).toContain('Comparison');
  expect(await debrief.locator('body').innerText()).toContain('<img src=x onerror="window.__pwned=1"> UNITNAME');
  expect(debriefRequests).toEqual([]);
  await debrief.close();

  await assertInert(page, 'end');
  expect(foreignRequests).toEqual([]);
  expect(failedRequests).toEqual([]);
  expect(await csp()).toEqual([]);
  expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the December 2018 replay under the CSP: pixi draws through WebGL, nothing goes to another origin while it plays', async () => {
  const { page, consoleErrors, foreignRequests, failedRequests, csp } = await open('?scenario=dec-2018-noto&account=jp');
  // The policy is the one in index.html, and the built page has no inline script.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length)).toBe(0);
  expect(await page.evaluate(() => document.body.dataset.renderer)).toBe('webgl');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('64');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => window.encounterSim!.store.getState().t > 600, undefined, { timeout: 30_000 });
  // Also the lazily loaded editor (CodeMirror) under the policy.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('.cm-editor').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => window.encounterSim!.store.getState().t >= 1200 || !window.encounterSim!.store.getState().playing, undefined, {
    timeout: 30_000,
  });
  expect(foreignRequests).toEqual([]);
  expect(failedRequests).toEqual([]);
  expect(await csp()).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a file that does not parse, and one that names a unit that is not there, show the problem with its position; the last run stays', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok');
  await page.evaluate(() => window.encounterSim!.store.getState().seek(545));
  const title = '20 December 2018: DDG 971 and a JMSDF P-1';
  const before = await page.evaluate(() => window.encounterSim!.store.getState().analysis!.breakdowns.length);
  const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-bad-'));

  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'id: broken\ntitle: "unterminated\nunits: [\n');
  await page.locator('#open-file').setInputFiles(broken);
  const alert = page.getByRole('alert').filter({ hasText: 'in the input' });
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/broken\.yaml:\d+:\d+: error/);
  expect(await alert.innerText()).toContain('The last good run stays on screen.');
  expect(await page.getByText(title).first().isVisible()).toBe(true);
  expect(await page.evaluate(() => window.encounterSim!.store.getState().analysis!.run.scenario.spec.id)).toBe('dec-2018-noto');
  expect(await page.evaluate(() => window.encounterSim!.store.getState().t)).toBe(545);

  const dangling = join(dir, 'dangling.yaml');
  writeFileSync(dangling, readFileSync(FIXTURE, 'utf8').replace('    to: rok-ddh\n', '    to: no-such-unit\n'));
  await page.locator('#open-file').setInputFiles(dangling);
  await expect.poll(() => alert.innerText()).toMatch(/dangling\.yaml:\d+:\d+: error\[ES\d{4}\]: .*no-such-unit/);
  expect(await page.getByText(title).first().isVisible()).toBe(true);
  expect(await page.evaluate(() => window.encounterSim!.store.getState().analysis!.breakdowns.length)).toBe(before);
  expect(await page.getByRole('list', { name: 'Breakdowns' }).locator(':scope > li').count()).toBe(before);
});
