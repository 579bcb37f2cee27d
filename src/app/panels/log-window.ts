/**
 * Which rows of the event log are in the DOM. A generated exercise logs 100,000 entries; one DOM
 * row each costs the browser long layouts on every filter and seek. Only the rows that pass the
 * filters and are in view, and OVERSCAN rows either side, are rendered; the list's padding stands
 * for the others. A row's height is measured once it has been on screen (rows wrap, so their
 * heights vary) and estimated from the measured rows' mean until then.
 * Pure: ./log.ts measures and renders.
 */
/**
 * Rows rendered above and below the view: enough that a scroll of a few rows shows rendered rows
 * before the page has caught up, few enough that a far scroll or seek lays out little more than
 * the view (blocks of 25 rows, one either side, made that about 100 rows and a 50 ms task).
 */
export const OVERSCAN = 6;
/** A row's height before any has been measured (one line of the log's text). */
const FIRST_GUESS = 24;

export interface LogWindow {
  /** Rows passing the filters. */
  readonly n: number;
  /** The height of row i: as measured, else estimated. */
  heightOf(i: number): number;
  /** Where row i starts, from the top of the list. */
  offsetOf(i: number): number;
  /** The row under height y of the list. */
  rowAt(y: number): number;
  /** The rows [from, to) in a view from y over `height` pixels, and `around` more either side, within the log. */
  range(y: number, height: number, around?: number): [number, number];
  /** Records row i's rendered height (ignored when zero: no layout, as in jsdom). */
  measured(i: number, height: number): void;
  /** All rows' heights together. */
  total(): number;
}

/**
 * Sums over the first i of `size` numbers that change one at a time (a Fenwick tree): a far
 * scroll or seek asks where a row starts among 100,000, and a walk over all of them was linear in
 * the log's length at every scroll event.
 */
class PrefixSums {
  readonly #tree: Float64Array;
  constructor(size: number) {
    this.#tree = new Float64Array(size + 1);
  }
  add(i: number, by: number): void {
    for (let x = i + 1; x < this.#tree.length; x += x & -x) this.#tree[x]! += by;
  }
  /** The sum of the first i numbers. */
  before(i: number): number {
    let s = 0;
    for (let x = Math.min(i, this.#tree.length - 1); x > 0; x -= x & -x) s += this.#tree[x]!;
    return s;
  }
}

export function logWindow(n: number): LogWindow {
  const heights = new Float64Array(n);
  // Measured rows' heights and count, summed; unmeasured rows are estimated at the mean.
  const knownHeight = new PrefixSums(n);
  const knownRows = new PrefixSums(n);
  let measuredRows = 0;
  let measuredHeight = 0;
  const perRow = () => (measuredRows > 0 ? measuredHeight / measuredRows : FIRST_GUESS);
  const heightOf = (i: number) => (heights[i]! > 0 ? heights[i]! : perRow());
  const offsetOf = (i: number) => {
    const c = Math.max(0, Math.min(i, n));
    return knownHeight.before(c) + (c - knownRows.before(c)) * perRow();
  };
  /** The first row that ends below y (offsets grow with i: a binary search). */
  const rowAt = (y: number) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (y < offsetOf(mid + 1)) hi = mid;
      else lo = mid + 1;
    }
    return Math.max(0, lo);
  };
  return {
    n,
    heightOf,
    offsetOf,
    rowAt,
    range(y, height, around = OVERSCAN) {
      if (n === 0) return [0, 0];
      return [Math.max(0, rowAt(y) - around), Math.min(n, rowAt(y + Math.max(0, height)) + 1 + around)];
    },
    measured(i, height) {
      if (!(height > 0) || i < 0 || i >= n) return;
      if (heights[i]! > 0) {
        measuredHeight += height - heights[i]!;
        knownHeight.add(i, height - heights[i]!);
      } else {
        measuredRows += 1;
        measuredHeight += height;
        knownRows.add(i, 1);
        knownHeight.add(i, height);
      }
      heights[i] = height;
    },
    total: () => offsetOf(n),
  };
}
