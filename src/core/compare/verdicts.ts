/**
 * "The sides agree on the numbers and differ on the verdict": a closest pass both runs record
 * alike (same aircraft, same unit passed, same distance and altitude) that the two runs judge
 * differently. The numbers are common ground; the verdict is what the accounts dispute.
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';
import type { EntryOf } from '../log';

export interface Pass {
  unit: string;
  other: string;
  groundM: number;
  altitudeM: number;
  /** When each run records it. */
  tA: number;
  tB: number;
}

export interface VerdictDifference {
  pass: Pass;
  /** The violations each run finds about this pass; empty where it finds none. */
  a: Breakdown[];
  b: Breakdown[];
}

type Proximity = EntryOf<'proximity'>;

const passKey = (e: Proximity) => `${e.unit}|${e.other}|${e.groundM}|${e.altitudeM}`;

function closestPasses(x: Analysis): Map<string, Proximity[]> {
  const m = new Map<string, Proximity[]>();
  for (const e of x.run.log) if (e.type === 'proximity' && e.closest) m.set(passKey(e), [...(m.get(passKey(e)) ?? []), e]);
  return m;
}

/** Violations read from this log entry (a distance violation names the closest pass it judged). */
function violationsAbout(x: Analysis, e: Proximity): Breakdown[] {
  return x.breakdowns.filter((b) => b.kind === 'violation' && b.entry === e.seq);
}

const verdictKey = (list: Breakdown[]) =>
  list
    .map((b) => `${b.rule ?? ''}|${b.norm ?? ''}`)
    .sort()
    .join(',');

/** Each pass both runs record alike whose violations differ, in the order of run A. */
export function verdictDifferences(a: Analysis, b: Analysis): VerdictDifference[] {
  const pb = closestPasses(b);
  const out: VerdictDifference[] = [];
  for (const [k, list] of closestPasses(a)) {
    const others = pb.get(k) ?? [];
    // The n-th pass at these numbers in A is the n-th in B: same track, same order.
    list.forEach((ea, i) => {
      const eb = others[i];
      if (!eb) return;
      const va = violationsAbout(a, ea);
      const vb = violationsAbout(b, eb);
      if (verdictKey(va) === verdictKey(vb)) return;
      out.push({ pass: { unit: ea.unit, other: ea.other, groundM: ea.groundM, altitudeM: ea.altitudeM, tA: ea.t, tB: eb.t }, a: va, b: vb });
    });
  }
  return out.sort((p, q) => p.pass.tA - q.pass.tA);
}
