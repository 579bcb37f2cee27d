/**
 * Where units are drawn (no pixi: unit-tested in Node): on or off screen, the speed vector, the
 * selection brackets, the trail's segments and dots by age, and the marker at the view's edge
 * that points to a unit off screen. Screen pixels in and out.
 */
import { KM_PER_NM, type Camera, type MapProjection } from '../projection';
import type { Placer, Rect } from '../placer';
import type { Spot } from './labels';
import type { UnitFrame } from '../../../core/replay/replay';
import type { UnitSpec } from '../../../core/scenario/schema';

/** The speed vector shows where the unit will be in this many seconds. */
export const VECTOR_S = 60;
/** Alpha steps of a fading trail. */
export const TRAIL_STEPS = 4;
/** Trail segments and dots this far (px) outside the view are still drawn (a dot's half size and then some). */
export const TRAIL_MARGIN = 4;
/** How far (px) a trail segment's stroke and a dot reach beyond their centre line or point. */
const SEGMENT_HALO = 1.5;
const DOT_HALO = 2.2;
/** A unit this far (px) outside the view still counts as on screen (its symbol shows at the edge). */
const ON_SCREEN_MARGIN = 10;
/** Edge markers sit this far (px) inside the view's border. */
const EDGE_INSET = 14;

/** Whether a unit at screen (x, y) is drawn as a symbol; otherwise it gets an edge marker. */
export function onScreen(x: number, y: number, w: number, h: number): boolean {
  return x > -ON_SCREEN_MARGIN && y > -ON_SCREEN_MARGIN && x < w + ON_SCREEN_MARGIN && y < h + ON_SCREEN_MARGIN;
}

/** How many of the units are on screen (before they are placed: the level of detail depends on it). */
export function countOnScreen(units: readonly { lat: number; lon: number }[], cam: Camera, proj: MapProjection): number {
  let n = 0;
  for (const u of units) {
    const [wx, wy] = proj.project(u.lat, u.lon);
    if (onScreen(cam.sx(wx), cam.sy(wy), cam.width, cam.height)) n++;
  }
  return n;
}

/** A unit as placed on screen this frame. */
export interface Placed {
  unit: UnitFrame;
  id: string;
  /** World km. */
  wx: number;
  wy: number;
  /** Screen px. */
  x: number;
  y: number;
  /** Symbol radius in px (hit tests, line ends). */
  r: number;
  visible: boolean;
}

/** A symbol's radius (px) for hit tests and placing labels: half its frame, less the frame's margin. */
export function symbolRadius(frame: { width: number; height: number }): number {
  return Math.max(frame.width, frame.height) / 2 - 4;
}

/**
 * Puts the frame's units on screen: updates `placed` in place (the same object per unit frame to
 * frame; units gone are dropped) and takes each visible symbol's box in the placer, before any
 * label is laid out (a selected unit's with its brackets). `radiusOf` gives a unit's symbol radius (symbols.ts, or symbolRadius of its
 * shape where there is no canvas).
 */
export function placeUnits(
  units: readonly UnitFrame[],
  cam: Camera,
  proj: MapProjection,
  radiusOf: (spec: UnitSpec) => number,
  placed: Map<string, Placed>,
  placer: Placer,
  selected: ReadonlySet<string> = new Set(),
): void {
  const seen = new Set<string>();
  for (const u of units) {
    const id = u.spec.id;
    seen.add(id);
    const [wx, wy] = proj.project(u.lat, u.lon);
    const x = cam.sx(wx);
    const y = cam.sy(wy);
    const r = radiusOf(u.spec);
    const visible = onScreen(x, y, cam.width, cam.height);
    const prev = placed.get(id);
    if (prev) Object.assign(prev, { unit: u, wx, wy, x, y, r, visible });
    else placed.set(id, { unit: u, id, wx, wy, x, y, r, visible });
    // A selected unit's brackets (selectionBrackets) stand further out than its symbol.
    const keep = selected.has(id) ? r + BRACKET_PAD : r;
    if (visible) placer.occupy({ x: x - keep, y: y - keep, w: keep * 2, h: keep * 2 });
  }
  for (const id of [...placed.keys()]) if (!seen.has(id)) placed.delete(id);
}

/**
 * The speed vector: from inside the symbol to where the unit will be in VECTOR_S seconds, or a
 * stub just outside the symbol for a slow unit (it still shows the heading). None for a unit
 * that is not moving (0.5 kt or less). Heading in degrees true, north up.
 */
export function speedVector(
  p: { x: number; y: number; r: number },
  headingDeg: number,
  speedKt: number,
  pxPerKm: number,
): { x0: number; y0: number; x1: number; y1: number } | null {
  if (!(speedKt > 0.5)) return null;
  const h = (headingDeg * Math.PI) / 180;
  const ux = Math.sin(h);
  const uy = -Math.cos(h);
  const lenPx = Math.max(p.r + 9, ((speedKt * KM_PER_NM) / 3600) * VECTOR_S * pxPerKm);
  return { x0: p.x + ux * p.r * 0.75, y0: p.y + uy * p.r * 0.75, x1: p.x + ux * lenPx, y1: p.y + uy * lenPx };
}

/** The four corners of a selection mark, as (x, y) signs. */
const CORNERS = [
  [-1, -1],
  [1, -1],
  [1, 1],
  [-1, 1],
] as const;

/** Corner brackets round a selected unit (the usual "hooked" mark): four 3-point polylines. */
/** How far (px) beyond a symbol's radius its selection brackets and their dark halo reach. */
export const BRACKET_PAD = 9;

export function selectionBrackets(p: { x: number; y: number; r: number }): [number, number][][] {
  const r = p.r + 6;
  const c = 7;
  return CORNERS.map(([sx, sy]) => [
    [p.x + sx * r, p.y + sy * (r - c)],
    [p.x + sx * r, p.y + sy * r],
    [p.x + sx * (r - c), p.y + sy * r],
  ]);
}

/** A trail's geometry for one alpha step: x0, y0, x1, y1 per segment; x, y per dot. */
export interface TrailStep {
  segs: number[];
  dots: number[];
}

/**
 * Sorts a trail into alpha steps (oldest in step 0, freshest in the last): a segment from each
 * sample to the next, and a dot at each sample. `xs`, `ys` are the samples' screen positions,
 * oldest first, then the unit's present position (n + 1 entries for n trail samples). Segments and
 * dots wholly outside the view are left out, and so is what lies under the opaque middle of the
 * unit's own symbol (`cover`: its centre, rounded as the symbol is, and radius; 0 for none).
 */
export function binTrail(
  xs: readonly number[],
  ys: readonly number[],
  trail: readonly { ageS: number }[],
  cover: { x: number; y: number; r: number },
  viewW: number,
  viewH: number,
  steps: readonly TrailStep[],
): void {
  const n = trail.length;
  if (n === 0) return;
  const maxAge = trail[0]!.ageS || 1;
  const w = viewW + TRAIL_MARGIN;
  const hgt = viewH + TRAIL_MARGIN;
  const { x: cx, y: cy, r: cr } = cover;
  const hidden = (x: number, y: number, halo: number) => cr > 0 && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= (cr - halo) * (cr - halo) && cr > halo;
  for (let i = 0; i < n; i++) {
    const fresh = 1 - trail[i]!.ageS / maxAge;
    const step = steps[Math.min(TRAIL_STEPS - 1, Math.floor(fresh * TRAIL_STEPS))]!;
    const x0 = xs[i]!;
    const y0 = ys[i]!;
    const x1 = xs[i + 1]!;
    const y1 = ys[i + 1]!;
    const offScreen = (x0 < -TRAIL_MARGIN && x1 < -TRAIL_MARGIN) || (y0 < -TRAIL_MARGIN && y1 < -TRAIL_MARGIN) || (x0 > w && x1 > w) || (y0 > hgt && y1 > hgt);
    if (!offScreen && !(hidden(x0, y0, SEGMENT_HALO) && hidden(x1, y1, SEGMENT_HALO))) step.segs.push(x0, y0, x1, y1);
    if (x0 >= -TRAIL_MARGIN && y0 >= -TRAIL_MARGIN && x0 <= w && y0 <= hgt && !hidden(x0, y0, DOT_HALO)) step.dots.push(x0, y0);
  }
}

/** Where the ray from the view's centre towards (x, y) leaves the rectangle inset by `m`. */
export function edgePoint(x: number, y: number, w: number, h: number, m: number): { x: number; y: number; ux: number; uy: number } {
  const cx = w / 2;
  const cy = h / 2;
  const dx = x - cx;
  const dy = y - cy;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const tx = ux !== 0 ? (ux > 0 ? w - m - cx : m - cx) / ux : Infinity;
  const ty = uy !== 0 ? (uy > 0 ? h - m - cy : m - cy) / uy : Infinity;
  const tt = Math.min(tx, ty);
  return { x: cx + ux * tt, y: cy + uy * tt, ux, uy };
}

/** Moves a point on the view's border along the border until it is clear of the HUD's areas. */
export function slideOutOf(x: number, y: number, rects: readonly Rect[], w: number, h: number): { x: number; y: number } {
  for (const r of rects) {
    if (x < r.x || x > r.x + r.w || y < r.y || y > r.y + r.h) continue;
    const onSide = x <= 20 || x >= w - 20;
    if (onSide) {
      const up = r.y - 12;
      const down = r.y + r.h + 12;
      y = up > 12 && (y - up < down - y || down > h - 12) ? up : down;
    } else {
      const left = r.x - 12;
      const right = r.x + r.w + 12;
      x = left > 12 && (x - left < right - x || right > w - 12) ? left : right;
    }
  }
  return { x, y };
}

/** The marker of a unit off screen: an arrowhead at the view's edge pointing its way, and spots for its label. */
export interface EdgeMarker {
  /** Arrowhead tip and direction. */
  tip: { x: number; y: number; ux: number; uy: number };
  spots: Spot[];
}

/** The edge marker of a unit at screen (x, y) outside a w × h view, kept clear of `keepOut`. */
export function edgeMarker(x: number, y: number, w: number, h: number, keepOut: readonly Rect[]): EdgeMarker {
  const e = edgePoint(x, y, w, h, EDGE_INSET);
  const pt = slideOutOf(e.x, e.y, keepOut, w, h);
  const ax = e.ux > 0.5 ? 1 : e.ux < -0.5 ? 0 : 0.5;
  const ay = e.uy > 0.5 ? 1 : e.uy < -0.5 ? 0 : 0.5;
  const bx = pt.x - e.ux * 8;
  const by = pt.y - e.uy * 8;
  return {
    tip: { x: pt.x + e.ux * 7, y: pt.y + e.uy * 7, ux: e.ux, uy: e.uy },
    spots: [
      { x: bx, y: by, ax, ay },
      { x: bx, y: by - 14, ax, ay },
      { x: bx, y: by + 14, ax, ay },
      { x: bx - 40 * (ax === 0.5 ? 1 : 0), y: by, ax, ay },
    ],
  };
}

/** "ROK HQ 333 nm": the range from the view's centre, whole miles from 10 nm, tenths below. */
export function rangeText(km: number): string {
  const nm = km / KM_PER_NM;
  return `${nm >= 10 ? Math.round(nm) : nm.toFixed(1)} nm`;
}

/** The unit on screen under a point: the nearest whose symbol (plus 8 px of slack) holds it. */
export function unitUnder(placed: Iterable<{ id: string; x: number; y: number; r: number; visible: boolean }>, x: number, y: number): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const p of placed) {
    if (!p.visible) continue;
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= p.r + 8 && d < bestD) {
      best = p.id;
      bestD = d;
    }
  }
  return best;
}
