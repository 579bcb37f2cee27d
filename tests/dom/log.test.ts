import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp, rowOf, tallLog } from './setup';
import { scenarioById } from '../../src/app/catalog';
import { hailOn, hailsToShip, outcomeOf } from './run-facts';

const visibleRows = (list: HTMLElement) => [...list.querySelectorAll('li')].filter((li) => !li.hidden);

describe('event log', () => {
  test('every call is listed with originator, addressee, channel, text and a badge per recipient', () => {
    const { screen, store } = mountApp();
    const a = store.getState().analysis!;
    const list = screen.getByRole('list', { name: 'Event log' });
    tallLog(list);
    // The P-1's three calls, in the order of the audio, and each listed with one badge per recipient.
    expect(hailsToShip(a).map((tx) => tx.channel)).toEqual(['121.5', '156.8', '243.0']);
    for (const tx of a.run.transmissions) {
      const row = rowOf(within(list).getByText(tx.id));
      for (const o of a.outcomes.filter((x) => x.tx.id === tx.id)) {
        expect(within(row).getByText(o.failedAt ? `✗ ${o.failedAt}` : `✓ ${o.reached}`)).toBeTruthy();
      }
    }
    const first = hailOn(a, '121.5');
    const row = rowOf(within(list).getByText(first.id));
    expect(row.textContent).toContain('JMSDF P-1 → Gwanggaeto the Great on 121.5 (hail)');
    expect(row.textContent).toContain('WHAT IS THE PURPOSE OF YOUR ACT?');
    // Under the ROK account the ship's aeronautical set is not on 121.5: that call is lost.
    expect(outcomeOf(a, first).failedAt).not.toBeNull();
  });

  test('filtering by unit hides entries that do not involve it', async () => {
    const { screen, user } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    // Only a window of rows is in the DOM (a generated exercise logs 100,000 entries): each row
    // says how many entries pass the filters.
    const setSize = () => Number(visibleRows(list)[0]!.getAttribute('aria-setsize'));
    const before = setSize();
    const sambongState = /^Sambong: posture\.on-mission → posture\.air-contact/;
    expect(within(list).getByText(sambongState)).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'jmsdf-hq');
    const after = visibleRows(list);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before);
    expect(after.length).toBe(setSize());
    expect(within(list).queryByText(sambongState)).toBeNull();
    for (const li of after) expect(li.textContent).toMatch(/JMSDF headquarters|jmsdf-hq/);
    expect(screen.getByText(`${after.length} of ${before} entries`)).toBeTruthy();
  });

  test('filtering by channel keeps only the traffic on it; by kind hides the unticked kinds', async () => {
    const { screen, user, store } = mountApp();
    const list = screen.getByRole('list', { name: 'Event log' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), '156.8');
    const rows = visibleRows(list).map((li) => li.textContent!);
    // The hail on 156.8, what each station made of it, and the wait for an answer that never came.
    const a = store.getState().analysis!;
    const tx = hailOn(a, '156.8');
    const about = a.run.log.filter((e) => (e.type === 'transmission' ? e.tx.id === tx.id : 'tx' in e && e.tx === tx.id));
    expect(rows).toHaveLength(about.length);
    for (const text of rows) expect(text).toContain(tx.id);
    expect(rows[0]).toContain(`on 156.8 (hail`);
    expect(rows.some((x) => x.includes(`${tx.id} at Gwanggaeto`))).toBe(true);
    expect(rows.at(-1)).toContain(`${tx.id}: no answer`);
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
    tallLog(list);
    const last = hailsToShip(store.getState().analysis!).at(-1)!;
    const entry = within(list).getByText(last.id).closest('button')!;
    await user.click(entry);
    expect(store.getState().t).toBe(last.t);
    expect(rowOf(entry).classList.contains('selected')).toBe(true);
    expect(entry.getAttribute('aria-pressed')).toBe('true');
  });

  test('the entry at the playhead is highlighted, and the highlight follows the playhead', () => {
    const { screen, store } = mountApp();
    const a = store.getState().analysis!;
    const list: HTMLElement = screen.getByRole('list', { name: 'Event log' });
    tallLog(list);
    const current = () => list.querySelectorAll<HTMLElement>('li[aria-current="time"]');
    // The entry at the playhead is the last one logged at or before it.
    const lastUpTo = (t: number) => a.run.log.filter((e) => e.t <= t).at(-1)!;
    const first = hailOn(a, '121.5');
    const lost = a.run.log.find((e) => e.type === 'reception' && e.tx === first.id && e.result.unit === 'ddg971')!;
    store.getState().seek(lost.t);
    expect(current()).toHaveLength(1);
    expect(Number(current()[0]!.dataset.seq)).toBe(lastUpTo(lost.t).seq);
    const reception = list.querySelector<HTMLElement>(`li[data-seq="${lost.seq}"]`)!;
    expect(reception.textContent).toContain(`${first.id} at Gwanggaeto the Great: reached in-range, failed at receivable`);
    expect(reception.classList.contains('future')).toBe(false);
    const second = hailOn(a, '156.8');
    store.getState().seek(second.t);
    expect(current()).toHaveLength(1);
    expect(Number(current()[0]!.dataset.seq)).toBe(lastUpTo(second.t).seq);
    const hail = rowOf(within(list).getByText(second.id));
    expect(hail.textContent).toContain('KOREA SOUTH NAVAL SHIP');
    expect(hail.classList.contains('future')).toBe(false);
    // Entries after the playhead are dimmed, those before are not.
    const third = hailOn(a, '243.0');
    const later = rowOf(within(list).getByText(third.id));
    expect(later.classList.contains('future')).toBe(true);
    store.getState().seek(third.t);
    expect(later.classList.contains('future')).toBe(false);
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
