/**
 * Facts about who a procedure binds and how its calls are planned, shared by the units that follow
 * it (units/comms.ts), step mode (drill/required-next.ts), failure paths (paths/exchange.ts, through the machines) and the
 * checks, so they can never disagree.
 */
import type { Procedure } from './load';
import { UNIT_KINDS, type UnitKind } from '../kinds';

/**
 * Procedures bind naval units and headquarters (CUES scope: naval ships and aircraft [S7]); a
 * fishing boat or a coast-guard ship is in the scene but not bound by them.
 */
export function isBound(unit: { kind: UnitKind; service?: string | undefined }): boolean {
  switch (UNIT_KINDS[unit.kind].bound) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'if-navy':
      return unit.service === undefined || unit.service === 'navy';
  }
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
