/** The plot's frame bookkeeping (for the debug hook, the benchmark and the rebuild throttle). */

/** Frames kept in each history. */
const HISTORY = 240;

export class FrameStats {
  /** Durations (ms) of the last frames: state update + draw + submit. */
  readonly times: number[] = [];
  /** Intervals (ms) between the last frames. */
  readonly intervals: number[] = [];
  /** For each of times: whether that frame rebuilt the scene. */
  readonly rebuilds: boolean[] = [];
  /** Frames rendered since the plot mounted. */
  count = 0;
  /** Recent cost (ms) of a frame that rebuilt the scene (update and render), smoothed. */
  rebuildMs = 0;
  /** Start (ms) of the last frame; 0 before the first. */
  lastRender = 0;

  /** Records a frame that ran from t0 to t1 (ms). */
  record(t0: number, t1: number, rebuilt: boolean): void {
    // Smoothed: one slow rebuild (a garbage collection, say) should not hold the scene back long.
    if (rebuilt) this.rebuildMs = 0.7 * this.rebuildMs + 0.3 * (t1 - t0);
    if (this.lastRender > 0) push(this.intervals, t0 - this.lastRender);
    push(this.times, t1 - t0);
    push(this.rebuilds, rebuilt);
    this.count++;
    this.lastRender = t0;
  }
}

function push<T>(list: T[], v: T): void {
  list.push(v);
  if (list.length > HISTORY) list.shift();
}
