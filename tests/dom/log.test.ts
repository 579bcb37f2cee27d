import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp, rowOf } from './setup';
import { scenarioById } from '../../src/app/catalog';

const visibleRows = (list: HTMLElement) => [...list.querySelectorAll('li')].filter((li) => !li.hidden);

describe('event log', () => {
  test('every call is listed with originator, addressee, channel, text and a badge per recipient', () => {
    const { screen, store } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    const calls = store.getState().analysis!.run.transmissions;
    expect(calls).toHaveLength(4);
    const tx1 = rowOf(within(list).getByText('tx-1'));
    expect(tx1.textContent).toContain('JMSDF P-1 → Gwanggaeto the Great on 121.5 (hail)');
    expect(tx1.textContent).toContain('WHAT IS THE PURPOSE OF YOUR ACT?');
    expect(within(tx1).getByText('✗ receivable')).toBeTruthy();
    const tx2 = rowOf(within(list).getByText('tx-2'));
    expect(within(tx2).getByText('✓ understood')).toBeTruthy();
    const tx3 = rowOf(within(list).getByText('tx-3'));
    expect(within(tx3).getByText('✗ understood')).toBeTruthy();
  });

  test('filtering by unit hides entries that do not involve it', async () => {
    const { screen, user } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    const before = visibleRows(list).length;
    const sambongState = rowOf(within(list).getByText(/^Sambong: posture\.on-mission → posture\.air-contact/));
    expect(sambongState.hidden).toBe(false);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'jmsdf-hq');
    const after = visibleRows(list);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before);
    expect(sambongState.hidden).toBe(true);
    for (const li of after) expect(li.textContent).toMatch(/JMSDF headquarters|jmsdf-hq/);
    expect(screen.getByText(`${after.length} of ${before} entries`)).toBeTruthy();
  });

  test('filtering by channel keeps only the traffic on it; by kind hides the unticked kinds', async () => {
    const { screen, user } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), '156.8');
    const rows = visibleRows(list);
    // The hail on 156.8, its reception, and the wait for an answer that never came.
    expect(rows.map((li) => li.textContent)).toEqual([
      expect.stringContaining('tx-3'),
      expect.stringContaining('tx-3 at Gwanggaeto'),
      expect.stringContaining('tx-3: no answer'),
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), '');
    await user.click(screen.getByText('Kinds: all'));
    await user.click(within(screen.getByRole('group', { name: 'Kinds of entry' })).getByRole('checkbox', { name: 'Calls' }));
    expect(screen.getByText('Kinds: 6 of 7')).toBeTruthy();
    expect(visibleRows(list).some((li) => li.classList.contains('row-transmission'))).toBe(false);
    expect(visibleRows(list).length).toBeGreaterThan(0);
  });

  test('clicking an entry seeks to it and marks it selected', async () => {
    const { screen, user, store } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    const entry = within(list).getByText('tx-4').closest('button')!;
    await user.click(entry);
    expect(store.getState().t).toBe(650);
    expect(rowOf(entry).classList.contains('selected')).toBe(true);
    expect(entry.getAttribute('aria-pressed')).toBe('true');
  });

  test('the entry at the playhead is highlighted, and the highlight follows the playhead', () => {
    const { screen, store } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    const current = () => list.querySelectorAll('li[aria-current="time"]');
    store.getState().seek(545);
    expect(current()).toHaveLength(1);
    expect(current()[0]!.textContent).toContain('tx-1 at Gwanggaeto the Great: reached in-range, failed at receivable');
    store.getState().seek(600);
    expect(current()).toHaveLength(1);
    expect(current()[0]!.textContent).toContain('KOREA SOUTH NAVAL SHIP');
    expect(current()[0]!.textContent).toContain('tx-3');
    // Entries after the playhead are dimmed, those before are not.
    const tx4 = rowOf(within(list).getByText('tx-4'));
    expect(tx4.classList.contains('future')).toBe(true);
    store.getState().seek(700);
    expect(tx4.classList.contains('future')).toBe(false);
  });

  test('the log is one tab stop; arrows move between entries and Enter seeks', async () => {
    const { screen, store, user } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    const focusable = [...list.querySelectorAll('button')].filter((b) => b.tabIndex === 0);
    expect(focusable).toHaveLength(1);
    store.getState().seek(590);
    const stop = [...list.querySelectorAll('button')].find((b) => b.tabIndex === 0)!;
    expect(rowOf(stop).getAttribute('aria-current')).toBe('time');
    stop.focus();
    await user.keyboard('{ArrowDown}');
    const next = document.activeElement as HTMLElement;
    expect(next).not.toBe(stop);
    expect(list.contains(next)).toBe(true);
    expect(store.getState().t).toBe(590); // moving focus does not seek …
    await user.keyboard('{Enter}');
    const seq = Number(rowOf(next).dataset.seq);
    expect(store.getState().selectedEntry).toBe(seq); // … Enter does
    expect(store.getState().t).toBe(store.getState().analysis!.run.log[seq]!.t);
    await user.keyboard('{End}');
    expect(store.getState().t).not.toBe(1200); // End moved within the log, not the playhead
    expect(rowOf(document.activeElement as HTMLElement)).toBe([...list.querySelectorAll('li')].filter((li) => !li.hidden).at(-1));
  });

  test('scenario text is shown as text, never interpreted as markup', () => {
    const { screen, store } = mountApp();
    const hostile = scenarioById('dec-2018-noto')!.text.replace('name: JMSDF P-1', 'name: "<img src=x onerror=alert(1)>P-1"');
    store.getState().openText('hostile.yaml', hostile, { account: 'rok' });
    expect(store.getState().analysis!.run.scenario.file).toBe('hostile.yaml');
    const list = screen.getByRole('list', { name: 'Event log' });
    expect(within(list).getAllByText(/<img src=x onerror=alert\(1\)>P-1/).length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
  });
});
