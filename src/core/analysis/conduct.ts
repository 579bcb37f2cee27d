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
import { conductWords } from '../format/describe';

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
  units: string[];
  entry: number;
}

export function conductViolations(run: Run, binds: RuleBinds = bindsByKind): ConductViolation[] {
  const avoid = rulesOfType(run.scenario.procedure, 'avoid');
  if (!avoid.length) return [];
  const units = new Map<string, UnitSpec>();
  for (const u of run.scenario.units) if (!units.has(u.id)) units.set(u.id, u);
  const out: ConductViolation[] = [];
  for (const e of run.log) {
    if (e.type !== 'conduct') continue;
    const actor = units.get(e.unit);
    const target = units.get(e.target);
    if (!actor || !target || actor.nation === target.nation) continue;
    for (const rule of avoid) if (rule.action === e.act && binds(rule, actor, target)) out.push(violation(e, rule, actor, target));
  }
  return out;
}

function violation(e: EntryOf<'conduct'>, rule: ResolvedRule, actor: UnitSpec, target: UnitSpec): ConductViolation {
  const what = `${conductWords(e.act)} ${target.name}${e.forS ? ` for ${e.forS} s` : ''}`;
  return {
    t: e.t,
    kind: 'violation',
    unit: e.unit,
    transmission: null,
    stage: null,
    rule: rule.qid,
    cause: `${e.act} towards ${e.target}${e.forS ? ` for ${e.forS} s` : ''}`,
    explanation: `${actor.name} ${what}: "${rule.title}" (${rule.qid}${rule.item ? `, ${rule.item}` : ''}) counts this among the acts a prudent commander avoids.`,
    units: [e.unit, e.target],
    entry: e.seq,
  };
}
