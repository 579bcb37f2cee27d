/**
 * Where radar and sensor pointing is drawn (no pixi: unit-tested in Node). Screen pixels in and out.
 *
 * - search: a wedge SWEEP_WIDTH wide, fading towards its tail, turning round the unit once a
 *   rotation period (real time, visual only); its radius is symbolic, not the radar's range;
 * - held on a target (track): a beam from the emitter's symbol to the target's, pulsing;
 * - pointed but not transmitting (slewed): a dashed line along the same path.
 * Several beams from one unit to one target (a tracker and a camera) get lanes either side.
 */
import { sideAnchor, type Spot } from './labels';
import { towards, type Disc } from './call';
import { isAirborne, type UnitKind } from '../../../core/kinds';

export const SWEEP_WIDTH = (28 * Math.PI) / 180;
/** Fading steps of a full sweep's wedge; a plain one (crowded frame) has two. */
export const SWEEP_STEPS = 5;
/** Px between beam lanes. */
export const BEAM_LANE_SPACING = 6;
/** Beam pulses per second. */
const PULSE_HZ = 1.6;

/** Radius (px) of a unit's `index`-th search sweep (0, 1 …): nested rings, smaller round aircraft. */
export function sweepRadius(kind: UnitKind, index: number): number {
  return (isAirborne({ kind }) ? 34 : 46) + 16 * index;
}

/** A fixed starting angle per emitter (radians, 0..6.28), so sweeps of one ship do not turn in step. */
export function sweepPhase(emitterId: string): number {
  let h = 0;
  for (let i = 0; i < emitterId.length; i++) h = (h * 33 + emitterId.charCodeAt(i)) >>> 0;
  return (h % 628) / 100;
}

/** The sweep's angle (radians, screen) at real time nowMs. */
export function sweepRotation(nowMs: number, periodS: number, phase: number): number {
  return ((nowMs / 1000 / periodS) % 1) * Math.PI * 2 + phase;
}

/** The wedge's fading steps, leading edge first: angles (radians, the leading edge along +x) and fill alpha. */
export function sweepWedges(steps: number): { a0: number; a1: number; alpha: number }[] {
  const out: { a0: number; a1: number; alpha: number }[] = [];
  for (let k = 0; k < steps; k++) out.push({ a0: -(SWEEP_WIDTH * (k + 1)) / steps, a1: -(SWEEP_WIDTH * k) / steps, alpha: 0.3 * (1 - k / steps) });
  return out;
}

/** The pulse of lock beams at real time nowMs: beam thickness factor and alphas. */
export function lockPulse(nowMs: number): { thickness: number; beamAlpha: number; ringAlpha: number } {
  const pulse = 0.5 + 0.5 * Math.sin((nowMs / 1000) * Math.PI * 2 * PULSE_HZ);
  return { thickness: 1 + pulse, beamAlpha: 0.85 + 0.15 * pulse, ringAlpha: 0.55 + 0.4 * pulse };
}

/** Lane of a unit's `index`-th beam (0, 1 …): 0, then −1, 1, −2, 2 … either side of the first. */
export function beamLane(index: number): number {
  return index === 0 ? 0 : index % 2 === 1 ? -(index + 1) / 2 : index / 2;
}

/** A beam on screen: ends, the centres' offset (dx, dy) and the unit normal to the left. */
export interface BeamLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  dx: number;
  dy: number;
  nx: number;
  ny: number;
}

/** The beam from an emitter to its target in `lane`: from inside the emitter's symbol to 2 px outside the target's. */
export function beamLine(from: Disc, to: Disc, lane: number): BeamLine {
  const { dx, dy, ux, uy, nx, ny } = towards(from, to);
  const lo = lane * BEAM_LANE_SPACING;
  return {
    x0: from.x + ux * (from.r * 0.6) + nx * lo,
    y0: from.y + uy * (from.r * 0.6) + ny * lo,
    x1: to.x - ux * (to.r + 2) + nx * lo,
    y1: to.y - uy * (to.r + 2) + ny * lo,
    dx,
    dy,
    nx,
    ny,
  };
}

/** A lock beam as a transform of a unit-length bar along +x: position, rotation, length. */
export function beamTransform(b: BeamLine): { x: number; y: number; rotation: number; length: number } {
  return { x: b.x0, y: b.y0, rotation: Math.atan2(b.y1 - b.y0, b.x1 - b.x0), length: Math.hypot(b.x1 - b.x0, b.y1 - b.y0) };
}

/** Candidate spots for a beam's label: beside the beam near the emitter, on the lane's side first. */
export function beamLabelSpots(from: { x: number; y: number }, b: BeamLine, lane: number): Spot[] {
  const side = lane < 0 ? -1 : 1;
  const spots: Spot[] = [];
  for (const dist of [10, 26, 44]) {
    for (const f of [0.3, 0.45, 0.18, 0.6, 0.75]) {
      for (const sd of [side, -side]) {
        const sx = b.nx * sd;
        const sy = b.ny * sd;
        spots.push({ x: from.x + b.dx * f + sx * dist, y: from.y + b.dy * f + sy * dist, ...sideAnchor(sx, sy) });
      }
    }
  }
  return spots;
}

/** A screen box (px): left, top, right, bottom. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Px added round what a sweep or beam covers: its strokes' widths are inside the figures below,
 * this is for antialiasing (a multisampled edge reaches into the next pixel) and rounding.
 */
const REACH_MARGIN = 3;

/** Half the thickness (px) of a lock beam at the top of its pulse (lock() in layers/radar.ts: 7.2 px, pulsed up to 2×). */
const LOCK_HALF_WIDTH = 3.6 * 2;
/** A lock's ring at its target: radius target.r + 6, its stroke 0.12 of that wide (so 0.06 outside it). */
const RING_GAP = 6;
const RING_STROKE = 0.12;
/** Half the width (px) of the slewed line's wider (dark) stroke. */
const SLEWED_HALF_WIDTH = 3.4 / 2;

const around = (x0: number, y0: number, x1: number, y1: number, pad: number): Box => ({
  x0: Math.min(x0, x1) - pad - REACH_MARGIN,
  y0: Math.min(y0, y1) - pad - REACH_MARGIN,
  x1: Math.max(x0, x1) + pad + REACH_MARGIN,
  y1: Math.max(y0, y1) + pad + REACH_MARGIN,
});

/** What a sweep of `radius` round (x, y) covers at any angle (its range ring, at the radius, included). */
export function sweepReach(x: number, y: number, radius: number): Box {
  return around(x, y, x, y, radius + 1);
}

/** What a lock covers at any moment of its pulse: the beam along `b` and the ring round its target. */
export function lockReach(b: BeamLine, target: Disc): Box[] {
  const ring = (target.r + RING_GAP) * (1 + RING_STROKE / 2);
  return [around(b.x0, b.y0, b.x1, b.y1, LOCK_HALF_WIDTH), around(target.x, target.y, target.x, target.y, ring)];
}

/** What a slewed (dashed) line along `b` covers. */
export function slewedReach(b: BeamLine): Box {
  return around(b.x0, b.y0, b.x1, b.y1, SLEWED_HALF_WIDTH);
}
