/**
 * The engine's side of escalation ladders: at each sampling moment, where the units are and which
 * calls were answered, handed to units/escalation.ts, which decides the steps. Only units bound by
 * a ladder's steps are sampled, so a scenario without ladders pays nothing.
 */
import type { Effect } from '../units/protocol';
import { ladderTick, laddersOf, type Ladder, type LadderState, type LadderUnit } from '../units/escalation';
import { positionAt } from '../scenario/motion';
import { parameterValue } from '../procedure/load';
import { plannedChannels } from '../procedure/duties';
import type { World } from './world';
import { isAirborne } from '../kinds';

export interface Climber {
  unit: LadderUnit;
  ladders: Ladder[];
  callChannel: string | undefined;
  state: LadderState;
}

export function ladderClimbers(w: World): Climber[] {
  const s = w.scenario;
  if (!s.procedure.rules.some((r) => r.type === 'step')) return [];
  const out: Climber[] = [];
  for (const spec of s.units) {
    const u = w.units.get(spec.id)!;
    const canSend = [...new Set([...u.sets.flatMap((x) => x.channels), ...w.linkTable.linksOf(spec.id)])];
    const unit: LadderUnit = {
      id: spec.id,
      nation: spec.nation,
      kind: spec.kind,
      ...(spec.service ? { service: spec.service } : {}),
      ...(spec.headquarters ? { headquarters: spec.headquarters } : {}),
      canSend,
      linkTo: w.linkTable.partners(spec.id),
      emitters: u.emitters,
    };
    const ladders = laddersOf(s.procedure, unit);
    if (ladders.length) out.push({ unit, ladders, callChannel: plannedChannels(s.procedure, canSend)[0], state: {} });
  }
  return out;
}

/** One sampling moment for one unit: the effects its ladders call for, for the scheduler to carry out. */
export function climb(w: World, c: Climber, answered: ReadonlySet<string>): Effect[] {
  const s = w.scenario;
  const r = ladderTick(
    {
      now: w.now,
      unit: c.unit,
      ladders: c.ladders,
      others: s.units,
      at: (id) => {
        const m = s.motion[id];
        return m ? positionAt(m, w.now) : undefined;
      },
      airborne: (id) => {
        const u = s.units.find((x) => x.id === id);
        return !!u && isAirborne(u);
      },
      metres: (v) => {
        if (typeof v === 'number') return v;
        const x = parameterValue<unknown>(s.procedure, v, s.parameters, undefined);
        return typeof x === 'number' ? x : undefined;
      },
      callChannel: c.callChannel,
      answered: (exchange, attempt) => answered.has(`${exchange}#${attempt}`),
    },
    c.state,
  );
  c.state = r.state;
  return r.effects;
}
