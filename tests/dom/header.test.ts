import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp, tallLog } from './setup';
import { bundledProcedures } from '../../src/app/catalog';

describe('header pickers', () => {
  test('scenario, account and procedure pickers are labelled and show the run', () => {
    const { screen, store } = mountApp();
    const scenario = screen.getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement;
    const account = screen.getByRole('combobox', { name: 'Account' }) as HTMLSelectElement;
    const procedure = screen.getByRole('combobox', { name: 'Procedure' }) as HTMLSelectElement;
    expect(scenario.value).toBe('dec-2018-noto');
    expect(account.value).toBe('rok');
    expect([...account.options].map((o) => o.value)).toEqual(['jp', 'rok']);
    expect(account.selectedOptions[0]!.textContent).toContain('Republic of Korea');
    expect(procedure.value).toBe('practice-2018');
    // Every procedure shipped in procedures/, whatever they are.
    expect([...procedure.options].map((o) => o.value).sort()).toEqual(bundledProcedures.shippedIds());
    const a = store.getState().analysis!;
    // Under practice-2018 and the ROK account no exchange completes; the line counts what the run found.
    expect(a.exchangesCompleted).toBe(0);
    expect(screen.getByText(`${a.run.transmissions.length} calls · 0 exchanges completed · ${a.breakdowns.length} breakdowns`)).toBeTruthy();
  });

  test('changing the account re-runs the scenario, keeps the playhead and says what changed', async () => {
    const { screen, user, store } = mountApp();
    store.getState().seek(545);
    const before = store.getState().analysis;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'jp');
    const s = store.getState();
    expect(s.account).toBe('jp');
    expect(s.analysis).not.toBe(before);
    expect(s.analysis!.run.scenario.account).toBe('jp');
    expect(s.t).toBe(545);
    expect(
      screen.getByText(
        `${s.analysis!.run.transmissions.length} calls · ${s.analysis!.exchangesCompleted} exchanges completed · ${s.analysis!.breakdowns.length} breakdowns`,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/^Switching account rok → jp/)).toBeTruthy();
    // Under Japan's account the destroyer's aeronautical set is on 121.5.
    store.getState().selectUnit('ddg971');
    const sets = screen.getByRole('table', { name: 'Radio sets of Gwanggaeto the Great' });
    expect(within(sets).getByRole('rowheader', { name: 'aero-vhf' }).closest('tr')!.textContent).toContain('121.5');
  });

  test('changing the procedure re-runs under it', async () => {
    const { screen, user, store } = mountApp();
    const before = store.getState().analysis!;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Procedure' }), 'jp-rok-2024');
    expect(store.getState().procedure).toBe('jp-rok-2024');
    const a = store.getState().analysis!;
    expect(a).not.toBe(before);
    expect(a.run.scenario.procedure.id).toBe('jp-rok-2024');
    // Under the 2024 procedure the ship watches 121.5 and answers: exchanges complete that did not before.
    expect(a.exchangesCompleted).toBeGreaterThan(before.exchangesCompleted);
    expect(
      // Counts of one are said in the singular ("1 breakdown").
      screen.getByText(
        new RegExp(`^${a.run.transmissions.length} calls? · ${a.exchangesCompleted} exchanges? completed · ${a.breakdowns.length} breakdowns?$`),
      ),
    ).toBeTruthy();
  });

  test('a bad file shows its problems as file:line:col and keeps the last good run on screen', () => {
    const { screen, store } = mountApp();
    const good = store.getState().analysis;
    store.getState().openText('drafts/broken.yaml', 'id: broken\ntitle: [unclosed\n');
    const alert = screen.getByRole('alert');
    expect(alert.hidden).toBe(false);
    const problems = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/^drafts\/broken\.yaml:\d+:\d+: error\[ES\d{4}\]: /);
    expect(within(alert).getByText('The last good run stays on screen.')).toBeTruthy();
    expect(store.getState().analysis).toBe(good);
    expect(within(screen.getByRole('list', { name: 'Breakdowns' })).getAllByRole('listitem')).toHaveLength(good!.breakdowns.length);
    const log = screen.getByRole('list', { name: 'Event log' });
    tallLog(log);
    expect(within(log).getByText(good!.run.transmissions[0]!.id)).toBeTruthy();
    // Opening a good scenario again clears the problems.
    store.getState().open({ scenario: 'dec-2018-noto', account: 'rok' });
    expect(alert.hidden).toBe(true);
  });
});
