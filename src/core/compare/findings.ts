/**
 * Findings of two runs side by side: each breakdown is in both accounts, only in A or only in B.
 * Two breakdowns are the same finding when their keys match (key.ts); where a key occurs more than
 * once, the ones nearest in time pair first, so an extra finding early in one run does not shift
 * every later pairing.
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';
import { breakdownKey } from './key';

export type Presence = 'both' | 'only-a' | 'only-b';

export interface Finding {
  key: string;
  presence: Presence;
  /** The breakdown in run A (null when only in B) and in run B (null when only in A). */
  a: Breakdown | null;
  b: Breakdown | null;
  /**
   * Disputed facts whose value, set as the other account gives it, removes this finding (for a
   * finding in both: from either run). Empty: it rests on no single disputed fact. Null: not
   * asked (the runs differ in more than their account, or no re-run was possible).
   */
  restsOn: string[] | null;
  /** The same, by run: the facts whose change removes it from A (set to B's value) and from B (set to A's). */
  goesFrom: { a: string[]; b: string[] } | null;
}

export interface Pairing {
  pairs: [Breakdown, Breakdown][];
  onlyA: Breakdown[];
  onlyB: Breakdown[];
}

function byKey(x: Analysis): Map<string, Breakdown[]> {
  const m = new Map<string, Breakdown[]>();
  for (const b of x.breakdowns) {
    const k = breakdownKey(x, b);
    m.set(k, [...(m.get(k) ?? []), b]);
  }
  return m;
}

/** Pairs the breakdowns of two runs that are the same finding; the rest are each run's own. Lists keep each run's order. */
export function pairBreakdowns(a: Analysis, b: Analysis): Pairing {
  const ka = byKey(a);
  const kb = byKey(b);
  const partner = new Map<Breakdown, Breakdown>();
  for (const [k, xs] of ka) {
    const ys = kb.get(k);
    if (!ys) continue;
    const candidates: [number, number, number][] = [];
    xs.forEach((x, i) => ys.forEach((y, j) => candidates.push([Math.abs(x.t - y.t), i, j])));
    candidates.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    const usedB = new Set<number>();
    for (const [, i, j] of candidates) {
      if (partner.has(xs[i]!) || usedB.has(j)) continue;
      partner.set(xs[i]!, ys[j]!);
      usedB.add(j);
    }
  }
  const paired = new Set(partner.values());
  return {
    pairs: a.breakdowns.filter((x) => partner.has(x)).map((x) => [x, partner.get(x)!]),
    onlyA: a.breakdowns.filter((x) => !partner.has(x)),
    onlyB: b.breakdowns.filter((y) => !paired.has(y)),
  };
}

/** Every finding of the two runs, in order of time (A's time for one in both), restsOn not yet asked. */
export function findingsOf(a: Analysis, b: Analysis, p: Pairing): Finding[] {
  const out: Finding[] = [
    ...p.pairs.map(([x, y]): Finding => ({ key: breakdownKey(a, x), presence: 'both', a: x, b: y, restsOn: null, goesFrom: null })),
    ...p.onlyA.map((x): Finding => ({ key: breakdownKey(a, x), presence: 'only-a', a: x, b: null, restsOn: null, goesFrom: null })),
    ...p.onlyB.map((y): Finding => ({ key: breakdownKey(b, y), presence: 'only-b', a: null, b: y, restsOn: null, goesFrom: null })),
  ];
  const t = (f: Finding) => (f.a ?? f.b)!.t;
  const rank: Record<Presence, number> = { both: 0, 'only-a': 1, 'only-b': 2 };
  return out.sort((x, y) => t(x) - t(y) || rank[x.presence] - rank[y.presence] || (x.a ?? x.b)!.entry - (y.a ?? y.b)!.entry);
}

/** The finding's breakdown as it stands in the run it is drawn from (A's when in both). */
export const breakdownOf = (f: Finding): Breakdown => (f.a ?? f.b)!;
