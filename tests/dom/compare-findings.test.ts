// Issue 13 in the DOM: the Compare tab says, finding by finding, what both accounts agree on and
// what rests on a disputed fact; the facts it lists are the facts the scenario models, beside the
// rows it does not model. Expectations come from the fixture, found by role and name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';

const ROOT = join(import.meta.dirname, '../..');
const FILE = 'tests/fixtures/two-accounts.yaml';
const text = readFileSync(join(ROOT, FILE), 'utf8');
const spec = parse(text) as {
  facts: Record<string, { question: string; values: Record<string, unknown>; assumed?: Record<string, string> }>;
  notModelled: { row: string; reason: string }[];
};
const disputed = Object.entries(spec.facts).filter(([, f]) => JSON.stringify(f.values['east']) !== JSON.stringify(f.values['west']));

async function compareEastWithWest() {
  const m = mountApp();
  m.store.getState().openText(FILE, text, { account: 'east' });
  await m.user.click(m.screen.getByRole('tab', { name: 'Compare' }));
  const p = within(m.screen.getByRole('tabpanel', { name: 'Compare' }));
  expect((p.getByRole('combobox', { name: 'Account B' }) as HTMLSelectElement).value).toBe('west');
  await m.user.click(p.getByRole('button', { name: 'Compare' }));
  return { ...m, p };
}

describe('Compare tab, two accounts of the fixture', () => {
  test('the facts table is the facts the scenario models, with assumptions marked, and the rows it does not model are listed', async () => {
    const { p } = await compareEastWithWest();
    const table = p.getByRole('table', { name: `Facts the two accounts give differently: ${disputed.length} (these are the facts this scenario models)` });
    expect(within(table).getAllByRole('row')).toHaveLength(disputed.length + 1);
    const [id, fact] = Object.entries(spec.facts).find(([, f]) => f.assumed)!;
    const row = within(table).getByRole('rowheader', { name: fact.question }).closest('tr')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    // Row, A (east), B (west): the assumption stands beside the account it was made for.
    expect(cells[2]).toContain(`(assumption: ${fact.assumed!['west']})`);
    expect(cells[1]).not.toContain('assumption');
    expect(id).toBe('radar-mode');

    const rows = p.getByRole('list', { name: `Rows of the dispute this scenario does not model: ${spec.notModelled.length}` });
    expect(
      within(rows)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(spec.notModelled.map((r) => `${r.row}: ${r.reason}`));
  });

  test('each finding is in both accounts, only in A or only in B, and says what it rests on', async () => {
    const { p, screen } = await compareEastWithWest();
    const panel = screen.getByRole('tabpanel', { name: 'Compare' });
    expect(panel.textContent).not.toMatch(/\b(\d+) of \1\b/);
    const both = p.getByRole('list', { name: /^In both accounts \(\d+\)$/ });
    const items = within(both)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('cmp-bd'));
    // The close pass both accounts give alike is common ground.
    const pass = items.filter((li) => /safe-distance/.test(li.textContent!));
    expect(pass.length).toBeGreaterThan(0);
    for (const li of pass) expect(li.textContent).toContain('common ground: it rests on no disputed fact');

    // The fire-control violation is only in A (east), and rests on the radar fact, named by its question.
    const colA = p.getByRole('region', { name: /^Side A: account east/ });
    const onlyA = within(colA).getByRole('list', { name: /^Only in A \(\d+\)$/ });
    const fc = within(onlyA)
      .getAllByRole('listitem')
      .find((li) => /avoid-fire-control-radar/.test(li.textContent!))!;
    expect(fc).toBeDefined();
    const rests = within(fc).getByRole('list', { name: 'Disputed facts it rests on' });
    expect(
      within(rests)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`radar-mode ${spec.facts['radar-mode']!.question}`]);
    const colB = p.getByRole('region', { name: /^Side B: account west/ });
    expect(within(colB).queryByText(/avoid-fire-control-radar/)).toBeNull();
    expect(p.getByText(/^\d+ in both accounts \(\d+ common ground, \d+ resting on a disputed fact\); \d+ only in A; \d+ only in B\.$/)).toBeTruthy();
  });

  test('under two procedures, the tab says facts-flipping applies to accounts only', async () => {
    const { p, user } = await compareEastWithWest();
    await user.selectOptions(p.getByRole('combobox', { name: 'Procedure B' }), 'jp-rok-2024');
    await user.click(p.getByRole('button', { name: 'Compare' }));
    expect(p.getByText(/Facts-flipping applies to accounts only/)).toBeTruthy();
    expect(p.queryByText(/common ground/)).toBeNull();
    expect(p.queryAllByRole('list', { name: 'Disputed facts it rests on' })).toEqual([]);
  });
});
