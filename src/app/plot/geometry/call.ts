/**
 * Where a radio call is drawn (no pixi: unit-tested in Node). Screen pixels in, screen pixels out.
 *
 * A call to one recipient is a line from just outside the originator's symbol to just outside the
 * recipient's, offset to the left of the direction of travel by its lane. How far the message got
 * up the delivery ladder decides the rest: a dashed line while it is in the air, a solid line and
 * an arrowhead when it was understood, or a solid line cut short at an ✗ where it broke down.
 *
 * The ✗ rule: a call that failed at stage s stops at the fraction index(s) / index(understood) of
 * the way from originator to recipient, at most 1. So `transmitted` sits at the originator's end
 * (0: it never left), `in-range` a quarter of the way, `receivable` halfway, `heard` three
 * quarters, and `understood`, `acknowledged` and `acted-on` at the recipient's end (1: the words
 * arrived; what broke was the recipient's understanding or answer). A recipient off screen (a
 * headquarters far away) gets a short line and its ✗ at that line's end.
 */
import { stageIndex, type Stage } from '../../../core/log';
import type { Outcome } from '../../../core/analysis/outcomes';
import type { TransmissionFrame } from '../../../core/replay/replay';
import { sideAnchor, type Spot } from './labels';

/** A unit's symbol on screen: centre and radius in px, and whether it is inside the view. */
export interface Disc {
  x: number;
  y: number;
  r: number;
  visible: boolean;
}

export type Point = readonly [number, number];

/**
 * From one symbol's centre towards another's: the offset, its length (1 when they coincide), the
 * unit vector along it and the unit normal to its left, which lanes are measured along.
 */
export function towards(from: Disc, to: Disc): { dx: number; dy: number; dist: number; ux: number; uy: number; nx: number; ny: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const dist = Math.hypot(dx, dy) || 1;
  const ux = dx / dist;
  const uy = dy / dist;
  return { dx, dy, dist, ux, uy, nx: uy, ny: -ux };
}

/** How long (sim s) the ring takes to spread and fade: about the time a call takes to say. */
export const RING_S = 12;
/** Transmissions older than this are gone; they fade out over their last FADE_S. */
export const RECENT_S = 60;
export const FADE_S = 12;
/** The second ring follows the first by this many seconds. */
const RING_LAG_S = 4;
/** How far (px) the ring spreads beyond the originator's symbol. */
const RING_SPREAD = 110;

/** Lines leaving one originator closer than this (radians) share a direction and get lanes. */
export const LANE_ANGLE = 0.35;
/** Px between the first lane and the line joining the symbols' centres, and between lanes. */
export const LANE_OFFSET = 7;
export const LANE_SPACING = 10;
/** A line to an off-screen recipient is at most this long (px). */
export const FAR_REACH = 150;

const UNDERSTOOD = stageIndex('understood');

/** Where along the line (0 = originator, 1 = recipient) the ✗ of a call that failed at `stage` sits. */
export function crossFraction(stage: Stage): number {
  return Math.min(1, stageIndex(stage) / UNDERSTOOD);
}

/** Opacity of a call `ageS` seconds after it was keyed: full, then fading to nothing at RECENT_S. */
export function callFade(ageS: number): number {
  return ageS > RECENT_S - FADE_S ? Math.max(0, (RECENT_S - ageS) / FADE_S) : 1;
}

export interface Ring {
  x: number;
  y: number;
  r: number;
  width: number;
  alpha: number;
}

/** The rings spreading from the originator over the first RING_S seconds (none once spread, or off screen). */
export function callRings(from: Disc, ageS: number): Ring[] {
  const out: Ring[] = [];
  if (!(ageS < RING_S) || !from.visible) return out;
  for (const lag of [0, RING_LAG_S]) {
    const a = ageS - lag;
    if (a < 0) continue;
    const f = a / RING_S;
    out.push({ x: from.x, y: from.y, r: from.r + 6 + f * RING_SPREAD, width: 2.5 * (1 - f) + 0.6, alpha: 0.9 * (1 - f) * (1 - f) + 0.05 });
  }
  return out;
}

/**
 * Lanes: directions already used by lines from each originator, binned by angle (a call to all
 * stations sends a line to every unit): lines within LANE_ANGLE of a direction lie in its bin or
 * the two either side. Made afresh for each frame; lanes go in the order calls are asked about.
 */
export class CallLanes {
  static readonly BINS = Math.ceil((2 * Math.PI) / LANE_ANGLE);
  private readonly byOriginator = new Map<string, number[][]>();

  /** How many earlier lines from `from` leave within LANE_ANGLE of `angle` (radians); records `angle`. */
  laneOf(from: string, angle: number): number {
    let bins = this.byOriginator.get(from);
    if (!bins) {
      bins = Array.from({ length: CallLanes.BINS }, () => []);
      this.byOriginator.set(from, bins);
    }
    const nb = CallLanes.BINS;
    const b = Math.min(nb - 1, Math.max(0, Math.floor((angle + Math.PI) / LANE_ANGLE)));
    let n = 0;
    for (let d = -2; d <= 2; d++) {
      for (const a of bins[(b + d + nb) % nb]!) if (Math.abs(Math.atan2(Math.sin(a - angle), Math.cos(a - angle))) < LANE_ANGLE) n++;
    }
    bins[b]!.push(angle);
    return n;
  }
}

/** Screen direction (radians) from one symbol to another. */
export function bearingPx(from: Disc, to: Disc): number {
  return Math.atan2(to.y - from.y, to.x - from.x);
}

/** A call's line on screen: its ends, its unit direction and the unit normal to its left. */
export interface CallLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  ux: number;
  uy: number;
  nx: number;
  ny: number;
  /** The recipient is off screen: the line is a short arrow pointing its way. */
  far: boolean;
}

/**
 * The line of a call in lane `lane` (0, 1, 2 …): from 3 px outside the originator's symbol to
 * 6 px outside the recipient's (or FAR_REACH px towards an off-screen one), LANE_OFFSET +
 * LANE_SPACING × lane px to the left of the centres' line, and never shorter than 10 px.
 */
export function callLine(from: Disc, to: Disc, lane: number): CallLine {
  const { dist, ux, uy, nx, ny } = towards(from, to);
  const off = LANE_OFFSET + LANE_SPACING * lane;
  const x0 = from.x + ux * (from.r + 3) + nx * off;
  const y0 = from.y + uy * (from.r + 3) + ny * off;
  const far = !to.visible;
  const reach = far ? Math.min(FAR_REACH, dist) : dist - from.r - to.r - 9;
  const x1 = x0 + ux * Math.max(reach, 10);
  const y1 = y0 + uy * Math.max(reach, 10);
  return { x0, y0, x1, y1, ux, uy, nx, ny, far };
}

/** The point a fraction f of the way along the line. */
export function pointAt(line: CallLine, f: number): [number, number] {
  return [line.x0 + (line.x1 - line.x0) * f, line.y0 + (line.y1 - line.y0) * f];
}

/** What the plot shows of one call to one recipient at the playhead. */
export type CallVerdict =
  /** No reception yet (or none recorded): a dashed line. */
  | { kind: 'in-air'; recorded: boolean }
  /** Understood, the reply still awaited: a solid line with an arrowhead. */
  | { kind: 'awaiting'; reached: Stage | null }
  /** Got as far as it needed. */
  | { kind: 'delivered'; reached: Stage | null }
  /** Broke down at `stage`: cut short at an ✗. */
  | { kind: 'failed'; stage: Stage };

export function callVerdict(o: Outcome | undefined, receivedAt: number | undefined, t: number): CallVerdict {
  if (!o || receivedAt === undefined || t < receivedAt) return { kind: 'in-air', recorded: receivedAt !== undefined };
  if (t < o.settledAt && !o.ladder.failedAt) return { kind: 'awaiting', reached: o.ladder.reached };
  if (!o.failedAt) return { kind: 'delivered', reached: o.reached };
  return { kind: 'failed', stage: o.failedAt };
}

export interface CallMarks {
  /** Fraction of the line where the ✗ sits, and the point; null unless the call failed. */
  crossF: number | null;
  cross: Point | null;
  /** Ladder rungs passed before the ✗, as short ticks across the line: x0, y0, x1, y1 each. */
  rungs: [number, number, number, number][];
  /** Where along the line its label is tried first. */
  labelF: number;
}

/** The ✗, the rungs passed and the label's place along a call's line. */
export function callMarks(line: CallLine, verdict: CallVerdict): CallMarks {
  if (verdict.kind !== 'failed') return { crossF: null, cross: null, rungs: [], labelF: 0.5 };
  const f = line.far ? 1 : crossFraction(verdict.stage);
  const rungs: [number, number, number, number][] = [];
  for (let i = 1; i < UNDERSTOOD && !line.far; i++) {
    const fi = i / UNDERSTOOD;
    if (fi >= f) break;
    const [tx, ty] = pointAt(line, fi);
    rungs.push([tx - line.nx * 4, ty - line.ny * 4, tx + line.nx * 4, ty + line.ny * 4]);
  }
  return { crossF: f, cross: pointAt(line, f), rungs, labelF: f };
}

/**
 * The part of a line inside a w × h view less `margin` px all round, as fractions [f0, f1] of the
 * way along it (Liang–Barsky clipping); null when none of it is.
 */
export function visibleSpan(line: Pick<CallLine, 'x0' | 'y0' | 'x1' | 'y1'>, w: number, h: number, margin = 0): [number, number] | null {
  const dx = line.x1 - line.x0;
  const dy = line.y1 - line.y0;
  let f0 = 0;
  let f1 = 1;
  const edges: [number, number][] = [
    [-dx, line.x0 - margin],
    [dx, w - margin - line.x0],
    [-dy, line.y0 - margin],
    [dy, h - margin - line.y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) f0 = Math.max(f0, r);
    else f1 = Math.min(f1, r);
  }
  return f0 <= f1 ? [f0, f1] : null;
}

/** Where along a call's line its label goes in a w × h view: at labelF, or the nearest point of the line on screen (a call from a station off screen). */
export function labelFraction(line: CallLine, labelF: number, w: number, h: number): number {
  const span = visibleSpan(line, w, h, 20);
  return span ? Math.min(span[1], Math.max(span[0], labelF)) : labelF;
}

/** Candidate spots for a call's label: beside the line near labelF, the lane's side first, then further out. */
export function callLabelSpots(line: CallLine, labelF: number): Spot[] {
  const spots: Spot[] = [];
  for (const dist of [10, 28, 48]) {
    for (const df of [0, 0.12, -0.12, 0.25, -0.25, 0.4, -0.4]) {
      const f = Math.min(1, Math.max(0, labelF + df));
      const [bx, by] = pointAt(line, f);
      for (const side of [1, -1]) {
        const sx = line.nx * side;
        const sy = line.ny * side;
        spots.push({ x: bx + sx * dist, y: by + sy * dist, ...sideAnchor(sx, sy) });
      }
    }
  }
  return spots;
}

/** One call to one recipient, laid out. */
export interface CallLayout<D extends Disc> {
  /** `${tx.id}/${unit}`. */
  key: string;
  unit: string;
  to: D;
  lane: number;
  outcome: Outcome | undefined;
  verdict: CallVerdict;
  line: CallLine;
  marks: CallMarks;
}

/** One transmission laid out: its fade, rings and a line per recipient on the plot. */
export interface TransmissionLayout<D extends Disc> {
  tf: TransmissionFrame;
  from: D;
  fade: number;
  rings: Ring[];
  calls: CallLayout<D>[];
}

/**
 * Lays out the transmissions of a frame, in frame order (which sets the lanes): those whose
 * originator is not placed, or that have faded out, are left out, and so are recipients not placed.
 * `receptionAt` gives the time of the reception entry for `${tx.id}/${unit}`.
 */
export function layoutTransmissions<D extends Disc>(
  transmissions: readonly TransmissionFrame[],
  placed: ReadonlyMap<string, D>,
  t: number,
  receptionAt: ReadonlyMap<string, number>,
): TransmissionLayout<D>[] {
  const lanes = new CallLanes();
  const out: TransmissionLayout<D>[] = [];
  for (const tf of transmissions) {
    const tx = tf.tx;
    const from = placed.get(tx.from);
    if (!from) continue;
    const fade = callFade(tf.ageS);
    if (fade <= 0) continue;
    // A call to all stations has a recipient per unit: look outcomes up, not through the list.
    const outcomeOf = new Map<string, Outcome>();
    for (const x of tf.outcomes) if (!outcomeOf.has(x.unit)) outcomeOf.set(x.unit, x);
    const calls: CallLayout<D>[] = [];
    for (const unit of tx.recipients) {
      const to = placed.get(unit);
      if (!to) continue;
      // Lines leaving one originator in nearly the same direction (repeated calls, a satellite
      // report towards a headquarters that lies beyond the ship) get parallel lanes.
      const lane = lanes.laneOf(tx.from, bearingPx(from, to));
      const key = `${tx.id}/${unit}`;
      const outcome = outcomeOf.get(unit);
      const verdict = callVerdict(outcome, receptionAt.get(key), t);
      const line = callLine(from, to, lane);
      calls.push({ key, unit, to, lane, outcome, verdict, line, marks: callMarks(line, verdict) });
    }
    out.push({ tf, from, fade, rings: callRings(from, tf.ageS), calls });
  }
  return out;
}
