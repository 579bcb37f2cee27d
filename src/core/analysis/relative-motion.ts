/**
 * Relative motion between two units, as a bridge watch-keeper works it out: the true bearing and
 * range from one to the other now, and the closest point of approach (CPA) if both hold their
 * present course and speed, with the time to it. Pure maths on positions, courses and speeds
 * (a replay frame has all three); no pixi, no DOM, no clock.
 *
 * Ranges are on the sphere (geo.ts); the CPA is worked on a flat plane centred on the first unit,
 * which is within a few metres over the tens of miles a CPA is asked about.
 */
import { bearingDeg, destination, groundDistanceM, METRES_PER_NM, type LatLon } from '../geo';

/** A unit's position with the course (degrees true) and speed (knots) it is making good. */
export interface Mover extends LatLon {
  headingDeg: number;
  speedKt: number;
}

/**
 * `closing`: the CPA is ahead; `opening`: it has passed (the range only grows from here);
 * `steady`: no relative motion (same course and speed), the range stays as it is.
 */
export type Closure = 'closing' | 'opening' | 'steady';

export interface RangeBearing {
  /** True bearing from the first to the second, degrees in [0, 360). */
  bearingDeg: number;
  rangeM: number;
}

export interface Cpa {
  closure: Closure;
  /** Range at the CPA (the present range when opening or steady), metres. */
  rangeM: number;
  /** Seconds from now to the CPA (0 when opening or steady). */
  inS: number;
  /** True bearing from the first to the second at the CPA. */
  bearingDeg: number;
  /** Where each will be at the CPA. */
  a: LatLon;
  b: LatLon;
}

const KT_TO_MS = METRES_PER_NM / 3600;
/** Relative speeds below this (m/s, about 0.02 kt) count as none: the range is steady. */
const STILL_MS = 0.01;

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

export function rangeBearing(a: LatLon, b: LatLon): RangeBearing {
  return { bearingDeg: bearingDeg(a, b), rangeM: groundDistanceM(a, b) };
}

/** East and north components (m/s) of a course and speed. */
function velocity(m: Mover): [number, number] {
  const v = m.speedKt * KT_TO_MS;
  return [v * Math.sin(rad(m.headingDeg)), v * Math.cos(rad(m.headingDeg))];
}

/** The CPA of `b` to `a` if both hold course and speed. */
export function cpa(a: Mover, b: Mover): Cpa {
  const now = rangeBearing(a, b);
  // b relative to a, metres east and north.
  const rx = now.rangeM * Math.sin(rad(now.bearingDeg));
  const ry = now.rangeM * Math.cos(rad(now.bearingDeg));
  const [ax, ay] = velocity(a);
  const [bx, by] = velocity(b);
  const vx = bx - ax;
  const vy = by - ay;
  const v2 = vx * vx + vy * vy;
  const still = { rangeM: now.rangeM, inS: 0, bearingDeg: now.bearingDeg, a: { lat: a.lat, lon: a.lon }, b: { lat: b.lat, lon: b.lon } };
  if (v2 < STILL_MS * STILL_MS) return { closure: 'steady', ...still };
  const tS = -(rx * vx + ry * vy) / v2;
  if (tS <= 0) return { closure: 'opening', ...still };
  const cx = rx + vx * tS;
  const cy = ry + vy * tS;
  const at = (m: Mover): LatLon => destination(m, m.headingDeg, m.speedKt * KT_TO_MS * tS);
  return { closure: 'closing', rangeM: Math.hypot(cx, cy), inS: tS, bearingDeg: (deg(Math.atan2(cx, cy)) + 360) % 360, a: at(a), b: at(b) };
}

/** "047": a true bearing as a mariner writes it, three digits, 360 never (000). */
export function threeDigits(bearing: number): string {
  const d = Math.round(((bearing % 360) + 360) % 360) % 360;
  return String(d).padStart(3, '0');
}

/** Nautical miles to one decimal (two below 1 nm, where a tenth is 185 m). */
export function nmText(m: number): string {
  const nm = m / METRES_PER_NM;
  return nm < 1 ? nm.toFixed(2) : nm.toFixed(1);
}

/** Kilometres to one decimal. */
export function kmText(m: number): string {
  return (m / 1000).toFixed(1);
}
