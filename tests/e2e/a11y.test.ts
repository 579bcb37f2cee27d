// Accessibility, as a screen-reader or keyboard user and a trainer at a washed-out projector meet
// it: axe-core runs over every view and every tab of the built app in Chromium — the replay, each
// findings tab, each details tab (the inspector with a unit selected, the sequence chart, step,
// drill, what-if, compare, paths, sweep), a selected breakdown, the editor open with a broken draft
// showing its problems, and the whole app in Japanese and Korean — and any serious or critical
// finding fails the test with its rule, the element and axe's summary. Text contrast is among the
// rules (4.5 : 1), so dimmed "future" items in the log and the sequence chart are held to it too.
// Only the plot's canvas pixels are out of reach (axe cannot read a canvas); its region is named.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, useBrowser } from './browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const { open } = useBrowser();

interface Finding {
  view: string;
  rule: string;
  impact: string;
  target: string;
  summary: string;
}

/** axe over the whole page as it stands; serious and critical findings, each with where it was seen. */
async function audit(page: Page, view: string): Promise<Finding[]> {
  // Evaluated, not added as a script tag: the app's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({ rule: v.id, impact: n.impact ?? v.impact ?? '', target: n.target.join(' '), summary: n.failureSummary ?? v.help })),
    );
  });
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical').map((f) => ({ view, ...f }));
}

/** The findings, one line per element and rule (the first view it was seen in): rule, target, axe's summary. */
function report(findings: Finding[]): string[] {
  const seen = new Map<string, string>();
  for (const f of findings) {
    const key = `${f.rule} ${f.target}`;
    if (!seen.has(key))
      seen.set(key, `[${f.impact}] ${f.rule} at ${f.target} (${f.view}): ${f.summary.replace(/^Fix (any|all) of the following:\s*/, '').replace(/\s+/g, ' ')}`);
  }
  return [...seen.values()];
}

/**
 * axe leaves SVG text alone, so the sequence chart's words are measured here: each drawn text's
 * fill (with the opacity of its groups) against the chart's background, WCAG contrast under 4.5.
 */
async function svgTextContrast(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const out: string[] = [];
    for (const text of document.querySelectorAll<SVGTextElement>(`:is(${selector}) text`)) {
      if (!text.textContent?.trim() || text.getBBox().width === 0) continue;
      let bgEl: Element | null = text;
      while (bgEl && (getComputedStyle(bgEl).backgroundColor === 'rgba(0, 0, 0, 0)' || bgEl instanceof SVGElement)) bgEl = bgEl.parentElement;
      const bg = rgb(bgEl ? getComputedStyle(bgEl).backgroundColor : 'rgb(0,0,0)');
      let alpha = 1;
      for (let e: Element | null = text; e && e !== bgEl; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
      const fill = rgb(getComputedStyle(text).fill);
      const seen = fill.slice(0, 3).map((v, i) => v * alpha + bg[i]! * (1 - alpha));
      const [hi, lo] = [lum(seen), lum(bg)].sort((x, y) => y - x);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      if (ratio < 4.5) out.push(`"${text.textContent.trim()}" ${ratio.toFixed(2)} : 1 (fill ${getComputedStyle(text).fill}, opacity ${alpha.toFixed(2)})`);
    }
    return out;
  }, selector);
}

/** Clicks every tab of every tab list in turn and audits the page with each one shown. */
async function auditEveryTab(page: Page, where: string): Promise<Finding[]> {
  const out: Finding[] = [];
  const lists = page.getByRole('tablist');
  for (let l = 0; l < (await lists.count()); l++) {
    const list = lists.nth(l);
    const listName = (await list.getAttribute('aria-label')) ?? `tab list ${l}`;
    const tabs = list.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      const tab = tabs.nth(i);
      await tab.click();
      await page.waitForTimeout(0);
      out.push(...(await audit(page, `${where} · ${listName} › ${(await tab.innerText()).trim()}`)));
    }
  }
  return out;
}

const settle = (page: Page) => page.waitForFunction(() => document.body.dataset.ready === 'true');

test('the replay, every findings and details tab, a selected breakdown and unit: no serious or critical axe finding', { timeout: 240_000 }, async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok', { plot: true });
  const findings: Finding[] = [];
  findings.push(...(await audit(page, 'replay')));
  // A breakdown selected (its card opens, the plot and log mark it) and a unit in the inspector.
  await page.getByRole('list', { name: 'Breakdowns' }).locator(':scope > li').first().click();
  findings.push(...(await audit(page, 'breakdown selected')));
  await page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    s.selectUnit(s.analysis!.run.scenario.units[0]!.id);
  });
  // Half-way through, so the log and the sequence chart show both past and "future" items.
  await page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    s.seek(s.replay!.durationS / 2);
  });
  // Past and future both on screen: the log and the breakdowns list show items still to come.
  expect(await page.locator('.log-list li.future').count()).toBeGreaterThan(0);
  expect(await page.locator('.breakdown.future').count()).toBeGreaterThan(0);
  const tabsSeen = await page.getByRole('tab').allInnerTexts();
  for (const name of ['Unit inspector', 'Sequence chart', 'Step', 'Drill', 'What-if', 'Compare', 'Paths', 'Sweep', 'Scorecard', 'Facts', 'Triggers'])
    expect(tabsSeen).toContain(name);
  findings.push(...(await auditEveryTab(page, 'unit selected, mid-run')));
  // The sequence chart's words, past and future, readable (axe does not measure SVG text).
  await page.getByRole('tab', { name: 'Sequence chart' }).click();
  expect(await page.locator('svg.seq .msg.future').count()).toBeGreaterThan(0);
  expect(await svgTextContrast(page, 'svg.seq, svg.seq-head')).toEqual([]);
  await screenshot(page, 'a11y-mid-run-sequence');
  // The training and exploring tabs once they have run: step, compare and sweep with results.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByRole('tabpanel', { name: 'Compare' }).getByRole('button', { name: 'Compare', exact: true }).click();
  await page
    .getByRole('tabpanel', { name: 'Compare' })
    .getByRole('heading', { name: /^Facts the two accounts give differently/ })
    .waitFor();
  findings.push(...(await audit(page, 'compare run')));
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const sweep = page.getByRole('tabpanel', { name: 'Sweep' });
  await sweep.getByRole('spinbutton', { name: /Runs/ }).fill('10');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await sweep.getByRole('img', { name: /^Sweep chart/ }).waitFor({ timeout: 60_000 });
  findings.push(...(await audit(page, 'sweep run')));
  await page.getByRole('tab', { name: 'Step' }).click();
  await page.getByRole('tabpanel', { name: 'Step' }).getByRole('combobox', { name: 'Unit' }).selectOption({ index: 1 });
  findings.push(...(await audit(page, 'step with a unit')));
  expect(report(findings)).toEqual([]);
});

test('the editor open, and a broken draft listing its problems: no serious or critical axe finding', { timeout: 120_000 }, async () => {
  const { page } = await open('?scenario=control-cues-exchange', { plot: true });
  await page.getByRole('button', { name: /^Edit/ }).click();
  await page.locator('.cm-content').waitFor();
  await page.waitForFunction(() => !!window.encounterSimEditor?.editor()?.file(), undefined, { timeout: 10_000 });
  const findings = await audit(page, 'editor open');
  // A typed mistake: the editor marks it, the problems list and the diagnostics banner show it.
  await page.evaluate(() => {
    const view = window.encounterSimEditor!.editor()!.view;
    view.dispatch({ changes: { from: 0, insert: 'units: [oops\n' } });
  });
  await page.locator('.editor-problems > li').first().waitFor({ timeout: 10_000 });
  await settle(page);
  findings.push(...(await audit(page, 'broken draft')));
  findings.push(...(await auditEveryTab(page, 'broken draft')));
  expect(report(findings)).toEqual([]);
});

for (const lang of ['ja', 'ko'] as const) {
  test(`in ${lang}: the replay and every tab: no serious or critical axe finding`, { timeout: 180_000 }, async () => {
    const { page } = await open(`?scenario=dec-2018-noto&account=${lang === 'ja' ? 'jp' : 'rok'}&lang=${lang}`, { plot: true });
    await page
      .getByRole('list')
      .filter({ has: page.locator('.bd-id') })
      .first()
      .locator(':scope > li')
      .first()
      .click();
    await page.evaluate(() => {
      const s = window.encounterSim!.store.getState();
      s.selectUnit(s.analysis!.run.scenario.units[0]!.id);
      s.seek(s.replay!.durationS / 2);
    });
    const findings = [...(await audit(page, `${lang} replay`)), ...(await auditEveryTab(page, lang))];
    expect(report(findings)).toEqual([]);
  });
}
