/**
 * Which safe-distance norms judge a run, and what the others say. A norm belongs to a side and a
 * date: an account judges by the norms it names, else by its side's norms in force on the
 * scenario's date; a run with no side judges by every side's norms in force, each verdict naming
 * its norm and owner. A norm from after the date is never a finding, only a line for discussion,
 * with what the run's closest passes would be under it. No nation is named here: norms, sides and
 * units carry their own.
 */
import type { SafeDistanceNorm } from '../procedure/schema';
import type { UnitSpec } from '../scenario/schema';
import type { LogEntry } from '../log';
import type { Scenario } from '../scenario/model';
import { parameterValue } from '../procedure/load';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import { unitsContext } from '../format/words';
import { clauses } from './clauses';
import { entriesOf } from './entries';

export type { SafeDistanceNorm };

/** How a crew judges a pass threatening: by its side's norm in force (true), by its own thresholds, or not at all. */
export type ThreatJudgement = UnitSpec['crew']['judgesThreatening'];

export function inForceOn(n: SafeDistanceNorm, date: string): boolean {
  return n.from <= date && (n.until === undefined || date < n.until);
}

export function hasNumbers(n: Pick<SafeDistanceNorm, 'minGroundM' | 'minAltitudeM'>): boolean {
  return n.minGroundM !== undefined || n.minAltitudeM !== undefined;
}

type NormNumbers = Pick<SafeDistanceNorm, 'minGroundM' | 'minAltitudeM'> & { breachWhen?: 'both' | 'either' };

/**
 * A pass is inside a norm when it is closer and lower than each number the norm gives; a norm with
 * `breachWhen: either` is breached by a pass closer or lower (inside a range or below an altitude).
 */
export function passInside(n: NormNumbers, groundM: number, altitudeM: number): boolean {
  if (!hasNumbers(n)) return false;
  const closer = n.minGroundM !== undefined && groundM < n.minGroundM;
  const lower = n.minAltitudeM !== undefined && altitudeM < n.minAltitudeM;
  if (n.breachWhen === 'either') return closer || lower;
  return (n.minGroundM === undefined || closer) && (n.minAltitudeM === undefined || lower);
}

/** "500 m / 150 m", "5556 m or 457 m altitude", "5556 m", "150 m altitude". */
export function normNumbers(n: NormNumbers): string {
  return english(normNumbersWhy(n));
}

/** The same as data. */
export function normNumbersWhy(n: NormNumbers): Explanation {
  const ground = n.minGroundM;
  const altitude = n.minAltitudeM;
  if (ground !== undefined && altitude !== undefined)
    return explain(n.breachWhen === 'either' ? 'analysis.norms.numbers-either' : 'analysis.norms.numbers-both', { ground, altitude });
  if (ground !== undefined) return explain('analysis.norms.numbers-ground', { ground });
  if (altitude !== undefined) return explain('analysis.norms.numbers-altitude', { altitude });
  return explain('analysis.norms.numbers-none');
}

/** Every side's norms as the procedure (or the scenario's override) states them; malformed entries are the loader's to report. */
export function statedNorms(s: Scenario): SafeDistanceNorm[] {
  const v = parameterValue<unknown>(s.procedure, 'safeDistanceNorms', s.parameters, []);
  return Array.isArray(v)
    ? (v as SafeDistanceNorm[]).filter((n) => n && typeof n === 'object' && typeof n.nation === 'string' && typeof n.id === 'string')
    : [];
}

export interface NormSelection {
  /** Norms in force on the date, with numbers: each gives verdicts. */
  judging: SafeDistanceNorm[];
  /** Norms in force without numbers: a stated position, no verdict. */
  unnumbered: SafeDistanceNorm[];
  /** Norms from after the date: for discussion only. */
  later: SafeDistanceNorm[];
  /** Whose norms these are, in words: "the norms account rok names", "KR's norms", "every side's norms". */
  basis: string;
  /** The same as data. */
  basisWhy: Explanation;
}

export function selectNorms(s: Scenario, all: SafeDistanceNorm[] = statedNorms(s)): NormSelection {
  const date = s.spec.date;
  const account = s.account ? s.spec.accounts[s.account] : undefined;
  let candidates: SafeDistanceNorm[];
  let basisWhy: Explanation;
  if (account?.norms) {
    const named = account.norms;
    candidates = all.filter((n) => named.includes(n.id));
    basisWhy = explain('analysis.norms.basis-account', { account: String(s.account) });
  } else if (account?.side) {
    const side = account.side;
    candidates = all.filter((n) => n.nation === side);
    basisWhy = explain('analysis.norms.basis-side', { side });
  } else {
    candidates = all;
    basisWhy = explain('analysis.norms.basis-every');
  }
  const current = candidates.filter((n) => inForceOn(n, date));
  return {
    judging: current.filter(hasNumbers),
    unnumbered: current.filter((n) => !hasNumbers(n)),
    later: candidates.filter((n) => n.from > date),
    basis: english(basisWhy),
    basisWhy,
  };
}

/** Whether a norm speaks of a pass: one of the two units is its owner's, and both are of services it covers. */
export function normSpeaksOf(
  n: SafeDistanceNorm,
  a: { nation: string; service?: string | undefined },
  b: { nation: string; service?: string | undefined },
): boolean {
  if (n.nation !== a.nation && n.nation !== b.nation) return false;
  const covers = (u: { service?: string | undefined }) => !n.services || !u.service || n.services.includes(u.service);
  return covers(a) && covers(b);
}

/** The limits a crew judges a pass threatening by, or undefined when it does not (or its side had no numeric norm in force). */
export function crewLimits(
  judgement: ThreatJudgement,
  ship: { nation: string; service?: string | undefined },
  norms: SafeDistanceNorm[],
  date: string,
): { minGroundM?: number; minAltitudeM?: number; breachWhen?: 'both' | 'either'; label: string } | undefined {
  if (judgement === false) return undefined;
  if (judgement === true)
    return norms.find(
      (n) => n.nation === ship.nation && inForceOn(n, date) && hasNumbers(n) && (!n.services || !ship.service || n.services.includes(ship.service)),
    );
  return {
    minGroundM: judgement.withinM,
    minAltitudeM: judgement.belowM,
    label: `the crew's own threshold of ${judgement.withinM} m and ${judgement.belowM} m altitude (an assumption of the scenario)`,
  };
}

/** A line for discussion: a norm or rule that gives no verdict in this run, and why. */
export interface DiscussionItem {
  kind: 'later-norm' | 'unnumbered-norm' | 'later-rule';
  id: string;
  owner: string | null;
  from: string | null;
  text: string;
  /** The line as data; `text` is its English. */
  why?: Explanation;
}

interface Pass {
  unit: string;
  other: string;
  groundM: number;
  altitudeM: number;
}

/** The closest pass of each aircraft–surface pair, in the order the pairs first met. */
function closestPasses(log: readonly LogEntry[]): Pass[] {
  // By unit, then the other: no key string joined for each of 12,000 proximity entries at 1,000 units.
  const byPair = new Map<string, Map<string, Pass>>();
  const out: Pass[] = [];
  const proximity = entriesOf(log, 'proximity');
  for (let i = 0; i < proximity.length; i++) {
    const p = proximity[i]!;
    if (!p.closest) continue;
    let mine = byPair.get(p.unit);
    if (!mine) byPair.set(p.unit, (mine = new Map()));
    const best = mine.get(p.other);
    if (!best) {
      const pass = { unit: p.unit, other: p.other, groundM: p.groundM, altitudeM: p.altitudeM };
      mine.set(p.other, pass);
      out.push(pass);
    } else if (p.groundM < best.groundM) {
      best.groundM = p.groundM;
      best.altitudeM = p.altitudeM;
    }
  }
  return out;
}

/** Later norms and unnumbered ones of every side, and rules set aside by date, as lines a trainer can read out. */
export function discussion(s: Scenario, log: readonly LogEntry[], all: SafeDistanceNorm[] = statedNorms(s)): DiscussionItem[] {
  // Every side's later and unnumbered norms, whichever account judges: both sides' debriefs carry the same discussion.
  const sel = selectNorms({ ...s, account: null }, all);
  const units = new Map(s.units.map((u) => [u.id, u]));
  const ctx = unitsContext(s.units);
  const passes = closestPasses(log);
  // Each norm's passes, sorted out once: a norm is asked whether it has any, then for them.
  const passesByNorm = new Map<SafeDistanceNorm, Pass[]>();
  const passesOf = (n: SafeDistanceNorm) => {
    let mine = passesByNorm.get(n);
    if (!mine)
      passesByNorm.set(
        n,
        (mine = passes.filter((p) => {
          const a = units.get(p.unit);
          const b = units.get(p.other);
          return a && b && normSpeaksOf(n, a, b);
        })),
      );
    return mine;
  };
  const under = (n: SafeDistanceNorm, verdicts: boolean): Explanation =>
    clauses(
      passesOf(n).map((p) =>
        explain('analysis.norms.pass', {
          unit: unitRef(p.unit),
          other: unitRef(p.other),
          verdict: verdicts ? (passInside(n, p.groundM, p.altitudeM) ? 'inside' : 'outside') : 'closest',
          groundM: p.groundM,
          altitudeM: p.altitudeM,
        }),
      ),
    );
  const date = s.spec.date;
  const out: DiscussionItem[] = [];
  const item = (kind: DiscussionItem['kind'], id: string, owner: string | null, from: string | null, why: Explanation) =>
    out.push({ kind, id, owner, from, text: english(why, ctx), why });
  // A norm is worth a line only where the run has a pass it speaks of.
  for (const n of sel.later.filter((x) => passesOf(x).length))
    item(
      'later-norm',
      n.id,
      n.nation,
      n.from,
      explain('analysis.norms.later', {
        id: n.id,
        nation: n.nation,
        from: n.from,
        numbers: hasNumbers(n) ? normNumbersWhy(n) : explain('analysis.norms.numbers-unstated'),
        label: n.label,
        date,
        under: under(n, hasNumbers(n)),
      }),
    );
  for (const n of sel.unnumbered.filter((x) => passesOf(x).length))
    item(
      'unnumbered-norm',
      n.id,
      n.nation,
      n.from,
      explain('analysis.norms.unnumbered', { id: n.id, nation: n.nation, from: n.from, label: n.label, under: under(n, false) }),
    );
  for (const r of s.procedure.laterRules ?? [])
    item('later-rule', r.qid, null, r.from ?? null, explain('analysis.norms.later-rule', { title: r.title, rule: r.qid, from: String(r.from), date }));
  return out;
}
