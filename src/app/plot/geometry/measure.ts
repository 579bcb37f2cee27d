/**
 * Where the measuring line between two units and its CPA marks go on screen, and where their
 * labels may sit. Pure (no pixi): layers/measure.ts draws it.
 */
import { sideAnchor, type Spot } from './labels';

/** Label spots beside a segment's middle, on either side of it, nearest first. */
export function besideMiddle(x0: number, y0: number, x1: number, y1: number, gap = 6): Spot[] {
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  // The two normals of the segment; the upper one first (a label above a line reads first).
  let nx = -(y1 - y0) / len;
  let ny = (x1 - x0) / len;
  if (ny > 0) {
    nx = -nx;
    ny = -ny;
  }
  const out: Spot[] = [];
  for (const f of [0, 0.25, -0.25]) {
    const bx = mx + (x1 - x0) * f;
    const by = my + (y1 - y0) * f;
    for (const s of [1, -1]) out.push({ x: bx + nx * s * gap, y: by + ny * s * gap, ...sideAnchor(nx * s, ny * s) });
  }
  return out;
}

/** Dashes along a segment: [x0, y0, x1, y1] each, `on` px drawn then `off` px left out. */
export function dashes(x0: number, y0: number, x1: number, y1: number, on = 6, off = 5): number[] {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < 0.5) return [];
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  const out: number[] = [];
  // A few thousand dashes at most: a CPA hours away at a close zoom would otherwise be millions.
  const period = Math.max(on + off, len / 2000);
  for (let d = 0; d < len; d += period) {
    const e = Math.min(len, d + on);
    out.push(x0 + ux * d, y0 + uy * d, x0 + ux * e, y0 + uy * e);
  }
  return out;
}
