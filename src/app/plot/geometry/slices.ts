/**
 * Work done in slices (no pixi). A scene of a thousand units takes tens of ms to build, more
 * than a frame: its steps are generators that yield between pieces of work, so the plot can run
 * a few pieces a frame while the last picture stays on screen (scene.ts). Run at once, the same
 * steps give the same result.
 */

/** Runs the steps to the end and returns their result. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Items between yields in loops over the scene's units, labels or calls. */
export const SLICE_ITEMS = 100;
