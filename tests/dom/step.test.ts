// Step mode: step through events one at a time and read what the procedure requires of a unit
// next, from the core's requiredNext at the playhead.
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import type { EntryOf } from '../../src/core/log';
import { mountApp } from './setup';

describe('step mode', () => {
  test('at the moment the destroyer has understood a call (jp-rok-2024, account jp) it must answer now, under respond-actively', async () => {
    const { store, user, screen } = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    await user.click(screen.getByRole('tab', { name: 'Step' }));
    const panel = screen.getByRole('tabpanel', { name: 'Step' });
    const a = store.getState().analysis!;
    const rec = a.run.log.find(
      (e): e is EntryOf<'reception'> =>
        e.type === 'reception' && e.result.unit === 'ddg971' && e.result.reached === 'understood' && a.run.transmissions.find((t) => t.id === e.tx)!.needsReply,
    )!;
    expect(rec).toBeDefined();

    // No unit picked: the panel asks for one.
    expect(within(panel).getByText(/Pick a unit/)).toBeTruthy();
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Unit' }), 'ddg971');
    expect(store.getState().selectedUnits).toEqual(['ddg971']);

    // One event before the reception, then one step forward lands on it.
    store.getState().seek(store.getState().replay!.previousEventTime(rec.t)!);
    await user.click(within(panel).getByRole('button', { name: 'Step forward' }));
    expect(store.getState().t).toBe(rec.t);
    const events = within(panel).getByRole('region', { name: 'Events at the playhead' });
    expect(events.textContent).toMatch(new RegExp(`${rec.tx} at Gwanggaeto the Great: understood`));

    const due = within(panel).getByRole('list', { name: 'Due now' });
    const dueItems = within(due).getAllByRole('listitem');
    expect(dueItems[0]!.textContent).toMatch(/^Answer p1's call tx-\d+ on [\d.]+, by \+\d+ s/);
    expect(dueItems[0]!.textContent).toContain('jp-rok-2024/respond-actively');
    expect(dueItems[0]!.textContent).toMatch(/respond actively/i);
    // Due-now items come before the conditional ones, which name their rules too.
    const conditional = within(panel).getByRole('list', { name: 'If something happens' });
    expect(due.compareDocumentPosition(conditional) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const ifs = within(conditional)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(ifs.length).toBeGreaterThan(2);
    expect(ifs.every((x) => /^(If|Throughout)/.test(x))).toBe(true);
    expect(ifs.some((x) => x.includes('jp-rok-2024/contact-on-relay'))).toBe(true);

    // Stepping back leaves the moment: the reply is not owed yet.
    await user.click(within(panel).getByRole('button', { name: 'Step back' }));
    expect(store.getState().t).toBeLessThan(rec.t);
    expect(within(panel).queryByRole('list', { name: 'Due now' })?.textContent ?? '').not.toMatch(/^Answer p1's call/);
  });

  test('a unit the procedure does not bind is said to be not bound', async () => {
    const { store, user, screen } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Step' }));
    store.getState().selectUnit('sambong');
    const panel = screen.getByRole('tabpanel', { name: 'Step' });
    expect((within(panel).getByRole('combobox', { name: 'Unit' }) as HTMLSelectElement).value).toBe('sambong');
    expect(within(panel).getByText(/is not bound by practice-2018/)).toBeTruthy();
  });
});
