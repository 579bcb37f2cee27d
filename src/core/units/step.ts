/**
 * One step of the procedure interpreter for one event (context and event in, context and effects
 * out), and where it leaves the unit's comms region. The step is taken once per event: the guards
 * that choose a transition and the action that carries it out read the same result.
 */
import type { Cause } from '../log';
import { onCall, onScript, onStart, onTimer, onTrigger, type Step } from './comms';
import type { Effect, UnitContext, UnitEvent } from './protocol';
import { callingStateOf } from '../procedure/compile-comms';

function interpret(context: UnitContext, event: UnitEvent): Step {
  if (event.type === 'start') return onStart(context);
  if (event.type === 'script') return onScript(context, event.action);
  if (event.type === 'call') return onCall(context, event);
  if (event.type === 'timer') return onTimer(context, event);
  // What is left is a sensed trigger, "trigger.<event>".
  const trigger = event.type.slice('trigger.'.length) as Parameters<typeof onTrigger>[1];
  const cause: Cause = event.entry !== undefined ? { kind: 'sensor', ref: trigger, entry: event.entry } : { kind: 'sensor', ref: trigger };
  return onTrigger(context, trigger, event.about, event.detail, cause, undefined, event.says, event.spoken, event.detailWhy);
}

/**
 * The last step taken. The guards and the action of one transition run one after the other for
 * the same event and context, so one entry is enough; a WeakMap entry per event cost the garbage
 * collector more than the lookups saved. A miss only takes the (pure) step again. The entry is
 * one object refilled in place: nobody holds it past the call that asked.
 */
const last: { context: UnitContext | undefined; event: UnitEvent | undefined; step: Step; state: string } = {
  context: undefined,
  event: undefined,
  step: { context: undefined as unknown as UnitContext, effects: [] },
  state: '',
};

function take(context: UnitContext, event: UnitEvent): { step: Step; state: string } {
  if (last.event === event && last.context === context) return last;
  const step = interpret(context, event);
  last.context = context;
  last.event = event;
  last.step = step;
  last.state = commsStateOf(step.context);
  return last;
}

/** The step for this event from this context; guards and the action of one transition share it. */
export function stepOf(context: UnitContext, event: UnitEvent): Step {
  return take(context, event).step;
}

/** The comms state the step for this event leaves the unit in. */
export function endStateOf(context: UnitContext, event: UnitEvent): string {
  return take(context, event).state;
}

/** The comms state a context is in: a call of its own out (which of the plan), a reply owed, or neither. */
export function commsStateOf(ctx: UnitContext): string {
  if (ctx.hail) return CALLING[callingStateOf(ctx.hail.attempt, ctx.hail.plan.length)]!;
  for (const _ in ctx.pendingReplies) return 'answering';
  return 'listening';
}

/** "calling.<sub-state>" made once, not once per step. */
const CALLING: Record<string, string> = Object.fromEntries(['first-call', 'repeating', 'last-call'].map((s) => [s, `calling.${s}`]));

/** A nested comms state's full name ("calling.first-call"), as commsStateOf gives it. */
export function nestedState(state: string, sub: string): string {
  return (state === 'calling' ? CALLING[sub] : undefined) ?? `${state}.${sub}`;
}

/**
 * The step for this event changes nothing: the same context, no effects, and the comms region
 * left where the machine has it (`comms`, as commsStateOf names it). Every comms transition runs
 * only this step as its action and targets only the state its guard names, and no comms state
 * has entry or exit actions, so XState would at most leave and re-enter the state the unit is in:
 * nothing the engine could see. The engine need not send such an event, unless the posture
 * region has a transition for it. The step is kept for the guards and action if it is sent.
 */
export function changesNothing(context: UnitContext, event: UnitEvent, comms: string): boolean {
  const t = take(context, event);
  return t.step.context === context && t.step.effects.length === 0 && t.state === comms;
}

/**
 * The effects of the step for this event when it leaves the context and the comms region as they
 * are (changesNothing, but for its effects): sent, the actor would emit these and nothing else,
 * with its snapshot the same object before and after. undefined when the step changes either.
 */
export function effectsAlone(context: UnitContext, event: UnitEvent, comms: string): Effect[] | undefined {
  const t = take(context, event);
  return t.step.context === context && t.state === comms ? t.step.effects : undefined;
}
