/**
 * A role-play drill over any scenario and procedure: the student plays one unit, each decision
 * the procedure gives that unit is asked of them, and each answer is scored against the rule.
 */
import { runScenario, type RunOptions } from '../engine/engine';
import { analyse, type Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdown';
import { breakdownKey } from '../compare/key';
import type { Scenario } from '../scenario/load';
import type { DecisionPoint } from '../units/protocol';
import type { DrillRecord, EntryOf } from '../log';
import { explain, type Explanation } from '../explain';
import { english, say, type Lang } from '../../i18n';

export interface ScoredDecision extends DrillRecord {
  t: number;
  rule: string | null;
  right: boolean;
  /** The feedback in English; `why` is the same as data, for the reader's language (drillFeedback). */
  feedback: string;
  why: Explanation;
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

/** The feedback on one answer as data: right, or what the procedure asks instead, with the rule's text and id. */
export function feedbackWhy(r: DrillRecord, rule: string | null): Explanation {
  const cited = (code: string, params: Record<string, string>) =>
    rule ? explain(`${code}.rule`, { ...params, text: r.ruleText, rule }) : explain(code, { ...params, text: r.ruleText });
  if (r.chosen === r.correct) return cited('debrief.drill.right', {});
  if (!r.options.some((o) => o.id === r.chosen)) return cited('debrief.drill.not-an-option', { chosen: r.chosen, asks: label(r, r.correct) });
  return cited('debrief.drill.wrong', { chosen: label(r, r.chosen), asks: label(r, r.correct) });
}

export function feedbackFor(r: DrillRecord, rule: string | null): string {
  return english(feedbackWhy(r, rule));
}

/** A scored decision's feedback in the reader's language (the procedure's words and the options stay as written). */
export const drillFeedback = (d: Pick<ScoredDecision, 'why'>, lang: Lang = 'en') => say(lang, d.why);

/** The feedback without "Right:" where the answer was right (a view that marks right answers itself), as data. */
export function feedbackBodyWhy(d: Pick<ScoredDecision, 'why' | 'right'>): Explanation {
  if (!d.right) return d.why;
  const { text, rule } = d.why.params;
  return rule === undefined ? explain('debrief.drill.body', { text: text ?? '' }) : explain('debrief.drill.body.rule', { text: text ?? '', rule });
}

export function runDrill(scenario: Scenario, spec: DrillSpec, opts: Omit<RunOptions, 'drill'> = {}): DrillResult {
  if (!scenario.units.some((u) => u.id === spec.unit)) {
    throw new Error(`no unit "${spec.unit}" in ${scenario.spec.id}; units are ${scenario.units.map((u) => u.id).join(', ')}`);
  }
  const run = runScenario(scenario, { ...opts, drill: { unit: spec.unit, choices: spec.choices, then: spec.then ?? 'pause' } });
  const analysis = analyse(run);
  const decisions = run.log
    .filter((e): e is EntryOf<'decision'> & { drill: DrillRecord } => e.type === 'decision' && e.unit === spec.unit && e.drill !== undefined)
    .map((e) => {
      const why = feedbackWhy(e.drill, e.rule);
      return { ...e.drill, t: e.t, rule: e.rule, right: e.drill.chosen === e.drill.correct, feedback: english(why), why };
    });
  return { unit: spec.unit, analysis, decisions, pending: run.pending, score: { right: decisions.filter((d) => d.right).length, total: decisions.length } };
}

/**
 * The breakdowns of a finished drill run that come from the student's answers: those the run
 * would not have had the student answered every decision as the procedure asks (`followed`: the
 * same drill run with `then: 'follow'` and no choices). A counterfactual, because an answer's
 * consequence is rarely logged on the answer itself: "acknowledge only" shows up as a call that
 * stops short of acted-on, read from the call's own entries, seconds later. Breakdowns are matched
 * by their identity across runs (compare/key.ts: kind, units, stage or rule, channel), not by id
 * or time, which an earlier answer shifts; of several with one identity, the followed run's count
 * is matched first in time order and only the ones beyond it are the student's.
 */
export function breakdownsFromAnswers(result: Pick<DrillResult, 'analysis'>, followed: Analysis): Breakdown[] {
  const left = new Map<string, number>();
  for (const b of followed.breakdowns) {
    const k = breakdownKey(followed, b);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  const a = result.analysis;
  return [...a.breakdowns]
    .sort((x, y) => x.t - y.t)
    .filter((b) => {
      const k = breakdownKey(a, b);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      return n === 0;
    });
}
