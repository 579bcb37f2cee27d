// The findings list filtered and grouped by kind (the ladder stage a call stopped at, omission,
// violation) and by call, with counts; the choice kept in the store and in a shared link.
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp, mountLink } from './setup';
import { kindKey, callKey, counts } from '../../src/app/panels/breakdown-groups';
import { momentQuery } from '../../src/app/url';
import { createAppStore } from '../../src/app/store';

/** The sender's store, not mounted: the test reads the link's page only. */
const createAppStoreFor = () => ({ store: createAppStore({ scenario: 'dec-2018-noto', account: 'rok' }) });

const cards = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('li.breakdown')].filter((li) => !li.closest('[hidden]'));

describe('breakdowns by kind and by call', () => {
  test('filtering by kind shows only that kind, and every option says how many it holds', async () => {
    const { screen, user, store } = mountApp();
    const a = store.getState().analysis!;
    const kind = within(screen.getByRole('group', { name: 'Filter and group the breakdowns' })).getByLabelText('Kind') as HTMLSelectElement;
    const options = [...kind.options].map((o) => o.textContent);
    expect(options[0]).toBe(`All kinds (${a.breakdowns.length})`);
    const heard = a.breakdowns.filter((b) => kindKey(b) === 'heard').length;
    expect(heard).toBeGreaterThan(0);
    expect(options).toContain(`stopped at heard (${heard})`);
    const omissions = a.breakdowns.filter((b) => b.kind === 'omission').length;
    expect(omissions).toBeGreaterThan(0);
    expect(options).toContain(`omission (${omissions})`);
    await user.selectOptions(kind, 'heard');
    expect(store.getState().breakdownFilter.kind).toBe('heard');
    const panel = screen.getByRole('tabpanel', { name: /Breakdowns/ });
    const shown = cards(panel);
    expect(shown).toHaveLength(heard);
    expect(shown.every((li) => within(li).getByText('✗ heard'))).toBe(true);
    expect(within(panel).getByText(`${heard} of ${a.breakdowns.length} shown`)).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Show all' }));
    expect(cards(panel)).toHaveLength(a.breakdowns.length);
  });

  test('one call that broke down for several addressees is one group, with its count, named by its units', async () => {
    const { screen, user, store } = mountApp();
    const a = store.getState().analysis!;
    const panel = screen.getByRole('tabpanel', { name: /Breakdowns/ });
    await user.selectOptions(within(panel).getByLabelText('Group by'), 'call');
    expect(store.getState().breakdownFilter.group).toBe('call');
    const groups = [...(panel as HTMLElement).querySelectorAll('section.bd-group')] as HTMLElement[];
    const expected = counts(a.breakdowns, 'call');
    expect(groups.map((g) => g.dataset.group)).toEqual(expected.map((g) => g.key));
    // Every breakdown in exactly one group, under its own call.
    for (const g of groups) for (const li of cards(g)) expect(callKey(a.breakdowns.find((b) => b.id === li.dataset.breakdown)!)).toBe(g.dataset.group);
    expect(groups.reduce((n, g) => n + cards(g).length, 0)).toBe(a.breakdowns.length);
    // A call's heading names the call by its units and counts its breakdowns.
    const tx = a.run.transmissions.find((x) => x.id === expected[0]!.key)!;
    const head = groups[0]!.querySelector('h3')!.textContent!;
    expect(head).toContain(tx.id);
    expect(head).toMatch(new RegExp(`${expected[0]!.breakdowns.length} breakdowns?$`));
    expect(head).not.toMatch(/\bp1\b|\bddg971\b/);
    expect(head).toContain(tx.from === 'p1' ? 'JMSDF P-1' : 'Gwanggaeto the Great');
    // Procedure findings about no call come last, together.
    if (expected.some((g) => g.key === '-')) expect(groups.at(-1)!.querySelector('h3')!.textContent).toMatch(/^No call \(procedure\): \d+ breakdowns?$/);
  });

  test('grouping by kind puts the ladder stages in their order before omissions and violations', async () => {
    const { screen, user, store } = mountApp();
    const a = store.getState().analysis!;
    const panel = screen.getByRole('tabpanel', { name: /Breakdowns/ });
    await user.selectOptions(within(panel).getByLabelText('Group by'), 'kind');
    const heads = [...panel.querySelectorAll('section.bd-group h3')].map((x) => x.textContent);
    const keys = counts(a.breakdowns, 'kind').map((g) => g.key);
    expect(heads).toHaveLength(keys.length);
    expect(keys.indexOf('omission')).toBeGreaterThan(keys.indexOf('heard'));
    const n = a.breakdowns.filter((b) => b.kind === 'omission').length;
    expect(heads[keys.indexOf('omission')]).toBe(`omission: ${n} breakdown${n === 1 ? '' : 's'}`);
  });

  test('a shared link keeps the filter and the grouping', async () => {
    const { store } = createAppStoreFor();
    const a = store.getState().analysis!;
    const call = counts(a.breakdowns, 'call')[0]!.key;
    store.getState().setBreakdownFilter({ kind: 'heard', call, group: 'kind' });
    const query = momentQuery({ ...store.getState() });
    expect(query).toContain('bd-kind=heard');
    expect(query).toContain(`bd-call=${call}`);
    expect(query).toContain('bd-group=kind');
    const opened = await mountLink(query);
    expect(opened.store.getState().breakdownFilter).toEqual({ kind: 'heard', call, group: 'kind' });
    const panel = opened.screen.getByRole('tabpanel', { name: /Breakdowns/ });
    const want = a.breakdowns.filter((b) => kindKey(b) === 'heard' && callKey(b) === call).length;
    expect(cards(panel)).toHaveLength(want);
  });
});
