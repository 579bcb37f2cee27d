/**
 * Breakdowns: each in plain words with its evidence; what changed after switching account or
 * procedure; the compliance scorecard; the facts and assumptions (facts.ts).
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { isExplanation } from '../../core/explain';
import { say, t, type Lang } from '../../i18n';
import { h, fill, keepInView, watch, watchWords, type View } from '../dom';
import { breakdownClass, breakdownKindWord, breakdownSummary, breakdownTag, clockOf, evidenceRows, shortName } from '../words';
import { sayContext } from '../i18n';
import { renderFacts } from './facts';
import { grouped, type BreakdownGrouping, type Group } from './breakdown-groups';
import { filterBar, groupHeading } from './breakdown-filter';
import { createStoreTabs, type TabSpec } from '../tabs';
import { DEFAULT_TABS, drillPaused, type AppStore, type AppState, type RunChange } from '../store';

/** "Switching procedure practice-2018 → jp-rok-2024: 5 breakdowns gone, 1 new" */
export function changeSentence(c: RunChange, lang: Lang = 'en'): string {
  const sw = c.switched;
  const none = t(lang, 'app.change.what.none');
  const what = t(lang, `app.change.what.${sw.field}`, { from: sw.from ?? none, to: sw.to ?? none });
  if (!c.added.length && !c.gone.length) return t(lang, 'app.change.same', { what });
  return t(lang, 'app.change.counts', { what, gone: c.gone.length, added: c.added.length });
}

/** A breakdown's explanation in the reader's language: from its data when the core gave it, else the core's English. */
export function breakdownText(a: Analysis | null, b: Breakdown, lang: Lang = 'en'): string {
  return b.why ? say(lang, b.why, sayContext(a)) : b.explanation;
}

/** A violation's cause: the explanation's nested cause when the core gave it as data, else the core's English. */
function violationCause(a: Analysis | null, b: Breakdown, lang: Lang): string {
  const cause = b.causeWhy ?? b.why?.params.cause;
  return isExplanation(cause) ? say(lang, cause, sayContext(a)) : b.cause;
}

/** The rows under a breakdown's explanation: the norm, the cause of a violation, the evidence. */
export function breakdownEvidence(b: Breakdown, lang: Lang = 'en', a: Analysis | null = null): [string, string][] {
  const rows: [string, string][] = [];
  // The explanation already ends with the cause for ladder breakdowns and omissions.
  if (b.norm) rows.push([t(lang, 'app.bd.norm'), b.norm]);
  if (b.kind === 'violation') rows.push([t(lang, 'app.bd.cause'), violationCause(a, b, lang)]);
  rows.push(...evidenceRows(b.evidence, lang));
  if (b.heardAs && !b.evidence?.heardAs) rows.push([t(lang, 'app.ev.heard-as'), t(lang, 'app.quote', { text: b.heardAs })]);
  return rows;
}

function ruleTitle(a: Analysis, qid: string | null): string {
  if (!qid) return '';
  const r = a.run.scenario.procedure.rules.find((x) => x.qid === qid);
  return r ? `${qid} — ${r.title}` : qid;
}

function kindLine(a: Analysis, b: Breakdown, lang: Lang): string {
  switch (b.kind) {
    case 'ladder': {
      const params = { summary: breakdownSummary(b, lang), unit: shortName(a, b.unit, lang) };
      return b.transmission ? t(lang, 'app.bd.line.ladder-tx', { ...params, tx: b.transmission }) : t(lang, 'app.bd.line.ladder', params);
    }
    case 'omission':
    case 'violation':
      return t(lang, 'app.bd.line.rule', { kind: breakdownKindWord(b, lang), rule: ruleTitle(a, b.rule) });
  }
}

function shortItem(a: Analysis, b: Breakdown, lang: Lang): string {
  const at = { id: b.id, time: clockOf(a, b.t), unit: shortName(a, b.unit, lang) };
  switch (b.kind) {
    case 'ladder':
      return t(lang, 'app.bd.item.ladder', { ...at, tx: b.transmission ?? '', summary: breakdownSummary(b, lang) });
    case 'omission':
    case 'violation':
      return t(lang, 'app.bd.item.rule', { ...at, kind: breakdownKindWord(b, lang), rule: b.rule ?? '' });
  }
}

/** The procedure's compliance, rule by rule, with its evidence. */
function renderScorecard(panel: HTMLElement, a: Analysis | null, lang: Lang): void {
  panel.replaceChildren();
  if (!a) return;
  const p = a.run.scenario.procedure;
  panel.append(
    h('p', { class: 'muted' }, t(lang, 'app.score.procedure', { id: p.id, title: p.title })),
    h(
      'table',
      { class: 'scorecard' },
      h('caption', { class: 'visually-hidden' }, t(lang, 'app.score.caption', { id: p.id })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, 'app.score.status')), h('th', { scope: 'col' }, t(lang, 'app.score.rule')))),
      h(
        'tbody',
        {},
        a.compliance.map((c) =>
          h(
            'tr',
            { class: `status-${c.status}` },
            h('td', {}, h('span', { class: `chip status-${c.status}` }, t(lang, `app.score.${c.status}`))),
            h(
              'td',
              {},
              h('div', { class: 'rule' }, h('code', {}, c.rule), ` — ${c.title}`),
              c.item ? h('div', { class: 'muted small' }, c.item) : null,
              h('div', { class: 'small' }, c.why ? say(lang, c.why, sayContext(a)) : c.evidence),
            ),
          ),
        ),
      ),
    ),
  );
}

/** One breakdown's card: its head (a button that picks it), kind line, plain words and evidence; a click anywhere selects it. */
function breakdownCard(store: AppStore, a: Analysis, b: Breakdown, lang: Lang): HTMLLIElement {
  const rows = breakdownEvidence(b, lang, a);
  // Named by the words it shows (tag, id, time), so speech input can say what it sees; the
  // kind line under it describes it.
  const lineId = `bd-line-${b.id}`;
  const pick = h(
    'button',
    { type: 'button', class: 'bd-head', 'aria-describedby': lineId },
    // Spaces between the parts (a flex box draws none) so the name reads as words.
    h('span', { class: `chip ${breakdownClass(b)}` }, breakdownTag(b, lang)),
    ' ',
    h('span', { class: 'bd-id' }, b.id),
    ' ',
    h('span', { class: 'time' }, clockOf(a, b.t)),
  );
  pick.addEventListener('click', () => store.getState().selectBreakdown(b.id));
  const li = h(
    'li',
    { class: `breakdown ${breakdownClass(b)}`, 'data-breakdown': b.id },
    pick,
    h('p', { class: 'bd-kind muted', id: lineId }, kindLine(a, b, lang)),
    h('p', { class: 'bd-text' }, breakdownText(a, b, lang)),
    h(
      'dl',
      { class: 'evidence' },
      rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
  );
  li.addEventListener('click', (ev) => {
    if ((ev.target as HTMLElement).closest('button') !== pick) store.getState().selectBreakdown(b.id);
  });
  return li;
}

/** A group of the list: its heading (the kind or the call, and how many) over its cards. */
function groupSection(a: Analysis, by: BreakdownGrouping, g: Group, lang: Lang, card: (a: Analysis, b: Breakdown, lang: Lang) => HTMLLIElement): HTMLElement {
  const heading = groupHeading(a, by, g.key, g.breakdowns.length, lang);
  return h(
    'section',
    { class: 'bd-group', 'data-group': g.key },
    h('h3', { class: 'bd-group-head' }, heading),
    h(
      'ol',
      { class: 'breakdown-list', 'aria-label': heading },
      g.breakdowns.map((b) => card(a, b, lang)),
    ),
  );
}

/** The picked breakdown's card is marked (and said to be current). */
function markSelected(items: Map<string, HTMLLIElement>, id: string | null): void {
  for (const [bid, li] of items) {
    const on = bid === id;
    li.classList.toggle('selected', on);
    if (on) li.setAttribute('aria-current', 'true');
    else li.removeAttribute('aria-current');
  }
}

/** Breakdowns after the playhead are dimmed: they have not happened yet. */
function markFuture(items: Map<string, HTMLLIElement>, s: AppState): void {
  if (!s.analysis) return;
  for (const b of s.analysis.breakdowns) items.get(b.id)?.classList.toggle('future', b.t > s.t + 1e-6);
}

/**
 * `extraTabs` adds tabs after Facts (e.g. Triggers); their panels are returned for mounting, and
 * `onSelect` hears which tab is shown (to mount an extra tab's view on first show).
 */
export function mountBreakdowns(
  root: HTMLElement,
  store: AppStore,
  extraTabs: TabSpec[] = [],
  onSelect?: (id: string) => void,
): View & { panels: Record<string, HTMLElement> } {
  const change = h('div', { class: 'change', role: 'status', 'aria-live': 'polite' });
  const tabs = createStoreTabs(
    store,
    'findings',
    'Findings',
    [{ id: 'breakdowns', label: 'Breakdowns' }, { id: 'scorecard', label: 'Scorecard' }, { id: 'facts', label: 'Facts' }, ...extraTabs],
    DEFAULT_TABS.findings,
    onSelect,
  );
  const bar = h('div', { class: 'bd-filter-bar' });
  const list = h('ol', { class: 'breakdown-list' });
  const groups = h('div', { class: 'bd-groups', hidden: true });
  const none = h('p', { class: 'empty muted', hidden: true });
  const noneMatch = h('p', { class: 'empty muted bd-none-match', hidden: true });
  tabs.panels.breakdowns!.append(none, bar, noneMatch, list, groups);
  root.append(change, tabs.root);
  const items = new Map<string, HTMLLIElement>();

  const card = (a: Analysis, b: Breakdown, lang: Lang): HTMLLIElement => {
    const li = breakdownCard(store, a, b, lang);
    items.set(b.id, li);
    return li;
  };

  const renderList = (a: Analysis | null, s: AppState) => {
    const lang = s.lang;
    // A drill run stopped at the student's decision is not a whole run: its count is "so far" and
    // an empty list does not mean that nothing broke down.
    const paused = drillPaused(s);
    list.replaceChildren();
    groups.replaceChildren();
    bar.replaceChildren();
    items.clear();
    tabs.setName(t(lang, 'app.layout.findings'));
    tabs.setLabel(
      'breakdowns',
      a ? t(lang, paused ? 'app-tools.drill.breakdowns-so-far' : 'app.tab.breakdowns-n', { n: a.breakdowns.length }) : t(lang, 'app.tab.breakdowns'),
    );
    tabs.setLabel('scorecard', t(lang, 'app.tab.scorecard'));
    tabs.setLabel('facts', t(lang, 'app.tab.facts'));
    for (const x of extraTabs) if (x.code) tabs.setLabel(x.id, t(lang, x.code));
    list.setAttribute('aria-label', t(lang, 'app.tab.breakdowns'));
    none.textContent = t(lang, paused ? 'app-tools.drill.findings-paused' : 'app.bd.none');
    if (!a) return;
    none.hidden = a.breakdowns.length > 0;
    const f = s.breakdownFilter;
    const shown = grouped(a.breakdowns, f);
    const n = shown.reduce((k, g) => k + g.breakdowns.length, 0);
    // The bar only where there is something to sort: a run without breakdowns says so and no more.
    bar.hidden = a.breakdowns.length === 0;
    if (a.breakdowns.length) bar.append(filterBar(store, a, f, n, lang));
    noneMatch.hidden = !(a.breakdowns.length && n === 0);
    noneMatch.textContent = t(lang, 'app.bd.filter.none-match');
    if (f.group === 'none') {
      for (const b of shown[0]!.breakdowns) list.append(card(a, b, lang));
      groups.hidden = true;
      list.hidden = false;
      return;
    }
    list.hidden = true;
    groups.hidden = false;
    groups.append(...shown.map((g) => groupSection(a, f.group, g, lang, card)));
  };

  const renderChange = (c: RunChange | null, a: Analysis | null, lang: Lang) => {
    change.hidden = !c;
    if (!c) {
      change.replaceChildren();
      return;
    }
    const section = (title: string, bs: Breakdown[], cls: string) =>
      bs.length
        ? h(
            'div',
            { class: `change-part ${cls}` },
            h('h3', {}, title),
            h(
              'ul',
              {},
              bs.map((b) => h('li', {}, shortItem(a!, b, lang))),
            ),
          )
        : null;
    const parts = a ? [section(t(lang, 'app.change.gone'), c.gone, 'gone'), section(t(lang, 'app.change.new'), c.added, 'added')].filter(Boolean) : [];
    fill(
      change,
      parts.length
        ? h('details', { open: true }, h('summary', { class: 'change-what' }, changeSentence(c, lang)), parts)
        : h('p', { class: 'change-what' }, changeSentence(c, lang)),
    );
  };

  // A breakdown picked now shows its tab; one already picked when this view mounts (a shared link)
  // leaves open the tab the link names.
  let shownPick: string | null = store.getState().selectedBreakdown;
  const unsubs = [
    tabs.destroy,
    watchWords(
      store,
      (s) => s.analysis,
      (a, s) => {
        renderScorecard(tabs.panels.scorecard!, a, s.lang);
        renderFacts(tabs.panels.facts!, a, s.lang);
      },
    ),
    watchWords(
      store,
      (s) => [s.analysis, s.breakdownFilter] as const,
      ([a], s) => {
        renderList(a, s);
        markSelected(items, s.selectedBreakdown);
        markFuture(items, s);
      },
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
    watchWords(
      store,
      (s) => s.lastChange,
      (c, s) => renderChange(c, s.analysis, s.lang),
    ),
    watch(
      store,
      (s) => [s.selectedBreakdown, s.analysis, s.lang] as const,
      ([id]) => {
        markSelected(items, id);
        const li = id ? items.get(id) : undefined;
        const picked = id !== shownPick;
        shownPick = id;
        if (li) {
          if (picked) tabs.select('breakdowns');
          keepInView(tabs.panels.breakdowns!, li);
        }
      },
      (x, y) => x[0] === y[0] && x[1] === y[1] && x[2] === y[2],
    ),
    watch(
      store,
      (s) => [s.t, s.lang] as const,
      (_, s) => markFuture(items, s),
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
  ];
  return { panels: tabs.panels, destroy: () => unsubs.forEach((u) => u()) };
}
