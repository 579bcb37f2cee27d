import { describe, expect, test } from 'vitest';
import { OVERSCAN, logWindow } from '../../src/app/panels/log-window';

describe('event log window', () => {
  test('unmeasured rows are estimated at one line each', () => {
    const w = logWindow(250);
    expect(w.heightOf(0)).toBe(24);
    expect(w.offsetOf(100)).toBe(2400);
    expect(w.total()).toBe(6000);
    expect(w.rowAt(23.9)).toBe(0);
    expect(w.rowAt(24)).toBe(1);
    expect(w.rowAt(1e9)).toBe(249);
  });

  test('a measured row keeps its height, and the others are estimated from the measured mean', () => {
    const w = logWindow(400);
    w.measured(1, 50); // a wrapped row: 50 px
    expect(w.heightOf(1)).toBe(50);
    expect(w.heightOf(0)).toBe(50);
    expect(w.offsetOf(2)).toBe(100);
    w.measured(1, 30);
    expect(w.heightOf(3)).toBe(30);
    w.measured(0, 0); // no layout (jsdom): ignored
    expect(w.heightOf(0)).toBe(30);
    w.measured(2, 60);
    // Row 0 at the mean of the measured rows (30 and 60).
    expect(w.heightOf(0)).toBe(45);
    expect(w.offsetOf(3)).toBe(45 + 30 + 60);
  });

  test('the rows to render are those in view and OVERSCAN either side, within the log', () => {
    const w = logWindow(1000);
    expect(w.range(0, 480)).toEqual([0, 21 + OVERSCAN]);
    expect(w.range(500 * 24 + 10, 480)).toEqual([500 - OVERSCAN, 521 + OVERSCAN]);
    expect(w.range(500 * 24, 480, 0)).toEqual([500, 521]);
    expect(w.range(1000 * 24 - 100, 480)).toEqual([995 - OVERSCAN, 1000]);
    expect(logWindow(0).range(0, 480)).toEqual([0, 0]);
  });

  test('offsets and the row under a height agree with a walk over every row, measured or not', () => {
    const w = logWindow(10_007);
    // Some rows measured (taller and shorter than the estimate), in no order, one twice.
    let x = 7;
    for (let k = 0; k < 600; k++) {
      x = (x * 37 + 11) % w.n;
      w.measured(x, 12 + ((x * 13) % 90));
    }
    const offsets = [0];
    for (let i = 0; i < w.n; i++) offsets.push(offsets[i]! + w.heightOf(i));
    for (const i of [0, 1, 17, 100, 1500, w.n - 1, w.n]) expect(w.offsetOf(i)).toBeCloseTo(offsets[i]!, 6);
    expect(w.total()).toBeCloseTo(offsets[w.n]!, 6);
    for (const i of [0, 3, 42, 1999, w.n - 1]) {
      expect(w.rowAt(offsets[i]! + 0.01)).toBe(i);
      expect(w.rowAt(offsets[i + 1]! - 0.1)).toBe(i);
    }
  });
});
