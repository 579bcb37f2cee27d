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
import { Mind } from '../../src/core/engine/mind';
import { runScenario, type Run } from '../../src/core/engine/engine';
import { loadScenario } from '../../src/core/scenario/load';
import { generateScenario } from '../../src/core/synthetic/generate';
import { diskProcedures, readText } from '../../src/cli/files';

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
  return Object.entries(node.states).flatMap(([key, s]): { value: unknown; key: string }[] =>
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

/** The engine as it was before it kept events away: every event handed to a unit is sent to its actor. */
function sendingEverything<T>(f: () => T): T {
  const proto = Mind.prototype as unknown as { hand: (e: UnitEvent) => boolean };
  const hand = proto.hand;
  proto.hand = function (this: Mind, e: UnitEvent) {
    this.actor.send(e);
    const value = this.actor.getSnapshot().value as Record<string, string | Record<string, string>>;
    this.state = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : Object.keys(v)[0]!]));
    return true;
  };
  try {
    return f();
  } finally {
    proto.hand = hand;
  }
}

describe('a run logs the same whether or not the engine keeps unheeded events away', () => {
  const load = (account: string, procedure: string) =>
    loadScenario(readText(DEC_2018), diskProcedures, { account, procedure }).scenario ?? expect.fail('December 2018 did not load');
  const same = (f: () => Run) => {
    const skipping = f();
    const sending = sendingEverything(f);
    expect(JSON.stringify(skipping.log)).toBe(JSON.stringify(sending.log));
    expect(skipping.finalStates).toEqual(sending.finalStates);
    expect(skipping.pending).toEqual(sending.pending);
  };
  for (const account of ['jp', 'rok'])
    for (const procedure of PROCEDURES) it(`December 2018, ${account}, ${procedure}`, () => same(() => runScenario(load(account, procedure))));
  it('December 2018 with the destroyer played by a student, then followed', () =>
    same(() => runScenario(load('jp', 'jp-rok-2024'), { drill: { unit: 'ddg971', choices: ['follow', 'ack-only'], then: 'follow' } })));
  it('a generated exercise of 60 units', () => {
    const text = generateScenario({ units: 60, durationS: 3600, seed: 7 }).yaml;
    same(() => runScenario(loadScenario({ file: 'synthetic.yaml', text }, diskProcedures, {}).scenario!));
  });
});
