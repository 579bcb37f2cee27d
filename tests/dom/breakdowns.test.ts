import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';
import { clock, hailOn, ladderBreakdownOf } from './run-facts';

describe('breakdown list', () => {
  test('each breakdown is in plain words with its kind, stage and evidence', () => {
    const { screen, store } = mountApp();
    const a = store.getState().analysis!;
    const list = screen.getByRole('list', { name: 'Breakdowns' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(a.breakdowns.length);
    const itemOf = (id: string) => items.find((li) => li.dataset.breakdown === id)!;
    // The call on 243.0 reached the ship's set too faint to copy.
    const faint = ladderBreakdownOf(a, hailOn(a, '243.0'));
    expect(faint.stage).toBe('heard');
    const li = itemOf(faint.id);
    expect(li.textContent).toContain("Gwanggaeto the Great had JMSDF P-1's call on 243.0 on a set, but nobody copied it");
    expect(within(li).getByText('✗ heard')).toBeTruthy();
    const terms = within(li)
      .getAllByRole('term')
      .map((x) => x.textContent);
    expect(terms).toEqual(expect.arrayContaining(['Channel', 'Distance', 'SNR']));
    const snr = within(li).getByText('SNR').nextElementSibling!.textContent!;
    const [, shown, needed] = /^(-?\d+(?:\.\d)?) dB \((\d+(?:\.\d)?) dB needed\)$/.exec(snr) ?? [];
    expect(Number(shown)).toBeCloseTo(faint.evidence!.snrDb!, 1);
    expect(Number(needed)).toBe(faint.evidence!.requiredSnrDb);
    expect(Number(shown)).toBeLessThan(Number(needed));
    // The call on 156.8 was heard as something else, and the list says what.
    const misheard = ladderBreakdownOf(a, hailOn(a, '156.8'));
    expect(misheard.heardAs).toBeTruthy();
    expect(itemOf(misheard.id).textContent).toContain(`"${misheard.heardAs}"`);
    expect(misheard.heardAs).toBe('KOREA COAST');
  });

  test('clicking a breakdown seeks to it and selects the units involved', async () => {
    const { screen, user, store } = mountApp();
    const a = store.getState().analysis!;
    const b = ladderBreakdownOf(a, hailOn(a, '156.8'));
    const pick = screen.getByRole('button', { name: new RegExp(`${b.id} ${clock(a, b.t)}$`) });
    expect(pick.getAttribute('aria-describedby')).toBe(`bd-line-${b.id}`);
    expect(document.getElementById(`bd-line-${b.id}`)!.textContent).toMatch(/^ladder/);
    await user.click(pick);
    const s = store.getState();
    expect(s.t).toBe(b.t);
    expect(s.t).toBeGreaterThan(0);
    expect(s.selectedBreakdown).toBe(b.id);
    expect(s.selectedUnits).toEqual(['ddg971', 'p1']);
    const li = screen.getByRole('list', { name: 'Breakdowns' }).querySelector(`[data-breakdown="${b.id}"]`)!;
    expect(li.getAttribute('aria-current')).toBe('true');
    // The inspector's unit list shows the selection too.
    const units = within(screen.getByRole('group', { name: 'Units' }));
    expect(units.getByRole('button', { name: 'Gwanggaeto the Great' }).getAttribute('aria-pressed')).toBe('true');
    expect(units.getByRole('button', { name: 'Sambong' }).getAttribute('aria-pressed')).toBe('false');
  });

  test('switching procedure says what changed, with the lists', () => {
    const { screen, store } = mountApp();
    store.getState().seek(545);
    const a = store.getState().analysis!;
    const before = a.breakdowns.length;
    const first = hailOn(a, '121.5');
    const lost = ladderBreakdownOf(a, first);
    store.getState().setProcedure('jp-rok-2024');
    const change = store.getState().lastChange!;
    expect(change.gone.length).toBeGreaterThan(0);
    const status = screen.getByText(/^Switching procedure/);
    expect(status.textContent).toBe(`Switching procedure practice-2018 → jp-rok-2024: ${change.gone.length} breakdowns gone, ${change.added.length} new`);
    const gone = within(screen.getByRole('heading', { name: 'Gone' }).parentElement!).getAllByRole('listitem');
    expect(gone).toHaveLength(change.gone.length);
    // Under the 2024 procedure the ship watches 121.5: the call lost there is among those gone.
    expect(gone.map((li) => li.textContent).join('\n')).toContain(
      `${lost.id} at ${clock(a, lost.t)}: ${first.id} to Gwanggaeto the Great stopped at receivable`,
    );
    const after = store.getState().analysis!.breakdowns.length;
    expect(after).toBe(before - change.gone.length + change.added.length);
    expect(within(screen.getByRole('list', { name: 'Breakdowns' })).getAllByRole('listitem')).toHaveLength(after);
    expect(screen.getByRole('tab', { name: `Breakdowns (${after})` })).toBeTruthy();
    expect(store.getState().t).toBe(545);
  });

  test('the scorecard shows status, rule and evidence for the procedure in force', async () => {
    const { screen, user, store } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Scorecard' }));
    const table = screen.getByRole('table', { name: 'Compliance with practice-2018' });
    const followed = within(table).getByText('practice-2018/report-to-headquarters').closest('tr')!;
    expect(within(followed).getByText('followed')).toBeTruthy();
    // The evidence names the headquarters as the scenario does, not by its id.
    expect(followed.textContent).toContain('JMSDF headquarters');
    expect(followed.textContent).not.toMatch(/\bjmsdf-hq\b/);
    // Nothing of 2018 required headquarters to call each other: practice-2018 has no such rule.
    expect(within(table).queryByText(/headquarters-contact$/)).toBeNull();
    const violated = store.getState().analysis!.compliance.find((c) => c.status === 'violated')!;
    const vrow = within(table).getByText(violated.rule).closest('tr')!;
    expect(within(vrow).getByText('violated')).toBeTruthy();
    expect(vrow.textContent).toContain(violated.title);
    // The 2024 document has the headquarters channel; its scorecard shows the rule, its status and evidence.
    store.getState().setProcedure('jp-rok-2024');
    const table2024 = screen.getByRole('table', { name: 'Compliance with jp-rok-2024' });
    const line = store.getState().analysis!.compliance.find((c) => c.rule === 'jp-rok-2024/headquarters-contact')!;
    const row = within(table2024).getByText(line.rule).closest('tr')!;
    expect(within(row).getByText(line.status)).toBeTruthy();
    expect(row.textContent).toContain('Use the existing channel between headquarters');
    expect(row.textContent).toContain('JMSDF headquarters');
    expect(row.textContent).toContain('ROK Navy headquarters');
  });

  test("the facts tab shows the account's disputed facts with their value and sources", async () => {
    const { screen, user, store } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Facts' }));
    // The question is also the label of the account's assumed value in the Assumptions table: look in the list.
    const disputed = () => screen.getByRole('list', { name: 'Disputed facts' });
    const fact = within(disputed()).getByText("To what was the destroyer's aeronautical VHF set tuned?").closest('li')!;
    const value = within(fact).getByText('Value (rok)').nextElementSibling!;
    expect(value.textContent).toBe('123.1');
    expect(fact.textContent).toContain('Sources (rok)');
    store.getState().setAccount('jp');
    const factJp = within(disputed()).getByText("To what was the destroyer's aeronautical VHF set tuned?").closest('li')!;
    expect(within(factJp).getByText('Value (jp)')).toBeTruthy();
  });
});
