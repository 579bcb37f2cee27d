/**
 * Does a finding rest on a disputed fact? Run one account again with a single disputed fact as
 * the other account gives it: a finding that goes rests on that fact. A finding in both accounts
 * that no such change removes in either run is common ground. The engine is deterministic, so
 * the answer is too; two runs per fact that the accounts give differently.
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';
import { loadScenario } from '../scenario/load';
import type { FileText, ProcedureSource } from '../procedure/load';
import { runScenario } from '../engine/engine';
import { analyse } from '../analysis/report';
import { pairBreakdowns, type Finding } from './findings';

/** The scenario once more under `account`, with `facts` at the values given; null when it cannot run. */
export type Rerun = (account: string, facts: Record<string, unknown>) => Analysis | null;

/** Re-runs of one scenario file under one procedure and seed, the settings both runs share. */
export function rerunner(file: FileText, procedures: ProcedureSource, opts: { procedure?: string; seed?: number }): Rerun {
  return (account, facts) => {
    const loaded = loadScenario(file, procedures, { account, facts, ...(opts.procedure ? { procedure: opts.procedure } : {}) });
    if (!loaded.scenario) return null;
    return analyse(runScenario(loaded.scenario, opts.seed !== undefined ? { seed: opts.seed } : {}));
  };
}

export interface Grounds {
  /** Whether each finding was tested against the disputed facts. */
  asked: boolean;
  /** Why not, in words, when not asked. */
  why: string | null;
  /** Facts whose changed run could not be made (the value of one account does not fit the other's file). */
  failed: string[];
}

export interface DisputedFact {
  id: string;
  a: unknown;
  b: unknown;
}

/** Why the findings cannot be tested against the facts, or null when they can. */
export function groundsUnasked(a: Analysis, b: Analysis, rerun: Rerun | undefined): string | null {
  const sa = a.run.scenario;
  const sb = b.run.scenario;
  const other: string[] = [];
  if (sa.procedure.id !== sb.procedure.id) other.push('procedure');
  if (a.run.seed !== b.run.seed) other.push('seed');
  const accounts = sa.account !== null && sb.account !== null && sa.account !== sb.account;
  if (other.length) {
    return accounts
      ? `These runs differ in ${other.join(' and ')} as well as in account. Facts-flipping applies to accounts only (one procedure, one seed), so no finding is tested against the disputed facts here; compare the two accounts under one procedure for that.`
      : `These runs differ in ${other.join(' and ')}, not in account. Facts-flipping applies to accounts only, so no finding is tested against the disputed facts.`;
  }
  if (!accounts) return 'Both runs are under the same account: no disputed fact tells them apart.';
  if (!rerun) return 'No re-run was available, so no finding is tested against the disputed facts.';
  return null;
}

/** The breakdowns of `x` that the changed run `y` no longer has. */
function removed(x: Analysis, y: Analysis | null): Set<Breakdown> {
  if (!y) return new Set();
  return new Set(pairBreakdowns(x, y).onlyA);
}

/**
 * Sets `restsOn` on every finding: for each disputed fact, run A with B's value and B with A's,
 * and note the findings each change removes from its run.
 */
export function testGrounds(a: Analysis, b: Analysis, findings: Finding[], facts: DisputedFact[], rerun: Rerun | undefined): Grounds {
  const why = groundsUnasked(a, b, rerun);
  if (why !== null || !rerun) return { asked: false, why, failed: [] };
  const accountA = a.run.scenario.account!;
  const accountB = b.run.scenario.account!;
  const goes = new Map<Finding, { a: string[]; b: string[] }>(findings.map((f) => [f, { a: [], b: [] }]));
  const failed: string[] = [];
  for (const fact of facts) {
    // A fact one account does not give at all cannot be carried across.
    if (fact.a === undefined || fact.b === undefined) continue;
    const ra = rerun(accountA, { [fact.id]: fact.b });
    const rb = rerun(accountB, { [fact.id]: fact.a });
    if (!ra || !rb) failed.push(fact.id);
    const goneA = removed(a, ra);
    const goneB = removed(b, rb);
    for (const f of findings) {
      if (f.a && goneA.has(f.a)) goes.get(f)!.a.push(fact.id);
      if (f.b && goneB.has(f.b)) goes.get(f)!.b.push(fact.id);
    }
  }
  for (const f of findings) {
    const g = goes.get(f)!;
    f.goesFrom = g;
    f.restsOn = facts.map((x) => x.id).filter((id) => g.a.includes(id) || g.b.includes(id));
  }
  return { asked: true, why: null, failed };
}
