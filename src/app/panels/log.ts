/**
 * Event log: every entry of the run in words, with a badge per recipient for how far each call
 * got. A row's words and DOM are made when it is first rendered, then kept while the run is shown;
 * filters hide entries, the playhead moves one highlight. Scenario text only ever goes in through
 * text nodes.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Outcome } from '../../core/analysis/outcomes';
import type { LogEntry } from '../../core/log';
import { describeEntry } from '../../core/format/describe';
import { h, keepInView, watch, watchWords, whilePlaying, type View } from '../dom';
import { clockOf, entryKind, kindLabel, nationClass, nationOf, shortName, stageClass, stageWord, unitName } from '../words';
import { sayContext } from '../i18n';
import { say, t, type Lang } from '../../i18n';
import { BLOCK, logWindow, type LogWindow } from './log-window';
import type { AppStore, EntryKind, Filters } from '../store';
import { KINDS, actorOf, channelsOf, countAtOrBefore, countText, entryPasses, hasRow, keyMove, kindsText, txInfoOf } from './log-model';

/** A row of the log, made when first rendered. */
interface Row {
  seq: number;
  t: number;
  entry: LogEntry;
  /** Made the first time the row is rendered, then kept (with its classes) while the run is shown. */
  li?: HTMLLIElement;
}

/**
 * The log's rows: the entries that have one (./log-model.ts hasRow), in log order, as indices into
 * the run's log. A Row is made for a row when something asks for it (rendering, the playhead).
 */
interface Rows {
  readonly length: number;
  /** The rows' seqs, in log order. */
  readonly seqs: Int32Array;
  at(i: number): Row;
  entry(i: number): LogEntry;
}

function rowsOf(log: readonly LogEntry[]): Rows {
  const which = new Int32Array(log.length);
  let n = 0;
  for (let k = 0; k < log.length; k++) if (hasRow(log[k]!)) which[n++] = k;
  const seqs = new Int32Array(n);
  for (let i = 0; i < n; i++) seqs[i] = log[which[i]!]!.seq;
  const made = new Array<Row | undefined>(n);
  return {
    length: n,
    seqs,
    entry: (i) => log[which[i]!]!,
    at(i) {
      let r = made[i];
      if (!r) {
        const e = log[which[i]!]!;
        r = made[i] = { seq: e.seq, t: e.t, entry: e };
      }
      return r;
    },
  };
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

function renderEntry(a: Analysis, e: LogEntry, outcomes: Map<string, Outcome[]>, lang: Lang, onPick: () => void): HTMLLIElement {
  const time = h('span', { class: 'time' }, clockOf(a, e.t));
  const actor = actorOf(e);
  let body: HTMLElement;
  if (e.type === 'transmission') {
    const tx = e.tx;
    body = h(
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
  } else {
    body = h('span', { class: 'body' }, describeEntry(a.run, e, { lang })?.trim() ?? '');
  }
  const kind = entryKind(e);
  const button = h(
    'button',
    { type: 'button', tabindex: -1, class: `entry kind-${kind} ${nationClass(actor ? nationOf(a, actor) : undefined)}` },
    time,
    ' ',
    body,
  );
  button.addEventListener('click', onPick);
  return h('li', { 'data-seq': e.seq, 'data-kind': kind, class: `row-${e.type}` }, button);
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

function paint(li: HTMLLIElement, r: Row, pos: number, setSize: number, m: Marks): void {
  const button = li.firstElementChild as HTMLButtonElement;
  li.hidden = false;
  li.classList.toggle('future', r.t > m.t + 1e-6);
  const atPlayhead = r.seq === m.current;
  li.classList.toggle('at-playhead', atPlayhead);
  if (atPlayhead) li.setAttribute('aria-current', 'time');
  else li.removeAttribute('aria-current');
  li.classList.toggle('selected', r.seq === m.selected);
  button.setAttribute('aria-pressed', String(r.seq === m.selected));
  button.tabIndex = r.seq === m.tabStop ? 0 : -1;
  // Only a window of the list is in the DOM: say where each row stands in the whole.
  li.setAttribute('aria-posinset', String(pos + 1));
  li.setAttribute('aria-setsize', String(setSize));
}

/**
 * The rows in view, and a block either side, in the DOM (see ./log-window.ts); the list's padding
 * stands for the rest. Moving the window keeps the rows that stay (and the focus in them) and puts
 * the content back where it was on screen, so a block measured taller than its estimate does not
 * make the view jump.
 */
function virtualRows(list: HTMLElement, scroller: HTMLElement, make: (r: Row) => HTMLLIElement) {
  let rows: Rows = NO_ROWS;
  let shown: ArrayLike<number> = [];
  let win: LogWindow = logWindow(0);
  let from = 0;
  let to = -1;
  let dom: Row[] = [];
  const marks: Marks = { t: 0, current: null, selected: null, tabStop: null };
  const liOf = (r: Row) => (r.li ??= make(r));
  const repaint = () => dom.forEach((r, i) => paint(r.li!, r, win.rowsOf(from)[0] + i, shown.length, marks));
  const pad = () => {
    list.style.paddingTop = `${win.offsetOf(from)}px`;
    list.style.paddingBottom = `${Math.max(0, win.total() - win.offsetOf(to + 1))}px`;
  };
  const measure = () => {
    for (let b = from; b <= to; b++) {
      const [r0, r1] = win.rowsOf(b);
      const first = dom[r0 - win.rowsOf(from)[0]]?.li;
      const last = dom[r1 - 1 - win.rowsOf(from)[0]]?.li;
      if (first && last) win.measured(b, last.getBoundingClientRect().bottom - first.getBoundingClientRect().top);
    }
  };
  const render = (b0: number, b1: number, fresh: boolean) => {
    if (!fresh && b0 === from && b1 === to) return;
    const next: Row[] = [];
    if (b1 >= b0) for (let p = win.rowsOf(b0)[0]; p < win.rowsOf(b1)[1]; p++) next.push(rows.at(shown[p]!));
    const keep = new Set(next);
    const anchor = fresh ? undefined : dom.find((r) => keep.has(r));
    const before = anchor?.li!.getBoundingClientRect().top ?? 0;
    if (fresh || !anchor) list.replaceChildren(...next.map(liOf));
    else {
      for (const r of dom) if (!keep.has(r)) r.li!.remove();
      const at = next.indexOf(anchor);
      const lastKept = next.findLastIndex((r) => r.li?.parentNode === list);
      list.prepend(...next.slice(0, at).map(liOf));
      list.append(...next.slice(lastKept + 1).map(liOf));
    }
    dom = next;
    from = b0;
    to = b1;
    repaint();
    measure();
    pad();
    if (anchor) scroller.scrollTop += anchor.li!.getBoundingClientRect().top - before;
  };
  const onScroll = () => {
    const [b0, b1] = win.range(scroller.scrollTop, scroller.clientHeight);
    if (b0 < from || b1 > to || b0 > from + 1 || b1 < to - 1 || (from === 0 && to === -1)) render(b0, b1, false);
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  return {
    marks,
    shown: () => shown,
    /** The row at position `pos` of `shown`. */
    at: (pos: number) => rows.at(shown[pos]!),
    /** A new run, or new filters: the rows passing them, rendered from the top of the view. */
    reset(all: Rows, passing: ArrayLike<number>) {
      if (all !== rows) list.replaceChildren();
      // A row kept from before the filters changed is shown again by paint() if it still passes.
      for (const r of dom) r.li!.hidden = true;
      rows = all;
      shown = passing;
      win = logWindow(shown.length);
      const [b0, b1] = win.range(scroller.scrollTop, scroller.clientHeight);
      render(b0, b1, true);
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
      const b = Math.floor(pos / BLOCK);
      if (b < from || b > to) {
        // Far away: jump to where the row should be, render there, then correct by its real place.
        const [r0, r1] = win.rowsOf(b);
        scroller.scrollTop = win.offsetOf(b) + ((pos - r0) / (r1 - r0)) * win.heightOf(b);
        render(Math.max(0, b - 1), Math.min(win.blocks - 1, b + 1), false);
      }
      const li = rows.at(shown[pos]!).li!;
      keepInView(scroller, li);
      return li;
    },
    repaint,
    /** The row a DOM node is in, as its position in `shown`. */
    posOfNode(node: Node): number {
      const i = dom.findIndex((r) => r.li!.contains(node));
      return i < 0 ? -1 : win.rowsOf(from)[0] + i;
    },
    /** Whether the tab stop's row is rendered (a list with none cannot be tabbed into). */
    tabStopShown: () => dom.some((r) => r.seq === marks.tabStop),
    firstRendered: () => dom[0] ?? null,
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
    v.marks.tabStop = v.at(to).seq;
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

  let ctx: { a: Analysis; lang: Lang; outcomes: Map<string, Outcome[]> } | null = null;
  const make = (r: Row) => {
    const pick = () => store.getState().selectEntry(r.seq);
    return renderEntry(ctx!.a, r.entry, ctx!.outcomes, ctx!.lang, pick);
  };
  const v = virtualRows(list, scroller, make);
  keyboard(list, v);
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
    const at = v.at;
    v.marks.t = s.t;
    v.marks.current = currentPos >= 0 ? at(currentPos).seq : null;
    v.marks.selected = s.selectedEntry;
    const targetPos = selectedPos >= 0 && Math.abs(at(selectedPos).t - s.t) < 1e-6 ? selectedPos : currentPos;
    if (targetPos >= 0) v.reveal(targetPos);
    if (!list.contains(document.activeElement)) v.marks.tabStop = targetPos >= 0 ? at(targetPos).seq : (v.firstRendered()?.seq ?? null);
    v.repaint();
  };
  // Scrolled away from the tab stop (its row left the DOM): the first row in view takes it.
  scroller.addEventListener('scroll', () => {
    if (!v.tabStopShown() && !list.contains(document.activeElement)) {
      v.marks.tabStop = v.firstRendered()?.seq ?? null;
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
