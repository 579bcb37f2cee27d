// A unit's machine, run by XState itself: each transition's action keeps the context the
// procedure's step gives and emits the step's effects in one event (units/unit-machine.ts). The
// engine skips XState for events that change nothing (engine/mind.ts), so only this runs the
// actions as XState does: it fails if an XState release runs them differently.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { analyse, DEC_2018 } from './helpers';
import { machineFor } from '../../src/core/units';
import { contextOf } from '../../src/core/paths/exchange';
import type { EffectsEmitted } from '../../src/core/units/unit-machine';
import type { Effect } from '../../src/core/units/protocol';

const procedure = analyse(DEC_2018, { account: 'jp', procedure: 'cues-2014' }).run.scenario.procedure;

function ship() {
  const actor = createActor(machineFor(procedure, { kind: 'ship', service: 'navy' }), {
    input: contextOf(procedure, { id: 'ddg', nation: 'KR', kind: 'ship', service: 'navy' }, ['156.8']),
  });
  const emitted: Effect[][] = [];
  actor.on('effects', (e: EffectsEmitted) => emitted.push(e.effects));
  actor.start();
  emitted.length = 0;
  return { actor, emitted };
}

describe("a unit's machine carries out the procedure's step", () => {
  it('a scripted call: the context keeps the call, the effects go out in one event, the comms region moves', () => {
    const { actor, emitted } = ship();
    actor.send({ type: 'script', action: { do: 'hail', id: 'x', unit: 'ddg', to: 'p1', safety: true } as never });
    const snap = actor.getSnapshot();
    expect(snap.value).toEqual({ posture: 'on-mission', comms: { calling: 'first-call' } });
    expect(snap.context.hail?.to).toBe('p1');
    expect(snap.context.exchanges).toBe(1);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.map((e) => e.type)).toEqual(['transmit', 'schedule', 'schedule']);
    expect(emitted[0]![0]).toMatchObject({ type: 'transmit', msg: { kind: 'hail', to: 'p1', channel: '156.8', attempt: 1 } });
  });

  it('an event the procedure ignores leaves the snapshot as it was and emits nothing', () => {
    const { actor, emitted } = ship();
    const before = actor.getSnapshot();
    actor.send({ type: 'timer', name: 'reply-due', ref: 'nobody-tx1' });
    expect(actor.getSnapshot()).toBe(before);
    expect(emitted).toHaveLength(0);
  });

  it('a step with effects alone emits them and keeps the same context', () => {
    const { actor, emitted } = ship();
    const before = actor.getSnapshot().context;
    actor.send({ type: 'script', action: { do: 'judge', id: 'j', unit: 'ddg', threatening: true } as never });
    expect(actor.getSnapshot().context).toBe(before);
    expect(emitted).toEqual([[expect.objectContaining({ type: 'judge', threatening: true })]]);
  });
});
