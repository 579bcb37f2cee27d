/**
 * Facts about who a procedure binds and how its calls are planned, shared by the units that follow
 * it (units/comms.ts), step mode (drill/required-next.ts), failure paths (paths/exchange.ts, through the machines) and the
 * checks, so they can never disagree.
 */
import type { Procedure, ResolvedRule } from './load';
import { UNIT_KINDS, type UnitKind } from '../kinds';

/**
 * Whether a unit of this kind can be bound by a procedure at all: a fishing boat is in the scene
 * but no procedure binds it. Which services a rule binds is its scope (inScope).
 */
export function isBound(unit: { kind: UnitKind; service?: string | undefined }): boolean {
  return UNIT_KINDS[unit.kind].bound !== 'never';
}

/**
 * Whether a unit's service is within a rule's scope (CUES: naval ships and aircraft [S7]). A unit
 * whose service the scenario does not state is taken to be in scope: nothing excludes it.
 */
export function inScope(rule: Pick<ResolvedRule, 'services'>, unit: { service?: string | undefined } | undefined): boolean {
  return serviceInScope(rule, unit?.service);
}

/** inScope for a service alone (asked per unit concerned, for every call and trigger: no object made to ask). */
export function serviceInScope(rule: Pick<ResolvedRule, 'services'>, service: string | undefined): boolean {
  return !rule.services || !service || rule.services.includes(service);
}

/** Whether a rule binds a unit: a kind it applies to, a kind procedures bind, a service in its scope. */
export function binds(rule: ResolvedRule, unit: { kind: UnitKind; service?: string | undefined; id?: string; nation?: string }): boolean {
  return isBound(unit) && (rule.appliesTo as string[]).includes(UNIT_KINDS[unit.kind].procedureKind) && inScope(rule, unit) && boundHere(rule, unit);
}

/**
 * Whether a rule of a procedure bound by nation, service or unit (scenario `procedures:`) is one
 * this unit follows; a rule of the procedure in force is followed by every unit it binds.
 */
export function boundHere(rule: Pick<ResolvedRule, 'boundTo'>, unit: { id?: string; nation?: string; service?: string | undefined }): boolean {
  if (!rule.boundTo) return true;
  return rule.boundTo.some(
    (b) =>
      (!b.units || (!!unit.id && b.units.includes(unit.id))) &&
      (!b.nations || (!!unit.nation && b.nations.includes(unit.nation))) &&
      (!b.services || (!!unit.service && b.services.includes(unit.service))),
  );
}

/** Whether a procedure binds a unit at all: a kind it can bind, and a service within some rule's scope. */
export function boundBy(procedure: Procedure, unit: { kind: UnitKind; service?: string | undefined }): boolean {
  return isBound(unit) && procedure.rules.some((r) => inScope(r, unit));
}

/** The scope a procedure states, in words: "navy", or "any service". */
export function scopeWords(procedure: Procedure): string {
  return procedure.scope ? procedure.scope.services.join(', ') : 'any service';
}

/**
 * The procedure as it stood on the scenario's date: rules from a later date are set aside for
 * discussion. A procedure that itself comes into force after the date is a what-if the trainer
 * chose: every rule applies, and the run says so.
 */
export function asOf(procedure: Procedure, date: string): Procedure {
  if (procedure.inForceFrom && procedure.inForceFrom > date)
    return { ...procedure, laterRules: [], whatIf: { procedure: procedure.id, inForceFrom: procedure.inForceFrom, scenarioDate: date } };
  const later = procedure.rules.filter((r) => r.from !== undefined && r.from > date);
  if (later.length === 0) return { ...procedure, laterRules: [] };
  return { ...procedure, rules: procedure.rules.filter((r) => !later.includes(r)), laterRules: later };
}

/** The calls the procedure plans: its channels in order, each used callsPerChannel times, until the attempts run out. */
export function plannedChannels(procedure: Procedure, canSend?: readonly string[], only?: string): string[] {
  const h = procedure.hailing;
  const listed = only ? [only] : h.channels === 'priority' ? procedure.channelPriority : h.channels.map(String);
  const channels = canSend ? listed.filter((c) => canSend.includes(c)) : listed;
  if (channels.length === 0) return [];
  const plan: string[] = [];
  for (let i = 0; plan.length < h.attempts; i++) plan.push(channels[Math.floor(i / h.callsPerChannel) % channels.length]!);
  return plan;
}
