/**
 * Every unit is an XState actor with two regions: `posture`, which differs by kind (one file per
 * kind), and `comms`, compiled from the procedure in force (procedure/compile.ts): listening,
 * calling (first call, repeating, last call) and answering. This file gives the compiled names
 * their meaning: each action runs the procedure interpreter once for its event (units/comms.ts,
 * pure) and emits the effects for the engine to carry out; each guard asks where that step leaves
 * the unit.
 */
import { setup, assign, emit, type AnyStateMachine } from 'xstate';
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

/** The step's context, kept. Resolved last of a step's actions, so it too reads the context the step was taken from. */
const keepContext = assign(({ context, event }: { context: UnitContext; event: UnitEvent }) => stepOf(context, event).context);
/** The step's effects, emitted as one event. */
const emitEffects = emit(({ context, event }: { context: UnitContext; event: UnitEvent }): EffectsEmitted => ({
  type: 'effects',
  effects: stepOf(context, event).effects,
}));

/** What each outcome of a step runs: made once, so a step allocates no action. */
const RUN = {
  none: [],
  context: [keepContext],
  effects: [emitEffects],
  both: [emitEffects, keepContext],
};

/**
 * The action of every transition: take the event's step, keep its context (an event the
 * procedure ignores leaves it as it was: no assign, so XState copies nothing), emit its effects.
 * It is what enqueueActions would be for this body, built as XState v5 builds its own actions
 * (assign, emit, enqueueActions: a function with `type` and `resolve`, which returns the snapshot
 * and the actions to run next; StateMachine resolveAndExecuteActionsWithContext in
 * node_modules/xstate): enqueueActions makes its `enqueue` and eight helpers, and a new assign
 * and emit, for every step. tests/unit/unit-machine.test.ts fails if XState stops running it.
 */
function carryOut(): void {}
carryOut.type = 'unit.step';
carryOut.resolve = (_scope: unknown, snapshot: { context: UnitContext }, args: { event: UnitEvent }) => {
  const step = stepOf(snapshot.context, args.event);
  const changed = step.context !== snapshot.context;
  const run = step.effects.length > 0 ? (changed ? RUN.both : RUN.effects) : changed ? RUN.context : RUN.none;
  return [snapshot, undefined, run];
};

const stepAction = carryOut as never;

const implementations = setup({
  types: {} as { context: UnitContext; events: UnitEvent; input: UnitContext; emitted: EffectsEmitted },
  actions: {
    [ACTION_OF.start]: stepAction,
    [ACTION_OF.script]: stepAction,
    [ACTION_OF.call]: stepAction,
    [ACTION_OF.trigger]: stepAction,
    [ACTION_OF.timer]: stepAction,
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
