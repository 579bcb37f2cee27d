/**
 * The findings list's bar: show one kind of breakdown (a ladder stage, omissions, violations) or
 * one call, and group the list by kind or by call, each choice with its count. The choices live in
 * the store (a shared link keeps them); this draws them and the groups' headings.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { t, type Lang } from '../../i18n';
import { h } from '../dom';
import type { AppStore } from '../store';
import { breakdownKindWord, clockOf, shortName, stageWord } from '../words';
import { counts, NO_CALL, stageOf, transmissionOf, type BreakdownFilter, type BreakdownGrouping } from './breakdown-groups';

/** A kind key in the reader's words: "stopped at heard", "omission", "violation". */
export function kindWords(kind: string, lang: Lang): string {
  const stage = stageOf(kind);
  if (stage) return t(lang, 'app.bd.filter.stopped-at', { stage: stageWord(stage, lang) });
  return kind === 'omission' || kind === 'violation' || kind === 'ladder' ? breakdownKindWord({ kind: kind as Breakdown['kind'] }, lang) : kind;
}

/** A call key in the reader's words: "tx-2 at 15:03:05: JMSDF P-1 → Gwanggaeto the Great, 121.5". */
export function callWords(a: Analysis, call: string, lang: Lang): string {
  if (call === NO_CALL) return t(lang, 'app.bd.filter.no-call');
  const tx = transmissionOf(a, call);
  if (!tx) return call;
  return t(lang, 'app.bd.filter.call-label', {
    tx: tx.id,
    time: clockOf(a, tx.t),
    from: shortName(a, tx.from, lang),
    to: shortName(a, tx.to, lang),
    channel: tx.channel,
  });
}

/** A group's heading with its count. */
export function groupHeading(a: Analysis, by: BreakdownGrouping, key: string, n: number, lang: Lang): string {
  const label = by === 'call' ? callWords(a, key, lang) : kindWords(key, lang);
  return t(lang, 'app.bd.group.heading', { label, n });
}

function select(id: string, label: string, options: [value: string, words: string][], value: string, onChange: (v: string) => void): HTMLElement {
  const el = h('select', { id });
  for (const [v, words] of options) el.append(h('option', { value: v }, words));
  // A value the run does not have (a link made on another run) stays shown, so the choice can be undone.
  if (!options.some(([v]) => v === value)) el.append(h('option', { value }, value));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return h('label', { class: 'bd-filter-field' }, h('span', {}, label), el);
}

const ALL = '';

/** The bar above the list, drawn again with each run, language or choice. */
export function filterBar(store: AppStore, a: Analysis, f: BreakdownFilter, shown: number, lang: Lang): HTMLElement {
  const bs: readonly Breakdown[] = a.breakdowns;
  const set = (patch: Partial<BreakdownFilter>) => store.getState().setBreakdownFilter(patch);
  const option = (label: string, n: number): string => t(lang, 'app.bd.filter.option', { label, n });
  const kinds = counts(bs, 'kind').map((g): [string, string] => [g.key, option(kindWords(g.key, lang), g.breakdowns.length)]);
  const calls = counts(bs, 'call').map((g): [string, string] => [g.key, option(callWords(a, g.key, lang), g.breakdowns.length)]);
  const filteredOut = f.kind !== null || f.call !== null;
  const clear = h('button', { type: 'button', class: 'bd-filter-clear', hidden: !filteredOut }, t(lang, 'app.bd.filter.clear'));
  clear.addEventListener('click', () => set({ kind: null, call: null }));
  return h(
    'div',
    { class: 'bd-filter', role: 'group', 'aria-label': t(lang, 'app.bd.filter.bar') },
    select('bd-kind', t(lang, 'app.bd.filter.kind'), [[ALL, t(lang, 'app.bd.filter.all-kinds', { n: bs.length })], ...kinds], f.kind ?? ALL, (v) =>
      set({ kind: v === ALL ? null : v }),
    ),
    select('bd-call', t(lang, 'app.bd.filter.call'), [[ALL, t(lang, 'app.bd.filter.all-calls', { n: bs.length })], ...calls], f.call ?? ALL, (v) =>
      set({ call: v === ALL ? null : v }),
    ),
    select(
      'bd-group',
      t(lang, 'app.bd.filter.group'),
      (['none', 'kind', 'call'] as const).map((g): [string, string] => [g, t(lang, `app.bd.group.${g}`)]),
      f.group,
      (v) => set({ group: v as BreakdownGrouping }),
    ),
    h('span', { class: 'bd-filter-shown muted', role: 'status' }, filteredOut ? t(lang, 'app.bd.filter.shown', { shown, total: bs.length }) : ''),
    clear,
  );
}
