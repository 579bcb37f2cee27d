/**
 * Event log: every entry of the run in words, with a badge per recipient for how far each call
 * got. Built once per run; filters hide entries, the playhead moves one highlight. Scenario text
 * only ever goes in through text nodes.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Outcome } from '../../core/analysis/outcomes';
import type { LogEntry } from '../../core/log';
import { describeEntry } from '../../core/format/describe';
import { h, keepInView, watch, watchWords, whilePlaying, type View } from '../dom';
import { clockOf, entryKind, kindLabel, nationClass, nationOf, shortName, stageClass, stageWord, unitName } from '../words';
import { sayContext } from '../i18n';
import { say, t, type Lang } from '../../i18n';
import type { AppStore, EntryKind, Filters } from '../store';
import {
  KINDS,
  actorOf,
  channelsOf,
  countAtOrBefore,
  countText,
  firstFuture,
  keyMove,
  kindsText,
  passes,
  rowFacts,
  txInfoOf,
  type RowFacts,
} from './log-model';

interface Row extends RowFacts {
  li: HTMLLIElement;
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

function renderEntry(a: Analysis, e: LogEntry, outcomes: Map<string, Outcome[]>, lang: Lang, onPick: () => void): HTMLLIElement | null {
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
    const text = describeEntry(a.run, e, { lang });
    if (text === null) return null;
    body = h('span', { class: 'body' }, text.trim());
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

/** A row for every entry that has words, in log order; picking one selects its entry. */
function renderRows(a: Analysis, lang: Lang, onPick: (seq: number) => void): Row[] {
  const txInfo = txInfoOf(a);
  const outcomes = new Map<string, Outcome[]>();
  for (const o of a.outcomes) outcomes.set(o.tx.id, [...(outcomes.get(o.tx.id) ?? []), o]);
  const rows: Row[] = [];
  for (const e of a.run.log) {
    const li = renderEntry(a, e, outcomes, lang, () => onPick(e.seq));
    if (li) rows.push({ ...rowFacts(e, txInfo), li });
  }
  return rows;
}

/**
 * Rows [0, futureFrom) are at or before the playhead, the rest are 'future'. The log is in time
 * order, so a new playhead only moves this boundary: the rows between the old and the new one
 * change class, not all of them (a generated exercise logs tens of thousands of entries).
 */
function futureMarker() {
  let futureFrom = -1;
  return {
    mark(rows: readonly Row[], t: number, inTimeOrder: boolean) {
      const lo = firstFuture(rows, t);
      if (futureFrom < 0 || !inTimeOrder) {
        for (const r of rows) r.li.classList.toggle('future', r.t > t + 1e-6);
      } else {
        for (let i = Math.min(lo, futureFrom); i < Math.max(lo, futureFrom); i++) rows[i]!.li.classList.toggle('future', i >= lo);
      }
      futureFrom = lo;
    },
    /** A new run: every row is marked afresh. */
    reset: () => {
      futureFrom = -1;
    },
  };
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

/**
 * One tab stop for the whole log (it has a hundred entries or more); arrows, Page Up/Down, Home
 * and End move it among the visible rows.
 */
function rovingTabStop(list: HTMLElement, scroller: HTMLElement, rows: () => readonly Row[]) {
  let tabStop: Row | null = null;
  const buttonOf = (r: Row) => r.li.firstElementChild as HTMLButtonElement;
  const set = (r: Row | null) => {
    if (r === tabStop) return;
    if (tabStop) buttonOf(tabStop).tabIndex = -1;
    tabStop = r;
    if (tabStop) buttonOf(tabStop).tabIndex = 0;
  };
  list.addEventListener('keydown', (ev) => {
    const all = rows();
    const from = all.findIndex((r) => r.li.contains(ev.target as Node));
    if (from < 0) return;
    const visible = all.filter((r) => !r.li.hidden);
    const to = keyMove(ev.key, visible.indexOf(all[from]!), visible.length);
    if (to === null) return;
    ev.preventDefault();
    ev.stopPropagation();
    const r = visible[to];
    if (!r) return;
    set(r);
    buttonOf(r).focus();
    keepInView(scroller, r.li);
  });
  return {
    current: () => tabStop,
    set,
    /** A new run: the old rows are gone. */
    reset: () => {
      tabStop = null;
    },
  };
}

export function mountLog(root: HTMLElement, store: AppStore): View {
  const filters = mountLogFilters(store);
  const list = h('ol', { class: 'log-list', 'aria-describedby': 'log-keys' });
  const scroller = h('div', { class: 'log-scroll' }, list);
  const empty = h('p', { class: 'empty muted', hidden: true });
  const keys = h('p', { id: 'log-keys', class: 'visually-hidden' });
  root.append(filters.el, scroller, empty, keys);

  let rows: Row[] = [];
  let current: Row | null = null;
  let lastIndex = -2;
  const tabStop = rovingTabStop(list, scroller, () => rows);

  const applyFilters = (f: Filters) => {
    let shown = 0;
    for (const r of rows) {
      const ok = passes(r, f);
      r.li.hidden = !ok;
      if (ok) shown++;
    }
    filters.show(f, shown, rows.length);
    empty.hidden = shown > 0;
    if (tabStop.current()?.li.hidden) tabStop.set(null);
    lastIndex = -2;
  };

  /** The visible row at or before the playhead's entry index. */
  const rowAt = (index: number): Row | null => {
    for (let i = countAtOrBefore(rows, index) - 1; i >= 0; i--) if (!rows[i]!.li.hidden) return rows[i]!;
    return null;
  };

  const future = futureMarker();
  let inTimeOrder = true;
  let bySeq = new Map<number, Row>();

  const follow = () => {
    const s = store.getState();
    if (!s.replay) return;
    const index = s.replay.entryIndexAt(s.t);
    if (index === lastIndex) return;
    lastIndex = index;
    const next = rowAt(index);
    future.mark(rows, s.t, inTimeOrder);
    if (next !== current) {
      current?.li.removeAttribute('aria-current');
      current?.li.classList.remove('at-playhead');
      current = next;
      current?.li.setAttribute('aria-current', 'time');
      current?.li.classList.add('at-playhead');
    }
    const picked = s.selectedEntry !== null ? bySeq.get(s.selectedEntry) : undefined;
    const selected = picked && !picked.li.hidden ? picked : undefined;
    const target = selected && Math.abs(selected.t - s.t) < 1e-6 ? selected : current;
    if (target) keepInView(scroller, target.li);
    if (!list.contains(document.activeElement)) tabStop.set(target ?? rows.find((r) => !r.li.hidden) ?? null);
  };

  const build = (a: Analysis | null, lang: Lang) => {
    list.setAttribute('aria-label', t(lang, 'app.layout.log'));
    empty.textContent = t(lang, 'app.log.none');
    keys.textContent = t(lang, 'app.log.keys');
    list.replaceChildren();
    rows = [];
    bySeq = new Map();
    future.reset();
    current = null;
    tabStop.reset();
    lastIndex = -2;
    if (!a) return;
    rows = renderRows(a, lang, (seq) => store.getState().selectEntry(seq));
    const frag = document.createDocumentFragment();
    frag.append(...rows.map((r) => r.li));
    list.append(frag);
    bySeq = new Map(rows.map((r) => [r.seq, r]));
    inTimeOrder = rows.every((r, i) => i === 0 || r.t >= rows[i - 1]!.t);
    filters.choices(a, channelsOf(rows), lang);
  };

  const followPlaying = whilePlaying(store, follow, 100);
  const unsubs = [
    () => followPlaying.stop(),
    watchWords(
      store,
      (s) => s.analysis,
      (a, s) => {
        build(a, s.lang);
        applyFilters(s.filters);
        follow();
      },
    ),
    watch(
      store,
      (s) => s.filters,
      (f) => {
        applyFilters(f);
        follow();
      },
    ),
    watch(
      store,
      (s) => s.selectedEntry,
      (seq) => {
        for (const r of rows) {
          const on = r.seq === seq;
          r.li.classList.toggle('selected', on);
          r.li.firstElementChild?.setAttribute('aria-pressed', String(on));
        }
        lastIndex = -2;
        follow();
      },
    ),
    // While playing, the highlight and the scroll follow the playhead ten times a second, not
    // every frame: each move makes the browser lay out the list (tens of thousands of entries in
    // a generated exercise).
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
