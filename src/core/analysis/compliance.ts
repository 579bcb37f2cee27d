/** The scorecard: one line per rule of the procedure in force, with the evidence for its verdict. */
import type { Run } from '../engine/engine';
import type { EntryOf } from '../log';
import type { Breakdown } from './breakdowns';
import { normNumbers, selectNorms } from './norms';
import { pairEvents } from '../engine/geometry';
import { DEFAULT_APPROACH_RANGE_M } from '../engine/sensing';
import { parameterValue } from '../procedure/load';
import { isAshore } from '../kinds';

export type ComplianceStatus = 'followed' | 'violated' | 'not-applicable';

export interface ComplianceLine {
  rule: string;
  title: string;
  item?: string;
  status: ComplianceStatus;
  evidence: string;
}

export function scorecard(run: Run, breakdowns: Breakdown[]): ComplianceLine[] {
  const decisions = run.log.filter((e): e is EntryOf<'decision'> => e.type === 'decision');
  let encountered: { met: boolean; rangeM: number } | undefined;
  return run.scenario.procedure.rules.map((rule) => {
    const base = { rule: rule.qid, title: rule.title, ...(rule.item ? { item: rule.item } : {}) };
    if (rule.type === 'avoid') {
      const v = breakdowns.filter((b) => b.kind === 'violation' && b.rule === rule.qid);
      if (v.length) return { ...base, status: 'violated' as const, evidence: v.map((b) => `t=${b.t.toFixed(0)} s: ${b.cause}`).join('; ') };
      encountered ??= encounter(run);
      if (!encountered.met)
        return {
          ...base,
          status: 'not-applicable' as const,
          evidence: `no encounter between units of different nations: none came within ${(encountered.rangeM / 1000).toFixed(1)} km of another`,
        };
      if (rule.action !== 'close-approach') return { ...base, status: 'followed' as const, evidence: 'no such action against a unit encountered' };
      return closeApproachLine(run, base);
    }
    const mine = decisions.filter((d) => d.rule === rule.qid);
    const failed = mine.filter((d) => d.decision === 'omitted' || d.decision === 'cannot');
    const done = mine.filter((d) => d.decision === 'done');
    const say = (d: EntryOf<'decision'>) => `t=${d.t.toFixed(0)} s ${d.unit}: ${d.reason}`;
    if (failed.length)
      return {
        ...base,
        status: 'violated' as const,
        evidence: failed.slice(0, 3).map(say).join('; ') + (failed.length > 3 ? ` (+${failed.length - 3} more)` : ''),
      };
    if (done.length)
      return { ...base, status: 'followed' as const, evidence: done.slice(0, 3).map(say).join('; ') + (done.length > 3 ? ` (+${done.length - 3} more)` : '') };
    return { ...base, status: 'not-applicable' as const, evidence: 'nothing in this run called for it' };
  });
}

/**
 * Whether two units of different nations at sea or in the air (ships too, not only an aircraft and a
 * ship) came within the approach range during the run. The engine logs aircraft passes; other pairs
 * are found from the scenario's motion, as the engine finds passes. A headquarters ashore meets nobody.
 */
function encounter(run: Run): { met: boolean; rangeM: number } {
  const sc = run.scenario;
  const rangeM = parameterValue(sc.procedure, 'approachRangeM', sc.parameters, DEFAULT_APPROACH_RANGE_M);
  if (run.log.some((e) => e.type === 'proximity')) return { met: true, rangeM };
  const afloat = sc.units.filter((u) => !isAshore(u) && sc.motion[u.id]);
  for (const [i, a] of afloat.entries())
    for (const b of afloat.slice(i + 1)) {
      if (a.nation === b.nation) continue;
      if (pairEvents(a.id, b.id, sc.motion[a.id]!, sc.motion[b.id]!, run.durationS, rangeM).some((ev) => ev.kind === 'enter')) return { met: true, rangeM };
    }
  return { met: false, rangeM };
}

/** A close-approach rule is judged by the norms that judge the run: it says which, or that none was in force. */
function closeApproachLine(run: Run, base: Omit<ComplianceLine, 'status' | 'evidence'>): ComplianceLine {
  const sel = selectNorms(run.scenario, run.norms);
  const date = run.scenario.spec.date;
  if (!sel.judging.length)
    return {
      ...base,
      status: 'not-applicable',
      evidence: `no verdict: none of ${sel.basis} with numbers was in force on ${date}${sel.later.length || sel.unnumbered.length ? ' (see the discussion)' : ''}`,
    };
  const list = sel.judging.map((n) => `${n.nation}'s ${n.id} (${normNumbers(n)})`).join(', ');
  return { ...base, status: 'followed', evidence: `no pass inside ${sel.basis} in force on ${date}: ${list}` };
}
