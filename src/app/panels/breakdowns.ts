/**
 * Breakdowns: each in plain words with its evidence; what changed after switching account or
 * procedure; the compliance scorecard; the facts and assumptions (facts.ts).
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { h, fill, keepInView, watch, type View } from '../dom';
import { breakdownClass, breakdownSummary, breakdownTag, clockOf, evidenceRows, shortName } from '../words';
import { renderFacts } from './facts';
import { createTabs, type TabSpec } from '../tabs';
import type { AppStore, RunChange } from '../store';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Switching procedure practice-2018 → jp-rok-2024: 5 breakdowns gone, 1 new" */
export function changeSentence(c: RunChange): string {
  if (!c.added.length && !c.gone.length) return `Switching ${c.what}: the same breakdowns`;
  return `Switching ${c.what}: ${plural(c.gone.length, 'breakdown')} gone, ${c.added.length} new`;
}

/** The rows under a breakdown's explanation: the norm, the cause of a violation, the evidence. */
export function breakdownEvidence(b: Breakdown): [string, string][] {
  const rows: [string, string][] = [];
  // The explanation already ends with the cause for ladder breakdowns and omissions.
  if (b.norm) rows.push(['Norm', b.norm]);
  if (b.kind === 'violation') rows.push(['Cause', b.cause]);
  rows.push(...evidenceRows(b.evidence));
  if (b.heardAs && !b.evidence?.heardAs) rows.push(['Heard as', `"${b.heardAs}"`]);
  return rows;
}

function ruleTitle(a: Analysis, qid: string | null): string {
  if (!qid) return '';
  const r = a.run.scenario.procedure.rules.find((x) => x.qid === qid);
  return r ? `${qid} — ${r.title}` : qid;
}

function kindLine(a: Analysis, b: Breakdown): string {
  switch (b.kind) {
    case 'ladder':
      return `ladder · ${breakdownSummary(b)} · ${shortName(a, b.unit)}${b.transmission ? ` · ${b.transmission}` : ''}`;
    case 'omission':
    case 'violation':
      return `${b.kind} · ${ruleTitle(a, b.rule)}`;
  }
}

function shortItem(a: Analysis, b: Breakdown): string {
  switch (b.kind) {
    case 'ladder':
      return `${b.id} at ${clockOf(a, b.t)}: ${b.transmission ?? ''} to ${shortName(a, b.unit)} ${breakdownSummary(b)}`;
    case 'omission':
    case 'violation':
      return `${b.id} at ${clockOf(a, b.t)}: ${b.kind} of ${b.rule} by ${shortName(a, b.unit)}`;
  }
}

/** The procedure's compliance, rule by rule, with its evidence. */
function renderScorecard(panel: HTMLElement, a: Analysis | null): void {
  panel.replaceChildren();
  if (!a) return;
  const p = a.run.scenario.procedure;
  panel.append(
    h('p', { class: 'muted' }, `Procedure ${p.id}: ${p.title}`),
    h(
      'table',
      { class: 'scorecard' },
      h('caption', { class: 'visually-hidden' }, `Compliance with ${p.id}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Rule and evidence'))),
      h(
        'tbody',
        {},
        a.compliance.map((c) =>
          h(
            'tr',
            { class: `status-${c.status}` },
            h('td', {}, h('span', { class: `chip status-${c.status}` }, c.status)),
            h(
              'td',
              {},
              h('div', { class: 'rule' }, h('code', {}, c.rule), ` — ${c.title}`),
              c.item ? h('div', { class: 'muted small' }, c.item) : null,
              h('div', { class: 'small' }, c.evidence),
            ),
          ),
        ),
      ),
    ),
  );
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
  const tabs = createTabs(
    'Findings',
    [{ id: 'breakdowns', label: 'Breakdowns' }, { id: 'scorecard', label: 'Scorecard' }, { id: 'facts', label: 'Facts' }, ...extraTabs],
    'breakdowns',
    onSelect,
  );
  const list = h('ol', { class: 'breakdown-list', 'aria-label': 'Breakdowns' });
  const none = h('p', { class: 'empty muted', hidden: true }, 'No breakdowns in this run: every call got as far as it needed, and no rule was broken.');
  tabs.panels.breakdowns!.append(none, list);
  root.append(change, tabs.root);
  const items = new Map<string, HTMLLIElement>();

  const renderList = (a: Analysis | null) => {
    list.replaceChildren();
    items.clear();
    if (!a) return;
    tabs.setLabel('breakdowns', `Breakdowns (${a.breakdowns.length})`);
    none.hidden = a.breakdowns.length > 0;
    for (const b of a.breakdowns) {
      const rows = breakdownEvidence(b);
      const pick = h(
        'button',
        { type: 'button', class: 'bd-head', 'aria-label': `${b.id} at ${clockOf(a, b.t)}: ${kindLine(a, b)}` },
        h('span', { class: `chip ${breakdownClass(b)}` }, breakdownTag(b)),
        h('span', { class: 'bd-id' }, b.id),
        h('span', { class: 'time' }, clockOf(a, b.t)),
      );
      pick.addEventListener('click', () => store.getState().selectBreakdown(b.id));
      const li = h(
        'li',
        { class: `breakdown ${breakdownClass(b)}`, 'data-breakdown': b.id },
        pick,
        h('p', { class: 'bd-kind muted' }, kindLine(a, b)),
        h('p', { class: 'bd-text' }, b.explanation),
        h(
          'dl',
          { class: 'evidence' },
          rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
        ),
      );
      li.addEventListener('click', (ev) => {
        if ((ev.target as HTMLElement).closest('button') !== pick) store.getState().selectBreakdown(b.id);
      });
      items.set(b.id, li);
      list.append(li);
    }
  };

  const renderChange = (c: RunChange | null, a: Analysis | null) => {
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
              bs.map((b) => h('li', {}, shortItem(a!, b))),
            ),
          )
        : null;
    const parts = a ? [section('Gone', c.gone, 'gone'), section('New', c.added, 'added')].filter(Boolean) : [];
    fill(
      change,
      parts.length
        ? h('details', { open: true }, h('summary', { class: 'change-what' }, changeSentence(c)), parts)
        : h('p', { class: 'change-what' }, changeSentence(c)),
    );
  };

  const unsubs = [
    watch(
      store,
      (s) => s.analysis,
      (a) => {
        renderList(a);
        renderScorecard(tabs.panels.scorecard!, a);
        renderFacts(tabs.panels.facts!, a);
      },
    ),
    watch(
      store,
      (s) => s.lastChange,
      (c, s) => renderChange(c, s.analysis),
    ),
    watch(
      store,
      (s) => [s.selectedBreakdown, s.analysis] as const,
      ([id]) => {
        for (const [bid, li] of items) {
          const on = bid === id;
          li.classList.toggle('selected', on);
          if (on) li.setAttribute('aria-current', 'true');
          else li.removeAttribute('aria-current');
        }
        const li = id ? items.get(id) : undefined;
        if (li) {
          tabs.select('breakdowns');
          keepInView(tabs.panels.breakdowns!, li);
        }
      },
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
    watch(
      store,
      (s) => s.t,
      (t, s) => {
        if (!s.analysis) return;
        for (const b of s.analysis.breakdowns) items.get(b.id)?.classList.toggle('future', b.t > t + 1e-6);
      },
    ),
  ];
  return { panels: tabs.panels, destroy: () => unsubs.forEach((u) => u()) };
}
