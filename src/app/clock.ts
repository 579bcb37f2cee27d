/**
 * The animation loop: the only place that reads wall-clock time. While the store is playing, each
 * animation frame advances the playhead by the real seconds since the last frame (× speed, in
 * store.tick). The loop sleeps while paused.
 */
import type { AppStore } from './store';

export interface Clock {
  stop(): void;
}

/** Longest real step taken in one frame, so a tab returning from the background does not jump. */
export const MAX_FRAME_S = 0.25;

export function startClock(store: AppStore, win: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'> = window): Clock {
  let handle: number | null = null;
  let last: number | null = null;
  const frame = (now: number) => {
    handle = null;
    if (!store.getState().playing) {
      last = null;
      return;
    }
    if (last !== null) store.getState().tick(Math.min(MAX_FRAME_S, Math.max(0, (now - last) / 1000)));
    last = now;
    if (store.getState().playing) handle = win.requestAnimationFrame(frame);
    else last = null;
  };
  const wake = () => {
    if (handle === null && store.getState().playing) handle = win.requestAnimationFrame(frame);
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing) wake();
  });
  wake();
  return {
    stop() {
      unsub();
      if (handle !== null) win.cancelAnimationFrame(handle);
      handle = null;
    },
  };
}
