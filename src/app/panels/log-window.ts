/**
 * Which rows of the event log are in the DOM. A generated exercise logs 100,000 entries; one DOM
 * row each costs the browser long layouts on every filter and seek. The rows that pass the filters
 * are cut into blocks of BLOCK rows; only the blocks in view, and one either side, are rendered,
 * and the list's padding stands for the others. A block's height is measured once it has been on
 * screen (rows wrap, so their heights vary) and estimated from the measured rows' mean until then.
 * Pure: ./log.ts measures and renders.
 */
/** Rows in a block: 25 keeps what a far scroll or seek renders and lays out to about 100 rows. */
export const BLOCK = 25;
/** A row's height before any has been measured (one line of the log's text). */
const FIRST_GUESS = 24;

export interface LogWindow {
  /** Rows passing the filters. */
  readonly n: number;
  readonly blocks: number;
  /** The height of block b: as measured, else estimated. */
  heightOf(b: number): number;
  /** Where block b starts, from the top of the list. */
  offsetOf(b: number): number;
  /** The block under height y of the list. */
  blockAt(y: number): number;
  /** The blocks to render for a view from y over `height` pixels: those in it and one either side. */
  range(y: number, height: number): [number, number];
  /** The rows [from, to) of block b. */
  rowsOf(b: number): [number, number];
  /** Records block b's rendered height (ignored when zero: no layout, as in jsdom). */
  measured(b: number, height: number): void;
  /** All blocks' heights together. */
  total(): number;
}

/**
 * Sums over the first b of `size` numbers that change one at a time (a Fenwick tree): a far
 * scroll or seek asks where a block starts among 2,000 blocks, and a walk over all of them was
 * linear in the log's length at every scroll event.
 */
class PrefixSums {
  readonly #tree: Float64Array;
  constructor(size: number) {
    this.#tree = new Float64Array(size + 1);
  }
  add(i: number, by: number): void {
    for (let x = i + 1; x < this.#tree.length; x += x & -x) this.#tree[x]! += by;
  }
  /** The sum of the first b numbers. */
  before(b: number): number {
    let s = 0;
    for (let x = Math.min(b, this.#tree.length - 1); x > 0; x -= x & -x) s += this.#tree[x]!;
    return s;
  }
}

export function logWindow(n: number, block = BLOCK): LogWindow {
  const blocks = Math.ceil(n / block);
  const heights = new Float64Array(blocks);
  const known = new Uint8Array(blocks);
  // Measured blocks' heights and rows, summed; unmeasured rows are estimated at the mean.
  const knownHeight = new PrefixSums(blocks);
  const knownRows = new PrefixSums(blocks);
  let measuredRows = 0;
  let measuredHeight = 0;
  const rowsIn = (b: number) => Math.min(n, (b + 1) * block) - b * block;
  const perRow = () => (measuredRows > 0 ? measuredHeight / measuredRows : FIRST_GUESS);
  const heightOf = (b: number) => (known[b] ? heights[b]! : rowsIn(b) * perRow());
  const offsetOf = (b: number) => {
    const c = Math.max(0, Math.min(b, blocks));
    return knownHeight.before(c) + (Math.min(n, c * block) - knownRows.before(c)) * perRow();
  };
  /** The first block that ends below y (offsets grow with b: a binary search). */
  const blockAt = (y: number) => {
    let lo = 0;
    let hi = blocks - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (y < offsetOf(mid + 1)) hi = mid;
      else lo = mid + 1;
    }
    return Math.max(0, lo);
  };
  return {
    n,
    blocks,
    heightOf,
    offsetOf,
    blockAt,
    range(y, height) {
      if (blocks === 0) return [0, -1];
      return [Math.max(0, blockAt(y) - 1), Math.min(blocks - 1, blockAt(y + Math.max(0, height)) + 1)];
    },
    rowsOf: (b) => [b * block, b * block + rowsIn(b)],
    measured(b, height) {
      if (!(height > 0) || b < 0 || b >= blocks) return;
      if (!known[b]) {
        measuredRows += rowsIn(b);
        measuredHeight += height;
        knownRows.add(b, rowsIn(b));
        knownHeight.add(b, height);
      } else {
        measuredHeight += height - heights[b]!;
        knownHeight.add(b, height - heights[b]!);
      }
      known[b] = 1;
      heights[b] = height;
    },
    total: () => offsetOf(blocks),
  };
}
