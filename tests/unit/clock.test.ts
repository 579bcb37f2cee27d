import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../src/app/store';
import { startClock, MAX_FRAME_S } from '../../src/app/clock';

/** A hand-cranked requestAnimationFrame. */
function fakeFrames() {
  let queue: { id: number; fn: (now: number) => void }[] = [];
  let next = 1;
  return {
    win: {
      requestAnimationFrame(fn: (now: number) => void) {
        queue.push({ id: next, fn });
        return next++;
      },
      cancelAnimationFrame(id: number) {
        queue = queue.filter((q) => q.id !== id);
      },
    },
    pending: () => queue.length,
    frame(now: number) {
      const q = queue;
      queue = [];
      for (const { fn } of q) fn(now);
    },
  };
}

describe('animation loop', () => {
  test('advances the playhead by real time × speed while playing, and sleeps while paused', () => {
    const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' });
    const frames = fakeFrames();
    const clock = startClock(store, frames.win as never);
    expect(frames.pending()).toBe(0);
    store.getState().play();
    expect(frames.pending()).toBe(1);
    frames.frame(1000);
    expect(store.getState().t).toBe(0);
    frames.frame(1100); // 0.1 s real at 8×
    expect(store.getState().t).toBeCloseTo(0.8, 6);
    frames.frame(5100); // a long stall counts as one short step
    expect(store.getState().t).toBeCloseTo(0.8 + MAX_FRAME_S * 8, 6);
    store.getState().pause();
    frames.frame(5200);
    expect(frames.pending()).toBe(0);
    const t = store.getState().t;
    store.getState().play();
    frames.frame(9000);
    frames.frame(9050);
    expect(store.getState().t).toBeCloseTo(t + 0.05 * 8, 6);
    clock.stop();
    expect(frames.pending()).toBe(0);
  });
});
