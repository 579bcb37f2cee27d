/**
 * The Compare tab as data: what the facts table, the first divergence, the two columns, the
 * breakdowns in both and the calls say, each time as a seek target. No DOM and no run: the store
 * made the comparison (runComparison); compare.ts draws this.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { words, type StageAt } from '../../core/compare/compare';
import { formatValue } from '../../core/compare/output';
import { breakdownClass, breakdownSummary, breakdownTag, clockOf, shortName } from '../words';
import { comparisonFor, type ComparisonState, type MadeComparison } from '../store';

export type Side = 'A' | 'B';

/** A time that moves the shared playhead; on side A a breakdown is selected in the main view too. */
export interface SeekTarget {
  t: number;
  clock: string;
  /** The button's accessible name. */
  label: string;
  /** Breakdown id to select (side A only). */
  select?: string;
}

export interface BreakdownRow {
  seek: SeekTarget;
  cls: string;
  chip: string;
  text: string;
  explanation: string;
  /** Under B at another time ("both" rows only). */
  underB: string | null;
}

export interface Column {
  side: Side;
  label: string;
  totals: string;
  rows: BreakdownRow[];
}

export interface CallRow {
  seek: SeekTarget;
  words: string;
  /** ", for X" when the recipient is not the addressee. */
  forWhom: string;
  a: { text: string; ok: boolean };
  b: { text: string; ok: boolean };
}

export interface CompareModel {
  facts: { question: string; a: string; b: string }[];
  /** What to say when no fact differs. */
  factsNone: string;
  divergence: { seek: SeekTarget; offset: string; aSays: string; bSays: string } | null;
  columns: [Column, Column];
  both: BreakdownRow[];
  calls: CallRow[];
  onlyCalls: { side: Side; calls: { seek: SeekTarget; words: string }[] }[];
}

export const stageText = (x: StageAt) =>
  x.failedAt
    ? `reached ${x.reached ?? 'nothing'}, stopped at ${x.failedAt}${x.heardAs ? ` (heard as "${x.heardAs}")` : ''}`
    : `got as far as it needed (${x.reached})`;

export function what(a: Analysis, b: Breakdown): string {
  return `${shortName(a, b.unit)}: ${breakdownSummary(b)}`;
}

/** The last log entry at or before t, in words. */
export function sayingAt(a: Analysis, t: number): string {
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

const seek = (a: Analysis, t: number, label: string, select?: string): SeekTarget => ({
  t,
  clock: clockOf(a, t),
  label: `${label} at ${clockOf(a, t)}`,
  ...(select ? { select } : {}),
});

const chip = breakdownTag;

function breakdownRow(run: Analysis, x: Breakdown, side: Side): BreakdownRow {
  // A is the run on screen: select its breakdown there too. B only moves the playhead.
  const target = seek(run, x.t, `${side} breakdown ${what(run, x)}`, side === 'A' ? x.id : undefined);
  return { seek: target, cls: breakdownClass(x), chip: chip(x), text: what(run, x), explanation: x.explanation, underB: null };
}

/** The whole tab for one comparison. */
export function compareModel(made: MadeComparison): CompareModel {
  const { a, b, comparison: c } = made;
  const column = (side: Side, run: Analysis, list: Breakdown[]): Column => {
    const tot = side === 'A' ? c.totals.a : c.totals.b;
    return {
      side,
      label: side === 'A' ? c.a.label : c.b.label,
      totals: `${tot.transmissions} calls · ${tot.exchangesCompleted} exchanges completed · ${tot.breakdowns} breakdowns`,
      rows: list.map((x) => breakdownRow(run, x, side)),
    };
  };
  const div = c.firstDivergence;
  const tx = c.transmissions;
  return {
    facts: c.facts.differ.map((f) => ({ question: f.question, a: formatValue(f.a), b: formatValue(f.b) })),
    factsNone: c.facts.same ? `Both sides take the same view of all ${c.facts.same} disputed facts.` : 'This scenario has no disputed facts.',
    divergence: div ? { seek: seek(a, div.t, 'First divergence'), offset: ` (+${div.t.toFixed(0)} s)`, aSays: div.aSays, bSays: div.bSays } : null,
    columns: [column('A', a, c.breakdowns.onlyA), column('B', b, c.breakdowns.onlyB)],
    both: c.breakdowns.both.map((p) => ({
      seek: seek(a, p.a.t, `Both breakdown ${what(a, p.a)}`, p.a.id),
      cls: breakdownClass(p.a),
      chip: chip(p.a),
      text: what(a, p.a),
      explanation: p.a.explanation,
      underB: p.a.t !== p.b.t ? ` (under B at ${clockOf(b, p.b.t)})` : null,
    })),
    calls: tx.differ.map((d) => ({
      seek: seek(a, d.call.t, `Call ${d.call.words}`),
      words: d.call.words,
      forWhom: d.recipient === d.call.to ? '' : `, for ${d.recipientName}`,
      a: { text: stageText(d.a), ok: !d.a.failedAt },
      b: { text: stageText(d.b), ok: !d.b.failedAt },
    })),
    onlyCalls: (['A', 'B'] as const)
      .map((side) => {
        const run = side === 'A' ? a : b;
        const list = side === 'A' ? tx.onlyA : tx.onlyB;
        return { side, calls: list.map((r) => ({ seek: seek(run, r.t, `Call only in ${side} ${r.words}`), words: r.words })) };
      })
      .filter((x) => x.calls.length > 0),
  };
}

/** The status line over the tab: what is compared, or why side B could not run. */
export function compareStatus(state: ComparisonState | null, current: Analysis | null): string {
  if (!state) return '';
  if (state.problems.length) return `Side B could not run: ${state.problems.map((d) => d.message).join('; ')}`;
  const made = comparisonFor(state.made, current);
  if (!made) return '';
  const c = made.comparison;
  return c.a.account === c.b.account && c.a.procedure === c.b.procedure
    ? `B is the same run as A (${c.a.label}): pick another account or procedure for B.`
    : `A: ${c.a.label} · B: ${c.b.label} · seed ${made.a.run.seed}`;
}

/** Side B's account picker: the scenario's accounts, defaulting to the one A is not under. */
export function accountChoice(a: Analysis | null, keep: string): { options: [string, string][]; value: string; disabled: boolean } {
  const accounts = Object.entries(a?.run.scenario.spec.accounts ?? {});
  const current = a?.run.scenario.account ?? null;
  const other = accounts.find(([id]) => id !== current)?.[0];
  // A kept pick that has become A's own account would compare A with itself: take the other.
  const value = accounts.some(([id]) => id === keep) && keep !== current ? keep : (other ?? current ?? '');
  return {
    options: accounts.length ? accounts.map(([id, acc]) => [id, `${id} — ${acc.title}`]) : [['', 'no disputed accounts']],
    value,
    disabled: accounts.length === 0,
  };
}
