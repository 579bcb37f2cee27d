/**
 * Every unit is an XState actor with two regions: `posture`, which differs by kind (one file per
 * kind), and `comms`, compiled from the procedure in force (procedure/compile.ts): listening,
 * calling (first call, repeating, last call) and answering. This file gives the compiled names
 * their meaning: each action runs the procedure interpreter once for its event (units/comms.ts,
 * pure) and emits the effects for the engine to carry out; each guard asks where that step leaves
 * the unit.
 */
import { setup, enqueueActions, type AnyStateMachine } from 'xstate';
import type { Effect, UnitContext, UnitEvent } from './protocol';
import { endStateOf, stepOf } from './step';
import { compileUnitMachine, type CompileUnit, type PostureConfig, type UnitMachineConfig } from '../procedure/compile';
import { ACTION_OF } from '../procedure/compile-comms';
import type { Procedure } from '../procedure/load';

/**
 * What a unit's machine emits for one step: all its effects in one event, in the step's order.
 * XState's cost is per emitted event (an action resolved, executed and deferred, and the
 * listeners called), not per effect, and a step often has three or four.
 */
export interface EffectsEmitted {
  type: 'effects';
  effects: Effect[];
}

/** The action of every transition: take the event's step, keep its context, emit its effects. */
function carryOut(
  context: UnitContext,
  event: UnitEvent,
  enqueue: { assign: (f: () => UnitContext) => void; emit: (e: EffectsEmitted) => void },
): void {
  const step = stepOf(context, event);
  // An event the procedure ignores leaves the context as it was: no assign, so XState copies nothing.
  if (step.context !== context) enqueue.assign(() => step.context);
  if (step.effects.length > 0) enqueue.emit({ type: 'effects', effects: step.effects });
}

const implementations = setup({
  types: {} as { context: UnitContext; events: UnitEvent; input: UnitContext; emitted: EffectsEmitted },
  actions: {
    [ACTION_OF.start]: enqueueActions(({ context, event, enqueue }) => carryOut(context, event, enqueue)),
    [ACTION_OF.script]: enqueueActions(({ context, event, enqueue }) => carryOut(context, event, enqueue)),
    [ACTION_OF.call]: enqueueActions(({ context, event, enqueue }) => carryOut(context, event, enqueue)),
    [ACTION_OF.trigger]: enqueueActions(({ context, event, enqueue }) => carryOut(context, event, enqueue)),
    [ACTION_OF.timer]: enqueueActions(({ context, event, enqueue }) => carryOut(context, event, enqueue)),
  },
  guards: {
    /** The step for this event (of this timer, if named) leaves the comms region in `state`. */
    endsIn: ({ context, event }, params: { state?: string; timer?: string }) =>
      (params.timer === undefined || (event.type === 'timer' && event.name === params.timer)) && endStateOf(context, event) === params.state,
    /** The event is this timer. */
    timer: ({ event }, params: { timer?: string }) => event.type === 'timer' && event.name === params.timer,
  },
});

/** An XState machine from a compiled configuration (what `npm run machine` exports). */
export function machineOf(config: UnitMachineConfig) {
  return implementations.createMachine({ ...(config as object), context: ({ input }: { input: UnitContext }) => input } as never);
}

export type UnitMachine = ReturnType<typeof machineOf>;

const compiled = new WeakMap<Procedure, Map<string, UnitMachine>>();

/**
 * The machine of a unit under a procedure, compiled once per procedure and everything of the unit
 * the compiler reads (kind, binding, drill, service): a rule's scope may leave a service out, so two
 * ships of different services can need different machines.
 */
export function unitMachine(procedure: Procedure, unit: CompileUnit, posture: PostureConfig): UnitMachine {
  let byUnit = compiled.get(procedure);
  if (!byUnit) compiled.set(procedure, (byUnit = new Map()));
  const key = `${unit.kind}|${unit.bound}|${unit.drilled}|${unit.service ?? ''}`;
  let m = byUnit.get(key);
  if (!m) byUnit.set(key, (m = machineOf(compileUnitMachine(procedure, unit, posture))));
  return m;
}

export type { AnyStateMachine };
