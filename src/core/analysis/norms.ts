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
import type { EntryOf, LogEntry } from '../log';
import type { Scenario } from '../scenario/model';
import { parameterValue } from '../procedure/load';

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
  if (n.minGroundM !== undefined && n.minAltitudeM !== undefined && n.breachWhen === 'either') return `${n.minGroundM} m or ${n.minAltitudeM} m altitude`;
  if (n.minGroundM !== undefined && n.minAltitudeM !== undefined) return `${n.minGroundM} m / ${n.minAltitudeM} m`;
  if (n.minGroundM !== undefined) return `${n.minGroundM} m`;
  if (n.minAltitudeM !== undefined) return `${n.minAltitudeM} m altitude`;
  return 'no numbers';
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
}

export function selectNorms(s: Scenario, all: SafeDistanceNorm[] = statedNorms(s)): NormSelection {
  const date = s.spec.date;
  const account = s.account ? s.spec.accounts[s.account] : undefined;
  let candidates: SafeDistanceNorm[];
  let basis: string;
  if (account?.norms) {
    const named = account.norms;
    candidates = all.filter((n) => named.includes(n.id));
    basis = `the norms account ${s.account} names`;
  } else if (account?.side) {
    const side = account.side;
    candidates = all.filter((n) => n.nation === side);
    basis = `${side}'s norms`;
  } else {
    candidates = all;
    basis = "every side's norms";
  }
  const current = candidates.filter((n) => inForceOn(n, date));
  return {
    judging: current.filter(hasNumbers),
    unnumbered: current.filter((n) => !hasNumbers(n)),
    later: candidates.filter((n) => n.from > date),
    basis,
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
}

interface Pass {
  unit: string;
  other: string;
  groundM: number;
  altitudeM: number;
}

/** The closest pass of each aircraft–surface pair, in the order the pairs first met. */
function closestPasses(log: readonly LogEntry[]): Pass[] {
  const byPair = new Map<string, Pass>();
  for (const e of log) {
    if (e.type !== 'proximity' || !e.closest) continue;
    const p = e as EntryOf<'proximity'>;
    const key = `${p.unit}/${p.other}`;
    const best = byPair.get(key);
    if (!best || p.groundM < best.groundM) byPair.set(key, { unit: p.unit, other: p.other, groundM: p.groundM, altitudeM: p.altitudeM });
  }
  return [...byPair.values()];
}

/** Later norms and unnumbered ones of every side, and rules set aside by date, as lines a trainer can read out. */
export function discussion(s: Scenario, log: readonly LogEntry[], all: SafeDistanceNorm[] = statedNorms(s)): DiscussionItem[] {
  // Every side's later and unnumbered norms, whichever account judges: both sides' debriefs carry the same discussion.
  const sel = selectNorms({ ...s, account: null }, all);
  const units = new Map(s.units.map((u) => [u.id, u]));
  const name = (id: string) => units.get(id)?.name ?? id;
  const passes = closestPasses(log);
  const passesOf = (n: SafeDistanceNorm) =>
    passes.filter((p) => {
      const a = units.get(p.unit);
      const b = units.get(p.other);
      return a && b && normSpeaksOf(n, a, b);
    });
  const under = (n: SafeDistanceNorm, verdicts: boolean): string =>
    passesOf(n)
      .map((p) => {
        const at = `${p.groundM} m at ${p.altitudeM} m altitude`;
        const word = verdicts ? (passInside(n, p.groundM, p.altitudeM) ? 'inside' : 'outside') : 'closest pass';
        return `${name(p.unit)} – ${name(p.other)}: ${word}: ${at}`;
      })
      .join('; ');
  const date = s.spec.date;
  const out: DiscussionItem[] = [];
  // A norm is worth a line only where the run has a pass it speaks of.
  for (const n of sel.later.filter((x) => passesOf(x).length)) {
    const numbers = hasNumbers(n) ? normNumbers(n) : 'stated without numbers';
    out.push({
      kind: 'later-norm',
      id: n.id,
      owner: n.nation,
      from: n.from,
      text: `later norm, for discussion: ${n.id} (${n.nation}'s, from ${n.from}; ${numbers}): ${n.label}. It dates from after this scenario's date ${date}, so it gives no finding. Under it: ${under(n, hasNumbers(n))}.`,
    });
  }
  for (const n of sel.unnumbered.filter((x) => passesOf(x).length)) {
    out.push({
      kind: 'unnumbered-norm',
      id: n.id,
      owner: n.nation,
      from: n.from,
      text: `norm without numbers, for discussion: ${n.id} (${n.nation}'s, from ${n.from}): ${n.label}. It gives no verdict. ${under(n, false)}.`,
    });
  }
  for (const r of s.procedure.laterRules ?? []) {
    out.push({
      kind: 'later-rule',
      id: r.qid,
      owner: null,
      from: r.from ?? null,
      text: `later rule, for discussion: "${r.title}" (${r.qid}) applies from ${r.from}, after this scenario's date ${date}: not applied to this run (no duty, no finding).`,
    });
  }
  return out;
}
