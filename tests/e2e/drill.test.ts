// Drill and what-if in the built app in Chromium, driven as a student and a trainer would:
// the destroyer's drill under jp-rok-2024 (account jp) by keyboard only, answered as the
// procedure asks (full marks, the exchange completes) and with silence (the December 2018
// breakdown: calls understood, never acknowledged); and a what-if under the ROK account that
// turns 121.5 on in the destroyer's aero-vhf set. The expected answers come from the core run in
// Node, not from this file. Screenshots: test-results/screenshots/drill-*.png, whatif-*.png.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { loadScenario } from '../../src/core/scenario/load';
import { breakdownsFromAnswers, runDrill } from '../../src/core/drill/drill';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { screenshot, useBrowser } from './browser.ts';

// One page at a time: each test's page is closed after it.
const { open } = useBrowser();

const scenario = loadScenario(readText(`${ROOT}/scenarios/dec-2018-noto.yaml`), diskProcedures, { account: 'jp', procedure: 'jp-rok-2024' }).scenario!;
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el
      ? `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`
      : '';
  });
const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.encounterSim!.store.getState();
    const a = s.analysis!;
    return {
      t: s.t,
      durationS: a.run.durationS,
      shown: s.shown && s.shown.analysis === a ? s.shown.label : null,
      exchangesCompleted: a.exchangesCompleted,
      calls: a.outcomes
        .filter((o) => o.tx.from === 'p1' && o.tx.kind === 'hail')
        .map((o) => ({ channel: o.tx.channel, reached: o.reached, failedAt: o.failedAt })),
    };
  });

/** Keyboard only: from the details tabs to the drill's Start button, playing the destroyer. */
async function startDrillByKeyboard(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Unit inspector' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toBe('button[role=tab]:Drill');
  await page.keyboard.press('Tab'); // the tab panel
  await page.keyboard.press('Tab'); // "Play as"
  expect(await focused(page)).toMatch(/^select:/);
  const select = page.getByRole('combobox', { name: 'Play as' });
  for (let i = 0; i < 6 && (await select.inputValue()) !== 'ddg971'; i++) await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe('ddg971');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('button:Start drill');
  await page.keyboard.press('Enter');
}

/** Answers every decision by its number key, picking the option `pick` names; returns the labels chosen. */
async function answerAll(page: Page, expected: ReturnType<typeof runDrill>, shotAt: number, name: string): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Drill' });
  for (const [i, d] of expected.decisions.entries()) {
    const heading = panel.getByRole('heading', { level: 4, name: new RegExp(`^Decision ${i + 1} at `) });
    await heading.waitFor();
    expect(await focused(page)).toMatch(new RegExp(`^h4:Decision ${i + 1} at `));
    const st = await state(page);
    expect(st.t).toBe(d.t);
    expect(st.durationS).toBe(d.t);
    expect(st.shown).toMatch(new RegExp(`^Drill as Gwanggaeto the Great: decision ${i + 1}$`));
    const labels = await panel.getByRole('list', { name: 'What do you do?' }).getByRole('button').allInnerTexts();
    const want = d.options.find((o) => o.id === d.chosen)!.label;
    const index = labels.findIndex((l) => l.replace(/^\d\s*/, '').trim() === want);
    expect(index, `option "${want}" among ${JSON.stringify(labels)}`).toBeGreaterThanOrEqual(0);
    if (i === shotAt) await screenshot(page, `drill-${name}-decision`);
    await page.keyboard.press(String(index + 1));
    const feedback = panel.getByRole('status');
    await expect.poll(() => feedback.innerText()).toContain(`Decision ${i + 1} at`);
    expect(await feedback.innerText()).toContain(d.rule!);
    // The playhead goes back to the decision just answered; Enter goes on.
    expect((await state(page)).t).toBe(d.t);
    if (i === shotAt) await screenshot(page, `drill-${name}-feedback`);
    expect(await focused(page)).toMatch(/^button:(Next decision|See the summary) ▶$/);
    // A keyboard user sees where the focus went.
    expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('Enter');
  }
}

test("keyboard only: the destroyer's drill answered as the procedure asks completes the exchange with full marks", async () => {
  const { page, consoleErrors } = await open('?scenario=dec-2018-noto&account=jp&procedure=jp-rok-2024');
  const expected = runDrill(scenario, { unit: 'ddg971', choices: [], then: 'follow' });
  expect(expected.score.right).toBe(expected.score.total);
  await startDrillByKeyboard(page);
  await answerAll(page, expected, 1, 'correct');

  const panel = page.getByRole('tabpanel', { name: 'Drill' });
  const n = expected.decisions.length;
  const score = panel.getByRole('heading', { name: `Drill finished: ${n} of ${n} right` });
  await score.waitFor();
  expect(await focused(page)).toBe(`h4:Drill finished: ${n} of ${n} right`);
  const decisions = panel.getByRole('list', { name: 'Your decisions' }).getByRole('listitem');
  expect(await decisions.count()).toBe(n);
  for (const text of await decisions.allInnerTexts()) expect(text).toMatch(/^✓\s*Right/);
  const st = await state(page);
  expect(st.exchangesCompleted).toBeGreaterThan(0);
  expect(st.calls[0]).toMatchObject({ channel: '121.5', reached: 'acted-on', failedAt: null });
  expect(await panel.getByRole('list', { name: 'Calls to and from you' }).innerText()).toMatch(
    /JMSDF P-1 → Gwanggaeto the Great on 121\.5 \(hail\): got through/,
  );
  // Retry is the next stop for Tab after the score.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('button:Retry');
  await screenshot(page, 'drill-correct-summary');
  expect(consoleErrors).toEqual([]);
});

test('keyboard only: the same drill answered with silence reproduces December 2018 — the calls stop at acknowledged', async () => {
  const { page, consoleErrors } = await open('?scenario=dec-2018-noto&account=jp&procedure=jp-rok-2024');
  const expected = runDrill(scenario, { unit: 'ddg971', choices: [], then: 'silence' });
  expect(expected.score.right).toBe(0);
  await startDrillByKeyboard(page);
  await answerAll(page, expected, 1, 'silence');

  const panel = page.getByRole('tabpanel', { name: 'Drill' });
  const n = expected.decisions.length;
  await panel.getByRole('heading', { name: `Drill finished: 0 of ${n} right` }).waitFor();
  for (const text of await panel.getByRole('list', { name: 'Your decisions' }).getByRole('listitem').allInnerTexts()) {
    expect(text).toMatch(/^✗\s*Not what the procedure asks/);
    expect(text).toMatch(/the procedure asks: "/);
  }
  const st = await state(page);
  expect(st.exchangesCompleted).toBe(expected.analysis.exchangesCompleted);
  expect(st.calls).toHaveLength(3);
  for (const c of st.calls) expect(c).toMatchObject({ reached: 'understood', failedAt: 'acknowledged' });
  const calls = await panel.getByRole('list', { name: 'Calls to and from you' }).innerText();
  expect(calls.match(/JMSDF P-1 → Gwanggaeto the Great on [\d.]+ \(hail\): reached understood, stopped at acknowledged/g)).toHaveLength(3);
  // The student's breakdowns are those the drill answered as the procedure asks does not have:
  // each silence's omission and the calls it left unacknowledged, not the scripted radar's.
  const followed = runDrill(scenario, { unit: 'ddg971', choices: [], then: 'follow' }).analysis;
  const own = breakdownsFromAnswers(expected, followed);
  expect(own.filter((b) => b.kind === 'omission')).toHaveLength(n);
  expect(own.some((b) => b.kind === 'ladder' && b.stage === 'acknowledged')).toBe(true);
  expect(own.some((b) => b.kind === 'violation')).toBe(false);
  expect(await panel.getByText(/^In the run you made: /).innerText()).toContain(
    `, ${own.length} of them from your answers: ${own.map((b) => b.id).join(', ')} (`,
  );
  // The breakdown list of the main view shows the drill run's omissions of respond-actively.
  expect(await page.getByRole('list', { name: 'Breakdowns' }).innerText()).toContain('jp-rok-2024/respond-actively');
  await screenshot(page, 'drill-silence-summary');
  expect(consoleErrors).toEqual([]);
});

test("what-if under the ROK account: 121.5 on in the destroyer's aero-vhf at t=0 removes the receivable breakdown; saved as a scenario", async () => {
  const { page, consoleErrors } = await open('?scenario=dec-2018-noto&account=rok&t=0');
  await page.getByRole('tab', { name: 'What-if' }).click();
  const panel = page.getByRole('tabpanel', { name: 'What-if' });
  await panel.getByRole('combobox', { name: 'Unit' }).selectOption('ddg971');
  await panel.getByRole('combobox', { name: 'Radio set' }).selectOption('aero-vhf');
  await panel
    .getByRole('group', { name: /^Tuned to/ })
    .getByRole('checkbox', { name: '121.5' })
    .check();
  await panel.getByRole('button', { name: /^Add change at 14:54:00/ }).click();
  await screenshot(page, 'whatif-change-added');
  await panel.getByRole('button', { name: 'Run what-if' }).click();

  const gone = panel.getByRole('list', { name: 'Breakdowns gone' });
  await gone.waitFor();
  expect(await gone.innerText()).toContain("JMSDF P-1's call on 121.5 to Gwanggaeto the Great: stopped at receivable");
  expect(await panel.getByRole('list', { name: 'Breakdowns new' }).innerText()).not.toContain('stopped at receivable');
  expect(await panel.getByRole('region', { name: 'Calls that went differently' }).innerText()).toMatch(
    /on 121\.5 \(hail\): original stopped at receivable → what-if stopped at acknowledged/,
  );
  const st = await state(page);
  expect(st.shown).toBe('What-if: ddg971: set aero-vhf, tuned to 121.5 + 123.1');
  expect(st.calls.find((c) => c.channel === '121.5')).toMatchObject({ reached: 'understood' });
  await expect.poll(() => page.locator('.shown-banner').isVisible()).toBe(true);
  await screenshot(page, 'whatif-result');

  // The main view switches back to the original and again to the what-if.
  const view = panel.getByRole('group', { name: 'Main view shows' });
  await view.getByRole('button', { name: 'Original' }).click();
  expect((await state(page)).calls.find((c) => c.channel === '121.5')).toMatchObject({ failedAt: 'receivable' });
  expect(await page.locator('.shown-banner').isVisible()).toBe(false);
  await view.getByRole('button', { name: 'What-if' }).click();
  expect((await state(page)).calls.find((c) => c.channel === '121.5')).toMatchObject({ reached: 'understood' });

  // Save as scenario: a real download of the YAML.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Save as scenario' }).click()]);
  expect(download.suggestedFilename()).toBe('dec-2018-noto-what-if.yaml');
  const yaml = await readFile((await download.path())!, 'utf8');
  expect(yaml).toMatch(/^id: dec-2018-noto-what-if$/m);
  expect(yaml).toMatch(/do: set-radio\n\s+radio: aero-vhf\n\s+tuned:\n\s+- "121\.5"/);
  expect(consoleErrors).toEqual([]);
});

test('step mode: stepping onto the moment the destroyer understands the call shows the answer it owes, with the rule', async () => {
  const { page, consoleErrors } = await open('?scenario=dec-2018-noto&account=jp&procedure=jp-rok-2024&t=370');
  await page.getByRole('tab', { name: 'Step' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Step' });
  await panel.getByRole('combobox', { name: 'Unit' }).selectOption('ddg971');
  for (let i = 0; i < 20 && !(await panel.getByRole('list', { name: 'Due now' }).count()); i++)
    await panel.getByRole('button', { name: 'Step forward' }).click();
  const due = panel.getByRole('list', { name: 'Due now' });
  expect(await due.innerText()).toMatch(/^Answer JMSDF P-1's call tx-\d+ on 121\.5, by \d\d:\d\d:\d\d/);
  expect(await due.innerText()).toContain('jp-rok-2024/respond-actively');
  await screenshot(page, 'step-required-next');
  expect(consoleErrors).toEqual([]);
});
