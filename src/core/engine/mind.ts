/**
 * A unit's mind as the engine holds it: its XState actor, the state it was last seen in, and the
 * effects it emitted that the engine has not taken yet. Events go in through `hand`, which keeps
 * away the ones the machine has no transition for in its states (units/heeds.ts): XState would do
 * nothing with them, and skipping them is most of what the engine saves on XState's work. An
 * event whose step only has effects (the context and the comms state stay as they are, and the
 * posture region has no transition for it) is not sent either: the actor would emit those effects
 * and keep its snapshot, so the mind takes them from the step itself (units/step.ts).
 */
import { createActor, type Actor } from 'xstate';
import type { UnitMachine } from '../units/unit-machine';
import type { Effect, UnitContext, UnitEvent } from '../units/protocol';
import { heedIndexOf, heeds, heedsIn, type HeedIndex } from '../units/heeds';
import { effectsAlone, nestedState } from '../units/step';

export class Mind {
  readonly actor: Actor<UnitMachine>;
  /** Region → active state, as logged (a nested state is named by its top-level state). */
  state: Record<string, string> = {};
  private outbox: Effect[] = [];
  private readonly heed: HeedIndex;
  /** Events sent to the actor (benchmarks tell these from the ones handed: tests/bench/unit-events.ts). */
  sent = 0;

  constructor(machine: UnitMachine, context: UnitContext) {
    this.actor = createActor(machine, { input: context }) as unknown as Actor<UnitMachine>;
    this.heed = heedIndexOf(machine);
    this.actor.on('effects', (emitted) => this.take(emitted.effects));
  }

  start(): void {
    this.actor.start();
    this.state = flattenState(this.actor.getSnapshot().value);
  }

  /**
   * Give the unit an event; false if it does nothing with it where it stands (then state and
   * outbox are as they were). Benchmarks count every event handed here, sent or not
   * (tests/bench/unit-events.ts).
   */
  hand(event: UnitEvent): boolean {
    if (!heeds(this.heed, this.state, event)) return false;
    if (!heedsIn(this.heed, 'posture', this.state, event)) {
      const snapshot = this.actor.getSnapshot();
      const effects = effectsAlone(snapshot.context, event, commsOf(snapshot.value));
      if (effects) {
        this.take(effects);
        return effects.length > 0;
      }
    }
    this.sent++;
    this.actor.send(event);
    this.state = stateAfter(this.state, this.actor.getSnapshot().value);
    return true;
  }

  private take(effects: readonly Effect[]): void {
    for (const effect of effects) this.outbox.push(effect);
  }

  /** The effects emitted since the last call, taken whole. */
  takeOutbox(): Effect[] {
    const effects = this.outbox;
    if (effects.length > 0) this.outbox = [];
    return effects;
  }
}

/**
 * "region.state", as the log names where a unit stands. A run logs tens of thousands of state
 * changes among a few dozen names (57,000 paths in the 1,000-unit hour); each one made afresh was
 * two more strings kept with its entry for the collector to copy, where one per name will do.
 */
export class StatePaths {
  private readonly byRegion = new Map<string, Map<string, string>>();

  of(region: string, state: string): string {
    let byState = this.byRegion.get(region);
    if (!byState) this.byRegion.set(region, (byState = new Map()));
    let path = byState.get(state);
    if (path === undefined) byState.set(state, (path = `${region}.${state}`));
    return path;
  }
}

/** The comms region's full state, as units/step.ts names it ("calling.first-call"). */
function commsOf(value: unknown): string {
  const c = (value as { comms?: unknown }).comms;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object') for (const k in c) return nestedState(k, String((c as Record<string, unknown>)[k]));
  return '';
}

/** A region's active state as logged: a nested state is named by its top-level state. */
function regionState(v: unknown): string {
  if (typeof v === 'string') return v;
  for (const k in v as object) return k;
  return '';
}

function flattenState(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') for (const k in value) out[k] = regionState((value as Record<string, unknown>)[k]);
  return out;
}

/**
 * The state after a step: the one before, the same object, when no region moved (most steps
 * change only the context), so the engine sees at once that there is nothing to log and no
 * object is made for it.
 */
function stateAfter(before: Record<string, string>, value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return flattenState(value);
  let n = 0;
  for (const k in value) {
    if (before[k] !== regionState((value as Record<string, unknown>)[k])) return flattenState(value);
    n++;
  }
  for (const _ in before) n--;
  return n === 0 ? before : flattenState(value);
}
