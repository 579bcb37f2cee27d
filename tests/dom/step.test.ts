// Step mode: step through events one at a time and read what the procedure requires of a unit
// next, from the core's requiredNext at the playhead.
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import type { EntryOf } from '../../src/core/log';
import { mountApp } from './setup';
import { clockOf } from '../../src/app/words';

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
    // The deadline in clock time (the scenario's zone, as the timeline shows it), the caller by name.
    const [, by] = /^Answer JMSDF P-1's call tx-\d+ on [\d.]+, by (\d\d:\d\d:\d\d)/.exec(dueItems[0]!.textContent!) ?? [];
    expect(by).toBeDefined();
    expect(by! > clockOf(a, rec.t)).toBe(true);
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
    expect(within(panel).queryByRole('list', { name: 'Due now' })?.textContent ?? '').not.toMatch(/^Answer JMSDF P-1's call/);
  });

  test('a unit the procedure does not bind is said to be not bound', async () => {
    const { store, user, screen } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Step' }));
    store.getState().selectUnit('sambong');
    const panel = screen.getByRole('tabpanel', { name: 'Step' });
    expect((within(panel).getByRole('combobox', { name: 'Unit' }) as HTMLSelectElement).value).toBe('sambong');
    expect(within(panel).getByText(/is not bound by practice-2018/)).toBeTruthy();
  });

  test("the words are a trainer's: no machine states, no seconds since start, units by name", async () => {
    const { store, user, screen } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    await user.click(screen.getByRole('tab', { name: 'Step' }));
    const panel = screen.getByRole('tabpanel', { name: 'Step' });
    const a = store.getState().analysis!;
    store.getState().selectUnit('p1');
    // Just after the P-1's first call: it waits for the answer, until a time on the clock.
    const call = a.run.transmissions.find((x) => x.from === 'p1' && x.kind === 'hail')!;
    store.getState().seek(call.t);
    await user.click(within(panel).getByRole('button', { name: 'Step forward' }));
    // The words (the unit picker names each unit with its id, to tell them apart, and is left out).
    const words = () => ['Events at the playhead', 'Required next'].map((name) => within(panel).getByRole('region', { name }).textContent).join(' ');
    const text = words();
    expect(text).toMatch(/wait for Gwanggaeto the Great (to answer )?until \d\d:\d\d:\d\d/i);
    expect(text).not.toMatch(/machine|moves on/);
    expect(text).not.toMatch(/\b(posture|comms)\.[a-z]/);
    expect(text).not.toMatch(/\+\d+ ?s\b/);
    expect(text.match(/.{60}\b(p1|ddg971|jmsdf-hq)\b.{20}/)?.[0]).toBeUndefined();
    // Every step lands on something the panel lists.
    for (let i = 0; i < 5; i++) {
      await user.click(within(panel).getByRole('button', { name: 'Step forward' }));
      expect(within(panel).getByRole('region', { name: 'Events at the playhead' }).querySelectorAll('li').length).toBeGreaterThan(0);
      expect(words()).not.toMatch(/\b(posture|comms)\.[a-z]|machine/);
    }
  });
});
