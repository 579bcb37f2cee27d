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

/** Rows that carry a time, marked against the playhead, and the two "at the playhead" lines. */
interface Drawn {
  timed: { el: HTMLElement; t: number }[];
  now: { A?: HTMLElement; B?: HTMLElement };
}

function seekButton(store: AppStore, target: SeekTarget): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link-like time seek', title: 'Move the playhead here', 'aria-label': target.label }, target.clock);
  b.addEventListener('click', () => (target.select ? store.getState().selectBreakdown(target.select) : store.getState().seek(target.t)));
  return b;
}

/** "common ground" or the disputed facts a finding rests on, each named by its question. */
function groundsLine(row: BreakdownRow): HTMLElement | string {
  if (row.grounds === null || row.restsOn === null) return '';
  const common = row.restsOn.length === 0;
  return h(
    'p',
    { class: `cmp-grounds ${common ? 'common' : 'disputed'}` },
    h('span', { class: 'chip' }, common ? 'no disputed fact' : 'rests on a disputed fact'),
    ' ',
    row.grounds,
    common
      ? ''
      : h(
          'ul',
          { class: 'cmp-rests', 'aria-label': 'Disputed facts it rests on' },
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
    groundsLine(row),
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
    { class: `cmp-col cmp-${col.side.toLowerCase()}`, 'aria-label': `Side ${col.side}: ${col.label}` },
    h('h4', {}, h('span', { class: 'cmp-side' }, col.side), ' ', col.label),
    h('p', { class: 'muted' }, col.totals),
    now,
    h('h5', { id }, `Only in ${col.side} (${col.rows.length})`),
    col.rows.length
      ? h(
          'ul',
          { class: 'cmp-list', 'aria-labelledby': id },
          col.rows.map((r) => breakdownItem(store, drawn, r, true)),
        )
      : h('p', { class: 'muted' }, 'None.'),
  );
}

function callsTable(store: AppStore, drawn: Drawn, calls: CallRow[]): HTMLElement {
  if (!calls.length) return h('p', { class: 'muted' }, 'Every call made under both got to the same stage.');
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Time'),
    h('th', { scope: 'col' }, 'Call'),
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
  return h('table', { class: 'cmp-table', 'aria-label': 'Calls whose stage differs' }, h('thead', {}, head), h('tbody', {}, rows));
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
            h('th', { scope: 'col' }, 'Disputed fact'),
            h('th', { scope: 'col' }, 'Row'),
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
        h('p', {}, 'The runs part at ', seekButton(store, d.seek), d.offset),
        h('dl', { class: 'cmp-says' }, h('dt', {}, 'A'), h('dd', {}, d.aSays), h('dt', {}, 'B'), h('dd', {}, d.bSays)),
      )
    : h('p', { class: 'muted' }, 'Nowhere: the two logs are the same.');
  if (d) drawn.timed.push({ el: divergence, t: d.seek.t });
  const onlyCalls = m.onlyCalls.map(({ side, calls }) =>
    h(
      'p',
      { class: 'muted' },
      `Calls made only under ${side}: `,
      calls.map((r, i) => [i ? '; ' : '', seekButton(store, r.seek), ' ', r.words]),
    ),
  );
  fill(
    out,
    h('h5', { id: 'cmp-facts' }, m.factsHeading),
    facts,
    m.factsAlike ? h('p', { class: 'muted' }, m.factsAlike) : '',
    h('h5', { id: 'cmp-not-modelled' }, m.notModelledHeading),
    notModelled,
    h('h5', {}, 'First divergence'),
    divergence,
    h('h5', {}, 'Findings, agreed and disputed'),
    h('p', { class: 'cmp-summary' }, m.findingsSummary),
    m.groundsNote ? h('p', { class: 'muted cmp-note' }, m.groundsNote) : '',
    h('h5', { id: 'cmp-both' }, `${m.bothTitle} (${m.both.length})`),
    m.both.length
      ? h(
          'ul',
          { class: 'cmp-list', 'aria-labelledby': 'cmp-both' },
          m.both.map((r) => breakdownItem(store, drawn, r, false)),
        )
      : h('p', { class: 'muted' }, 'None.'),
    h('div', { class: 'cmp-cols' }, column(store, drawn, m.columns[0]), column(store, drawn, m.columns[1])),
    verdicts,
    h('h5', {}, 'Calls whose stage differs'),
    callsTable(store, drawn, m.calls),
    onlyCalls,
  );
  return drawn;
}

export function mountCompare(root: HTMLElement, store: AppStore): View {
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
  let drawn: Drawn = { timed: [], now: {} };

  /** Both columns follow the one playhead: what each run says at t, and what lies ahead. */
  const follow = (t: number) => {
    const made = currentComparison(store.getState());
    if (!made) return;
    if (drawn.now.A) drawn.now.A.textContent = `At the playhead: ${sayingAt(made.a, t)}`;
    if (drawn.now.B) drawn.now.B.textContent = `At the playhead: ${sayingAt(made.b, t)}`;
    for (const x of drawn.timed) x.el.classList.toggle('ahead', x.t > t + 1e-6);
  };

  const render = () => {
    const s = store.getState();
    const made = currentComparison(s);
    status.textContent = compareStatus(s.comparison, s.analysis);
    if (!made) {
      drawn = { timed: [], now: {} };
      fill(out, h('p', { class: 'muted' }, 'Pick side B and press Compare: the same scenario and seed, run under another account or procedure.'));
      return;
    }
    drawn = drawComparison(out, store, compareModel(made));
    follow(s.t);
  };

  const refreshPickers = () => {
    const a = store.getState().analysis;
    const pick = accountChoice(a, accountSel.value);
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
      (s) => [s.analysis, s.comparison] as const,
      render,
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
    watch(store, (s) => s.t, follow),
  ];
  return { destroy: () => unsubs.forEach((u) => u()) };
}
