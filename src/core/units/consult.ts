/**
 * Drills: a student plays one unit. Where the procedure gives that unit a decision, the run asks
 * the student instead of following the procedure, offering the right option and plausible wrong
 * ones. Choices arrive as a list (from the app, or a file for the command line); when the list
 * runs out the run pauses at the decision, and goes on when the student has chosen — by running
 * again, deterministically, with one more choice.
 */
import { explain } from '../explain';
import type { Cause, DrillRecord } from '../log';
import type { DecisionPoint, DrillOption, Effect, UnitContext } from './protocol';

export type Consulted = { kind: 'chosen'; context: UnitContext; choice: string; record: DrillRecord } | { kind: 'wait'; effects: Effect[] };

/** Stable option order that does not always put the right answer first. */
function arrange(options: DrillOption[], index: number): DrillOption[] {
  const k = options.length ? (index * 7 + 3) % options.length : 0;
  return [...options.slice(k), ...options.slice(0, k)];
}

export function consult(ctx: UnitContext, point: Omit<DecisionPoint, 'index' | 'unit'>, cause: Cause): Consulted {
  const d = ctx.drill!;
  const index = d.next;
  const full: DecisionPoint = { ...point, index, unit: ctx.unit.id, options: arrange(point.options, index) };
  let choice = d.choices[index];
  if (choice === undefined) {
    if (d.then === 'pause') return { kind: 'wait', effects: [{ type: 'await-choice', point: full, cause }] };
    choice = d.then === 'follow' ? point.correct : full.options.some((o) => o.id === 'silence') ? 'silence' : point.correct;
  }
  const record: DrillRecord = {
    point: index,
    situation: point.situation,
    prompt: point.prompt,
    ...(point.promptWhy !== undefined ? { promptWhy: point.promptWhy } : {}),
    options: full.options,
    chosen: choice,
    correct: point.correct,
    ruleText: point.ruleText,
  };
  return { kind: 'chosen', context: { ...ctx, drill: { ...d, next: index + 1 } }, choice, record };
}

export function labelOf(record: DrillRecord, id: string): string {
  return record.options.find((o) => o.id === id)?.label ?? id;
}

/** The decision entry for a drill choice: done when something is sent, omitted for silence. */
export function drillDecision(record: DrillRecord, rule: string | null, acted: boolean, about: string | undefined, cause: Cause): Effect {
  const right = record.chosen === record.correct;
  return {
    type: 'decision',
    rule,
    decision: acted ? 'done' : 'omitted',
    reason: `drill: chose "${labelOf(record, record.chosen)}"${right ? '' : `; the procedure asks: "${labelOf(record, record.correct)}"`}`,
    why: right
      ? explain('ladder.drill.chose', { chosen: labelOf(record, record.chosen) })
      : explain('ladder.drill.chose-wrong', { chosen: labelOf(record, record.chosen), correct: labelOf(record, record.correct) }),
    ...(about ? { about } : {}),
    drill: record,
    cause,
  };
}
