// The whole tool in the trainer's language: December 2018 in Japanese (JMSDF account) and in
// Korean (ROK Navy account): the replay, a breakdown card, step mode and the HTML debrief, at
// 1366 × 768, with no text clipped or spilling out of its box, and the radio still in English.
// Screenshots: test-results/screenshots/i18n-<lang>-*.png (looked at; see the closing note).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshot, useBrowser, writeDebrief } from './browser.ts';

const ROOT = join(import.meta.dirname, '../..');
const session = useBrowser();

/** Text that does not fit its box: clipped (overflow hidden, ellipsis) or spilling out (overflow visible). */
function unfit(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.offsetParent === null || el.closest('.cm-editor, canvas, svg, .visually-hidden')) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
      if (!ownText) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'inline' || cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1 || (el.scrollHeight > el.clientHeight + 2 && cs.overflowY !== 'visible'))
        out.push(`${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page wider than the window: ${document.documentElement.scrollWidth}`);
    return out;
  });
}

/** Latin words of three letters or more in the visible text outside radio texts, ids, frequencies and the scenario's own names. */
/**
 * English words left in a panel once what the files say is set aside: the radio's words (marked
 * lang="en"), ids, and every string of the scenario and procedure (names, rule titles and texts,
 * which an author wrote in English and the tool shows as written). What remains is the tool's own
 * wording, which must be in the reader's language.
 */
async function englishLeft(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return [`no ${selector}`];
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('q, .radio-text, code, [lang="en"], [translate="no"]').forEach((n) => n.remove());
    const run = window.encounterSim!.store.getState().analysis!.run;
    const authored = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (v.length >= 3) authored.add(v.trim().replace(/\s+/g, ' '));
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(run.scenario.spec);
    walk(run.scenario.procedure);
    walk(run.scenario.units);
    // Text nodes joined as read: a space between blocks (a detached clone has no layout for innerText),
    // none inside one, so an author's sentence with a source link in it is still found whole.
    const BLOCK = 'p, div, li, dt, dd, td, th, h1, h2, h3, h4, h5, tr, summary, button, label, .chip';
    let text = '';
    let last: Element | null = null;
    const nodes = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    while (nodes.nextNode()) {
      const block = nodes.currentNode.parentElement?.closest(BLOCK) ?? null;
      text += (block === last ? '' : ' ') + (nodes.currentNode.textContent ?? '');
      last = block;
    }
    text = text.replace(/\s+/g, ' ');
    // Case aside: a rule's title may be quoted in lower case ("always: no signal rockets towards …").
    const lower = (x: string) => x.toLowerCase();
    for (const a of [...authored].sort((x, y) => y.length - x.length)) {
      for (let i = lower(text).indexOf(lower(a)); i >= 0; i = lower(text).indexOf(lower(a))) text = text.slice(0, i) + ' ' + text.slice(i + a.length);
    }
    // Quoted words are the radio's ("KOREA COAST") or a rule's title, as said or written.
    text = text.replace(/["“「][^"”」]*["”」]/g, ' ');
    // A fact whose value is an object is shown as its JSON, keys and all.
    text = text.replace(/\{[^{}]*\}/g, ' ');
    // Ids (rule ids, set and emitter ids) are written with - / : . between words; the channel table names
    // 121.5 and 243.0 "VHF Guard" and "UHF Guard", as the aviation world does in every language.
    text = text.replace(/[\w.]+(?:[-/:][\w.]+)+/g, ' ');
    // A unit's machine states by their ids (posture.patrol, comms.∅), as the inspector shows them.
    text = text.replace(/\b(?:posture|comms)\.\S+/g, ' ');
    return (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter(
      (w) => !/^(JMSDF|ROK|ROKN|CUES|MHz|VHF|UHF|STIR|JST|KST|UTC|HQ|km|nm|kt|dBm|EEZ|Guard|ESM)$/i.test(w),
    );
  }, selector);
}

for (const [lang, account] of [
  ['ja', 'jp'],
  ['ko', 'rok'],
] as const) {
  test(`December 2018 in ${lang} (${account} account): replay, breakdown card and step mode fit at 1366 × 768`, async () => {
    const { page, consoleErrors } = await session.open(`?scenario=dec-2018-noto&account=${account}&lang=${lang}`, {
      plot: true,
      before: async ({ page }) => page.setViewportSize({ width: 1366, height: 768 }),
    });
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    // The plot is announced in the reader's language too (its canvas is made before any language is known).
    expect(await page.getAttribute('.plot canvas, canvas', 'aria-label')).toBe(lang === 'ja' ? '戦術プロット' : '전술 플롯');
    // The replay at the first breakdown, its card selected.
    await page.evaluate(() => {
      const s = window.encounterSim!.store.getState();
      const first = s.analysis!.breakdowns[0]!;
      s.selectBreakdown(first.id);
    });
    const card = page.locator('.breakdown[aria-current="true"], .breakdown.selected').first();
    await card.waitFor();
    await screenshot(page, `i18n-${lang}-replay`);
    expect(await unfit(page)).toEqual([]);
    await card.screenshot({ path: join(ROOT, `test-results/screenshots/i18n-${lang}-breakdown-card.png`) });
    expect(await englishLeft(page, '.findings')).toEqual([]);

    await page.locator('[role=tab][aria-controls$="-panel-step"]').click();
    const step = page.locator('[role=tabpanel][id$="-panel-step"]');
    await step.waitFor();
    await step.getByRole('button').first().waitFor();
    await screenshot(page, `i18n-${lang}-step`);
    expect(await unfit(page)).toEqual([]);
    expect(await englishLeft(page, '[role=tabpanel][id$="-panel-step"]')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test(`the HTML debrief in ${lang} (${account} account) is in ${lang}, fits, and keeps the radio in English`, async () => {
    const made = writeDebrief(['--account', account, '--lang', lang], `debrief-${lang}.html`);
    const out = made.out;
    expect(made.status, made.stderr).toBe(0);
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(out).href);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      // The calls as said on the air, in English.
      expect(await page.locator('body').innerText()).toContain('KOREA');
      await screenshot(page, `i18n-${lang}-debrief`);
      expect(await unfit(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
