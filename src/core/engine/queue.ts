/** A deterministic event queue: earliest time first, and insertion order among equal times. */
export class EventQueue<T> {
  private heap: { t: number; order: number; item: T }[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(t: number, item: T): void {
    const node = { t, order: this.counter++, item };
    const h = this.heap;
    h.push(node);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  peekTime(): number | undefined {
    return this.heap[0]?.t;
  }

  pop(): { t: number; item: T } | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return { t: top.t, item: top.item };
  }
}

function before(a: { t: number; order: number }, b: { t: number; order: number }): boolean {
  return a.t < b.t || (a.t === b.t && a.order < b.order);
}

/** A growing list of pair numbers kept between calls, so taking up pairs allocates nothing once it has grown. */
export class PairList {
  items = new Int32Array(64);
  length = 0;

  push(p: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = p;
  }

  /** The pairs in ascending order. */
  sorted(): Int32Array {
    return this.items.subarray(0, this.length).sort();
  }
}

/**
 * Pairs waiting for a time, in buckets one sensing step wide. Calls come in time order, so every
 * bucket before the current one is due whole, and only the current one is looked through.
 * A pair re-evaluated before its time leaves a stale entry behind, recognised by its bucket no
 * longer matching the pair's time. Emptied buckets' lists are used again for later ones.
 */
export class Buckets {
  private readonly lists = new Map<number, number[]>();
  private readonly spare: number[][] = [];
  /** Lowest bucket that may still hold entries. */
  private cursor = 0;
  constructor(private readonly widthS: number) {}

  /** The bucket of a pair due at `until`, as a small integer (no boxed fraction is passed on). */
  bucketOf(until: number): number {
    return Math.max(this.cursor, Math.floor(until / this.widthS)) | 0;
  }

  /** Files a pair in a bucket from bucketOf. */
  push(k: number, p: number): void {
    const list = this.lists.get(k);
    if (list) list.push(p);
    else {
      const fresh = this.spare.pop() ?? [];
      fresh.push(p);
      this.lists.set(k, fresh);
    }
  }

  /**
   * Pairs whose time is before t, each once per call (mark). An entry in a bucket before the
   * current one whose pair is not due is stale (its live entry, pushed later, is further on).
   */
  takeDue(t: number, until: Float64Array, mark: Int32Array, call: number, out: PairList): void {
    const current = Math.floor(t / this.widthS);
    for (; this.cursor < current; this.cursor++) {
      const list = this.lists.get(this.cursor);
      if (!list) continue;
      this.lists.delete(this.cursor);
      for (let i = 0; i < list.length; i++) {
        const p = list[i]!;
        if (until[p]! < t && mark[p] !== call) {
          mark[p] = call;
          out.push(p);
        }
      }
      list.length = 0;
      this.spare.push(list);
    }
    const list = this.lists.get(current);
    if (!list) return;
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const u = until[p]!;
      if (u < t) {
        if (mark[p] !== call) {
          mark[p] = call;
          out.push(p);
        }
      } else if (Math.floor(u / this.widthS) === current) list[kept++] = p;
    }
    list.length = kept;
    if (kept === 0) {
      this.lists.delete(current);
      this.spare.push(list);
    }
  }
}
