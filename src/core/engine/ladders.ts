/**
 * The engine's side of escalation ladders: at each sampling moment, where the units are and which
 * calls were answered, handed to units/escalation.ts, which decides the steps. Only units bound by
 * a ladder's steps are sampled, so a scenario without ladders pays nothing.
 */
import type { Effect } from '../units/protocol';
import {
  ladderTick,
  laddersOf,
  mayConcern,
  reachOf,
  type ByLatitude,
  type Ladder,
  type LadderOther,
  type LadderState,
  type LadderUnit,
  type TickInput,
} from '../units/escalation';
import type { Place } from '../procedure/conditions';
import { positionAt, positionInto } from '../scenario/motion';
import type { Scenario } from '../scenario/model';
import { parameterValue } from '../procedure/load';
import { plannedChannels } from '../procedure/duties';
import type { World } from './world';
import { isAirborne } from '../kinds';

export interface Climber {
  unit: LadderUnit;
  ladders: Ladder[];
  callChannel: string | undefined;
  /** The units its ladders may concern (mayConcern), in the scenario's order: one list per nation, since nothing else decides it. */
  others: Others;
  /** What ladderTick is given, made at the first moment (tickInput). */
  input: TickInput | undefined;
  state: LadderState;
  sight: Sight;
}

/** One nation's climbers' others, and where they are at the moment `at` (sorted once per moment for all of them). */
interface Others {
  list: LadderOther[];
  at: number;
  byLatitude: ByLatitude | undefined;
}

/**
 * What every climber of a run reads at a sampling moment, worked out once for all of them: where
 * each unit is at that moment, which units fly, and the procedure's numbers by name.
 */
interface Sight {
  now: number;
  /** The others lists, one per nation that has climbers. */
  others: Map<string, Others>;
  places: Map<string, Place | undefined>;
  airborne: ReadonlySet<string>;
  metres: Map<string, number | undefined>;
}

export function ladderClimbers(w: World): Climber[] {
  const s = w.scenario;
  if (!s.procedure.rules.some((r) => r.type === 'step')) return [];
  const sight: Sight = { now: NaN, others: new Map(), places: new Map(), airborne: new Set(s.units.filter(isAirborne).map((u) => u.id)), metres: new Map() };
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
    if (!ladders.length) continue;
    let others = sight.others.get(spec.nation);
    if (!others) sight.others.set(spec.nation, (others = { list: s.units.filter((o) => mayConcern(spec, o)), at: NaN, byLatitude: undefined }));
    out.push({ unit, ladders, callChannel: plannedChannels(s.procedure, canSend)[0], others, input: undefined, state: new Map(), sight });
  }
  return out;
}

/**
 * One sampling moment for one unit: the effects its ladders call for, for the scheduler to carry
 * out. `answered` is the run's own set of answered calls, the same object at every moment (the
 * unit's TickInput keeps it from the first).
 */
export function climb(w: World, c: Climber, answered: ReadonlySet<string>): Effect[] {
  const sight = c.sight;
  if (sight.now !== w.now) {
    sight.now = w.now;
    sight.places.clear();
  }
  const others = c.others;
  if (others.at !== w.now) {
    others.at = w.now;
    others.byLatitude = byLatitude(others.list, w.scenario.motion, w.now);
  }
  const input = (c.input ??= tickInput(w, c, answered));
  input.now = w.now;
  input.byLatitude = others.byLatitude;
  return ladderTick(input, c.state);
}

/** A climber's TickInput, made at its first moment and kept: each moment changes only its time and the others' order. */
function tickInput(w: World, c: Climber, answered: ReadonlySet<string>): TickInput {
  const s = w.scenario;
  const sight = c.sight;
  const metres = (v: number | string) => {
    if (typeof v === 'number') return v;
    if (!sight.metres.has(v)) {
      const x = parameterValue<unknown>(s.procedure, v, s.parameters, undefined);
      sight.metres.set(v, typeof x === 'number' ? x : undefined);
    }
    return sight.metres.get(v);
  };
  return {
    now: w.now,
    unit: c.unit,
    ladders: c.ladders,
    others: c.others.list,
    byLatitude: c.others.byLatitude,
    // The procedure's numbers are fixed for the run, so each step's reach is too.
    reach: c.ladders.map((l) => reachOf(l, metres)),
    at: (id) => {
      let p = sight.places.get(id);
      if (p === undefined && !sight.places.has(id)) {
        const m = s.motion[id];
        sight.places.set(id, (p = m ? positionAt(m, sight.now) : undefined));
      }
      return p;
    },
    airborne: (id) => sight.airborne.has(id),
    metres,
    callChannel: c.callChannel,
    answered: (exchange, attempt) => answered.has(`${exchange}#${attempt}`),
  };
}

/** The units ordered by latitude at this moment (ByLatitude), those without a track apart. */
function byLatitude(list: readonly LadderOther[], motion: Scenario['motion'], now: number): ByLatitude {
  const lat = new Float64Array(list.length);
  const lon = new Float64Array(list.length);
  const placed: number[] = [];
  const unplaced: number[] = [];
  list.forEach((o, i) => {
    const m = motion[o.id];
    if (m) {
      positionInto(m, now, PLACE, 0);
      lat[i] = PLACE[0]!;
      lon[i] = PLACE[1]!;
      placed.push(i);
    } else unplaced.push(i);
  });
  return { order: Int32Array.from(placed.sort((a, b) => lat[a]! - lat[b]!)), lat, lon, unplaced };
}

/** positionInto's scratch: lat, lon, altitude. */
const PLACE = new Float64Array(3);
