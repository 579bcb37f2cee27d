/**
 * The Facts tab: what every account agrees on, each disputed fact with its value under the account
 * on screen (marked where the account does not state it and the scenario had to), and every value
 * the run uses that no source gives. Read from the core's grounds of the run, never from text.
 */
import type { Analysis } from '../../core/analysis/report';
import { groundsOf, type Assumption, type DisputedFact, type Grounds } from '../../core/analysis/assumptions';
import { h } from '../dom';
import { factValue } from '../words';
import { t, type Lang } from '../../i18n';
import { sourceLinks } from './source-links';
import { assumptionLabel, assumptionWhy } from '../../core/format/grounds';

/** The chip naming where an assumption's value comes from. */
const originChip = (origin: Assumption['origin'], lang: Lang) => t(lang, `app.facts.origin.${origin}`);

function agreedList(g: Grounds, lang: Lang): HTMLElement {
  if (!g.agreed.length) return h('p', { class: 'muted small' }, t(lang, 'app.facts.none-agreed'));
  return h(
    'ul',
    { class: 'facts', 'aria-label': t(lang, 'app.facts.agreed-list') },
    g.agreed.map((f) =>
      h(
        'li',
        { class: 'fact agreed', 'data-fact': f.id },
        h('p', { class: 'fact-q' }, f.statement),
        h('dl', { class: 'evidence' }, h('dt', {}, t(lang, 'app.facts.sources')), h('dd', {}, f.sources.length ? sourceLinks(f.sources) : '—')),
        f.note ? h('p', { class: 'small muted' }, f.note) : null,
      ),
    ),
  );
}

function disputedItem(g: Grounds, f: DisputedFact, lang: Lang): HTMLElement {
  const me = g.account ?? 'default';
  // The scenario's own value (no account) is keyed `default`; it is worded, not shown as the key.
  const named = (k: string) => (k === 'default' ? t(lang, 'analysis.facts.default-account') : k);
  const others = Object.entries(f.values).filter(([k]) => k !== me);
  return h(
    'li',
    { class: `fact${f.assumed ? ' assumed' : ''}`, 'data-fact': f.id },
    h('p', { class: 'fact-q' }, f.row ? h('span', { class: 'chip' }, f.row) : null, ' ', f.question),
    h(
      'dl',
      { class: 'evidence' },
      h('dt', {}, t(lang, 'app.facts.value-under', { account: named(me) })),
      h('dd', { class: 'fact-value', translate: 'no' }, factValue(f.value, lang)),
      f.assumed ? [h('dt', {}, t(lang, 'app.facts.assumption')), h('dd', { class: 'fact-assumed' }, f.assumed.trim())] : null,
      others.map(([k, v]) => [
        h('dt', {}, t(lang, 'app.facts.account', { account: named(k) })),
        h('dd', {}, h('span', { translate: 'no' }, factValue(v, lang)), f.assumedIn[k] ? t(lang, 'app.facts.assumed-mark') : ''),
      ]),
      Object.entries(f.sources).map(([k, v]) => [h('dt', {}, t(lang, 'app.facts.sources-of', { account: named(k) })), h('dd', {}, sourceLinks(v))]),
    ),
    f.note ? h('p', { class: 'small muted' }, f.note) : null,
  );
}

function assumptionsTable(g: Grounds, lang: Lang): HTMLElement {
  if (!g.assumptions.length) return h('p', { class: 'muted small' }, t(lang, 'app.facts.no-assumptions'));
  return h(
    'table',
    { class: 'assumptions' },
    h('caption', { class: 'visually-hidden' }, t(lang, 'app.facts.assumptions-caption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t(lang, 'app.facts.assumption')),
        h('th', { scope: 'col' }, t(lang, 'app.facts.value')),
        h('th', { scope: 'col' }, t(lang, 'app.facts.what-why')),
      ),
    ),
    h(
      'tbody',
      {},
      g.assumptions.map((x) =>
        h(
          'tr',
          { 'data-assumption': x.id },
          h('th', { scope: 'row' }, h('code', {}, x.id), ' ', h('span', { class: 'chip' }, originChip(x.origin, lang))),
          h('td', { translate: 'no' }, `${factValue(x.value, lang)}${x.unit ? ` ${x.unit}` : ''}`),
          h(
            'td',
            {},
            h('div', {}, assumptionLabel(x, lang).trim()),
            h('div', { class: 'small muted' }, assumptionWhy(x, lang).trim()),
            x.sources.length ? h('div', { class: 'small muted' }, t(lang, 'app.facts.sources-colon'), sourceLinks(x.sources)) : null,
          ),
        ),
      ),
    ),
  );
}

/** Fills the Facts tab for the run on screen. */
export function renderFacts(panel: HTMLElement, a: Analysis | null, lang: Lang = 'en'): void {
  panel.replaceChildren();
  if (!a) return;
  const sc = a.run.scenario;
  const g = groundsOf(a);
  const accounts = sc.spec.accounts ?? {};
  panel.append(
    h(
      'p',
      { class: 'muted' },
      sc.account ? t(lang, 'app.facts.under', { account: sc.account, title: accounts[sc.account]?.title ?? '' }) : t(lang, 'app.facts.no-account'),
    ),
  );
  panel.append(h('h3', {}, t(lang, 'app.facts.agreed')), agreedList(g, lang));
  panel.append(
    h('h3', {}, t(lang, 'app.facts.disputed')),
    g.disputed.length
      ? h(
          'ul',
          { class: 'facts', 'aria-label': t(lang, 'app.facts.disputed-list') },
          g.disputed.map((f) => disputedItem(g, f, lang)),
        )
      : h('p', { class: 'muted small' }, t(lang, 'app.facts.no-disputed')),
  );
  panel.append(h('h3', {}, t(lang, 'app.facts.assumptions')), assumptionsTable(g, lang));
}
