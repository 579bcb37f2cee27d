// What the drill says about breakdowns must hold up in front of a class: the summary names the
// same breakdowns the Findings list shows as coming from the student's answers, nothing claims a
// clean run while the drill run is stopped at an open decision, and the unit the picker offers
// first has a decision to make.
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { runDrill } from '../../src/core/drill/drill';
import { breakdownKey } from '../../src/core/compare/key';
import { mountApp, type Mounted } from './setup';

const drillPanel = async (m: Mounted) => {
  await m.user.click(m.screen.getByRole('tab', { name: 'Drill' }));
  return m.screen.getByRole('tabpanel', { name: 'Drill' });
};

const picker = (panel: HTMLElement) => within(panel).getByRole('combobox', { name: 'Play as' }) as HTMLSelectElement;

/** The Findings list's breakdown ids, as on screen. */
const listedIds = (m: Mounted) =>
  within(m.screen.getByRole('list', { name: 'Breakdowns' }))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('data-breakdown'));

describe('drill honesty', () => {
  test('the summary names, as coming from the answers, exactly the breakdowns the run answered as the procedure asks does not have', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const panel = await drillPanel(m);
    await m.user.selectOptions(picker(panel), 'ddg971');
    await m.user.click(within(panel).getByRole('button', { name: 'Start drill' }));
    const scenario = m.store.getState().shown!.original.run.scenario;
    const followed = runDrill(scenario, { unit: 'ddg971', choices: [], then: 'follow' }).analysis;

    // As the procedure asks, except the call: acknowledged only, never acted on.
    for (let n = 1; ; n++) {
      const pending = m.store.getState().drill!.result!.pending!;
      const choice = pending.situation === 'incoming-call' && n === 2 ? 'ack-only' : pending.correct;
      await m.user.click(within(panel).getByRole('button', { name: pending.options.find((o) => o.id === choice)!.label }));
      if (!m.store.getState().drill!.result!.pending) break;
      await m.user.click(within(panel).getByRole('button', { name: 'Next decision ▶' }));
    }
    await m.user.click(within(panel).getByRole('button', { name: 'See the summary ▶' }));
    const done = m.store.getState().drill!.result!;
    expect(done.decisions.find((d) => d.chosen === 'ack-only')?.right).toBe(false);

    // The Findings list is the drill run's; the ones the followed run has too are not the student's.
    const shown = m.store.getState().analysis!;
    expect(shown).toBe(done.analysis);
    expect(listedIds(m)).toEqual(shown.breakdowns.map((b) => b.id));
    const inFollowed = followed.breakdowns.map((b) => breakdownKey(followed, b));
    const theirs = shown.breakdowns.filter((b) => {
      const i = inFollowed.indexOf(breakdownKey(shown, b));
      if (i >= 0) inFollowed.splice(i, 1);
      return i < 0;
    });
    // The answer left the call short of acted-on: a breakdown read from the call, not from the answer.
    expect(theirs.map((b) => [b.kind, b.stage])).toEqual([['ladder', 'acted-on']]);
    expect(shown.run.log[theirs[0]!.entry]).not.toMatchObject({ type: 'decision' });

    const line = within(panel).getByText(/^In the run you made: /).textContent!;
    expect(line).not.toMatch(/none of them/);
    expect(line).toContain(`${shown.breakdowns.length} breakdowns (listed under Findings), one of them from your answers: ${theirs[0]!.id} (`);
  });

  test('while the drill run is stopped at the first decision, nothing says there are no breakdowns', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    const panel = await drillPanel(m);
    await m.user.selectOptions(picker(panel), 'ddg971');
    await m.user.click(within(panel).getByRole('button', { name: 'Start drill' }));
    expect(within(panel).getByRole('heading', { level: 4, name: /^Decision 1 at / })).toBeTruthy();
    // The run on screen ends at the open decision and has found nothing yet.
    expect(m.store.getState().analysis!.breakdowns).toEqual([]);

    const findings = m.screen.getByRole('tablist', { name: 'Findings' });
    expect(within(findings).getByRole('tab', { name: 'Breakdowns (0 so far)' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/No breakdowns|0 breakdowns(?! so far)/);
    expect(m.screen.getByText(/^The drill run stops at the decision open in the Drill tab: /)).toBeTruthy();
    expect(m.screen.getByText(/ · 0 breakdowns so far: the drill run stops at your open decision$/)).toBeTruthy();
    // The drill tab itself says nothing about breakdowns until the summary.
    expect(panel.textContent).not.toMatch(/breakdown/i);

    // Once the drill is over the run is whole, and its count is said as such.
    for (;;) {
      const pending = m.store.getState().drill!.result!.pending!;
      await m.user.click(within(panel).getByRole('button', { name: pending.options.find((o) => o.id === pending.correct)!.label }));
      const last = !m.store.getState().drill!.result!.pending;
      await m.user.click(within(panel).getByRole('button', { name: last ? 'See the summary ▶' : 'Next decision ▶' }));
      if (last) break;
    }
    const n = m.store.getState().analysis!.breakdowns.length;
    expect(within(findings).getByRole('tab', { name: `Breakdowns (${n})` })).toBeTruthy();
    expect(m.screen.queryByText(/so far/)).toBeNull();
  });

  test.each([
    ['dec-2018-noto', 'jp', '', 'ddg971'],
    ['dec-2018-noto', 'jp', 'jp-rok-2024', 'ddg971'],
    ['dec-2018-noto', 'rok', '', 'ddg971'],
    // The first unit listed, jp-dd, is given no decision here.
    ['control-cues-exchange', null, '', 'rok-ddh'],
  ])('%s (account %s, procedure %s): the picker offers %s first, a unit with decisions to make', async (scenario, account, procedure, unit) => {
    const m = mountApp({ scenario, account, ...(procedure ? { procedure } : {}) });
    const panel = await drillPanel(m);
    expect(picker(panel).value).toBe(unit);
    const original = m.store.getState().analysis!;
    expect(runDrill(original.run.scenario, { unit, choices: [], then: 'follow' }).decisions.length).toBeGreaterThan(0);
    // Start without touching the picker: the first decision is asked at once.
    await m.user.click(within(panel).getByRole('button', { name: 'Start drill' }));
    expect(m.store.getState().drill!.unit).toBe(unit);
    expect(within(panel).getByRole('heading', { level: 4, name: /^Decision 1 at / })).toBeTruthy();
  });
});
