/**
 * The events a run hands its unit machines, captured so they can be sent again to fresh actors:
 * the machines' own cost per event, apart from the engine's radio and motion work.
 *
 * What is counted: every event the engine hands a unit (engine/mind.ts `Mind.hand`), including
 * those the engine then keeps from the actor because its machine has no transition for them where
 * it stands (units/heeds.ts). Bare XState is sent all of them, as every one was sent before the
 * engine learnt to skip them, so skipping makes the simulator cheaper without making the bare
 * XState figure it is compared with any smaller.
 */
import { createActor, type AnyActorLogic } from 'xstate';
import { runScenario } from '../../src/core/engine/engine';
import { Mind } from '../../src/core/engine/mind';
import type { UnitEvent } from '../../src/core/units/protocol';
import type { Scenario } from '../../src/core/scenario/load';

export interface Captured {
  actors: { logic: AnyActorLogic; input: unknown; events: unknown[] }[];
  /** Events handed to units, sent to their actors or not. */
  events: number;
  /** Of those, the ones the engine sent to the actors. */
  sent: number;
  runMs: number;
}

export function capture(scenario: Scenario): Captured {
  const byMind = new Map<Mind, Captured['actors'][number]>();
  const proto = Mind.prototype;
  const hand = proto.hand;
  proto.hand = function (this: Mind, e: UnitEvent) {
    let a = byMind.get(this);
    if (!a) byMind.set(this, (a = { logic: this.actor.logic, input: structuredClone(this.actor.getSnapshot().context), events: [] }));
    a.events.push(e);
    return hand.call(this, e);
  };
  const t0 = performance.now();
  try {
    runScenario(scenario);
  } finally {
    proto.hand = hand;
  }
  const runMs = performance.now() - t0;
  const actors = [...byMind.values()];
  // Sent to the actor, not only handed: a step with effects alone is taken without XState (mind.ts).
  const sent = [...byMind.keys()].reduce((n, m) => n + m.sent, 0);
  return { actors, events: actors.reduce((n, a) => n + a.events.length, 0), sent, runMs };
}

/** Sends every captured event again to fresh actors of the same machines; returns the count. */
export function replayEvents(c: Captured): number {
  let n = 0;
  for (const a of c.actors) {
    // The starting context is shared, not cloned: the machines replace context (assign), never mutate it,
    // and a clone of each unit's ~110 KB context would cost more than the events.
    const actor = createActor(a.logic, { input: a.input });
    actor.start();
    for (const e of a.events) actor.send(e as never);
    n += a.events.length;
  }
  return n;
}
