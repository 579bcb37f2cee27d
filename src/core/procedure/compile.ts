/**
 * A procedure, with the posture of a unit kind, compiled to the configuration of that unit's
 * XState machine: plain data (states, transitions per event type, guards and actions by name, as
 * Stately's tools read it). The unit machine gives the names their meaning (units/unit-machine.ts);
 * failure paths, step mode and the machine export read the same configuration.
 */
import type { Procedure } from './load';
import { compileComms, type CompileUnit, type StateConfig } from './compile-comms';

export type { CompileUnit, StateConfig, TransitionConfig, GuardRef } from './compile-comms';

/** A posture region: the kind's own states, moved by what the unit senses. Targets only, no actions. */
export interface PostureConfig {
  initial: string;
  states: Record<string, { description?: string; on?: Record<string, { target: string }> }>;
}

export interface UnitMachineConfig {
  id: string;
  type: 'parallel';
  description: string;
  states: { posture: StateConfig; comms: StateConfig };
}

export function compileUnitMachine(procedure: Procedure, unit: CompileUnit, posture: PostureConfig): UnitMachineConfig {
  return {
    id: unit.kind,
    type: 'parallel',
    description: `A ${unit.kind} under ${procedure.id}${unit.bound ? '' : ' (not bound by it)'}${unit.drilled ? ', played by a student' : ''}`,
    states: {
      posture,
      comms: compileComms(procedure, unit),
    },
  };
}
