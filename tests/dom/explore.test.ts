// Issue 7 in the DOM: the Compare, Paths tabs and the debrief export, found by role and name.
import { describe, expect, test, vi } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';
import { hailsToShip, outcomeOf } from './run-facts';
import { exportDebrief } from '../../src/app/debrief-export';
import { compareRuns } from '../../src/core/compare/compare';
import { simulate } from '../../src/core';
import { bundledProcedures } from '../../src/app/catalog';

describe('Compare tab', () => {
  test('December 2018, rok (A) against jp (B): facts, first divergence, breakdowns only in each, calls; times seek the shared playhead', async () => {
    const { screen, user, store } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    const panel = screen.getByRole('tabpanel', { name: 'Compare' });
    const p = within(panel);
    // B defaults to the other account and the procedure in force.
    expect((p.getByRole('combobox', { name: 'Account B' }) as HTMLSelectElement).value).toBe('jp');
    expect((p.getByRole('combobox', { name: 'Procedure B' }) as HTMLSelectElement).value).toBe('practice-2018');
    await user.click(p.getByRole('button', { name: 'Compare' }));

    const facts = p.getByRole('table', { name: /^Facts the two accounts give differently: \d+ \(these are the facts this scenario models\)$/ });
    expect(
      within(facts)
        .getByRole('rowheader', { name: /To what was the destroyer's aeronautical VHF set tuned/ })
        .closest('tr')!.textContent,
    ).toContain('"123.1"');
    expect(within(facts).getAllByRole('row').length).toBeGreaterThan(3);

    const colA = p.getByRole('region', { name: /^Side A: account rok/ });
    const colB = p.getByRole('region', { name: /^Side B: account jp/ });
    const onlyA = within(colA).getByRole('list', { name: /^Only in A/ });
    const onlyB = within(colB).getByRole('list', { name: /^Only in B/ });
    expect(within(onlyA).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(within(onlyB).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(p.getByRole('table', { name: 'Calls whose stage differs' })).toBeTruthy();

    // The first divergence is a button that moves the one playhead.
    const first = p.getByRole('button', { name: /^First divergence at / });
    const made = compareRuns(
      store.getState().analysis!,
      simulate({ file: store.getState().scenarioFile, text: store.getState().scenarioText }, bundledProcedures, { account: 'jp', seed: 1 }).analysis!,
    );
    store.getState().seek(900);
    await user.click(first);
    expect(store.getState().t).toBe(made.firstDivergence!.t);
    store.getState().seek(600);
    // Both columns follow the playhead.
    expect(within(colA).getByText(/^At the playhead: /).textContent).not.toBe('At the playhead: nothing yet');
    expect(within(colB).getByText(/^At the playhead: /)).toBeTruthy();

    // A breakdown only under B seeks to its time; one under A selects it in the main view.
    const bItem = within(onlyB).getAllByRole('button')[0]!;
    await user.click(bItem);
    expect(store.getState().t).toBe(made.breakdowns.onlyB[0]!.t);
    await user.click(within(onlyA).getAllByRole('button')[0]!);
    expect(store.getState().selectedBreakdown).not.toBeNull();
  });

  test('changing the account on screen re-runs B against the new A; the export carries the comparison', async () => {
    const { screen, user, store } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    const p = within(screen.getByRole('tabpanel', { name: 'Compare' }));
    await user.selectOptions(p.getByRole('combobox', { name: 'Procedure B' }), 'jp-rok-2024');
    await user.click(p.getByRole('button', { name: 'Compare' }));
    expect(p.getByRole('status').textContent).toContain('procedure jp-rok-2024');
    // The comparison lives in the store: the export of the run on screen carries it.
    expect(exportDebrief(store)!.html).toMatch(/<dt>B<\/dt><dd>account jp[^<]*; procedure jp-rok-2024;/);
    store.getState().setProcedure('cues-2014');
    expect(p.getByRole('status').textContent).toMatch(/procedure cues-2014/);
    // B was run again against the new A, and the export follows.
    expect(store.getState().comparison!.made!.a).toBe(store.getState().analysis);
    expect(exportDebrief(store)!.html).toMatch(/<dt>A \(this debrief\)<\/dt><dd>account rok[^<]*; procedure cues-2014;/);
  });
});

describe('Paths tab', () => {
  test('groups the exchange paths by outcome, labels where each stops short, marks the run', async () => {
    const { screen, user, store } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    await user.click(screen.getByRole('tab', { name: 'Paths' }));
    const p = within(screen.getByRole('tabpanel', { name: 'Paths' }));
    const groups = p.getAllByRole('list', { name: /^Outcomes of the exchange JMSDF P-1 → Gwanggaeto the Great/ });
    expect(groups.length).toBeGreaterThan(0);
    const items = within(groups[0]!).getAllByRole('listitem');
    // Under practice-2018 the destroyer never answers: no path completes, six ways to fail.
    expect(items.map((li) => /exchange failed at (\S+)/.exec(li.textContent!)?.[1])).toEqual([
      'transmitted',
      'in-range',
      'receivable',
      'heard',
      'understood',
      'acknowledged',
    ]);
    expect(items[2]!.textContent).toContain('cues-2014/guard-frequencies');
    expect(items.some((li) => /exchange failed at heard/.test(li.textContent!))).toBe(true);
    const taken = items.filter((li) => li.getAttribute('aria-current') === 'true');
    expect(taken.length).toBeGreaterThan(0);
    expect(taken[0]!.textContent).toMatch(/► This run: /);
    // The run's own path: its three calls, each marked where it stopped at the ship.
    const a = store.getState().analysis!;
    const hails = hailsToShip(a);
    const last = outcomeOf(a, hails.at(-1)!);
    expect(taken.map((li) => li.dataset.end)).toEqual([`failed-at-${last.failedAt}`]);
    const steps = hails.map((tx) => `${tx.channel} ✗ ${outcomeOf(a, tx).failedAt}`).join(' → ');
    expect(taken[0]!.textContent).toContain(`${hails[0]!.exchange} (${hails.map((tx) => tx.id).join(', ')}): ${steps}`);
  });
});

describe('Export debrief', () => {
  test('the header button downloads the debrief as an .html file', async () => {
    const { screen, user } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    const created: Blob[] = [];
    const clicked: { download: string; href: string }[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:test/1';
    }) as never;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const banner = screen.getByRole('banner');
    await user.click(within(banner).getByRole('button', { name: 'Export debrief' }));
    click.mockRestore();
    expect(clicked).toEqual([{ download: 'debrief-dec-2018-noto-rok-practice-2018.html', href: 'blob:test/1' }]);
    const html = await created[0]!.text();
    expect(created[0]!.type).toBe('text/html');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Debrief: 20 December 2018');
    expect(html).not.toContain('Comparison: A against B');

    // After a comparison, the export includes it.
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    await user.click(within(screen.getByRole('tabpanel', { name: 'Compare' })).getByRole('button', { name: 'Compare' }));
    const again = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(within(banner).getByRole('button', { name: 'Export debrief' }));
    again.mockRestore();
    const html2 = await created[1]!.text();
    expect(html2).toMatch(/Comparison/);
    expect(html2).toContain('account jp');
  });
});
