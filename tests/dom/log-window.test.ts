// The event log at the size of a generated exercise: 100,000 entries, of which only a window of
// rows is in the DOM. jsdom lays nothing out, so the scroller is given a height and a scroll
// position here, and rows keep their estimated height (24 px): where a row should be is then known.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../src/app/store';
import { mountLog } from '../../src/app/panels/log';
import { OVERSCAN } from '../../src/app/panels/log-window';
import { countText } from '../../src/app/panels/log-model';
import type { LogEntry } from '../../src/core/log';
import type { Replay } from '../../src/core/replay/replay';

const N = 100_000;
const ROW = 24;
const VIEW = 480;
/** The rows in a view, one cut at each edge, and OVERSCAN either side. */
const WINDOW = VIEW / ROW + 1 + 2 * OVERSCAN;
const views: { destroy(): void }[] = [];
afterEach(() => {
  views.splice(0).forEach((v) => v.destroy());
  document.body.replaceChildren();
});

/**
 * A store whose run logs N notes, one every 10 ms, about the scenario's units in turn; with
 * `calls`, every seventh entry is instead one of the run's calls, as it logged it.
 */
function bigLog(calls = false) {
  const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
  const a = store.getState().analysis!;
  const units = a.run.scenario.units.map((u) => u.id);
  const txs = a.run.log.filter((e) => e.type === 'transmission');
  const log: LogEntry[] = Array.from({ length: N }, (_, i) =>
    calls && i % 7 === 3
      ? { ...txs[i % txs.length]!, seq: i, t: i / 100 }
      : {
          type: 'note',
          seq: i,
          t: i / 100,
          cause: { kind: 'script', ref: 'synthetic' },
          unit: units[i % units.length]!,
          text: `Note number ${i}`,
        },
  );
  const replay = { ...store.getState().replay!, durationS: N / 100, entryIndexAt: (t: number) => Math.min(N - 1, Math.floor(t * 100 + 1e-6)) } as Replay;
  const started = performance.now();
  store.setState({ analysis: { ...a, run: { ...a.run, log } }, replay, t: 0, selectedEntry: null });
  return { store, units, started, log };
}

function mount(store: AppStore) {
  const root = document.createElement('div');
  document.body.append(root);
  views.push(mountLog(root, store));
  const scroller = root.querySelector<HTMLElement>('.log-scroll')!;
  let top = 0;
  Object.defineProperty(scroller, 'clientHeight', { value: VIEW });
  Object.defineProperty(scroller, 'scrollTop', { get: () => top, set: (v: number) => (top = Math.max(0, v)) });
  const list = root.querySelector<HTMLElement>('.log-list')!;
  const seqs = () => [...list.querySelectorAll<HTMLElement>('li[data-seq]')].map((li) => Number(li.dataset.seq));
  const scrollTo = (y: number) => {
    scroller.scrollTop = y;
    scroller.dispatchEvent(new Event('scroll'));
  };
  return { root, scroller, list, seqs, scrollTo };
}

describe('event log at 100,000 entries', () => {
  test('only a bounded window of rows is in the DOM, each saying where it stands in the whole', () => {
    const { store } = bigLog();
    const { root, list, seqs } = mount(store);
    expect(root.querySelector('.count')!.textContent).toBe(countText(N, N));
    expect(seqs().length).toBeGreaterThan(0);
    expect(seqs().length).toBeLessThanOrEqual(WINDOW);
    expect(seqs()[0]).toBe(0);
    const first = list.querySelector('li')!;
    expect(first.getAttribute('aria-setsize')).toBe(String(N));
    expect(first.getAttribute('aria-posinset')).toBe('1');
    // The padding stands for the rows not rendered: the list is as tall as all of them.
    const pad = parseFloat(list.style.paddingTop) + parseFloat(list.style.paddingBottom);
    expect(pad + seqs().length * ROW).toBeCloseTo(N * ROW, 0);
  });

  test('scrolling shows the rows at the new place and drops the old ones', () => {
    const { store } = bigLog();
    const { list, seqs, scrollTo } = mount(store);
    scrollTo(50_000 * ROW);
    const shown = seqs();
    expect(shown).toContain(50_000);
    expect(shown).toContain(50_000 + VIEW / ROW);
    expect(shown).not.toContain(0);
    expect(shown.length).toBeLessThanOrEqual(WINDOW);
    // Contiguous, in log order, with their place in the whole.
    expect(shown.every((s, i) => i === 0 || s === shown[i - 1]! + 1)).toBe(true);
    const row = list.querySelector<HTMLElement>('li[data-seq="50000"]')!;
    expect(row.getAttribute('aria-posinset')).toBe('50001');
    expect(row.textContent).toContain('Note number 50000');
    expect(parseFloat(list.style.paddingTop)).toBeCloseTo(shown[0]! * ROW, 0);
  });

  test('selecting an entry far away renders it, marks it selected and scrolls to it', () => {
    const { store } = bigLog();
    const { list, scroller } = mount(store);
    store.getState().selectEntry(90_000);
    const row = list.querySelector<HTMLElement>('li[data-seq="90000"]');
    expect(row).not.toBeNull();
    expect(row!.classList.contains('selected')).toBe(true);
    expect(row!.classList.contains('at-playhead')).toBe(true);
    expect(scroller.scrollTop).toBeGreaterThan(89_000 * ROW);
    expect(scroller.scrollTop).toBeLessThan(91_000 * ROW);
    // Entries before the playhead are not dimmed, those after are.
    expect(list.querySelector<HTMLElement>('li[data-seq="89999"]')!.classList.contains('future')).toBe(false);
    expect(list.querySelector<HTMLElement>('li[data-seq="90001"]')!.classList.contains('future')).toBe(true);
    expect(list.querySelectorAll('li[aria-current="time"]')).toHaveLength(1);
    expect(list.querySelector('li[data-seq="0"]')).toBeNull();
  });

  test('a unit filter changes the count, the set size and the rows in the window', async () => {
    const { store, units } = bigLog();
    const { root, list, seqs, scrollTo } = mount(store);
    store.getState().setFilters({ units: [units[1]!] });
    // 100,000 entries are tested in slices, a task each, the list busy meanwhile.
    await vi.waitFor(() => expect(list.getAttribute('aria-busy')).toBeNull(), { timeout: 30_000 });
    const expected = Math.floor((N - 1 - 1) / units.length) + 1;
    expect(root.querySelector('.count')!.textContent).toBe(countText(expected, N));
    expect(seqs().length).toBeLessThanOrEqual(WINDOW);
    expect(seqs().every((s) => s % units.length === 1)).toBe(true);
    expect(list.querySelector('li')!.getAttribute('aria-setsize')).toBe(String(expected));
    // The end of the filtered log is as far down as its rows, not all the log's.
    scrollTo((expected - 5) * ROW);
    expect(seqs().at(-1)).toBe(N - 1 - ((N - 1 - 1) % units.length));
  });

  test('filters changed again while the log is being filtered: the last ones are shown', async () => {
    const { store, units } = bigLog();
    const { root, list, seqs } = mount(store);
    store.getState().setFilters({ units: [units[1]!] });
    store.getState().setFilters({ units: [units[2]!] });
    await vi.waitFor(() => expect(list.getAttribute('aria-busy')).toBeNull(), { timeout: 30_000 });
    const expected = Math.floor((N - 1 - 2) / units.length) + 1;
    expect(root.querySelector('.count')!.textContent).toBe(`${expected.toLocaleString('en')} of 100,000 entries`);
    expect(seqs().length).toBeGreaterThan(0);
    expect(seqs().every((s) => s % units.length === 2)).toBe(true);
  });

  test('End moves the focus to the last entry, rendering it', () => {
    const { store } = bigLog();
    const { list } = mount(store);
    const stop = [...list.querySelectorAll('button')].filter((b) => b.tabIndex === 0);
    expect(stop).toHaveLength(1);
    stop[0]!.focus();
    stop[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    const focused = document.activeElement!.closest('li')!;
    expect(focused.dataset.seq).toBe(String(N - 1));
    expect([...list.querySelectorAll('button')].filter((b) => b.tabIndex === 0)).toHaveLength(1);
    focused.firstElementChild!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement!.closest('li')!.dataset.seq).toBe(String(N - 2));
  });

  test('rows reused for other entries show only the new entry: a note has no call badges, a call its own', () => {
    const { store, log } = bigLog(true);
    const { list, scrollTo } = mount(store);
    const check = () => {
      const rows = [...list.querySelectorAll<HTMLElement>('li')];
      expect(rows.length).toBeGreaterThan(0);
      for (const li of rows) {
        const e = log[Number(li.dataset.seq)]!;
        if (e.type === 'transmission') {
          expect(li.querySelector('.tx-id')!.textContent).toBe(e.tx.id);
          expect(li.textContent).toContain(e.tx.text);
          expect(li.querySelectorAll('.badge').length).toBeGreaterThan(0);
          expect(li.classList.contains('row-transmission')).toBe(true);
        } else {
          expect(li.textContent).toContain(`Note number ${e.seq}`);
          expect(li.querySelector('.badges, .tx-id')).toBeNull();
          expect(li.classList.contains('row-transmission')).toBe(false);
        }
      }
    };
    // Far and near moves, down and up: rows leave the view and come back as other entries.
    for (const row of [0, 50_000, 50_004, 50_011, 49_990, 99_990, 3, 0]) {
      scrollTo(row * ROW);
      check();
      expect(list.querySelectorAll('li').length).toBeLessThanOrEqual(WINDOW);
    }
  });

  test('clicking a row that was written with another entry selects the entry it shows', () => {
    const { store } = bigLog();
    const { list, scrollTo } = mount(store);
    scrollTo(70_000 * ROW);
    scrollTo(30_000 * ROW);
    const button = list.querySelector<HTMLElement>('li[data-seq="30005"] button')!;
    expect(button.textContent).toContain('Note number 30005');
    button.click();
    expect(store.getState().selectedEntry).toBe(30_005);
    expect(button.closest('li')!.classList.contains('selected')).toBe(true);
  });

  test('a focused row that stays in view keeps the focus when the log scrolls a little', () => {
    const { store } = bigLog();
    const { list, scrollTo } = mount(store);
    scrollTo(20_000 * ROW);
    const button = list.querySelector<HTMLElement>('li[data-seq="20010"] button')!;
    button.focus();
    for (const row of [20_003, 20_006, 19_998]) {
      scrollTo(row * ROW);
      expect(document.activeElement).toBe(button);
      expect(button.closest('li')!.dataset.seq).toBe('20010');
    }
  });

  test("scrolled away from the playhead, the row at the top of the view is the log's tab stop", () => {
    const { store } = bigLog();
    const { list, scrollTo } = mount(store);
    scrollTo(40_000 * ROW + 5);
    const stops = [...list.querySelectorAll<HTMLElement>('button')].filter((b) => b.tabIndex === 0);
    expect(stops).toHaveLength(1);
    expect(stops[0]!.closest('li')!.dataset.seq).toBe('40000');
  });

  test('figures: building the log and seeking far at 100,000 entries (printed, not asserted)', () => {
    const { store, started } = bigLog();
    const built = performance.now();
    mount(store);
    const mounted = performance.now();
    const seeks: number[] = [];
    for (const seq of [99_000, 10, 50_000, 75_000, 25_000]) {
      const t0 = performance.now();
      store.getState().selectEntry(seq);
      seeks.push(performance.now() - t0);
    }
    console.log(
      `log at ${N} entries (jsdom, no layout): store ${(built - started).toFixed(0)} ms, mount+render ${(mounted - built).toFixed(0)} ms, seeks ${seeks.map((s) => s.toFixed(1)).join(', ')} ms`,
    );
    expect(seeks).toHaveLength(5);
  });
});
