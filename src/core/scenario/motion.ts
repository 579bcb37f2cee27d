/**
 * Tracks become piecewise-linear motion, computed once at load. Seeking the replay to any time
 * is then a binary search and an interpolation, never a re-run.
 */
import { bearingDeg, destination, EARTH_RADIUS_M, groundDistanceM, lerp, METRES_PER_NM, type Position } from '../geo';
import { parseTime, type TrackSpec } from './schema';

export interface Motion {
  t: number[];
  lat: number[];
  lon: number[];
  altM: number[];
}

export interface Kinematics extends Position {
  headingDeg: number;
  speedKt: number;
}

export function fixedMotion(lat: number, lon: number, altM: number): Motion {
  return { t: [0], lat: [lat], lon: [lon], altM: [altM] };
}

/** Index of the last sample at or before t (0 if t precedes the first). */
export function segmentIndex(ts: number[], t: number): number {
  let lo = 0;
  let hi = ts.length - 1;
  if (t <= ts[0]!) return 0;
  if (t >= ts[hi]!) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Index of the first sample strictly after t (ts.length if none). */
export function firstAfter(ts: readonly number[], t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function positionAt(m: Motion, t: number): Position {
  const i = segmentIndex(m.t, t);
  const j = Math.min(i + 1, m.t.length - 1);
  if (i === j || t <= m.t[i]!) return { lat: m.lat[i]!, lon: m.lon[i]!, altM: m.altM[i]! };
  const f = (t - m.t[i]!) / (m.t[j]! - m.t[i]!);
  return { lat: lerp(m.lat[i]!, m.lat[j]!, f), lon: lerp(m.lon[i]!, m.lon[j]!, f), altM: lerp(m.altM[i]!, m.altM[j]!, f) };
}

/**
 * positionAt written into out[at], out[at + 1], out[at + 2] (lat, lon, altitude): the same
 * numbers, without an object per call, for loops that place every unit at every step.
 */
export function positionInto(m: Motion, t: number, out: Float64Array, at: number): void {
  const i = segmentIndex(m.t, t);
  const j = Math.min(i + 1, m.t.length - 1);
  if (i === j || t <= m.t[i]!) {
    out[at] = m.lat[i]!;
    out[at + 1] = m.lon[i]!;
    out[at + 2] = m.altM[i]!;
    return;
  }
  const f = (t - m.t[i]!) / (m.t[j]! - m.t[i]!);
  out[at] = lerp(m.lat[i]!, m.lat[j]!, f);
  out[at + 1] = lerp(m.lon[i]!, m.lon[j]!, f);
  out[at + 2] = lerp(m.altM[i]!, m.altM[j]!, f);
}

/** The latitudes, longitudes and altitudes a track's samples span; positionAt interpolates between samples, so never leaves it. */
export interface TrackBox {
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
  altMin: number;
  altMax: number;
}

const boxCache = new WeakMap<Motion, TrackBox>();

export function trackBox(m: Motion): TrackBox {
  let b = boxCache.get(m);
  if (!b) {
    b = { latMin: Infinity, latMax: -Infinity, lonMin: Infinity, lonMax: -Infinity, altMin: Infinity, altMax: -Infinity };
    for (let i = 0; i < m.t.length; i++) {
      b.latMin = Math.min(b.latMin, m.lat[i]!);
      b.latMax = Math.max(b.latMax, m.lat[i]!);
      b.lonMin = Math.min(b.lonMin, m.lon[i]!);
      b.lonMax = Math.max(b.lonMax, m.lon[i]!);
      b.altMin = Math.min(b.altMin, m.altM[i]!);
      b.altMax = Math.max(b.altMax, m.altM[i]!);
    }
    boxCache.set(m, b);
  }
  return b;
}

export function kinematicsAt(m: Motion, t: number): Kinematics {
  const p = positionAt(m, t);
  let i = segmentIndex(m.t, t);
  if (i >= m.t.length - 1) i = Math.max(0, m.t.length - 2);
  const j = Math.min(i + 1, m.t.length - 1);
  if (i === j) return { ...p, headingDeg: 0, speedKt: 0 };
  const a = { lat: m.lat[i]!, lon: m.lon[i]! };
  const b = { lat: m.lat[j]!, lon: m.lon[j]! };
  const d = groundDistanceM(a, b);
  const dt = m.t[j]! - m.t[i]!;
  return { ...p, headingDeg: d > 0.5 ? bearingDeg(a, b) : 0, speedKt: dt > 0 ? (d / dt / METRES_PER_NM) * 3600 : 0 };
}

const rad = (d: number) => (d * Math.PI) / 180;

const speedCache = new WeakMap<Motion, number>();

/**
 * An upper bound on the ground speed (m/s) of a unit along its motion, as positionAt interpolates
 * it (linearly in latitude and longitude). On a segment the interpolated point moves at
 * R·√(φ'² + cos²φ·λ'²), at most R·√(Δφ² + cos²φ*·Δλ²)/Δt with φ* the latitude of the segment
 * nearest the equator; the great-circle distance between two points of the path is at most the
 * length of the path between them.
 */
export function maxSpeedMps(m: Motion): number {
  const cached = speedCache.get(m);
  if (cached !== undefined) return cached;
  let v = 0;
  for (let i = 0; i + 1 < m.t.length; i++) {
    const dt = m.t[i + 1]! - m.t[i]!;
    const lat1 = m.lat[i]!;
    const lat2 = m.lat[i + 1]!;
    const a = rad(lat2 - lat1);
    const b = rad(m.lon[i + 1]! - m.lon[i]!);
    if (a === 0 && b === 0) continue;
    // Two waypoints at the same time: a jump. No bound holds across it.
    if (!(dt > 0)) return cacheSpeed(m, Infinity);
    const nearestEquator = lat1 * lat2 <= 0 ? 0 : Math.min(Math.abs(lat1), Math.abs(lat2));
    const c = Math.cos(rad(nearestEquator));
    v = Math.max(v, (EARTH_RADIUS_M * Math.sqrt(a * a + c * c * b * b)) / dt);
  }
  // Headroom for rounding in this bound and in the distances it is compared with.
  return cacheSpeed(m, v * (1 + 1e-6) + 1e-6);
}

function cacheSpeed(m: Motion, v: number): number {
  speedCache.set(m, v);
  return v;
}

/**
 * Builds the motion of a track. `reference` gives another unit's position at a time, for
 * waypoints written relative to a unit; callers resolve units in dependency order.
 */
export function buildMotion(track: TrackSpec, defaultAltM: number, reference: (unitId: string, t: number) => Position): Motion {
  const m: Motion = { t: [], lat: [], lon: [], altM: [] };
  if (!Array.isArray(track)) {
    let t = 0;
    let here = { ...track.start, altM: track.start.altM ?? defaultAltM };
    push(m, t, here);
    for (const leg of track.legs) {
      const dist = (leg.speedKt * METRES_PER_NM * leg.durationS) / 3600;
      const next = destination(here, leg.courseDeg, dist);
      t += leg.durationS;
      here = { ...next, altM: leg.altM ?? here.altM };
      push(m, t, here);
    }
    return m;
  }
  const points = [...track].map((p) => ({ ...p, tS: parseTime(p.t) })).sort((a, b) => a.tS - b.tS);
  for (const p of points) {
    if ('from' in p) {
      const ref = reference(p.from, p.tS);
      const ll = destination(ref, p.bearingDeg, p.rangeM);
      push(m, p.tS, { ...ll, altM: p.altM ?? defaultAltM });
    } else {
      push(m, p.tS, { lat: p.lat, lon: p.lon, altM: p.altM ?? defaultAltM });
    }
  }
  return m;
}

function push(m: Motion, t: number, p: Position): void {
  m.t.push(t);
  m.lat.push(p.lat);
  m.lon.push(p.lon);
  m.altM.push(p.altM);
}

/**
 * A scripted move: the unit follows its track until `atS`, then the new one. A new track given
 * as legs starts where the unit is at `atS`; waypoints keep their own times.
 */
export function joinMove(m: Motion, atS: number, track: TrackSpec, defaultAltM: number, reference: (unitId: string, t: number) => Position): Motion {
  const here = positionAt(m, atS);
  const out: Motion = { t: [], lat: [], lon: [], altM: [] };
  for (let i = 0; i < m.t.length && m.t[i]! < atS; i++) push(out, m.t[i]!, { lat: m.lat[i]!, lon: m.lon[i]!, altM: m.altM[i]! });
  push(out, atS, here);
  const next = Array.isArray(track)
    ? buildMotion(track, defaultAltM, reference)
    : buildMotion({ start: { lat: here.lat, lon: here.lon, altM: here.altM }, legs: track.legs }, here.altM, reference);
  const offset = Array.isArray(track) ? 0 : atS;
  for (let i = 0; i < next.t.length; i++) {
    const t = next.t[i]! + offset;
    if (t > atS) push(out, t, { lat: next.lat[i]!, lon: next.lon[i]!, altM: next.altM[i]! });
  }
  return out;
}
