/**
 * Compare tab: side A is the run on screen, side B the same scenario under another account
 * and/or procedure (same seed). Shows the facts the accounts give differently and the rows the
 * scenario does not model, where the logs first part, the findings in both accounts, only in A
 * and only in B with the disputed facts each rests on, the passes the sides judge differently,
 * and the calls whose stage differs.
 * Every time is a button that seeks the one shared playhead; both columns follow it. The store
 * runs side B (runComparison) and again whenever A changes; compare-model.ts says what to show.
 */
import { shippedProcedures } from '../catalog';
import { h, fill, watch, type View } from '../dom';
import type { AppStore } from '../store';
import { accountChoice, compareModel, compareStatus, sayingAt, type BreakdownRow, type CallRow, type Column, type SeekTarget } from './compare-model';
import { currentComparison } from './state';
import { wordsOf } from '../said';

const say = (store: AppStore, name: string, params?: Parameters<ReturnType<typeof wordsOf>>[1]) => wordsOf(store)(`app-tools.compare.${name}`, params);

/** Rows that carry a time, marked against the playhead, and the two "at the playhead" lines. */
interface Drawn {
  timed: { el: HTMLElement; t: number }[];
  now: { A?: HTMLElement; B?: HTMLElement };
}

function seekButton(store: AppStore, target: SeekTarget): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link-like time seek', title: say(store, 'seek-title'), 'aria-label': target.label }, target.clock);
  b.addEventListener('click', () => (target.select ? store.getState().selectBreakdown(target.select) : store.getState().seek(target.t)));
  return b;
}

/** "common ground" or the disputed facts a finding rests on, each named by its question. */
function groundsLine(store: AppStore, row: BreakdownRow): HTMLElement | string {
  if (row.grounds === null || row.restsOn === null) return '';
  const common = row.restsOn.length === 0;
  return h(
    'p',
    { class: `cmp-grounds ${common ? 'common' : 'disputed'}` },
    h('span', { class: 'chip' }, say(store, common ? 'no-disputed-fact' : 'rests-on-disputed')),
    ' ',
    row.grounds,
    common
      ? ''
      : h(
          'ul',
          { class: 'cmp-rests', 'aria-label': say(store, 'rests-on') },
          row.restsOn.map((f) => h('li', {}, h('code', {}, f.id), ' ', f.question)),
        ),
  );
}

function breakdownItem(store: AppStore, drawn: Drawn, row: BreakdownRow, withExplanation: boolean): HTMLLIElement {
  const li = h(
    'li',
    { class: `cmp-bd ${row.cls}` },
    seekButton(store, row.seek),
    h('span', { class: `chip ${row.cls}` }, row.chip),
    ' ',
    withExplanation ? h('span', {}, row.text) : row.text,
    withExplanation ? h('p', { class: 'muted cmp-expl' }, row.explanation) : row.underB ? h('span', { class: 'muted' }, row.underB) : '',
    groundsLine(store, row),
  );
  drawn.timed.push({ el: li, t: row.seek.t });
  return li;
}

function column(store: AppStore, drawn: Drawn, col: Column): HTMLElement {
  const now = h('p', { class: 'cmp-now' });
  drawn.now[col.side] = now;
  const id = `cmp-only-${col.side}`;
  return h(
    'section',
    { class: `cmp-col cmp-${col.side.toLowerCase()}`, 'aria-label': say(store, 'side-label', { side: col.side, label: col.label }) },
    h('h4', {}, h('span', { class: 'cmp-side' }, col.side), ' ', col.label),
    h('p', { class: 'muted' }, col.totals),
    now,
    h('h5', { id }, say(store, 'only-in', { side: col.side, n: col.rows.length })),
    col.rows.length
      ? h(
          'ul',
          { class: 'cmp-list', 'aria-labelledby': id },
          col.rows.map((r) => breakdownItem(store, drawn, r, true)),
        )
      : h('p', { class: 'muted' }, say(store, 'none')),
  );
}

function callsTable(store: AppStore, drawn: Drawn, calls: CallRow[]): HTMLElement {
  if (!calls.length) return h('p', { class: 'muted' }, say(store, 'calls-same'));
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, say(store, 'time')),
    h('th', { scope: 'col' }, say(store, 'call')),
    h('th', { scope: 'col' }, 'A'),
    h('th', { scope: 'col' }, 'B'),
  );
  const rows = calls.map((d) => {
    const tr = h(
      'tr',
      {},
      h('td', {}, seekButton(store, d.seek)),
      h('th', { scope: 'row' }, d.words, d.forWhom),
      h('td', { class: d.a.ok ? 'right' : 'wrong' }, d.a.text),
      h('td', { class: d.b.ok ? 'right' : 'wrong' }, d.b.text),
    );
    drawn.timed.push({ el: tr, t: d.seek.t });
    return tr;
  });
  return h('table', { class: 'cmp-table', 'aria-label': say(store, 'calls-differ') }, h('thead', {}, head), h('tbody', {}, rows));
}

/** Draws one comparison into `out`; returns what follows the playhead. */
function drawComparison(out: HTMLElement, store: AppStore, m: ReturnType<typeof compareModel>): Drawn {
  const drawn: Drawn = { timed: [], now: {} };
  const facts = m.facts.length
    ? h(
        'table',
        { class: 'cmp-table', 'aria-labelledby': 'cmp-facts' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, say(store, 'disputed-fact')),
            h('th', { scope: 'col' }, say(store, 'row')),
            h('th', { scope: 'col' }, 'A'),
            h('th', { scope: 'col' }, 'B'),
          ),
        ),
        h(
          'tbody',
          {},
          m.facts.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.question), h('td', {}, f.row), h('td', {}, f.a), h('td', {}, f.b))),
        ),
      )
    : '';
  const notModelled = m.notModelled.length
    ? h(
        'ul',
        { class: 'cmp-list', 'aria-labelledby': 'cmp-not-modelled' },
        m.notModelled.map((r) => h('li', {}, h('strong', {}, r.row), ': ', r.reason)),
      )
    : '';
  const verdicts = m.verdicts.length
    ? [
        h('h5', { id: 'cmp-verdicts' }, m.verdictsHeading),
        h(
          'ul',
          { class: 'cmp-list', 'aria-labelledby': 'cmp-verdicts' },
          m.verdicts.map((v) => {
            const li = h('li', {}, seekButton(store, v.seek), ' ', v.pass, h('p', { class: 'cmp-verdict' }, v.a), h('p', { class: 'cmp-verdict' }, v.b));
            drawn.timed.push({ el: li, t: v.seek.t });
            return li;
          }),
        ),
      ]
    : [];
  const d = m.divergence;
  const divergence = d
    ? h(
        'div',
        { class: 'cmp-div' },
        h('p', {}, say(store, 'runs-part'), seekButton(store, d.seek), d.offset),
        h('dl', { class: 'cmp-says' }, h('dt', {}, 'A'), h('dd', {}, d.aSays), h('dt', {}, 'B'), h('dd', {}, d.bSays)),
      )
    : h('p', { class: 'muted' }, say(store, 'nowhere'));
  if (d) drawn.timed.push({ el: divergence, t: d.seek.t });
  const onlyCalls = m.onlyCalls.map(({ side, calls }) =>
    h(
      'p',
      { class: 'muted' },
      say(store, 'only-calls', { side }),
      calls.map((r, i) => [i ? say(store, 'sep') : '', seekButton(store, r.seek), ' ', r.words]),
    ),
  );
  fill(
    out,
    h('h5', { id: 'cmp-facts' }, m.factsHeading),
    facts,
    m.factsAlike ? h('p', { class: 'muted' }, m.factsAlike) : '',
    h('h5', { id: 'cmp-not-modelled' }, m.notModelledHeading),
    notModelled,
    h('h5', {}, say(store, 'first-divergence')),
    divergence,
    h('h5', {}, say(store, 'findings')),
    h('p', { class: 'cmp-summary' }, m.findingsSummary),
    m.groundsNote ? h('p', { class: 'muted cmp-note' }, m.groundsNote) : '',
    h('h5', { id: 'cmp-both' }, say(store, 'count', { title: m.bothTitle, n: m.both.length })),
    m.both.length
      ? h(
          'ul',
          { class: 'cmp-list', 'aria-labelledby': 'cmp-both' },
          m.both.map((r) => breakdownItem(store, drawn, r, false)),
        )
      : h('p', { class: 'muted' }, say(store, 'none')),
    h('div', { class: 'cmp-cols' }, column(store, drawn, m.columns[0]), column(store, drawn, m.columns[1])),
    verdicts,
    h('h5', {}, say(store, 'calls-differ')),
    callsTable(store, drawn, m.calls),
    onlyCalls,
  );
  return drawn;
}

export function mountCompare(root: HTMLElement, store: AppStore): View {
  const accountSel = h('select', { id: 'compare-account' });
  const procedureSel = h('select', { id: 'compare-procedure' });
  for (const p of shippedProcedures) procedureSel.append(h('option', { value: p.id, text: p.id }));
  const run = h('button', { type: 'button', class: 'primary' });
  const status = h('p', { class: 'muted compare-status', role: 'status' });
  const out = h('div', { class: 'compare-out', 'aria-live': 'polite' });
  const bar = h('div', { class: 'mode-bar compare-bar', role: 'group' });
  const sides = h('span', { class: 'muted' });
  const accountB = h('span', {});
  const procedureB = h('span', {});
  bar.append(sides, h('label', { class: 'picker inline' }, accountB, accountSel), h('label', { class: 'picker inline' }, procedureB, procedureSel), run);
  root.append(bar, status, out);
  const label = () => {
    bar.setAttribute('aria-label', say(store, 'side-b'));
    sides.textContent = say(store, 'sides');
    accountB.textContent = say(store, 'account-b');
    procedureB.textContent = say(store, 'procedure-b');
    run.textContent = say(store, 'run');
  };
  let drawn: Drawn = { timed: [], now: {} };

  /** Both columns follow the one playhead: what each run says at t, and what lies ahead. */
  const follow = (t: number) => {
    const made = currentComparison(store.getState());
    if (!made) return;
    if (drawn.now.A) drawn.now.A.textContent = say(store, 'at-playhead', { says: sayingAt(made.a, t, store.getState().lang) });
    if (drawn.now.B) drawn.now.B.textContent = say(store, 'at-playhead', { says: sayingAt(made.b, t, store.getState().lang) });
    for (const x of drawn.timed) x.el.classList.toggle('ahead', x.t > t + 1e-6);
  };

  const render = () => {
    const s = store.getState();
    const made = currentComparison(s);
    status.textContent = compareStatus(s.comparison, s.analysis, s.lang);
    if (!made) {
      drawn = { timed: [], now: {} };
      fill(out, h('p', { class: 'muted' }, say(store, 'pick')));
      return;
    }
    drawn = drawComparison(out, store, compareModel(made, s.lang));
    follow(s.t);
  };

  const refreshPickers = () => {
    const a = store.getState().analysis;
    const pick = accountChoice(a, accountSel.value, store.getState().lang);
    accountSel.replaceChildren(...pick.options.map(([value, text]) => h('option', { value, text })));
    accountSel.disabled = pick.disabled;
    accountSel.value = pick.value;
    if (a && ![...procedureSel.options].some((o) => o.value === a.run.scenario.procedure.id))
      procedureSel.append(h('option', { value: a.run.scenario.procedure.id, text: a.run.scenario.procedure.id }));
    if (!procedureSel.dataset.touched && a) procedureSel.value = a.run.scenario.procedure.id;
  };
  procedureSel.addEventListener('change', () => (procedureSel.dataset.touched = '1'));
  run.addEventListener('click', () => store.getState().runComparison({ account: accountSel.value || null, procedure: procedureSel.value }));

  const unsubs = [
    watch(store, (s) => s.analysis, refreshPickers),
    // A new A is compared with B again by the store; a failed B leaves the last comparison for A.
    watch(
      store,
      (s) => [s.analysis, s.comparison, s.lang] as const,
      render,
      (x, y) => x[0] === y[0] && x[1] === y[1] && x[2] === y[2],
    ),
    watch(
      store,
      (s) => s.lang,
      () => {
        label();
        refreshPickers();
      },
    ),
    watch(store, (s) => s.t, follow),
  ];
  return { destroy: () => unsubs.forEach((u) => u()) };
}
