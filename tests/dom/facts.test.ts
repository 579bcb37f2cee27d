// Issue 13 in the app: the Facts tab shows the agreed ground, each disputed fact with its value
// under the account on screen (marked where it is an assumption), and every assumption of the run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { parse } from 'yaml';
import { mountApp } from './setup';
import { groundsOf } from '../../src/core/analysis/assumptions';
import { factValue } from '../../src/app/words';

const ROOT = join(__dirname, '../..');
const DEC_2018 = readFileSync(join(ROOT, 'scenarios/dec-2018-noto.yaml'), 'utf8');
const FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/grounds.yaml'), 'utf8');

type Doc = {
  facts: Record<string, { question: string; values: Record<string, unknown>; assumed?: Record<string, string> }>;
  agreed?: { id: string; statement: string; sources: string[] }[];
  assumptions?: { id: string }[];
};

describe('the Facts tab', () => {
  test('lists every disputed fact with its value under the account, and every assumption of the run', async () => {
    const { screen, user, store } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Facts' }));
    const doc = parse(DEC_2018) as Doc;
    const disputed = screen.getByRole('list', { name: 'Disputed facts' });
    for (const [, f] of Object.entries(doc.facts)) {
      const li = within(disputed).getByText(f.question).closest('li')!;
      expect(within(li).getByText('Value (rok)').nextElementSibling!.textContent).toBe(factValue(f.values['rok']));
      if (f.assumed?.['rok']) expect(within(li).getByText('Assumption').nextElementSibling!.textContent).toBe(f.assumed['rok'].trim());
    }
    const table = screen.getByRole('table', { name: 'Assumptions of this run' });
    const shown = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.querySelector('code')!.textContent);
    expect(shown).toEqual(groundsOf(store.getState().analysis!).assumptions.map((x) => x.id));
    for (const x of doc.assumptions ?? []) expect(shown).toContain(x.id);
  });

  test('marks a value the account does not state as an assumption, with why, and shows the agreed ground', async () => {
    const { screen, user, store } = mountApp();
    store.getState().openText('tests/fixtures/grounds.yaml', FIXTURE, { account: 'b' });
    await user.click(screen.getByRole('tab', { name: 'Facts' }));
    const doc = parse(FIXTURE) as Doc;
    const agreed = screen.getByRole('list', { name: 'Agreed facts' });
    expect(
      within(agreed)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.fact-q')!.textContent),
    ).toEqual(doc.agreed!.map((f) => f.statement));
    const fact = doc.facts['hail-channel']!;
    const li = within(screen.getByRole('list', { name: 'Disputed facts' }))
      .getByText(fact.question)
      .closest('li')!;
    expect(within(li).getByText('Value (b)').nextElementSibling!.textContent).toBe(fact.values['b']);
    expect(within(li).getByText('Assumption').nextElementSibling!.textContent).toBe(fact.assumed!['b']);
    const row = within(screen.getByRole('table', { name: 'Assumptions of this run' }))
      .getByText('hail-channel')
      .closest('tr')!;
    expect(row.textContent).toContain(fact.assumed!['b']);
    // Under account a the same fact is a's word: no assumption marked.
    store.getState().setAccount('a');
    const liA = within(screen.getByRole('list', { name: 'Disputed facts' }))
      .getByText(fact.question)
      .closest('li')!;
    expect(within(liA).queryByText('Assumption')).toBeNull();
    expect(within(liA).getByText('Account b').nextElementSibling!.textContent).toBe(`${fact.values['b']} (assumption)`);
  });
});
