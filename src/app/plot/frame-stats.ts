/**
 * The plot's frame bookkeeping (for the debug hook, the benchmark and the rebuild throttle). A
 * frame here is a tick in which the plot brought its scene up to date: most draw a picture; while
 * playing, a tick whose scene stands and where nothing animates draws none (the canvas keeps the
 * same picture), and is still counted, with the little JavaScript it took.
 */

/** Frames kept in each history. */
const HISTORY = 240;

export class FrameStats {
  /** Durations (ms) of the last frames: state update + draw + submit (when drawn). */
  readonly times: number[] = [];
  /** Intervals (ms) between the last frames. */
  readonly intervals: number[] = [];
  /** For each of times: whether that frame rebuilt the scene. */
  readonly rebuilds: boolean[] = [];
  /** For each of times: whether that frame drew a picture. */
  readonly drawn: boolean[] = [];
  /** Frames since the plot mounted, and of those the ones that drew a picture. */
  count = 0;
  drawnCount = 0;
  /** Recent cost (ms) of a frame that rebuilt the scene (update and render), smoothed. */
  rebuildMs = 0;
  /** Start (ms) of the last frame that drew a picture, and of the last frame; 0 before the first. */
  lastRender = 0;
  private lastFrame = 0;

  /** Records a frame that ran from t0 to t1 (ms); `rebuildCost` is its rebuild's, when that was done in slices over several frames. */
  record(t0: number, t1: number, rebuilt: boolean, drawn = true, rebuildCost = t1 - t0): void {
    // Smoothed: one slow rebuild (a garbage collection, say) should not hold the scene back long.
    if (rebuilt) this.rebuildMs = 0.7 * this.rebuildMs + 0.3 * rebuildCost;
    if (this.lastFrame > 0) push(this.intervals, t0 - this.lastFrame);
    push(this.times, t1 - t0);
    push(this.rebuilds, rebuilt);
    push(this.drawn, drawn);
    this.count++;
    this.lastFrame = t0;
    if (drawn) {
      this.drawnCount++;
      this.lastRender = t0;
    }
  }
}

function push<T>(list: T[], v: T): void {
  list.push(v);
  if (list.length > HISTORY) list.shift();
}
