/**
 * The Facts tab: what every account agrees on, each disputed fact with its value under the account
 * on screen (marked where the account does not state it and the scenario had to), and every value
 * the run uses that no source gives. Read from the core's grounds of the run, never from text.
 */
import type { Analysis } from '../../core/analysis/report';
import { groundsOf, type Assumption, type DisputedFact, type Grounds } from '../../core/analysis/assumptions';
import { h } from '../dom';
import { factValue } from '../words';
import { sourceLinks } from './source-links';

const ORIGIN_CHIP: Record<Assumption['origin'], string> = { scenario: 'scenario', fact: 'account', procedure: 'procedure', model: 'model' };

function agreedList(g: Grounds): HTMLElement {
  if (!g.agreed.length) return h('p', { class: 'muted small' }, 'None listed in the scenario.');
  return h(
    'ul',
    { class: 'facts', 'aria-label': 'Agreed facts' },
    g.agreed.map((f) =>
      h(
        'li',
        { class: 'fact agreed', 'data-fact': f.id },
        h('p', { class: 'fact-q' }, f.statement),
        h('dl', { class: 'evidence' }, h('dt', {}, 'Sources'), h('dd', {}, f.sources.length ? sourceLinks(f.sources) : '—')),
        f.note ? h('p', { class: 'small muted' }, f.note) : null,
      ),
    ),
  );
}

function disputedItem(g: Grounds, f: DisputedFact): HTMLElement {
  const me = g.account ?? 'default';
  const others = Object.entries(f.values).filter(([k]) => k !== me);
  return h(
    'li',
    { class: `fact${f.assumed ? ' assumed' : ''}`, 'data-fact': f.id },
    h('p', { class: 'fact-q' }, f.row ? h('span', { class: 'chip' }, f.row) : null, ' ', f.question),
    h(
      'dl',
      { class: 'evidence' },
      h('dt', {}, `Value (${me})`),
      h('dd', { class: 'fact-value' }, factValue(f.value)),
      f.assumed ? [h('dt', {}, 'Assumption'), h('dd', { class: 'fact-assumed' }, f.assumed.trim())] : null,
      others.map(([k, v]) => [h('dt', {}, `Account ${k}`), h('dd', {}, factValue(v), f.assumedIn[k] ? ' (assumption)' : '')]),
      Object.entries(f.sources).map(([k, v]) => [h('dt', {}, `Sources (${k})`), h('dd', {}, sourceLinks(v))]),
    ),
    f.note ? h('p', { class: 'small muted' }, f.note) : null,
  );
}

function assumptionsTable(g: Grounds): HTMLElement {
  if (!g.assumptions.length) return h('p', { class: 'muted small' }, 'None: every value this run uses has a source.');
  return h(
    'table',
    { class: 'assumptions' },
    h('caption', { class: 'visually-hidden' }, 'Assumptions of this run'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Assumption'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'What and why'))),
    h(
      'tbody',
      {},
      g.assumptions.map((x) =>
        h(
          'tr',
          { 'data-assumption': x.id },
          h('th', { scope: 'row' }, h('code', {}, x.id), ' ', h('span', { class: 'chip' }, ORIGIN_CHIP[x.origin])),
          h('td', {}, `${factValue(x.value)}${x.unit ? ` ${x.unit}` : ''}`),
          h(
            'td',
            {},
            h('div', {}, x.label.trim()),
            h('div', { class: 'small muted' }, x.why.trim()),
            x.sources.length ? h('div', { class: 'small muted' }, 'Sources: ', sourceLinks(x.sources)) : null,
          ),
        ),
      ),
    ),
  );
}

/** Fills the Facts tab for the run on screen. */
export function renderFacts(panel: HTMLElement, a: Analysis | null): void {
  panel.replaceChildren();
  if (!a) return;
  const sc = a.run.scenario;
  const g = groundsOf(a);
  const accounts = sc.spec.accounts ?? {};
  panel.append(h('p', { class: 'muted' }, sc.account ? `Under account ${sc.account}: ${accounts[sc.account]?.title ?? ''}` : 'No account chosen.'));
  panel.append(h('h3', {}, 'Agreed by every account'), agreedList(g));
  panel.append(
    h('h3', {}, 'Disputed'),
    g.disputed.length
      ? h(
          'ul',
          { class: 'facts', 'aria-label': 'Disputed facts' },
          g.disputed.map((f) => disputedItem(g, f)),
        )
      : h('p', { class: 'muted small' }, 'This scenario has no disputed facts.'),
  );
  panel.append(h('h3', {}, 'Assumptions'), assumptionsTable(g));
}
