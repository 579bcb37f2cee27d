/**
 * Event log: every entry of the run in words, with a badge per recipient for how far each call
 * got. Only the rows in view (and a few either side) are in the DOM, and a row's words are written
 * when it comes into view, into a row element that left it; filters choose the rows, the playhead
 * moves one highlight. Scenario text only ever goes in through text nodes.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Outcome } from '../../core/analysis/outcomes';
import type { LogEntry } from '../../core/log';
import { describeEntry } from '../../core/format/describe';
import { fill, h, keepInView, watch, watchWords, whilePlaying, type View } from '../dom';
import { clockOf, entryKind, kindLabel, nationClass, nationOf, shortName, stageClass, stageWord, unitName } from '../words';
import { sayContext } from '../i18n';
import { say, t, type Lang } from '../../i18n';
import { OVERSCAN, logWindow, type LogWindow } from './log-window';
import type { AppStore, EntryKind, Filters } from '../store';
import { KINDS, actorOf, channelsOf, countAtOrBefore, countText, entryPasses, hasRow, keyMove, kindsText, txInfoOf } from './log-model';

/**
 * The log's rows: the entries that have one (./log-model.ts hasRow), in log order, as indices into
 * the run's log.
 */
interface Rows {
  readonly length: number;
  /** The rows' seqs, in log order. */
  readonly seqs: Int32Array;
  entry(i: number): LogEntry;
}

function rowsOf(log: readonly LogEntry[]): Rows {
  const which = new Int32Array(log.length);
  let n = 0;
  for (let k = 0; k < log.length; k++) if (hasRow(log[k]!)) which[n++] = k;
  const seqs = new Int32Array(n);
  for (let i = 0; i < n; i++) seqs[i] = log[which[i]!]!.seq;
  return { length: n, seqs, entry: (i) => log[which[i]!]! };
}

const NO_ROWS = rowsOf([]);

/** Row indices 0 … n-1: every row passes. */
function everyRow(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}

/** Rows tested in one go; a log of up to this many is filtered at once, in the same task. */
const SLICE = 5000;
/** Past this, the rest waits for a later task: no task long enough for the page to feel stuck. */
const SLICE_BUDGET_MS = 15;

/**
 * Work over many rows in slices: as many slices of SLICE rows as fit in SLICE_BUDGET_MS, then the
 * rest in a later task. A new run() cancels the one under way (the filters changed again).
 */
function slices() {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    cancel,
    busy: () => timer !== null,
    run(n: number, work: (from: number, to: number) => void, done: () => void, waiting: () => void) {
      cancel();
      let i = 0;
      const step = () => {
        timer = null;
        const start = performance.now();
        do {
          const to = Math.min(n, i + SLICE);
          work(i, to);
          i = to;
        } while (i < n && performance.now() - start < SLICE_BUDGET_MS);
        if (i < n) {
          timer = setTimeout(step, 0);
          waiting();
        } else done();
      };
      step();
    },
  };
}

/** An outcome's cause in the reader's language: from its data when the core gave it, else the core's English. */
export function outcomeCause(a: Analysis, o: Outcome, lang: Lang): string {
  return o.why ? say(lang, o.why, sayContext(a)) : (o.cause ?? '');
}

function badge(a: Analysis, o: Outcome, lang: Lang): HTMLElement {
  const name = shortName(a, o.unit, lang);
  const reached = o.reached ? stageWord(o.reached, lang) : t(lang, 'app.nothing');
  const text = o.failedAt ? t(lang, 'app.log.badge-failed', { stage: stageWord(o.failedAt, lang) }) : t(lang, 'app.log.badge-ok', { stage: reached });
  const stage = o.failedAt ?? o.reached;
  return h(
    'span',
    {
      class: `badge ${o.failedAt ? 'failed' : 'ok'} ${stageClass(stage)}`,
      title: o.failedAt
        ? t(lang, 'app.log.badge-failed-title', { unit: name, reached, failed: stageWord(o.failedAt, lang), cause: outcomeCause(a, o, lang) })
        : t(lang, 'app.log.badge-ok-title', { unit: name, reached }),
    },
    h('span', { class: 'badge-unit' }, name),
    ' ',
    h('span', { class: 'badge-stage' }, text),
  );
}

/** What a row's words are written with. */
interface RowContext {
  a: Analysis;
  lang: Lang;
  outcomes: Map<string, Outcome[]>;
}

/** The words of a call's row: who called whom on what, what was said, and a badge per recipient. */
function callBody({ a, lang, outcomes }: RowContext, tx: Extract<LogEntry, { type: 'transmission' }>['tx']): HTMLElement {
  return h(
    'span',
    { class: 'body' },
    h(
      'span',
      { class: 'tx-head' },
      h('span', { class: 'tx-id' }, tx.id),
      ' ',
      h('span', { class: `who ${nationClass(nationOf(a, tx.from))}` }, unitName(a, tx.from, lang)),
      ' → ',
      h('span', { class: `who ${nationClass(nationOf(a, tx.to))}` }, unitName(a, tx.to, lang)),
      ` ${t(lang, 'app.log.on')} `,
      h('span', { class: 'channel' }, tx.channel),
      ` (${t(lang, `app.tx-kind.${tx.kind}`)}${tx.attempt > 1 ? ` #${tx.attempt}` : ''})`,
    ),
    // What was said on the air, as it was said (CUES): never translated.
    h('span', { class: 'tx-text', lang: 'en' }, `“${tx.text}”`),
    h(
      'span',
      { class: 'badges' },
      (outcomes.get(tx.id) ?? []).map((o) => badge(a, o, lang)),
    ),
  );
}

/** An empty row, for rowFill() to write an entry into. */
function emptyRow(): HTMLLIElement {
  return h('li', {}, h('button', { type: 'button', tabindex: -1 }, h('span', { class: 'time' }), ' ', h('span', { class: 'body' })));
}

/**
 * Writes entry `e` into a row made by emptyRow(), whatever entry it showed before: a far scroll
 * or seek reuses the rows that left the view instead of making and keeping new ones. A row that is
 * not a call keeps its body element and only its words change.
 */
function rowFill(li: HTMLLIElement, ctx: RowContext, e: LogEntry): void {
  const { a, lang } = ctx;
  const button = li.firstElementChild as HTMLButtonElement;
  const time = button.firstElementChild as HTMLElement;
  const body = button.lastElementChild as HTMLElement;
  const kind = entryKind(e);
  const actor = actorOf(e);
  li.dataset.seq = String(e.seq);
  li.dataset.kind = kind;
  li.className = `row-${e.type}`;
  button.className = `entry kind-${kind} ${nationClass(actor ? nationOf(a, actor) : undefined)}`;
  time.textContent = clockOf(a, e.t);
  if (e.type === 'transmission') body.replaceWith(callBody(ctx, e.tx));
  else {
    const words = describeEntry(a.run, e, { lang })?.trim() ?? '';
    if (body.firstElementChild) body.replaceWith(h('span', { class: 'body' }, words));
    else fill(body, words);
  }
}

interface LogFilters {
  el: HTMLElement;
  /** Shows the filters in force and how many of the rows pass them. */
  show(f: Filters, shown: number, total: number): void;
  /** Fills the unit and channel choices for a run, and writes the filters' words in the reader's language. */
  choices(a: Analysis, channels: readonly string[], lang: Lang): void;
  destroy(): void;
}

/** The filters above the log: unit, channel and kinds (a pop-up of boxes), and the count shown. */
function mountLogFilters(store: AppStore): LogFilters {
  const unitSel = h('select', { id: 'log-unit' });
  const channelSel = h('select', { id: 'log-channel' });
  const kindBoxes = h('div', { class: 'kind-boxes', role: 'group' });
  const boxes = new Map<EntryKind, HTMLInputElement>();
  const boxWords = new Map<EntryKind, Text>();
  for (const k of KINDS) {
    const box = h('input', { type: 'checkbox', checked: true, value: k });
    boxes.set(k, box);
    const words = document.createTextNode('');
    boxWords.set(k, words);
    kindBoxes.append(h('label', { class: `kind-box kind-${k}` }, box, words));
    box.addEventListener('change', () => {
      let on = KINDS.filter((x) => boxes.get(x)!.checked);
      if (on.length === 0) {
        box.checked = true;
        on = [k];
      }
      store.getState().setFilters({ kinds: on.length === KINDS.length ? [] : on });
    });
  }
  unitSel.addEventListener('change', () => store.getState().setFilters({ units: unitSel.value ? [unitSel.value] : [] }));
  channelSel.addEventListener('change', () => store.getState().setFilters({ channels: channelSel.value ? [channelSel.value] : [] }));

  const count = h('span', { class: 'count muted', 'aria-live': 'polite' });
  const kindsSummary = h('summary', { class: 'button-like' });
  const unitWord = h('span', {});
  const channelWord = h('span', {});
  let lang: Lang = store.getState().lang;
  const kinds = h('details', { class: 'kinds' }, kindsSummary, kindBoxes);
  // The kinds pop-up closes on Escape and on a click anywhere else, like a menu.
  const closeKinds = (ev: Event) => {
    if (!kinds.open) return;
    if (ev.type === 'keydown' ? (ev as KeyboardEvent).key !== 'Escape' : kinds.contains(ev.target as Node)) return;
    kinds.open = false;
    if (ev.type === 'keydown') kindsSummary.focus();
  };
  document.addEventListener('click', closeKinds);
  kinds.addEventListener('keydown', closeKinds);
  return {
    el: h(
      'div',
      { class: 'log-filters' },
      h('label', { class: 'picker small' }, unitWord, unitSel),
      h('label', { class: 'picker small' }, channelWord, channelSel),
      kinds,
      count,
    ),
    show(f, shown, total) {
      count.textContent = countText(shown, total, lang);
      unitSel.value = f.units[0] ?? '';
      channelSel.value = f.channels[0] ?? '';
      for (const [k, box] of boxes) box.checked = f.kinds.length === 0 || f.kinds.includes(k);
      kindsSummary.textContent = kindsText(f, lang);
    },
    choices(a, channels, l) {
      lang = l;
      unitWord.textContent = t(lang, 'app.log.unit');
      channelWord.textContent = t(lang, 'app.log.channel');
      kindBoxes.setAttribute('aria-label', t(lang, 'app.log.kinds-of-entry'));
      for (const [k, words] of boxWords) words.data = ` ${kindLabel(k, lang)}`;
      unitSel.replaceChildren(
        h('option', { value: '', text: t(lang, 'app.log.all-units') }),
        ...a.run.scenario.units.map((u) => h('option', { value: u.id, text: unitName(a, u.id, lang) })),
      );
      channelSel.replaceChildren(h('option', { value: '', text: t(lang, 'app.log.all-channels') }), ...channels.map((c) => h('option', { value: c, text: c })));
    },
    destroy: () => document.removeEventListener('click', closeKinds),
  };
}

/** The last position in `shown` (sorted row indices) whose row index is below `k`; -1 if none. */
function lastBelow(shown: ArrayLike<number>, k: number): number {
  let lo = 0;
  let hi = shown.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (shown[mid]! < k) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** What every rendered row shows of the playhead, the selection and the tab stop. */
interface Marks {
  t: number;
  current: number | null;
  selected: number | null;
  tabStop: number | null;
}

function paint(li: HTMLLIElement, e: LogEntry, pos: number, setSize: number, m: Marks): void {
  const button = li.firstElementChild as HTMLButtonElement;
  li.classList.toggle('future', e.t > m.t + 1e-6);
  const atPlayhead = e.seq === m.current;
  li.classList.toggle('at-playhead', atPlayhead);
  if (atPlayhead) li.setAttribute('aria-current', 'time');
  else li.removeAttribute('aria-current');
  li.classList.toggle('selected', e.seq === m.selected);
  button.setAttribute('aria-pressed', String(e.seq === m.selected));
  button.tabIndex = e.seq === m.tabStop ? 0 : -1;
  // Only a window of the list is in the DOM: say where each row stands in the whole.
  li.setAttribute('aria-posinset', String(pos + 1));
  li.setAttribute('aria-setsize', String(setSize));
}

/**
 * The rows in view, and OVERSCAN either side, in the DOM (see ./log-window.ts); the list's padding
 * stands for the rest. Moving the window keeps the rows that stay (and the focus in them), writes
 * the rows that come into view into those that left it, and puts the content back where it was on
 * screen, so a row measured taller than its estimate does not make the view jump.
 */
function virtualRows(list: HTMLElement, scroller: HTMLElement, write: (li: HTMLLIElement, e: LogEntry) => void) {
  let rows: Rows = NO_ROWS;
  let shown: ArrayLike<number> = [];
  let win: LogWindow = logWindow(0);
  /** The rendered rows, in order: lis[k] shows the row at position from + k of `shown`. */
  let from = 0;
  let lis: HTMLLIElement[] = [];
  /** Rows out of the DOM, to be written anew. */
  const spare: HTMLLIElement[] = [];
  const marks: Marks = { t: 0, current: null, selected: null, tabStop: null };
  const entryAt = (pos: number) => rows.entry(shown[pos]!);
  const take = (pos: number) => {
    const li = spare.pop() ?? emptyRow();
    write(li, entryAt(pos));
    return li;
  };
  const repaint = () => lis.forEach((li, k) => paint(li, entryAt(from + k), from + k, shown.length, marks));
  const pad = () => {
    list.style.paddingTop = `${win.offsetOf(from)}px`;
    list.style.paddingBottom = `${Math.max(0, win.total() - win.offsetOf(from + lis.length))}px`;
  };
  const measure = () => lis.forEach((li, k) => win.measured(from + k, li.getBoundingClientRect().height));
  /** Renders the rows at positions [p0, p1) of `shown`; `fresh`: none of those rendered is kept. */
  const render = (p0: number, p1: number, fresh: boolean) => {
    const to = from + lis.length;
    if (!fresh && p0 === from && p1 === to) return;
    const keep0 = Math.max(p0, from);
    const keep1 = Math.min(p1, to);
    const anchor = !fresh && keep0 < keep1 ? lis[keep0 - from]! : undefined;
    const before = anchor?.getBoundingClientRect().top ?? 0;
    // With no row kept, the row at the top of the view stays there: measuring the new rows changes
    // the estimate of every row above them, by thousands of pixels halfway down a long log.
    const y = scroller.scrollTop;
    const top = win.rowAt(y);
    const into = y - win.offsetOf(top);
    let next: HTMLLIElement[];
    if (!anchor) {
      spare.push(...lis);
      next = [];
      for (let p = p0; p < p1; p++) next.push(take(p));
      list.replaceChildren(...next);
    } else {
      lis.forEach((li, k) => {
        if (from + k < keep0 || from + k >= keep1) {
          li.remove();
          spare.push(li);
        }
      });
      const head: HTMLLIElement[] = [];
      const tail: HTMLLIElement[] = [];
      for (let p = p0; p < keep0; p++) head.push(take(p));
      for (let p = keep1; p < p1; p++) tail.push(take(p));
      list.prepend(...head);
      list.append(...tail);
      next = [...head, ...lis.slice(keep0 - from, keep1 - from), ...tail];
    }
    lis = next;
    from = p0;
    repaint();
    measure();
    pad();
    if (anchor) scroller.scrollTop += anchor.getBoundingClientRect().top - before;
    else if (top >= p0 && top < p1) scroller.scrollTop = win.offsetOf(top) + into;
  };
  const onScroll = () => {
    const y = scroller.scrollTop;
    const h = scroller.clientHeight;
    // Rows are added once the rendered margin is down to half the overscan, a few at a time.
    const [n0, n1] = win.range(y, h, OVERSCAN / 2);
    const to = from + lis.length;
    if (n0 < from || n1 > to || from < n0 - 2 * OVERSCAN || to > n1 + 2 * OVERSCAN || lis.length === 0) {
      const [p0, p1] = win.range(y, h);
      render(p0, p1, false);
    }
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  const seqAt = (pos: number) => rows.seqs[shown[pos]!]!;
  return {
    marks,
    shown: () => shown,
    /** The seq of the row at position `pos` of `shown`. */
    seqAt,
    /** The time of the row at position `pos` of `shown`. */
    tAt: (pos: number) => entryAt(pos).t,
    /** A new run, or new filters: the rows passing them, rendered from the top of the view. */
    reset(all: Rows, passing: ArrayLike<number>) {
      rows = all;
      shown = passing;
      win = logWindow(shown.length);
      const [p0, p1] = win.range(scroller.scrollTop, scroller.clientHeight);
      render(p0, p1, true);
    },
    /** The position in `shown` of the row with this seq, or -1. */
    posOf(seq: number | null): number {
      if (seq === null) return -1;
      const i = countAtOrBefore(rows.seqs, seq) - 1;
      if (i < 0 || rows.seqs[i] !== seq) return -1;
      const p = lastBelow(shown, i + 1);
      return shown[p] === i ? p : -1;
    },
    lastBelow: (k: number) => lastBelow(shown, k),
    /** Renders the row at position `pos` of `shown` and scrolls it into view; returns its li. */
    reveal(pos: number): HTMLLIElement | null {
      if (pos < 0 || pos >= shown.length) return null;
      if (pos < from || pos >= from + lis.length) {
        // Far away: jump to where the row should be, render the view there, then correct by its real place.
        scroller.scrollTop = win.offsetOf(pos);
        const [p0, p1] = win.range(scroller.scrollTop, scroller.clientHeight);
        render(Math.min(p0, pos), Math.max(p1, pos + 1), false);
      }
      const li = lis[pos - from]!;
      keepInView(scroller, li);
      return li;
    },
    repaint,
    /** The row a DOM node is in, as its position in `shown`. */
    posOfNode(node: Node): number {
      const k = lis.findIndex((li) => li.contains(node));
      return k < 0 ? -1 : from + k;
    },
    /** Whether the tab stop's row is rendered (a list with none cannot be tabbed into). */
    tabStopShown: () => lis.some((_, k) => seqAt(from + k) === marks.tabStop),
    /** The seq of the first row in view, or null when none is rendered. */
    firstInView(): number | null {
      if (lis.length === 0) return null;
      return seqAt(Math.max(from, Math.min(from + lis.length - 1, win.rowAt(scroller.scrollTop))));
    },
    destroy: () => scroller.removeEventListener('scroll', onScroll),
  };
}

/**
 * One tab stop for the whole log (it has a hundred entries or more); arrows, Page Up/Down, Home
 * and End move it among the rows passing the filters, rendering the row they reach.
 */
function keyboard(list: HTMLElement, v: ReturnType<typeof virtualRows>) {
  list.addEventListener('keydown', (ev) => {
    const from = v.posOfNode(ev.target as Node);
    if (from < 0) return;
    const to = keyMove(ev.key, from, v.shown().length);
    if (to === null) return;
    ev.preventDefault();
    ev.stopPropagation();
    const li = v.reveal(to);
    if (!li) return;
    v.marks.tabStop = v.seqAt(to);
    v.repaint();
    (li.firstElementChild as HTMLButtonElement).focus();
  });
}

export function mountLog(root: HTMLElement, store: AppStore): View {
  const filters = mountLogFilters(store);
  const list = h('ol', { class: 'log-list', 'aria-describedby': 'log-keys' });
  const scroller = h('div', { class: 'log-scroll' }, list);
  const empty = h('p', { class: 'empty muted', hidden: true });
  const keys = h('p', { id: 'log-keys', class: 'visually-hidden' });
  root.append(filters.el, scroller, empty, keys);

  let ctx: RowContext | null = null;
  const v = virtualRows(list, scroller, (li, e) => rowFill(li, ctx!, e));
  keyboard(list, v);
  // One listener for every row (rows are rewritten with other entries as the view moves).
  list.addEventListener('click', (ev) => {
    const li = (ev.target as Element).closest('li');
    if (li && list.contains(li)) store.getState().selectEntry(Number(li.dataset.seq));
  });
  let rows: Rows = NO_ROWS;
  let txInfo: ReturnType<typeof txInfoOf> = new Map();
  let lastIndex = -2;
  const filtering = slices();

  /** Shows the rows passing `f` and follows the playhead; over a long log, once all are tested. */
  const applyFilters = (f: Filters) => {
    const done = (passing: ArrayLike<number>) => {
      list.removeAttribute('aria-busy');
      v.reset(rows, passing);
      filters.show(f, passing.length, rows.length);
      empty.hidden = passing.length > 0;
      lastIndex = -2;
      follow();
    };
    if (f.units.length === 0 && f.channels.length === 0 && f.kinds.length === 0) {
      filtering.cancel();
      done(everyRow(rows.length));
      return;
    }
    const passing: number[] = [];
    const all = rows;
    filtering.run(
      all.length,
      (from, to) => {
        for (let i = from; i < to; i++) if (entryPasses(all.entry(i), f, txInfo)) passing.push(i);
      },
      () => done(passing),
      () => list.setAttribute('aria-busy', 'true'),
    );
  };

  const follow = () => {
    const s = store.getState();
    // While filters are being applied, the rows shown are the last filters': done() follows.
    if (!s.replay || filtering.busy()) return;
    const index = s.replay.entryIndexAt(s.t);
    if (index === lastIndex) return;
    lastIndex = index;
    // The row at the playhead: the last passing row logged at or before the playhead's entry.
    const currentPos = v.lastBelow(countAtOrBefore(rows.seqs, index));
    const selectedPos = v.posOf(s.selectedEntry);
    v.marks.t = s.t;
    v.marks.current = currentPos >= 0 ? v.seqAt(currentPos) : null;
    v.marks.selected = s.selectedEntry;
    const targetPos = selectedPos >= 0 && Math.abs(v.tAt(selectedPos) - s.t) < 1e-6 ? selectedPos : currentPos;
    if (targetPos >= 0) v.reveal(targetPos);
    if (!list.contains(document.activeElement)) v.marks.tabStop = targetPos >= 0 ? v.seqAt(targetPos) : v.firstInView();
    v.repaint();
  };
  // Scrolled away from the tab stop (its row left the DOM): the first row in view takes it.
  scroller.addEventListener('scroll', () => {
    if (!v.tabStopShown() && !list.contains(document.activeElement)) {
      v.marks.tabStop = v.firstInView();
      v.repaint();
    }
  });

  const build = (a: Analysis | null, lang: Lang) => {
    list.setAttribute('aria-label', t(lang, 'app.layout.log'));
    empty.textContent = t(lang, 'app.log.none');
    keys.textContent = t(lang, 'app.log.keys');
    rows = NO_ROWS;
    ctx = null;
    lastIndex = -2;
    v.marks.current = v.marks.tabStop = null;
    if (a) {
      const outcomes = new Map<string, Outcome[]>();
      for (const o of a.outcomes) {
        const list = outcomes.get(o.tx.id);
        if (list) list.push(o);
        else outcomes.set(o.tx.id, [o]);
      }
      ctx = { a, lang, outcomes };
      rows = rowsOf(a.run.log);
      txInfo = txInfoOf(a);
      // Every channel a row is on is a call's.
      filters.choices(a, channelsOf(a.run.transmissions), lang);
    }
  };

  const followPlaying = whilePlaying(store, follow, 100);
  const unsubs = [
    () => followPlaying.stop(),
    () => v.destroy(),
    watchWords(
      store,
      (s) => s.analysis,
      (a, s) => {
        build(a, s.lang);
        applyFilters(s.filters);
      },
    ),
    watch(
      store,
      (s) => s.filters,
      (f) => {
        applyFilters(f);
      },
    ),
    watch(
      store,
      (s) => s.selectedEntry,
      () => {
        lastIndex = -2;
        follow();
      },
    ),
    // While playing, the highlight and the scroll follow the playhead ten times a second, not
    // every frame.
    watch(
      store,
      (s) => s.t,
      () => followPlaying.run(),
    ),
  ];
  // Web fonts change line heights after the first layout: scroll to the playhead again then.
  void document.fonts?.ready.then(() => {
    lastIndex = -2;
    follow();
  });
  return {
    destroy() {
      unsubs.forEach((u) => u());
      filters.destroy();
    },
  };
}
