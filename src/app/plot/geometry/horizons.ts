/**
 * Radio horizons on the plot (no pixi: unit-tested in Node): per unit, R(nm) = 2.23·√h with h the
 * antenna height (ships: the platform's antenna height, 25 m if not given; aircraft: altitude),
 * drawn as a circle of that radius round the unit, labelled just inside at a cardinal point.
 */
import { nmToKm, radioHorizonNm } from '../../../core/radio/propagation';
import type { UnitFrame } from '../../../core/replay/replay';
import type { Spot } from './labels';
import { isAirborne, traitsOf } from '../../../core/kinds';

/** Antenna height assumed for a ship whose platform does not give one. */
export const DEFAULT_ANTENNA_M = 25;
/** Labels keep this far (px) inside the view's border. */
const LABEL_MARGIN = 20;

export function antennaHeightM(u: Pick<UnitFrame, 'spec' | 'altM'>): number {
  if (isAirborne(u.spec)) return Math.max(0, u.altM);
  return u.spec.platform?.antennaHeightM ?? DEFAULT_ANTENNA_M;
}

export interface HorizonCircle {
  nm: number;
  /** Radius in px. */
  r: number;
}

/** A unit's radio horizon circle at `pxPerKm`, or null when no part of it crosses a w × h view. */
export function horizonCircle(p: { x: number; y: number }, heightM: number, pxPerKm: number, w: number, h: number): HorizonCircle | null {
  const nm = radioHorizonNm(heightM);
  const r = nmToKm(nm) * pxPerKm;
  // A circle wholly off the view is skipped.
  const nearest = Math.hypot(Math.max(0, Math.abs(p.x - w / 2) - w / 2), Math.max(0, Math.abs(p.y - h / 2) - h / 2));
  return nearest > r ? null : { nm, r };
}

/**
 * Every unit drawn on the plot whose horizon circle crosses the view, with the antenna height the
 * circle comes from: what the horizon layer draws and the label layout labels.
 */
export function* visibleHorizons<P extends { x: number; y: number; unit: Pick<UnitFrame, 'spec' | 'altM'> }>(
  placed: Iterable<P>,
  cam: { scale: number; width: number; height: number },
): Generator<{ p: P; heightM: number; c: HorizonCircle }> {
  for (const p of placed) {
    if (!traitsOf(p.unit.spec).onPlot) continue;
    const heightM = antennaHeightM(p.unit);
    const c = horizonCircle(p, heightM, cam.scale, cam.width, cam.height);
    if (c) yield { p, heightM, c };
  }
}

/** Spots for a horizon's label: just inside the circle at each of its cardinal points that is on screen (top first). */
export function horizonLabelSpots(p: { x: number; y: number }, r: number, w: number, h: number): Spot[] {
  const spots: Spot[] = [];
  for (const [ax, ay] of [
    [0, -1],
    [0, 1],
    [1, 0],
    [-1, 0],
  ] as const) {
    const x = p.x + ax * r;
    const y = p.y + ay * r;
    if (x > LABEL_MARGIN && x < w - LABEL_MARGIN && y > LABEL_MARGIN && y < h - LABEL_MARGIN)
      spots.push({ x: x - ax * 4, y: y - ay * 4, ax: ax === 0 ? 0.5 : ax > 0 ? 1 : 0, ay: ay === 0 ? 0.5 : ay < 0 ? 0 : 1 });
  }
  return spots;
}
