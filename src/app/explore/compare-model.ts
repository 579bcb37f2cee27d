/**
 * The Compare tab as data: the facts the accounts give differently (the facts the scenario
 * models) and the rows it does not model, the first divergence, the findings in both accounts,
 * only in A and only in B with the disputed facts each rests on, the passes judged differently,
 * and the calls, each time as a seek target. No DOM and no run: the store made the comparison
 * (runComparison); compare-tab.ts draws this.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { words, type Comparison, type Finding, type StageAt } from '../../core/compare/compare';
import { formatValue } from '../../core/compare/output';
import {
  VERDICTS_HEADING,
  assumption,
  factsAlike,
  factsHeading,
  findingsSummary,
  groundsNote,
  groundsWords,
  notModelledHeading,
  oneLine,
  passWords,
  verdictOf,
  what as runsOrAccounts,
} from '../../core/compare/phrases';
import { breakdownClass, breakdownSummary, breakdownTag, clockOf, shortName } from '../words';
import { comparisonFor, type ComparisonState, type MadeComparison } from '../store';
import type { Lang } from '../../i18n';
import { wordsIn, type Words } from '../said';

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
  /** What the finding rests on, in words; null when the findings were not tested against the facts. */
  grounds: string | null;
  /** The disputed facts it rests on, as their questions; empty when none; null when not tested. */
  restsOn: { id: string; question: string }[] | null;
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
  /** "Facts the two accounts give differently: N (these are the facts this scenario models)". */
  factsHeading: string;
  /** Each value with "(assumption: …)" where the scenario supplied what the account does not state. */
  facts: { id: string; row: string; question: string; a: string; b: string }[];
  factsAlike: string | null;
  notModelledHeading: string;
  notModelled: { row: string; reason: string }[];
  /** "4 in both accounts (3 common ground, 1 resting on a disputed fact); 8 only in A; 4 only in B." */
  findingsSummary: string;
  /** Why the findings were not tested against the facts, when not. */
  groundsNote: string | null;
  /** "In both accounts" (or "In both runs" when the runs are not two accounts). */
  bothTitle: string;
  verdictsHeading: string;
  /** Passes both runs record alike and judge differently. */
  verdicts: { seek: SeekTarget; pass: string; a: string; b: string }[];
  divergence: { seek: SeekTarget; offset: string; aSays: string; bSays: string } | null;
  columns: [Column, Column];
  both: BreakdownRow[];
  calls: CallRow[];
  onlyCalls: { side: Side; calls: { seek: SeekTarget; words: string }[] }[];
}

/** How far a call got under one side; what it was heard as is quoted as it was heard (the radio stays English). */
export const stageText = (x: StageAt, w: Words = wordsIn('en')) =>
  x.failedAt
    ? w('app-tools.compare.stage-stopped', {
        reached: x.reached ? w.stage(x.reached) : w('app-tools.compare.nothing'),
        stopped: w.stage(x.failedAt),
        heard: x.heardAs !== undefined && x.heardAs !== null && x.heardAs !== '',
        heardAs: x.heardAs ?? '',
      })
    : w('app-tools.compare.stage-through', { reached: w.stage(x.reached ?? '') });

export function what(a: Analysis, b: Breakdown): string {
  return `${shortName(a, b.unit)}: ${breakdownSummary(b)}`;
}

/** The last log entry at or before t, in words. */
export function sayingAt(a: Analysis, t: number, lang: Lang = 'en'): string {
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
  if (found < 0) return wordsIn(lang)('app-tools.compare.nothing-yet');
  const e = log[found]!;
  return `${clockOf(a, e.t)} ${words(a.run, e)}`;
}

const seek = (w: Words, a: Analysis, t: number, label: string, select?: string): SeekTarget => ({
  t,
  clock: clockOf(a, t),
  label: w('app-tools.compare.seek', { what: label, clock: clockOf(a, t) }),
  ...(select ? { select } : {}),
});

const chip = breakdownTag;

function restsOn(c: Comparison, f: Finding): BreakdownRow['restsOn'] {
  if (!f.restsOn) return null;
  return f.restsOn.map((id) => ({ id, question: c.facts.differ.find((x) => x.id === id)?.question ?? id }));
}

function breakdownRow(w: Words, c: Comparison, run: Analysis, f: Finding, side: Side): BreakdownRow {
  const x = (side === 'A' ? f.a : f.b)!;
  // A is the run on screen: select its breakdown there too. B only moves the playhead.
  const target = seek(w, run, x.t, w('app-tools.compare.seek-breakdown', { side, what: what(run, x) }), side === 'A' ? x.id : undefined);
  return {
    seek: target,
    cls: breakdownClass(x),
    chip: chip(x),
    text: what(run, x),
    explanation: w.sayOr(x.why, x.explanation),
    underB: null,
    grounds: groundsWords(f),
    restsOn: restsOn(c, f),
  };
}

/** The whole tab for one comparison. */
export function compareModel(made: MadeComparison, lang: Lang = 'en'): CompareModel {
  const { a, b, comparison: c } = made;
  const w = wordsIn(lang, a);
  const column = (side: Side, run: Analysis): Column => {
    const tot = side === 'A' ? c.totals.a : c.totals.b;
    const presence = side === 'A' ? 'only-a' : 'only-b';
    return {
      side,
      label: side === 'A' ? c.a.label : c.b.label,
      totals: w('app-tools.compare.totals', { calls: tot.transmissions, exchanges: tot.exchangesCompleted, breakdowns: tot.breakdowns }),
      rows: c.findings.filter((f) => f.presence === presence).map((f) => breakdownRow(w, c, run, f, side)),
    };
  };
  const name = (id: string) => c.names[id] ?? id;
  const div = c.firstDivergence;
  const tx = c.transmissions;
  return {
    factsHeading: factsHeading(c),
    facts: c.facts.differ.map((f) => ({
      id: f.id,
      row: f.row ?? '',
      question: f.question,
      a: formatValue(f.a) + assumption(f.assumedA),
      b: formatValue(f.b) + assumption(f.assumedB),
    })),
    factsAlike: factsAlike(c),
    notModelledHeading: notModelledHeading(c),
    notModelled: c.notModelled.map((r) => ({ row: oneLine(r.row), reason: oneLine(r.reason) })),
    findingsSummary: findingsSummary(c),
    groundsNote: groundsNote(c),
    bothTitle: w(runsOrAccounts(c) === 'accounts' ? 'app-tools.compare.both-accounts' : 'app-tools.compare.both-runs'),
    verdictsHeading: VERDICTS_HEADING,
    verdicts: c.verdicts.map((v) => ({
      seek: seek(w, a, v.pass.tA, w('app-tools.compare.seek-pass', { pass: passWords(v, name) })),
      pass: passWords(v, name),
      a: w('app-tools.compare.verdict', { side: 'A', label: c.a.label, verdict: verdictOf(v.a) }),
      b: w('app-tools.compare.verdict', { side: 'B', label: c.b.label, verdict: verdictOf(v.b) }),
    })),
    divergence: div
      ? {
          seek: seek(w, a, div.t, w('app-tools.compare.first-divergence')),
          offset: w('app-tools.compare.offset', { s: div.t.toFixed(0) }),
          aSays: div.aSays,
          bSays: div.bSays,
        }
      : null,
    columns: [column('A', a), column('B', b)],
    both: c.findings
      .filter((f) => f.presence === 'both')
      .map((f) => {
        const [x, y] = [f.a!, f.b!];
        return {
          seek: seek(w, a, x.t, w('app-tools.compare.seek-both', { what: what(a, x) }), x.id),
          cls: breakdownClass(x),
          chip: chip(x),
          text: what(a, x),
          explanation: w.sayOr(x.why, x.explanation),
          underB: x.t !== y.t ? w('app-tools.compare.under-b', { clock: clockOf(b, y.t) }) : null,
          grounds: groundsWords(f),
          restsOn: restsOn(c, f),
        };
      }),
    calls: tx.differ.map((d) => ({
      seek: seek(w, a, d.call.t, w('app-tools.compare.seek-call', { call: d.call.words })),
      words: d.call.words,
      forWhom: d.recipient === d.call.to ? '' : w('app-tools.compare.for-whom', { name: d.recipientName }),
      a: { text: stageText(d.a, w), ok: !d.a.failedAt },
      b: { text: stageText(d.b, w), ok: !d.b.failedAt },
    })),
    onlyCalls: (['A', 'B'] as const)
      .map((side) => {
        const run = side === 'A' ? a : b;
        const list = side === 'A' ? tx.onlyA : tx.onlyB;
        return { side, calls: list.map((r) => ({ seek: seek(w, run, r.t, w('app-tools.compare.seek-only-call', { side, call: r.words })), words: r.words })) };
      })
      .filter((x) => x.calls.length > 0),
  };
}

/** The status line over the tab: what is compared, or why side B could not run. */
export function compareStatus(state: ComparisonState | null, current: Analysis | null, lang: Lang = 'en'): string {
  if (!state) return '';
  const w = wordsIn(lang, current);
  if (state.problems.length) return w('app-tools.compare.b-failed', { problems: state.problems.map((d) => w.problem(d)).join('; ') });
  const made = comparisonFor(state.made, current);
  if (!made) return '';
  const c = made.comparison;
  return c.a.account === c.b.account && c.a.procedure === c.b.procedure
    ? w('app-tools.compare.same-run', { label: c.a.label })
    : w('app-tools.compare.status', { a: c.a.label, b: c.b.label, seed: made.a.run.seed });
}

/** Side B's account picker: the scenario's accounts, defaulting to the one A is not under. */
export function accountChoice(a: Analysis | null, keep: string, lang: Lang = 'en'): { options: [string, string][]; value: string; disabled: boolean } {
  const accounts = Object.entries(a?.run.scenario.spec.accounts ?? {});
  const current = a?.run.scenario.account ?? null;
  const other = accounts.find(([id]) => id !== current)?.[0];
  // A kept pick that has become A's own account would compare A with itself: take the other.
  const value = accounts.some(([id]) => id === keep) && keep !== current ? keep : (other ?? current ?? '');
  return {
    options: accounts.length ? accounts.map(([id, acc]) => [id, `${id} — ${acc.title}`]) : [['', wordsIn(lang)('app-tools.compare.no-accounts')]],
    value,
    disabled: accounts.length === 0,
  };
}
