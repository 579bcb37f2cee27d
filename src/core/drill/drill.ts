/**
 * A role-play drill over any scenario and procedure: the student plays one unit, each decision
 * the procedure gives that unit is asked of them, and each answer is scored against the rule.
 */
import { runScenario, type RunOptions } from '../engine/engine';
import { analyse, type Analysis } from '../analysis/report';
import type { Scenario } from '../scenario/load';
import type { DecisionPoint } from '../units/protocol';
import type { DrillRecord, EntryOf } from '../log';

export interface ScoredDecision extends DrillRecord {
  t: number;
  rule: string | null;
  right: boolean;
  feedback: string;
}

export interface DrillResult {
  unit: string;
  analysis: Analysis;
  decisions: ScoredDecision[];
  /** The decision the run is waiting for, or null when the drill is over. */
  pending: DecisionPoint | null;
  score: { right: number; total: number };
}

export interface DrillSpec {
  unit: string;
  choices: string[];
  /** When the choices run out: pause for the student (the app), or answer for them (a batch). */
  then?: 'pause' | 'follow' | 'silence';
}

const label = (r: DrillRecord, id: string) => r.options.find((o) => o.id === id)?.label ?? id;

export function feedbackFor(r: DrillRecord, rule: string | null): string {
  const cite = rule ? ` (${rule})` : '';
  if (r.chosen === r.correct) return `Right: ${r.ruleText}${cite}`;
  if (!r.options.some((o) => o.id === r.chosen))
    return `"${r.chosen}" is not one of the options here; the procedure asks: "${label(r, r.correct)}". ${r.ruleText}${cite}`;
  return `You chose "${label(r, r.chosen)}"; the procedure asks: "${label(r, r.correct)}". ${r.ruleText}${cite}`;
}

export function runDrill(scenario: Scenario, spec: DrillSpec, opts: Omit<RunOptions, 'drill'> = {}): DrillResult {
  if (!scenario.units.some((u) => u.id === spec.unit)) {
    throw new Error(`no unit "${spec.unit}" in ${scenario.spec.id}; units are ${scenario.units.map((u) => u.id).join(', ')}`);
  }
  const run = runScenario(scenario, { ...opts, drill: { unit: spec.unit, choices: spec.choices, then: spec.then ?? 'pause' } });
  const analysis = analyse(run);
  const decisions = run.log
    .filter((e): e is EntryOf<'decision'> & { drill: DrillRecord } => e.type === 'decision' && e.unit === spec.unit && e.drill !== undefined)
    .map((e) => ({ ...e.drill, t: e.t, rule: e.rule, right: e.drill.chosen === e.drill.correct, feedback: feedbackFor(e.drill, e.rule) }));
  return { unit: spec.unit, analysis, decisions, pending: run.pending, score: { right: decisions.filter((d) => d.right).length, total: decisions.length } };
}
