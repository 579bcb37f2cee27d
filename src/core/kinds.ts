/**
 * What each kind of unit is, in one table. Everything else asks this table (or switches over
 * UnitKind, which the linter makes exhaustive) instead of comparing kind strings, so a new kind is
 * a row here, its posture machine (units/<kind>.machine.ts) and its line in units/index.ts; the
 * compiler then names every exhaustive switch that does not handle it yet.
 *
 * This module is at the bottom of the core: it imports nothing.
 */

/** Where a unit is: its position, its antenna and what it can run into follow from it. */
export type Element = 'sea' | 'air' | 'shore';

export interface UnitKindTraits {
  element: Element;
  /**
   * The kind a procedure's `appliesTo:` names for it. CUES speaks of ships, aircraft and
   * headquarters; a vessel that is not a warship is a ship for that purpose.
   */
  procedureKind: 'ship' | 'aircraft' | 'headquarters';
  /**
   * Whether procedures can bind it at all. Which services a procedure binds is the procedure's
   * own scope (CUES: naval ships and aircraft [S7]), not the kind's.
   */
  bound: 'always' | 'never';
  /** Antenna height above the sea when the file gives none (an aircraft uses its altitude in flight). */
  defaultAntennaM: number;
  /**
   * How the file places it: it must have a track of waypoints; a track or a fixed position; or a
   * fixed position, which defaults to the scenario's location (a headquarters ashore).
   */
  placed: 'track' | 'track-or-position' | 'fixed-or-at-location';
  /**
   * Whether it watches aircraft of other nations close in (aircraft-approach, unsafe-approach):
   * a warship does; a fishing boat, an aircraft or a headquarters does not.
   */
  watchesApproaches: boolean;
  /** Whether an aircraft can pass close to it (range and proximity checks measure to it). */
  surface: boolean;
  /** Drawn on the plot (with a trail, radar and horizon); a headquarters ashore is listed beside it. */
  onPlot: boolean;
}

export const UNIT_KINDS = {
  ship: {
    element: 'sea',
    procedureKind: 'ship',
    bound: 'always',
    defaultAntennaM: 25,
    placed: 'track-or-position',
    watchesApproaches: true,
    surface: true,
    onPlot: true,
  },
  aircraft: {
    element: 'air',
    procedureKind: 'aircraft',
    bound: 'always',
    defaultAntennaM: 300,
    placed: 'track',
    watchesApproaches: false,
    surface: false,
    onPlot: true,
  },
  headquarters: {
    element: 'shore',
    procedureKind: 'headquarters',
    bound: 'always',
    defaultAntennaM: 30,
    placed: 'fixed-or-at-location',
    watchesApproaches: false,
    surface: false,
    onPlot: false,
  },
  vessel: {
    element: 'sea',
    procedureKind: 'ship',
    bound: 'never',
    defaultAntennaM: 5,
    placed: 'track-or-position',
    watchesApproaches: false,
    surface: true,
    onPlot: true,
  },
} as const satisfies Record<string, UnitKindTraits>;

export type UnitKind = keyof typeof UNIT_KINDS;

/** The kinds in the order the schema lists them. */
export const UNIT_KIND_IDS = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];

export function traitsOf(unit: { kind: UnitKind }): UnitKindTraits {
  return UNIT_KINDS[unit.kind];
}

export const isAirborne = (unit: { kind: UnitKind }): boolean => UNIT_KINDS[unit.kind].element === 'air';
export const isAshore = (unit: { kind: UnitKind }): boolean => UNIT_KINDS[unit.kind].element === 'shore';
