// Issue 19: the engine keeps from a unit's actor the events its machine has no transition for in
// the states it is in (units/heeds.ts). That must never keep away an event XState would act on:
// for every shipped procedure × unit kind × played or not, in every state, each event the index
// says is not heeded is one XState selects no transition for.
import { describe, expect, it } from 'vitest';
import { analyse, DEC_2018 } from './helpers';
import { machineFor, postures } from '../../src/core/units';
import { heedIndexOf, heeds } from '../../src/core/units/heeds';
import { triggerEvents } from '../../src/core/procedure/schema';
import type { UnitEvent } from '../../src/core/units/protocol';

const PROCEDURES = ['cues-2014', 'practice-2018', 'jp-rok-2024'];
const KINDS = Object.keys(postures) as (keyof typeof postures)[];
const procedureOf = (id: string) => analyse(DEC_2018, { account: 'rok', procedure: id }).run.scenario.procedure;

const EVENTS: UnitEvent[] = [
  { type: 'start' },
  { type: 'script', action: {} as never },
  { type: 'call', tx: {} as never, understood: true, notUnderstood: false, entry: 0 },
  ...(['reply-due', 'reply-timeout', 'hail-next'] as const).map((name) => ({ type: 'timer' as const, name, ref: 'x' })),
  ...[...triggerEvents, 'contact', 'opening', 'detection-ended'].map((t) => ({ type: `trigger.${t}`, about: 'u', detail: 'u' }) as UnitEvent),
];

/** Every leaf state of a region, as a state value, with the key the engine logs it by. */
function leaves(node: { states: Record<string, { states: Record<string, unknown> }> }): { value: unknown; key: string }[] {
  return Object.entries(node.states).flatMap(([key, s]) =>
    Object.keys(s.states).length === 0 ? [{ value: key, key }] : Object.keys(s.states).map((sub) => ({ value: { [key]: sub }, key })),
  );
}

describe('an event kept from a unit is one its machine has no transition for', () => {
  for (const id of PROCEDURES) {
    const p = procedureOf(id);
    for (const kind of KINDS) {
      for (const drilled of [false, true]) {
        it(`${id} × ${kind}${drilled ? ', played by a student' : ''}`, () => {
          const machine = machineFor(p, { kind, service: 'navy' }, drilled);
          const index = heedIndexOf(machine);
          expect(index.all).toBe(false);
          const root = machine.root as unknown as { states: Record<string, { states: Record<string, { states: Record<string, unknown> }> }> };
          let keptAway = 0;
          for (const posture of leaves(root.states['posture']!)) {
            for (const comms of leaves(root.states['comms']!)) {
              const snapshot = machine.resolveState({ value: { posture: posture.value, comms: comms.value } as never, context: {} as never });
              for (const event of EVENTS) {
                if (heeds(index, { posture: posture.key, comms: comms.key }, event)) continue;
                keptAway++;
                expect(machine.getTransitionData(snapshot, event as never), `${posture.key}/${comms.key} ${event.type}`).toEqual([]);
              }
            }
          }
          // Every machine ignores some perceptions somewhere (a contact gained, for a ship).
          expect(keptAway).toBeGreaterThan(0);
        });
      }
    }
  }
});
