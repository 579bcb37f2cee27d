/** The scorecard: one line per rule of the procedure in force, with the evidence for its verdict. */
import type { Run } from '../engine/engine';
import type { EntryOf } from '../log';
import type { Breakdown } from './breakdowns';
import { normNumbers, selectNorms } from './norms';

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
  return run.scenario.procedure.rules.map((rule) => {
    const base = { rule: rule.qid, title: rule.title, ...(rule.item ? { item: rule.item } : {}) };
    if (rule.type === 'avoid') {
      const v = breakdowns.filter((b) => b.kind === 'violation' && b.rule === rule.qid);
      if (v.length) return { ...base, status: 'violated' as const, evidence: v.map((b) => `t=${b.t.toFixed(0)} s: ${b.cause}`).join('; ') };
      const encountered = run.log.some((e) => e.type === 'proximity');
      if (!encountered) return { ...base, status: 'not-applicable' as const, evidence: 'no encounter between units of different nations' };
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
