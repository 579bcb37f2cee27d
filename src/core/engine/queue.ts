/**
 * A deterministic event queue: earliest time first, and insertion order among equal times.
 * A binary heap kept as parallel arrays (times and insertion numbers in typed arrays, items
 * beside them): the comparisons of a sift read two numbers side by side, not two objects
 * scattered over the heap, and no node is made per push or pop.
 */
export class EventQueue<T> {
  private times = new Float64Array(1024);
  private orders = new Float64Array(1024);
  private items: (T | undefined)[] = [];
  private length = 0;
  private counter = 0;

  get size(): number {
    return this.length;
  }

  push(t: number, item: T): void {
    if (this.length === this.times.length) this.grow();
    const times = this.times;
    const orders = this.orders;
    const items = this.items;
    const order = this.counter++;
    let i = this.length++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p]!;
      if (!(t < tp || (t === tp && order < orders[p]!))) break;
      times[i] = tp;
      orders[i] = orders[p]!;
      items[i] = items[p];
      i = p;
    }
    times[i] = t;
    orders[i] = order;
    items[i] = item;
  }

  peekTime(): number | undefined {
    return this.length > 0 ? this.times[0] : undefined;
  }

  pop(): { t: number; item: T } | undefined {
    if (this.length === 0) return undefined;
    const t = this.times[0]!;
    return { t, item: this.popItem() };
  }

  /** Takes the earliest item; the queue must not be empty (peekTime first). */
  popItem(): T {
    const times = this.times;
    const orders = this.orders;
    const items = this.items;
    const top = items[0]!;
    const n = --this.length;
    const t = times[n]!;
    const order = orders[n]!;
    const item = items[n];
    items[n] = undefined;
    if (n > 0) {
      // The last item sinks from the root to its place.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let m = l;
        if (r < n && (times[r]! < times[l]! || (times[r] === times[l] && orders[r]! < orders[l]!))) m = r;
        const tm = times[m]!;
        if (!(tm < t || (tm === t && orders[m]! < order))) break;
        times[i] = tm;
        orders[i] = orders[m]!;
        items[i] = items[m];
        i = m;
      }
      times[i] = t;
      orders[i] = order;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const orders = new Float64Array(this.orders.length * 2);
    orders.set(this.orders);
    this.orders = orders;
  }
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
 * longer matching the pair's time. Emptied buckets' lists are used again for later ones, with the
 * room they grew to (a plain array emptied by its length would give its room back).
 */
export class Buckets {
  private readonly lists = new Map<number, PairList>();
  private readonly spare: PairList[] = [];
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
      const fresh = this.spare.pop() ?? new PairList();
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
      const items = list.items;
      for (let i = 0; i < list.length; i++) {
        const p = items[i]!;
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
    const items = list.items;
    for (let i = 0; i < list.length; i++) {
      const p = items[i]!;
      const u = until[p]!;
      if (u < t) {
        if (mark[p] !== call) {
          mark[p] = call;
          out.push(p);
        }
      } else if (Math.floor(u / this.widthS) === current) items[kept++] = p;
    }
    list.length = kept;
    if (kept === 0) {
      this.lists.delete(current);
      this.spare.push(list);
    }
  }
}
