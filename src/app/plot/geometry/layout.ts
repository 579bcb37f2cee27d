/**
 * The plot's label layout as a pure function of the scene (no pixi: tested in Node over every
 * shipped scenario, tests/unit/plot-label-layout.test.ts). Given the labels a scene asks for
 * (label-items.ts), a way to measure text and the placer holding what is already taken (symbols,
 * the HUD, the key), it returns where each label goes. No two placed labels ever overlap:
 *
 * 1. Labels are placed in order of priority (a selected breakdown's call first, then selected
 *    units, units, calls, radar, off-screen ranges, horizons, areas), each at the first of its own
 *    candidate spots that is free of everything taken.
 * 2. If none is free, farther spots round its point are tried, ring by ring; a label placed there
 *    gets a leader line back to its point.
 * 3. If still none is free, the label is left out (the layer reports how many), except the
 *    selected breakdown's call: it takes the spot that covers the fewest symbols, but never
 *    another label's.
 */
import { Placer, type Rect } from '../placer';
import { sideAnchor, spotRect, stackLines, type Spot } from './labels';
import { SLICE_ITEMS, drain } from './slices';

/** One line of a label: words, font size (px) and weight; tint is the drawing's business. */
export interface LabelLine {
  text: string;
  size: number;
  bold?: boolean;
  tint?: number;
}

/** How wide a line is and how far the next line starts below it (px). */
export type Measure = (text: string, size: number, bold: boolean) => { w: number; h: number };

/** What a label belongs to, in the order labels are placed (lower first). */
export const PRIORITY = {
  selectedCall: 0,
  selectedUnit: 1,
  /** A range, bearing and CPA the user asked for (mariner's tools): right after the units it joins. */
  measure: 1.5,
  unit: 2,
  call: 3,
  radar: 4,
  edge: 5,
  horizon: 6,
  area: 7,
} as const;
export type LabelKind = keyof typeof PRIORITY;

/** A label the scene asks for. */
export interface LabelItem {
  /** Unique in the scene: what it belongs to (a unit id, a call's `${tx}/${unit}` …). */
  key: string;
  kind: LabelKind;
  lines: LabelLine[];
  /** Candidate spots near its point, best first. */
  spots: Spot[];
  /** The point it labels, and the radius round it to keep clear (a symbol's): the leader line's end. */
  point: { x: number; y: number; r: number };
  alpha: number;
  /** May not go farther than its own spots (an off-screen unit's range sits at the edge or nowhere). */
  near?: boolean;
}

/** A label as laid out. */
export interface PlacedLabel {
  item: LabelItem;
  /** Its lines as drawn: a line too wide for the view is wrapped at spaces (wrapLines). */
  lines: LabelLine[];
  rect: Rect;
  /** Each line's top-left (or top-right, top-centre per align) in whole px. */
  align: 0 | 0.5 | 1;
  at: [number, number][];
  /** From the label's box to its point, when it was moved away from it. */
  leader: { x0: number; y0: number; x1: number; y1: number } | null;
}

export interface Layout {
  placed: PlacedLabel[];
  /** Labels left out for want of a free spot. */
  omitted: LabelItem[];
}

/** A line wider than this share of the view (within these bounds, px) is wrapped. */
const WRAP_SHARE = 0.42;
const MIN_WRAP = 160;
const MAX_WRAP = 340;
/** Spacing (px) of the last-resort grid for the selected breakdown's call. */
const GRID = 12;

/**
 * Lines no wider than maxW where they can be: a wider line is broken at spaces into lines that fit
 * (a word wider than maxW keeps a line of its own). Same size, weight and tint as the line it came from.
 */
export function wrapLines(lines: readonly LabelLine[], measure: Measure, maxW: number): LabelLine[] {
  const out: LabelLine[] = [];
  for (const l of lines) {
    // The words as shown (already in the reader's language): broken for width only, never read.
    const shown = l.text;
    if (measure(shown, l.size, !!l.bold).w <= maxW || !shown.includes(' ')) {
      out.push(l);
      continue;
    }
    let cur = '';
    for (const word of shown.split(' ')) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && measure(next, l.size, !!l.bold).w > maxW) {
        out.push({ ...l, text: cur });
        cur = word;
      } else cur = next;
    }
    if (cur) out.push({ ...l, text: cur });
  }
  return out;
}

/** Distances (px beyond the point's radius) of the rings of farther spots, and spots per ring. */
const FAR_RINGS = [26, 44, 66, 92, 124, 160, 200];
const FAR_STEPS = 16;

/**
 * Spots on rings round a point, starting from the direction of the label's first own spot (so a
 * label moved away keeps to its side where it can), alternating either way round.
 */
export function farSpots(point: { x: number; y: number; r: number }, first: Spot | undefined): Spot[] {
  const a0 = first ? Math.atan2(first.y - point.y, first.x - point.x) : 0;
  const out: Spot[] = [];
  for (const d of FAR_RINGS) {
    for (let k = 0; k < FAR_STEPS; k++) {
      const step = (k + 1) >> 1;
      const a = a0 + ((k % 2 ? 1 : -1) * step * 2 * Math.PI) / FAR_STEPS;
      const sx = Math.cos(a);
      const sy = Math.sin(a);
      const dist = point.r + d;
      out.push({ x: point.x + sx * dist, y: point.y + sy * dist, ...sideAnchor(sx, sy) });
    }
  }
  return out;
}

/** The nearest point of a rectangle to (x, y). */
function nearestOn(r: Rect, x: number, y: number): [number, number] {
  return [Math.max(r.x, Math.min(r.x + r.w, x)), Math.max(r.y, Math.min(r.y + r.h, y))];
}

/** The leader from a box to its point, stopping at the point's radius; null when they nearly touch. */
export function leaderLine(r: Rect, point: { x: number; y: number; r: number }): PlacedLabel['leader'] {
  const [x0, y0] = nearestOn(r, point.x, point.y);
  const d = Math.hypot(point.x - x0, point.y - y0);
  const end = point.r + 2;
  if (d <= end + 6) return null;
  return { x0, y0, x1: point.x + ((x0 - point.x) / d) * end, y1: point.y + ((y0 - point.y) / d) * end };
}

const inside = (r: Rect, b: Rect | null) => !b || (r.x >= b.x && r.y >= b.y && r.x + r.w <= b.x + b.w && r.y + r.h <= b.y + b.h);

/**
 * Lays the labels out. `taken` holds the symbols and screen areas labels keep off (and its bounds
 * the view); the labels placed are added to it. `far` false (a crowded frame of hundreds of units)
 * skips the farther spots: a label goes by its symbol or not at all.
 */
export function layoutLabels(items: readonly LabelItem[], measure: Measure, taken: Placer, far = true): Layout {
  return drain(layoutSteps(items, measure, taken, far));
}

/** layoutLabels in slices (geometry/slices.ts): `taken` must not change between them. */
export function* layoutSteps(items: readonly LabelItem[], measure: Measure, taken: Placer, far = true): Generator<void, Layout> {
  const order = items.map((item, i) => ({ item, i })).sort((a, b) => PRIORITY[a.item.kind] - PRIORITY[b.item.kind] || a.i - b.i);
  yield;
  /** The labels alone, so a label that must be shown can still keep off every other label. */
  const labelsOnly = new Placer();
  labelsOnly.reset(taken.bounds);
  const placed: PlacedLabel[] = [];
  const omitted: LabelItem[] = [];
  const maxW = taken.bounds ? Math.max(MIN_WRAP, Math.min(MAX_WRAP, taken.bounds.w * WRAP_SHARE)) : MAX_WRAP;
  let n = 0;
  for (const { item } of order) {
    if (++n % SLICE_ITEMS === 0) yield;
    const heights: number[] = [];
    let w = 0;
    const lines = wrapLines(item.lines, measure, maxW);
    for (const l of lines) {
      const m = measure(l.text, l.size, !!l.bold);
      w = Math.max(w, m.w);
      heights.push(m.h);
    }
    const h = heights.reduce((a, b) => a + b, 0);
    let spot = item.spots.find((s) => taken.free(spotRect(s, w, h)));
    if (!spot && far && !item.near) spot = farSpots(item.point, item.spots[0]).find((s) => taken.free(spotRect(s, w, h)));
    if (!spot && item.kind === 'selectedCall') spot = leastCovered(item, w, h, taken, labelsOnly);
    if (!spot) {
      omitted.push(item);
      continue;
    }
    const rect = spotRect(spot, w, h);
    const moved = !item.spots.includes(spot);
    taken.occupy(rect);
    labelsOnly.occupy(rect);
    const { align, at } = stackLines({ rect, ax: spot.ax }, heights);
    placed.push({ item, lines, rect, align, at, leader: moved ? leaderLine(rect, item.point) : null });
  }
  return { placed, omitted };
}

/**
 * Of a label's own and farther spots, and failing those any place in the view (a grid), the one
 * inside the view and off every label that covers the least of the rest.
 */
function leastCovered(item: LabelItem, w: number, h: number, taken: Placer, labelsOnly: Placer): Spot | undefined {
  const near = pick([...item.spots, ...farSpots(item.point, item.spots[0])], w, h, taken, labelsOnly);
  if (near || !taken.bounds) return near;
  const b = taken.bounds;
  const grid: Spot[] = [];
  for (let y = b.y; y + h <= b.y + b.h; y += GRID) for (let x = b.x; x + w <= b.x + b.w; x += GRID) grid.push({ x, y, ax: 0, ay: 0 });
  return pick(grid, w, h, taken, labelsOnly);
}

function pick(spots: readonly Spot[], w: number, h: number, taken: Placer, labelsOnly: Placer): Spot | undefined {
  let best: Spot | undefined;
  let bestScore = Infinity;
  for (const s of spots) {
    const r = spotRect(s, w, h);
    if (!inside(r, taken.bounds) || !labelsOnly.free(r)) continue;
    const score = taken.overlap(r);
    if (score < bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** Whether two boxes overlap by more than `slack` px each way (tests and the debug hook). */
export function boxesOverlap(a: Rect, b: Rect, slack = 0): boolean {
  return Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > slack && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > slack;
}
