/**
 * Violations of the assurance measures (CUES 2.8 (a)–(e)): an act the scenario scripts with
 * `do: conduct` that an `avoid` rule of the procedure in force names. Only acts towards a unit of
 * another nation count: the measures speak of ships and aircraft encountered, not of one's own.
 * Which rule binds whom is a question apart (kind today; service and date later), so the caller
 * may pass it in as `binds`.
 */
import type { Run } from '../engine/engine';
import type { EntryOf } from '../log';
import type { ResolvedRule } from '../procedure/load';
import type { UnitSpec } from '../scenario/schema';
import { rulesOfType } from '../procedure/load';
import { UNIT_KINDS } from '../kinds';
import { CONDUCT_ACTS } from '../conduct';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import { unitsContext } from '../format/words';
import { entriesOf } from './entries';

/** Whether a rule binds this actor for an act towards this target. */
export type RuleBinds = (rule: ResolvedRule, actor: UnitSpec, target: UnitSpec) => boolean;

/** The rule's own `appliesTo`: a rule for ships does not bind an aircraft. */
export const bindsByKind: RuleBinds = (rule, actor) => rule.appliesTo.includes(UNIT_KINDS[actor.kind].procedureKind);

/** A breakdown of kind `violation`, as ./breakdowns.ts lists it (it numbers them). */
export interface ConductViolation {
  t: number;
  kind: 'violation';
  unit: string;
  transmission: null;
  stage: null;
  rule: string;
  cause: string;
  explanation: string;
  /** The explanation as data; `explanation` is its English. */
  why: Explanation;
  /** `cause` as data: the act, by whom, towards whom. */
  causeWhy: Explanation;
  units: string[];
  entry: number;
}

export function conductViolations(run: Run, binds: RuleBinds = bindsByKind): ConductViolation[] {
  const avoid = rulesOfType(run.scenario.procedure, 'avoid');
  if (!avoid.length) return [];
  const units = new Map<string, UnitSpec>();
  for (const u of run.scenario.units) if (!units.has(u.id)) units.set(u.id, u);
  const out: ConductViolation[] = [];
  for (const e of entriesOf(run.log, 'conduct')) {
    const actor = units.get(e.unit);
    const target = units.get(e.target);
    if (!actor || !target || actor.nation === target.nation) continue;
    for (const rule of avoid) if (rule.action === e.act && binds(rule, actor, target)) out.push(violation(run, e, rule));
  }
  return out;
}

/** An act as words that take its target: "makes a simulated attack on" (in Japanese and Korean, the act as a noun phrase). */
export function conductAct(act: string): Explanation {
  return (CONDUCT_ACTS as readonly string[]).includes(act) ? explain(`analysis.conduct.${act}`) : explain('analysis.conduct.other', { act });
}

/** The act as the timeline says it ("Patrol Plane makes an observation pass of Other Ship for 20 s"), as data. */
export function conductExplanation(e: EntryOf<'conduct'>): Explanation {
  return explain(e.forS ? 'analysis.log.conduct-for' : 'analysis.log.conduct', {
    unit: unitRef(e.unit),
    act: conductAct(e.act),
    target: unitRef(e.target),
    ...(e.forS ? { forS: e.forS } : {}),
  });
}

function violation(run: Run, e: EntryOf<'conduct'>, rule: ResolvedRule): ConductViolation {
  // The act by its id and the target by its id, as the cause has always read in English.
  const causeWhy = explain(e.forS ? 'analysis.conduct.cause-for' : 'analysis.conduct.cause', {
    act: (CONDUCT_ACTS as readonly string[]).includes(e.act) ? explain(`analysis.conduct.id.${e.act}`) : explain('analysis.conduct.id.other', { act: e.act }),
    target: unitRef(e.target),
    ...(e.forS ? { forS: e.forS } : {}),
  });
  const why = explain('analysis.conduct.violation', {
    what: conductExplanation(e),
    title: rule.title,
    rule: rule.item ? explain('analysis.rule-item', { rule: rule.qid, item: rule.item }) : rule.qid,
  });
  return {
    t: e.t,
    kind: 'violation',
    unit: e.unit,
    transmission: null,
    stage: null,
    rule: rule.qid,
    cause: english(causeWhy),
    explanation: english(why, unitsContext(run.scenario.units)),
    why,
    causeWhy,
    units: [e.unit, e.target],
    entry: e.seq,
  };
}
