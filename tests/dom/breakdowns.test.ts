import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';

describe('breakdown list', () => {
  test('each breakdown is in plain words with its kind, stage and evidence', () => {
    const { screen, store } = mountApp();
    const list = screen.getByRole('list', { name: 'Breakdowns' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(store.getState().analysis!.breakdowns.length);
    const b8 = items.find((li) => li.dataset.breakdown === 'b-8')!;
    expect(b8.textContent).toContain("Gwanggaeto the Great had JMSDF P-1's call on 243.0 on a set, but nobody copied it");
    expect(within(b8).getByText('✗ heard')).toBeTruthy();
    const terms = within(b8)
      .getAllByRole('term')
      .map((x) => x.textContent);
    expect(terms).toEqual(expect.arrayContaining(['Channel', 'Distance', 'SNR']));
    const snr = within(b8).getByText('SNR').nextElementSibling!;
    expect(snr.textContent).toBe('-9.6 dB (10 dB needed)');
    const b7 = items.find((li) => li.dataset.breakdown === 'b-7')!;
    expect(b7.textContent).toContain('"KOREA COAST"');
  });

  test('clicking a breakdown seeks to it and selects the units involved', async () => {
    const { screen, user, store } = mountApp();
    await user.click(screen.getByRole('button', { name: /^b-7 at 15:04:05: ladder/ }));
    const s = store.getState();
    expect(s.t).toBe(605);
    expect(s.selectedBreakdown).toBe('b-7');
    expect(s.selectedUnits).toEqual(['ddg971', 'p1']);
    const li = screen.getByRole('list', { name: 'Breakdowns' }).querySelector('[data-breakdown="b-7"]')!;
    expect(li.getAttribute('aria-current')).toBe('true');
    // The inspector's unit list shows the selection too.
    const units = within(screen.getByRole('group', { name: 'Units' }));
    expect(units.getByRole('button', { name: 'Gwanggaeto the Great' }).getAttribute('aria-pressed')).toBe('true');
    expect(units.getByRole('button', { name: 'Sambong' }).getAttribute('aria-pressed')).toBe('false');
  });

  test('switching procedure says what changed, with the lists', () => {
    const { screen, store } = mountApp();
    store.getState().seek(545);
    const before = store.getState().analysis!.breakdowns.length;
    store.getState().setProcedure('jp-rok-2024');
    const change = store.getState().lastChange!;
    expect(change.gone.length).toBeGreaterThan(0);
    const status = screen.getByText(/^Switching procedure/);
    expect(status.textContent).toBe(`Switching procedure practice-2018 → jp-rok-2024: ${change.gone.length} breakdowns gone, ${change.added.length} new`);
    const gone = within(screen.getByRole('heading', { name: 'Gone' }).parentElement!).getAllByRole('listitem');
    expect(gone).toHaveLength(change.gone.length);
    expect(gone.map((li) => li.textContent).join('\n')).toContain('b-5 at 15:03:05: tx-1 to Gwanggaeto the Great stopped at receivable');
    const after = store.getState().analysis!.breakdowns.length;
    expect(after).toBe(before - change.gone.length + change.added.length);
    expect(within(screen.getByRole('list', { name: 'Breakdowns' })).getAllByRole('listitem')).toHaveLength(after);
    expect(screen.getByRole('tab', { name: `Breakdowns (${after})` })).toBeTruthy();
    expect(store.getState().t).toBe(545);
  });

  test('the scorecard shows status, rule and evidence for the procedure in force', async () => {
    const { screen, user } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Scorecard' }));
    const table = screen.getByRole('table', { name: 'Compliance with practice-2018' });
    const row = within(table).getByText('practice-2018/headquarters-contact').closest('tr')!;
    expect(within(row).getByText('violated')).toBeTruthy();
    expect(row.textContent).toContain('Headquarters talk to each other');
    expect(row.textContent).toContain('jmsdf-hq');
    const followed = within(table).getByText('practice-2018/report-to-headquarters').closest('tr')!;
    expect(within(followed).getByText('followed')).toBeTruthy();
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
