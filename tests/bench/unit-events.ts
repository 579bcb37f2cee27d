/**
 * The events a run sends its unit machines, captured so they can be sent again to fresh actors:
 * the machines' own cost per event, apart from the engine's radio and motion work. Works on any
 * version of the unit machines (it patches Actor.prototype.send for the length of one run).
 */
import { Actor, createActor, type AnyActorLogic } from 'xstate';
import { runScenario } from '../../src/core/engine/engine';
import type { Scenario } from '../../src/core/scenario/load';

export interface Captured {
  actors: { logic: AnyActorLogic; input: unknown; events: unknown[] }[];
  events: number;
  runMs: number;
}

export function capture(scenario: Scenario): Captured {
  const byActor = new Map<object, Captured['actors'][number]>();
  const proto = Actor.prototype as unknown as { send: (e: unknown) => void };
  const send = proto.send;
  proto.send = function (this: Actor<AnyActorLogic>, e: unknown) {
    let a = byActor.get(this);
    if (!a) byActor.set(this, (a = { logic: this.logic, input: structuredClone(this.getSnapshot().context), events: [] }));
    a.events.push(e);
    send.call(this, e);
  };
  const t0 = performance.now();
  try {
    runScenario(scenario);
  } finally {
    proto.send = send;
  }
  const runMs = performance.now() - t0;
  const actors = [...byActor.values()];
  return { actors, events: actors.reduce((n, a) => n + a.events.length, 0), runMs };
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
