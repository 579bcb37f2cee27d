/**
 * The label placer's bookkeeping (no pixi: unit-tested in Node): screen rectangles already taken
 * this frame, and how much a candidate rectangle overlaps them.
 *
 * With a thousand units a frame holds thousands of rectangles and asks about tens of thousands
 * of candidate spots, so the rectangles are kept in a uniform grid of CELL-pixel cells: a query
 * looks only at the rectangles in the cells it touches. The answer is the same as summing over
 * every rectangle (the overlaps are added in the order the rectangles were taken, as before).
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Grid cell size, px: about a label's height times three. */
const CELL = 48;
/** A rectangle covering more cells than this is kept in a list that every query scans. */
const MAX_CELLS = 64;
/** Cell indices are clamped to ±LIMIT (rectangles millions of pixels off-screen share the edge cells). */
const LIMIT = 1 << 14;

const cellOf = (v: number) => Math.max(-LIMIT, Math.min(LIMIT, Math.floor(v / CELL)));
const keyOf = (ix: number, iy: number) => (ix + LIMIT) * (2 * LIMIT + 1) + (iy + LIMIT);

export class Placer {
  private rects: Rect[] = [];
  /** Cell key → indices into rects, in the order they were taken. */
  private cells = new Map<number, number[]>();
  /** Rectangles too large for the grid. */
  private big: number[] = [];
  /** Per rectangle: the query that last counted it (so a rectangle in several cells counts once). */
  private stamp: number[] = [];
  private query = 0;
  private readonly scratch: number[] = [];
  /** The view; area outside it counts as heavily overlapped. */
  bounds: Rect | null = null;

  reset(bounds: Rect | null = null): void {
    this.rects.length = 0;
    this.stamp.length = 0;
    this.big.length = 0;
    // Keep the cell arrays (their number is bounded by the screen), just empty them.
    for (const list of this.cells.values()) list.length = 0;
    this.bounds = bounds;
    this.crowded = false;
  }

  /** How many rectangles are taken. */
  get size(): number {
    return this.rects.length;
  }

  occupy(r: Rect): void {
    const i = this.rects.length;
    this.rects.push(r);
    this.stamp.push(0);
    const x0 = cellOf(r.x);
    const x1 = cellOf(r.x + r.w);
    const y0 = cellOf(r.y);
    const y1 = cellOf(r.y + r.h);
    if (!(x1 >= x0 && y1 >= y0) || (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
      this.big.push(i);
      return;
    }
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const k = keyOf(ix, iy);
        let list = this.cells.get(k);
        if (!list) {
          list = [];
          this.cells.set(k, list);
        }
        list.push(i);
      }
    }
  }

  /**
   * Set for a crowded frame (hundreds of units on screen, see layers/types.ts CROWDED_UNITS): the
   * layout (geometry/layout.ts) then tries only a label's own spots, not the farther ones. In every
   * frame a label goes only where it is free of everything else, or is left out.
   */
  crowded = false;

  /** True when r lies inside the bounds and overlaps no rectangle taken: overlap(r) === 0, found sooner. */
  free(r: Rect): boolean {
    const b = this.bounds;
    if (b && (r.x < b.x || r.y < b.y || r.x + r.w > b.x + b.w || r.y + r.h > b.y + b.h) && r.w > 0 && r.h > 0) return false;
    const hits = (i: number) => {
      const o = this.rects[i]!;
      return Math.min(r.x + r.w, o.x + o.w) - Math.max(r.x, o.x) > 0 && Math.min(r.y + r.h, o.y + o.h) - Math.max(r.y, o.y) > 0;
    };
    for (const i of this.big) if (hits(i)) return false;
    const x0 = cellOf(r.x);
    const x1 = cellOf(r.x + r.w);
    const y0 = cellOf(r.y);
    const y1 = cellOf(r.y + r.h);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS * 4) return this.overlap(r) === 0;
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const list = this.cells.get(keyOf(ix, iy));
        if (list) for (const i of list) if (hits(i)) return false;
      }
    }
    return true;
  }

  overlap(r: Rect): number {
    const q = ++this.query;
    const found = this.scratch;
    found.length = 0;
    const take = (i: number) => {
      if (this.stamp[i] === q) return;
      this.stamp[i] = q;
      found.push(i);
    };
    for (const i of this.big) take(i);
    const x0 = cellOf(r.x);
    const x1 = cellOf(r.x + r.w);
    const y0 = cellOf(r.y);
    const y1 = cellOf(r.y + r.h);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS * 4) {
      // A huge query (never made by the plot): look at everything.
      for (let i = 0; i < this.rects.length; i++) take(i);
    } else {
      for (let ix = x0; ix <= x1; ix++) {
        for (let iy = y0; iy <= y1; iy++) {
          const list = this.cells.get(keyOf(ix, iy));
          if (list) for (const i of list) take(i);
        }
      }
    }
    // Sum in the order the rectangles were taken, so the result is the plain loop's to the last bit.
    if (found.length > 1) found.sort((a, b) => a - b);
    let sum = 0;
    for (const i of found) {
      const o = this.rects[i]!;
      const w = Math.min(r.x + r.w, o.x + o.w) - Math.max(r.x, o.x);
      const h = Math.min(r.y + r.h, o.y + o.h) - Math.max(r.y, o.y);
      if (w > 0 && h > 0) sum += w * h;
    }
    const b = this.bounds;
    if (b) {
      const iw = Math.max(0, Math.min(r.x + r.w, b.x + b.w) - Math.max(r.x, b.x));
      const ih = Math.max(0, Math.min(r.y + r.h, b.y + b.h) - Math.max(r.y, b.y));
      sum += 3 * (r.w * r.h - iw * ih);
    }
    return sum;
  }
}
