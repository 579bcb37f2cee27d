/**
 * One step of the procedure interpreter for one event (context and event in, context and effects
 * out), and where it leaves the unit's comms region. The step is taken once per event: the guards
 * that choose a transition and the action that carries it out read the same result.
 */
import type { Cause } from '../log';
import { onCall, onScript, onStart, onTimer, onTrigger, type Step } from './comms';
import type { UnitContext, UnitEvent } from './protocol';
import { callingStateOf } from '../procedure/compile-comms';

function interpret(context: UnitContext, event: UnitEvent): Step {
  if (event.type === 'start') return onStart(context);
  if (event.type === 'script') return onScript(context, event.action);
  if (event.type === 'call') return onCall(context, event);
  if (event.type === 'timer') return onTimer(context, event);
  // What is left is a sensed trigger, "trigger.<event>".
  const trigger = event.type.slice('trigger.'.length) as Parameters<typeof onTrigger>[1];
  const cause: Cause = { kind: 'sensor', ref: trigger, ...(event.entry !== undefined ? { entry: event.entry } : {}) };
  return onTrigger(context, trigger, event.about, event.detail, cause, undefined, event.says, event.spoken, event.detailWhy);
}

/**
 * The last step taken. The guards and the action of one transition run one after the other for
 * the same event and context, so one entry is enough; a WeakMap entry per event cost the garbage
 * collector more than the lookups saved. A miss only takes the (pure) step again.
 */
let last: { context: UnitContext; event: UnitEvent; step: Step; state: string } | undefined;

function take(context: UnitContext, event: UnitEvent): { step: Step; state: string } {
  if (last && last.event === event && last.context === context) return last;
  const step = interpret(context, event);
  last = { context, event, step, state: commsStateOf(step.context) };
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
  if (ctx.hail) return `calling.${callingStateOf(ctx.hail.attempt, ctx.hail.plan.length)}`;
  for (const _ in ctx.pendingReplies) return 'answering';
  return 'listening';
}
