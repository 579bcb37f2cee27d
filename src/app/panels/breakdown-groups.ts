/**
 * Breakdowns sorted the way a class reads them: by kind (the ladder stage a call stopped at, an
 * omission, a violation) and by call (one radio call may break down for several addressees). Pure:
 * the panel shows what this returns; the store keeps the filter so a shared link keeps it.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { LADDER, type Stage } from '../../core/log';
import { groupBy } from '../../core/group-by';

export type BreakdownGrouping = 'none' | 'kind' | 'call';

export interface BreakdownFilter {
  /** A kind key (`kindKey`), or null for every kind. */
  kind: string | null;
  /** A call key (`callKey`), or null for every call. */
  call: string | null;
  group: BreakdownGrouping;
}

export const NO_FILTER: BreakdownFilter = { kind: null, call: null, group: 'none' };

/** The key of "no call": omissions and violations that are about no transmission. */
export const NO_CALL = '-';

/** The stage a ladder breakdown stopped at, else "omission" / "violation" (a ladder breakdown of unknown stage: "ladder"). */
export function kindKey(b: Breakdown): string {
  return b.kind === 'ladder' ? (b.stage ?? 'ladder') : b.kind;
}

export function callKey(b: Breakdown): string {
  return b.transmission ?? NO_CALL;
}

/** Kinds in the order of the ladder, then the procedure's. */
const KIND_ORDER: readonly string[] = [...LADDER, 'ladder', 'omission', 'violation'];

export interface Group {
  key: string;
  breakdowns: Breakdown[];
}

/** Keys present in `bs` with how many breakdowns each has, in reading order (kinds by the ladder, calls by time). */
export function counts(bs: readonly Breakdown[], by: 'kind' | 'call'): Group[] {
  const key = by === 'kind' ? kindKey : callKey;
  const groups = [...groupBy(bs, key)].map(([k, list]) => ({ key: k, breakdowns: list }));
  if (by === 'kind') groups.sort((x, y) => rank(x.key) - rank(y.key));
  // Calls in the order they were made (their first breakdown's time); breakdowns of no call last.
  else groups.sort((x, y) => Number(x.key === NO_CALL) - Number(y.key === NO_CALL) || x.breakdowns[0]!.t - y.breakdowns[0]!.t);
  return groups;
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** The breakdowns the filter lets through, in the run's order. */
export function filtered(bs: readonly Breakdown[], f: BreakdownFilter): Breakdown[] {
  return bs.filter((b) => (f.kind === null || kindKey(b) === f.kind) && (f.call === null || callKey(b) === f.call));
}

/** What the list shows: one group of all (no grouping), else a group per kind or per call, each with its count. */
export function grouped(bs: readonly Breakdown[], f: BreakdownFilter): Group[] {
  const shown = filtered(bs, f);
  return f.group === 'none' ? [{ key: '', breakdowns: shown }] : counts(shown, f.group);
}

/** A kind key as a stage of the ladder, when it is one. */
export function stageOf(kind: string): Stage | null {
  return (LADDER as readonly string[]).includes(kind) ? (kind as Stage) : null;
}

/** The call a key names, from the run's log. */
export function transmissionOf(a: Analysis, key: string) {
  if (key === NO_CALL) return undefined;
  for (const e of a.run.log) if (e.type === 'transmission' && e.tx.id === key) return e.tx;
  return undefined;
}
