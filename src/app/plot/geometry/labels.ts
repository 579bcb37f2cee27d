/**
 * Label spots (no pixi: unit-tested in Node). Each label offers candidate spots in order of
 * preference; layout.ts puts it at the first one free of everything the frame has already taken
 * (symbols, HUD areas, labels of higher priority), or farther away with a leader line, or leaves
 * it out. The same scene always gives the same places.
 */
import type { Rect } from '../placer';

/** A candidate spot: the block's anchor (ax, ay in 0..1 of its box) goes at (x, y). */
export interface Spot {
  x: number;
  y: number;
  ax: number;
  ay: number;
}

/**
 * The anchor of a label set beside a line on the side (sx, sy) (a unit vector): a label to the
 * left of its point hangs from its right edge, one above from its bottom edge.
 */
export function sideAnchor(sx: number, sy: number): { ax: number; ay: number } {
  return { ax: sx < -0.3 ? 1 : sx > 0.3 ? 0 : 0.5, ay: sy < -0.3 ? 1 : sy > 0.3 ? 0 : 0.5 };
}

/**
 * Candidate spots for a unit's call-sign label: right of the symbol, left, then above and below
 * either side, then right and left a symbol's height up or down.
 */
export function unitLabelSpots(p: { x: number; y: number; r: number }): Spot[] {
  const r = p.r;
  return [
    { x: p.x + r + 5, y: p.y, ax: 0, ay: 0.5 },
    { x: p.x - r - 5, y: p.y, ax: 1, ay: 0.5 },
    { x: p.x + r * 0.5, y: p.y - r - 3, ax: 0, ay: 1 },
    { x: p.x + r * 0.5, y: p.y + r + 3, ax: 0, ay: 0 },
    { x: p.x - r * 0.5, y: p.y - r - 3, ax: 1, ay: 1 },
    { x: p.x - r * 0.5, y: p.y + r + 3, ax: 1, ay: 0 },
    { x: p.x + r + 5, y: p.y + 2 * r, ax: 0, ay: 0.5 },
    { x: p.x + r + 5, y: p.y - 2 * r, ax: 0, ay: 0.5 },
    { x: p.x - r - 5, y: p.y + 2 * r, ax: 1, ay: 0.5 },
    { x: p.x - r - 5, y: p.y - 2 * r, ax: 1, ay: 0.5 },
  ];
}

/** The box a w × h block takes at a spot. */
export function spotRect(s: Spot, w: number, h: number): Rect {
  return { x: s.x - s.ax * w, y: s.y - s.ay * h, w, h };
}

/** Where a block went: its box, and the spot's horizontal anchor. */
export interface Placement {
  rect: Rect;
  ax: number;
}

/**
 * Where each line of a placed block goes: stacked from the top of its box, right-aligned when the
 * block hangs to the left of its spot, centred when it hangs below or above it. Whole pixels.
 */
export function stackLines(p: Placement, heights: readonly number[]): { align: 0 | 0.5 | 1; at: [number, number][] } {
  const { rect: r } = p;
  const align = p.ax >= 0.99 ? 1 : p.ax <= 0.01 ? 0 : 0.5;
  const at: [number, number][] = [];
  let y = r.y;
  for (const lh of heights) {
    at.push([Math.round(r.x + align * r.w), Math.round(y - 1)]);
    y += lh;
  }
  return { align, at };
}
