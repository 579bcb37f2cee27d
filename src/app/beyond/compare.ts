/**
 * Compare tab: side A is the run on screen, side B the same scenario under another account
 * and/or procedure (same seed). Shows the facts that differ, where the logs first part, the
 * breakdowns only under A, only under B and under both, and the calls whose stage differs.
 * Every time is a button that seeks the one shared playhead; both columns follow it.
 */
import { simulate } from '../../core';
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { compareRuns, words, type StageAt } from '../../core/compare/compare';
import { formatValue } from '../../core/compare/format';
import { bundledProcedures, shippedProcedures } from '../catalog';
import { h, fill, watch, type View } from '../dom';
import { breakdownClass, breakdownSummary, clockOf, shortName } from '../format';
import type { AppStore } from '../store';
import { comparisonFor, watchBeyond, type BeyondStore, type MadeComparison } from './state';

/** Runs side B and compares; null (with the problem in words) when B cannot run. */
export function makeComparison(store: AppStore, side: { account: string | null; procedure: string }): MadeComparison | { error: string } {
  const s = store.getState();
  const a = s.analysis;
  if (!a) return { error: 'No run to compare with yet.' };
  const result = simulate({ file: s.scenarioFile, text: s.scenarioText }, bundledProcedures, {
    ...(side.account ? { account: side.account } : {}),
    ...(side.procedure ? { procedure: side.procedure } : {}),
    seed: a.run.seed,
  });
  if (!result.analysis) return { error: result.diagnostics.map((d) => d.message).join('; ') || 'Side B could not run.' };
  return { a, b: result.analysis, comparison: compareRuns(a, result.analysis), side };
}

const stageText = (x: StageAt) =>
  x.failedAt
    ? `reached ${x.reached ?? 'nothing'}, stopped at ${x.failedAt}${x.heardAs ? ` (heard as "${x.heardAs}")` : ''}`
    : `got as far as it needed (${x.reached})`;

function what(a: Analysis, b: Breakdown): string {
  return b.kind === 'ladder' ? `${shortName(a, b.unit)}: ${breakdownSummary(b)}` : `${shortName(a, b.unit)}: ${b.kind} of ${b.rule}`;
}

/** The last log entry at or before t, in words. */
function sayingAt(a: Analysis, t: number): string {
  const log = a.run.log;
  let lo = 0;
  let hi = log.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.t <= t + 1e-6) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return 'nothing yet';
  const e = log[found]!;
  return `${clockOf(a, e.t)} ${words(a.run, e)}`;
}

export function mountCompare(root: HTMLElement, store: AppStore, beyond: BeyondStore): View {
  const accountSel = h('select', { id: 'compare-account' });
  const procedureSel = h('select', { id: 'compare-procedure' });
  for (const p of shippedProcedures) procedureSel.append(h('option', { value: p.id, text: p.id }));
  const run = h('button', { type: 'button', class: 'primary' }, 'Compare');
  const status = h('p', { class: 'muted compare-status', role: 'status' });
  const out = h('div', { class: 'compare-out', 'aria-live': 'polite' });
  root.append(
    h(
      'div',
      { class: 'mode-bar compare-bar', role: 'group', 'aria-label': 'Side B' },
      h('span', { class: 'muted' }, 'A: the run on screen. B:'),
      h('label', { class: 'picker inline' }, h('span', {}, 'Account B'), accountSel),
      h('label', { class: 'picker inline' }, h('span', {}, 'Procedure B'), procedureSel),
      run,
    ),
    status,
    out,
  );

  /** Rows that carry a time, to mark against the playhead. */
  let timed: { el: HTMLElement; t: number }[] = [];
  let nowA: HTMLElement | null = null;
  let nowB: HTMLElement | null = null;

  const seekButton = (a: Analysis, t: number, label: string, onClick?: () => void) => {
    const b = h(
      'button',
      { type: 'button', class: 'link-like time seek', title: 'Move the playhead here', 'aria-label': `${label} at ${clockOf(a, t)}` },
      clockOf(a, t),
    );
    b.addEventListener('click', onClick ?? (() => store.getState().seek(t)));
    return b;
  };

  const render = (made: MadeComparison | null) => {
    timed = [];
    nowA = nowB = null;
    if (!made) {
      fill(out, h('p', { class: 'muted' }, 'Pick side B and press Compare: the same scenario and seed, run under another account or procedure.'));
      return;
    }
    const { a, b, comparison: c } = made;
    const bd = c.breakdowns;
    const bdItem = (run: Analysis, x: Breakdown, side: 'A' | 'B') => {
      // A is the run on screen: select its breakdown there too. B only moves the playhead.
      const btn = seekButton(
        run,
        x.t,
        `${side} breakdown ${what(run, x)}`,
        side === 'A' ? () => store.getState().selectBreakdown(x.id) : () => store.getState().seek(x.t),
      );
      const li = h(
        'li',
        { class: `cmp-bd ${breakdownClass(x)}` },
        btn,
        h('span', { class: `chip ${breakdownClass(x)}` }, x.kind === 'ladder' ? `✗ ${x.stage}` : x.kind),
        ' ',
        h('span', {}, what(run, x)),
        h('p', { class: 'muted cmp-expl' }, x.explanation),
      );
      timed.push({ el: li, t: x.t });
      return li;
    };
    const column = (side: 'A' | 'B', run: Analysis, label: string, list: Breakdown[]) => {
      const now = h('p', { class: 'cmp-now' });
      if (side === 'A') nowA = now;
      else nowB = now;
      const tot = side === 'A' ? c.totals.a : c.totals.b;
      return h(
        'section',
        { class: `cmp-col cmp-${side.toLowerCase()}`, 'aria-label': `Side ${side}: ${label}` },
        h('h4', {}, h('span', { class: 'cmp-side' }, side), ' ', label),
        h('p', { class: 'muted' }, `${tot.transmissions} calls · ${tot.exchangesCompleted} exchanges completed · ${tot.breakdowns} breakdowns`),
        now,
        h('h5', { id: `cmp-only-${side}` }, `Breakdowns only in ${side} (${list.length})`),
        list.length
          ? h(
              'ul',
              { class: 'cmp-list', 'aria-labelledby': `cmp-only-${side}` },
              list.map((x) => bdItem(run, x, side)),
            )
          : h('p', { class: 'muted' }, 'None.'),
      );
    };

    const facts = c.facts.differ.length
      ? h(
          'table',
          { class: 'cmp-table', 'aria-label': 'Facts that differ' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Disputed fact'), h('th', { scope: 'col' }, 'A'), h('th', { scope: 'col' }, 'B'))),
          h(
            'tbody',
            {},
            c.facts.differ.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.question), h('td', {}, formatValue(f.a)), h('td', {}, formatValue(f.b)))),
          ),
        )
      : h(
          'p',
          { class: 'muted' },
          c.facts.same ? `Both sides take the same view of all ${c.facts.same} disputed facts.` : 'This scenario has no disputed facts.',
        );

    const div = c.firstDivergence;
    const divergence = div
      ? h(
          'div',
          { class: 'cmp-div' },
          h('p', {}, 'The runs part at ', seekButton(a, div.t, 'First divergence'), ` (+${div.t.toFixed(0)} s)`),
          h('dl', { class: 'cmp-says' }, h('dt', {}, 'A'), h('dd', {}, div.aSays), h('dt', {}, 'B'), h('dd', {}, div.bSays)),
        )
      : h('p', { class: 'muted' }, 'Nowhere: the two logs are the same.');
    if (div) timed.push({ el: divergence, t: div.t });

    const tx = c.transmissions;
    const calls = tx.differ.length
      ? h(
          'table',
          { class: 'cmp-table', 'aria-label': 'Calls whose stage differs' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, 'Time'), h('th', { scope: 'col' }, 'Call'), h('th', { scope: 'col' }, 'A'), h('th', { scope: 'col' }, 'B')),
          ),
          h(
            'tbody',
            {},
            tx.differ.map((d) => {
              const tr = h(
                'tr',
                {},
                h('td', {}, seekButton(a, d.call.t, `Call ${d.call.words}`)),
                h('th', { scope: 'row' }, d.call.words, d.recipient === d.call.to ? '' : `, for ${d.recipientName}`),
                h('td', { class: d.a.failedAt ? 'wrong' : 'right' }, stageText(d.a)),
                h('td', { class: d.b.failedAt ? 'wrong' : 'right' }, stageText(d.b)),
              );
              timed.push({ el: tr, t: d.call.t });
              return tr;
            }),
          ),
        )
      : h('p', { class: 'muted' }, 'Every call made under both got to the same stage.');
    const onlyCalls = (['A', 'B'] as const).flatMap((side) => {
      const list = side === 'A' ? tx.onlyA : tx.onlyB;
      const run = side === 'A' ? a : b;
      return list.length
        ? [
            h(
              'p',
              { class: 'muted' },
              `Calls made only under ${side}: `,
              list.map((r, i) => [i ? '; ' : '', seekButton(run, r.t, `Call only in ${side} ${r.words}`), ' ', r.words]),
            ),
          ]
        : [];
    });

    fill(
      out,
      h('h5', {}, 'Facts that differ'),
      facts,
      h('h5', {}, 'First divergence'),
      divergence,
      h('div', { class: 'cmp-cols' }, column('A', a, c.a.label, bd.onlyA), column('B', b, c.b.label, bd.onlyB)),
      h('h5', { id: 'cmp-both' }, `Breakdowns in both (${bd.both.length})`),
      bd.both.length
        ? h(
            'ul',
            { class: 'cmp-list', 'aria-labelledby': 'cmp-both' },
            bd.both.map((p) => {
              const li = h(
                'li',
                { class: `cmp-bd ${breakdownClass(p.a)}` },
                seekButton(a, p.a.t, `Both breakdown ${what(a, p.a)}`, () => store.getState().selectBreakdown(p.a.id)),
                h('span', { class: `chip ${breakdownClass(p.a)}` }, p.a.kind === 'ladder' ? `✗ ${p.a.stage}` : p.a.kind),
                ' ',
                what(a, p.a),
                p.a.t !== p.b.t ? h('span', { class: 'muted' }, ` (under B at ${clockOf(b, p.b.t)})`) : '',
              );
              timed.push({ el: li, t: p.a.t });
              return li;
            }),
          )
        : h('p', { class: 'muted' }, 'None.'),
      h('h5', {}, 'Calls whose stage differs'),
      calls,
      onlyCalls,
    );
    follow(store.getState().t);
  };

  /** Both columns follow the one playhead: what each run says at t, and what lies ahead. */
  const follow = (t: number) => {
    const made = comparisonFor(beyond.getState().made, store.getState().analysis);
    if (!made) return;
    if (nowA) nowA.textContent = `At the playhead: ${sayingAt(made.a, t)}`;
    if (nowB) nowB.textContent = `At the playhead: ${sayingAt(made.b, t)}`;
    for (const x of timed) x.el.classList.toggle('ahead', x.t > t + 1e-6);
  };

  const refreshAccounts = (a: Analysis | null) => {
    const keep = accountSel.value;
    accountSel.replaceChildren();
    const accounts = Object.entries(a?.run.scenario.spec.accounts ?? {});
    if (!accounts.length) accountSel.append(h('option', { value: '', text: 'no disputed accounts' }));
    for (const [id, acc] of accounts) accountSel.append(h('option', { value: id, text: `${id} — ${acc.title}` }));
    accountSel.disabled = accounts.length === 0;
    const current = a?.run.scenario.account ?? null;
    // Default B: the other account (the comparison trainers ask for first).
    const other = accounts.find(([id]) => id !== current)?.[0];
    // A kept pick that has become A's own account would compare A with itself: take the other.
    accountSel.value = accounts.some(([id]) => id === keep) && keep !== current ? keep : (other ?? current ?? '');
    if (a && ![...procedureSel.options].some((o) => o.value === a.run.scenario.procedure.id))
      procedureSel.append(h('option', { value: a.run.scenario.procedure.id, text: a.run.scenario.procedure.id }));
    if (!procedureSel.dataset.touched && a) procedureSel.value = a.run.scenario.procedure.id;
  };
  procedureSel.addEventListener('change', () => (procedureSel.dataset.touched = '1'));

  const compare = (side: { account: string | null; procedure: string }) => {
    const made = makeComparison(store, side);
    if ('error' in made) {
      status.textContent = `Side B could not run: ${made.error}`;
      beyond.setState({ made: null });
      return;
    }
    const c = made.comparison;
    const same = c.a.account === c.b.account && c.a.procedure === c.b.procedure;
    status.textContent = same
      ? `B is the same run as A (${c.a.label}): pick another account or procedure for B.`
      : `A: ${c.a.label} · B: ${c.b.label} · seed ${made.a.run.seed}`;
    beyond.setState({ made });
  };
  run.addEventListener('click', () => compare({ account: accountSel.value || null, procedure: procedureSel.value }));

  const unsubs = [
    watch(
      store,
      (s) => s.analysis,
      (a) => {
        refreshAccounts(a);
        // A changed (another account, procedure or file): B is re-run against the new A.
        const made = beyond.getState().made;
        if (made && a && made.a !== a) compare(made.side);
      },
    ),
    watchBeyond(beyond, (s) => comparisonFor(s.made, store.getState().analysis), render),
    // A new A hides a comparison made for the old one until B is re-run.
    watch(
      store,
      (s) => s.analysis,
      () => render(comparisonFor(beyond.getState().made, store.getState().analysis)),
    ),
    watch(store, (s) => s.t, follow),
  ];
  return { destroy: () => unsubs.forEach((u) => u()) };
}
