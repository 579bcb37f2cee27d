/**
 * Every unit is an XState actor with two regions: `posture`, which differs by kind (one file per
 * kind), and `comms`, shared by all: listening, calling (a hail waiting for its answer) and
 * answering (a reply owed). The procedure interpreter in comms.ts decides; the machine records
 * the state a trainer sees and emits the effects for the engine to carry out.
 */
import { setup, enqueueActions, type StateNodeConfig } from 'xstate';
import type { Effect, UnitContext, UnitEvent } from './protocol';
import { onCall, onScript, onStart, onTimer, onTrigger, type Step } from './comms';
import type { Cause } from '../log';

export type PostureConfig = {
  initial: string;
  states: Record<string, StateNodeConfig<UnitContext, UnitEvent, never, never, never, never, never, never, never, never>>;
};

function interpret(context: UnitContext, event: UnitEvent): Step {
  if (event.type === 'start') return onStart(context);
  if (event.type === 'script') return onScript(context, event.action);
  if (event.type === 'call') return onCall(context, event);
  if (event.type === 'timer') return onTimer(context, event);
  // What is left is a sensed trigger, "trigger.<event>".
  const trigger = event.type.slice('trigger.'.length) as Parameters<typeof onTrigger>[1];
  const cause: Cause = { kind: 'sensor', ref: trigger, ...(event.entry !== undefined ? { entry: event.entry } : {}) };
  return onTrigger(context, trigger, event.about, event.detail, cause, undefined, event.says);
}

export function createUnitMachine(kind: string, posture: PostureConfig) {
  return setup({
    types: {} as { context: UnitContext; events: UnitEvent; input: UnitContext; emitted: Effect },
    actions: {
      interpret: enqueueActions(({ context, event, enqueue }) => {
        const step = interpret(context, event);
        enqueue.assign(() => step.context);
        for (const effect of step.effects) enqueue.emit(effect);
      }),
    },
    guards: {
      calling: ({ context }) => context.hail !== null,
      answering: ({ context }) => context.hail === null && Object.keys(context.pendingReplies).length > 0,
      idle: ({ context }) => context.hail === null && Object.keys(context.pendingReplies).length === 0,
    },
  }).createMachine({
    id: kind,
    context: ({ input }) => input,
    type: 'parallel',
    on: {
      '*': { actions: 'interpret' },
    },
    states: {
      posture: posture as never,
      comms: {
        initial: 'listening',
        states: {
          listening: {
            always: [
              { guard: 'calling', target: 'calling' },
              { guard: 'answering', target: 'answering' },
            ],
          },
          calling: {
            always: [
              { guard: 'answering', target: 'answering' },
              { guard: 'idle', target: 'listening' },
            ],
          },
          answering: {
            always: [
              { guard: 'calling', target: 'calling' },
              { guard: 'idle', target: 'listening' },
            ],
          },
        },
      },
    },
  });
}

export type UnitMachine = ReturnType<typeof createUnitMachine>;
