/**
 * Whether a unit is in the scene: an aircraft exists from its take-off to its landing. Before and
 * after, it is on a deck or an airfield: not on the plot, not sensing, not sensed, its radios off.
 * An aircraft on a ship's deck is part of the ship for sensing, so nothing of its own is sensed.
 * A unit without `takeOff:` is there from the start; without `landing:`, to the end.
 */
import { parseTime, type PlaceRef, type UnitSpec } from './schema';

export interface FlightWindow {
  /** Seconds from the start at which it takes off (0 with no take-off: there from the start). */
  from: number;
  /** Seconds at which it has landed (Infinity with no landing). */
  until: number;
}

const windows = new WeakMap<UnitSpec, FlightWindow>();

export function flightWindow(u: UnitSpec): FlightWindow {
  let w = windows.get(u);
  if (!w) {
    w = { from: u.takeOff ? parseTime(u.takeOff.t) : 0, until: u.landing ? parseTime(u.landing.t) : Infinity };
    windows.set(u, w);
  }
  return w;
}

/** Whether the unit is in the scene at time t: from its take-off (included) to its landing (excluded). */
export function presentAt(u: UnitSpec, t: number): boolean {
  const w = flightWindow(u);
  return t >= w.from && t < w.until;
}

/** Whether the file gives the unit a take-off or a landing at all. */
export function flies(u: UnitSpec): boolean {
  return u.takeOff !== undefined || u.landing !== undefined;
}

/** A place as people say it: the unit's id, or its position. */
export function placeWords(p: PlaceRef): string {
  return typeof p === 'string' ? p : `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`;
}

/** Why the unit is not in the scene at t, in words for a ladder cause; undefined when it is. */
export function absence(u: UnitSpec, t: number): string | undefined {
  if (presentAt(u, t)) return undefined;
  const w = flightWindow(u);
  if (t < w.from) return `${u.id} had not taken off yet (take-off at ${w.from} s from ${placeWords(u.takeOff!.from)}): its radios are off`;
  return `${u.id} had landed (at ${w.until} s on ${placeWords(u.landing!.at)}): its radios are off`;
}

/** The next moment after t at which the unit appears or goes, or Infinity. */
export function nextPresenceChange(u: UnitSpec, t: number): number {
  const w = flightWindow(u);
  if (t < w.from) return w.from;
  if (t < w.until) return w.until;
  return Infinity;
}
