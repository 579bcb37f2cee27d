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
import { explain, type Explanation } from '../explain';
import { english } from '../../i18n';

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
  /** The same as data, when not asked (`why` is its English). */
  because?: Explanation;
  /** Facts whose changed run could not be made (the value of one account does not fit the other's file). */
  failed: string[];
}

export interface DisputedFact {
  id: string;
  a: unknown;
  b: unknown;
}

/** Why the findings cannot be tested against the facts, or null when they can. */
export function groundsUnasked(a: Analysis, b: Analysis, rerun: Rerun | undefined): Explanation | null {
  const sa = a.run.scenario;
  const sb = b.run.scenario;
  const procedure = sa.procedure.id !== sb.procedure.id;
  const seed = a.run.seed !== b.run.seed;
  const accounts = sa.account !== null && sb.account !== null && sa.account !== sb.account;
  if (procedure || seed) {
    const differ = procedure && seed ? 'both' : procedure ? 'procedure' : 'seed';
    return explain(accounts ? 'debrief.compare.unasked.also-account' : 'debrief.compare.unasked.not-account', { differ });
  }
  if (!accounts) return explain('debrief.compare.unasked.same-account');
  if (!rerun) return explain('debrief.compare.unasked.no-rerun');
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
  const because = groundsUnasked(a, b, rerun);
  if (because !== null || !rerun) return { asked: false, why: because && english(because), ...(because ? { because } : {}), failed: [] };
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
