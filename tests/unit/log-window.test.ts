import { describe, expect, test } from 'vitest';
import { logWindow } from '../../src/app/panels/log-window';

describe('event log window', () => {
  test('unmeasured blocks are estimated at one line a row; the last block holds the remainder', () => {
    const w = logWindow(250, 100);
    expect(w.blocks).toBe(3);
    expect(w.rowsOf(2)).toEqual([200, 250]);
    expect(w.heightOf(0)).toBe(2400);
    expect(w.heightOf(2)).toBe(1200);
    expect(w.total()).toBe(6000);
    expect(w.blockAt(2399)).toBe(0);
    expect(w.blockAt(2400)).toBe(1);
    expect(w.blockAt(1e9)).toBe(2);
  });

  test('a measured block keeps its height, and the others are estimated from the measured mean', () => {
    const w = logWindow(400, 100);
    w.measured(1, 5000); // wrapped rows: 50 px each
    expect(w.heightOf(1)).toBe(5000);
    expect(w.heightOf(0)).toBe(5000);
    expect(w.offsetOf(2)).toBe(10_000);
    w.measured(1, 3000);
    expect(w.heightOf(3)).toBe(3000);
    w.measured(0, 0); // no layout (jsdom): ignored
    expect(w.heightOf(0)).toBe(3000);
  });

  test('the blocks to render are those in view and one either side, within the log', () => {
    const w = logWindow(1000, 100);
    expect(w.range(0, 480)).toEqual([0, 1]);
    expect(w.range(5 * 2400 + 10, 480)).toEqual([4, 6]);
    expect(w.range(9 * 2400 + 2000, 480)).toEqual([8, 9]);
    expect(logWindow(0).range(0, 480)).toEqual([0, -1]);
  });

  test('offsets and the block under a height agree with a walk over every block, measured or not', () => {
    const w = logWindow(10_007, 50);
    // Some blocks measured (taller and shorter than the estimate), in no order, one twice.
    let x = 7;
    for (let k = 0; k < 60; k++) {
      x = (x * 37 + 11) % w.blocks;
      w.measured(x, 600 + ((x * 13) % 900));
    }
    const offsets = [0];
    for (let b = 0; b < w.blocks; b++) offsets.push(offsets[b]! + w.heightOf(b));
    for (const b of [0, 1, 17, 100, 150, w.blocks - 1, w.blocks]) expect(w.offsetOf(b)).toBeCloseTo(offsets[b]!, 6);
    expect(w.total()).toBeCloseTo(offsets[w.blocks]!, 6);
    for (const b of [0, 3, 42, 199, w.blocks - 1]) {
      expect(w.blockAt(offsets[b]!)).toBe(b);
      expect(w.blockAt(offsets[b + 1]! - 0.5)).toBe(b);
    }
  });
});
