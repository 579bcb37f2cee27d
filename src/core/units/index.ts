/**
 * The machine each unit runs: its kind's posture with the comms region compiled from the procedure
 * in force. The engine asks for one per unit; the same machines are exported, traversed for
 * failure paths and read by step mode.
 */
import type { UnitKind } from '../scenario/schema';
import type { Procedure } from '../procedure/load';
import { isBound } from '../procedure/duties';
import { compileUnitMachine, type PostureConfig, type UnitMachineConfig } from '../procedure/compile';
import { aircraftPosture } from './aircraft.machine';
import { shipPosture } from './ship.machine';
import { headquartersPosture } from './headquarters.machine';
import { vesselPosture } from './vessel.machine';
import { unitMachine, type UnitMachine } from './unit-machine';
import type { UnitContext } from './protocol';

export const postures = {
  aircraft: aircraftPosture,
  ship: shipPosture,
  headquarters: headquartersPosture,
  vessel: vesselPosture,
} satisfies Record<UnitKind, PostureConfig>;

/** Who a machine is compiled for, from the unit as the scenario gives it. */
export function compileUnitOf(unit: { kind: UnitKind; service?: string | undefined }, drilled = false) {
  return { kind: unit.kind, bound: isBound(unit), drilled, ...(unit.service ? { service: unit.service } : {}) };
}

/** The machine for a unit under a procedure. */
export function machineFor(procedure: Procedure, unit: { kind: UnitKind; service?: string | undefined }, drilled = false): UnitMachine {
  return unitMachine(procedure, compileUnitOf(unit, drilled), postures[unit.kind]);
}

/** The machine for the unit a context describes (what the engine starts each actor with). */
export function machineOfContext(context: UnitContext): UnitMachine {
  return machineFor(context.procedure, context.unit, context.drill !== undefined);
}

/** The configuration of that machine, as data (for export and inspection). */
export function configFor(procedure: Procedure, unit: { kind: UnitKind; service?: string | undefined }, drilled = false): UnitMachineConfig {
  return compileUnitMachine(procedure, compileUnitOf(unit, drilled), postures[unit.kind]);
}

export type { UnitMachine };
