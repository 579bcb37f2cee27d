/**
 * Every unit is an XState actor with two regions: `posture`, which differs by kind (one file per
 * kind), and `comms`, compiled from the procedure in force (procedure/compile.ts): listening,
 * calling (first call, repeating, last call) and answering. This file gives the compiled names
 * their meaning: each action runs the procedure interpreter once for its event (units/comms.ts,
 * pure) and emits the effects for the engine to carry out; each guard asks where that step leaves
 * the unit.
 */
import { setup, assign, emit, enqueueActions, type AnyStateMachine } from 'xstate';
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

/** The step's context, kept. */
const keepContext = assign(({ context, event }: { context: UnitContext; event: UnitEvent }) => stepOf(context, event).context);
/** The step's effects, emitted as one event. */
const emitEffects = emit(({ context, event }: { context: UnitContext; event: UnitEvent }): EffectsEmitted => ({
  type: 'effects',
  effects: stepOf(context, event).effects,
}));

/**
 * The action of every transition: take the event's step, keep its context, emit its effects.
 * The two actions are made once and enqueued as they are (enqueue.assign and enqueue.emit would
 * make a new one every step). An event the procedure ignores leaves the context as it was: no
 * assign, so XState copies nothing. Both read the step from the context the event found (the
 * emit is enqueued first and the step is cached, step.ts), so the effects are those of that step.
 */
const carryOut = enqueueActions(({ context, event, enqueue }: { context: UnitContext; event: UnitEvent; enqueue: (action: never) => void }) => {
  const step = stepOf(context, event);
  if (step.effects.length > 0) enqueue(emitEffects as never);
  if (step.context !== context) enqueue(keepContext as never);
}) as never;

const implementations = setup({
  types: {} as { context: UnitContext; events: UnitEvent; input: UnitContext; emitted: EffectsEmitted },
  actions: {
    [ACTION_OF.start]: carryOut,
    [ACTION_OF.script]: carryOut,
    [ACTION_OF.call]: carryOut,
    [ACTION_OF.trigger]: carryOut,
    [ACTION_OF.timer]: carryOut,
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
