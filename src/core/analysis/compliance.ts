/** The scorecard: one line per rule of the procedure in force, with the evidence for its verdict. */
import type { Run } from '../engine/engine';
import type { EntryOf } from '../log';
import type { Breakdown } from './breakdowns';
import { normNumbersWhy, selectNorms } from './norms';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import { unitsContext } from '../format/words';
import { clauses, reasonOf } from './clauses';
import { pairEvents } from '../engine/geometry';
import { DEFAULT_APPROACH_RANGE_M } from '../engine/sensing';
import { parameterValue } from '../procedure/load';
import { isAshore } from '../kinds';
import { entriesOf } from './entries';

export type ComplianceStatus = 'followed' | 'violated' | 'not-applicable';

export interface ComplianceLine {
  rule: string;
  title: string;
  item?: string;
  status: ComplianceStatus;
  evidence: string;
  /** The evidence as data; `evidence` is its English. */
  why?: Explanation;
}

export function scorecard(run: Run, breakdowns: Breakdown[]): ComplianceLine[] {
  const decisions = entriesOf(run.log, 'decision');
  const ctx = unitsContext(run.scenario.units);
  let encountered: { met: boolean; rangeM: number } | undefined;
  const line = (base: Omit<ComplianceLine, 'status' | 'evidence'>, status: ComplianceStatus, why: Explanation): ComplianceLine => ({
    ...base,
    status,
    evidence: english(why, ctx),
    why,
  });
  // Each rule's decisions and violations, in order, sorted out in one pass over each list rather
  // than the whole list filtered for each rule (15,000 decisions and 12,000 breakdowns at 1,000 units).
  const decisionsBy = byRule(decisions);
  const violationsBy = byRule(breakdowns.filter((b) => b.kind === 'violation'));
  return run.scenario.procedure.rules.map((rule) => {
    const base = { rule: rule.qid, title: rule.title, ...(rule.item ? { item: rule.item } : {}) };
    if (rule.type === 'avoid') {
      const v = violationsBy.get(rule.qid) ?? [];
      // A breakdown's cause as data where its English is the finder's own (ids and numbers), else quoted as it is.
      if (v.length)
        return line(base, 'violated', clauses(v.map((b) => explain('analysis.compliance.breach', { t: b.t.toFixed(0), cause: b.causeWhy ?? b.cause }))));
      encountered ??= encounter(run);
      if (!encountered.met) return line(base, 'not-applicable', explain('analysis.compliance.no-encounter', { km: (encountered.rangeM / 1000).toFixed(1) }));
      if (rule.action !== 'close-approach') return line(base, 'followed', explain('analysis.compliance.no-such-action'));
      return closeApproachLine(run, base);
    }
    const mine = decisionsBy.get(rule.qid) ?? [];
    const failed = mine.filter((d) => d.decision === 'omitted' || d.decision === 'cannot');
    const done = mine.filter((d) => d.decision === 'done');
    // A decision's reason is the engine's English, quoted as the log keeps it.
    const said = (ds: EntryOf<'decision'>[]) => {
      const list = clauses(
        ds.slice(0, 3).map((d) => explain('analysis.compliance.decision', { t: d.t.toFixed(0), unit: unitRef(d.unit), reason: reasonOf(d) })),
      );
      return ds.length > 3 ? explain('analysis.compliance.more', { list, n: ds.length - 3 }) : list;
    };
    if (failed.length) return line(base, 'violated', said(failed));
    if (done.length) return line(base, 'followed', said(done));
    return line(base, 'not-applicable', explain('analysis.compliance.not-called'));
  });
}

/** Entries by the rule they name, each rule's in the order of the list; those naming none left out. */
function byRule<T extends { rule?: string | null | undefined }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    if (typeof x.rule !== 'string') continue;
    const mine = out.get(x.rule);
    if (mine) mine.push(x);
    else out.set(x.rule, [x]);
  }
  return out;
}

/**
 * Whether two units of different nations at sea or in the air (ships too, not only an aircraft and a
 * ship) came within the approach range during the run. The engine logs aircraft passes; other pairs
 * are found from the scenario's motion, as the engine finds passes. A headquarters ashore meets nobody.
 */
function encounter(run: Run): { met: boolean; rangeM: number } {
  const sc = run.scenario;
  const rangeM = parameterValue(sc.procedure, 'approachRangeM', sc.parameters, DEFAULT_APPROACH_RANGE_M);
  if (entriesOf(run.log, 'proximity').length) return { met: true, rangeM };
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
  if (!sel.judging.length) {
    const why = explain(sel.later.length || sel.unnumbered.length ? 'analysis.compliance.no-norm-see-discussion' : 'analysis.compliance.no-norm', {
      basis: sel.basisWhy,
      date,
    });
    return { ...base, status: 'not-applicable', evidence: english(why), why };
  }
  const list = sel.judging.map((n) => explain('analysis.norms.owned', { nation: n.nation, id: n.id, numbers: normNumbersWhy(n) }));
  const why = explain('analysis.compliance.no-pass-inside', { basis: sel.basisWhy, date, norms: list });
  return { ...base, status: 'followed', evidence: english(why), why };
}
