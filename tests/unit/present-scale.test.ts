// Issue 17 item 1: how much larger presentation mode draws the plot's labels and symbols.
import { describe, expect, test } from 'vitest';
import { PRESENT_MAX, PRESENT_MIN, presentScale } from '../../src/app/plot/present-scale';

/** The size the smallest plot label (11 px) is drawn at, as LabelPool rounds it. */
const smallest = (w: number) => Math.round(11 * presentScale(w, true));

describe('presentation scale', () => {
  test('outside presentation mode nothing changes size', () => {
    expect(presentScale(1908, false)).toBe(1);
    expect(presentScale(600, false)).toBe(1);
  });

  test('on a 1920 px wide screen (the plot 1908 px inside its border) every label is at least 18 px', () => {
    expect(smallest(1908)).toBeGreaterThanOrEqual(18);
    expect(smallest(1900)).toBeGreaterThanOrEqual(18);
  });

  test('at 150 % (a 1268 CSS px plot) labels are at least 18 device px, and the factor stays in its bounds', () => {
    expect(smallest(1268) * 1.5).toBeGreaterThanOrEqual(18);
    expect(presentScale(400, true)).toBe(PRESENT_MIN);
    expect(presentScale(8000, true)).toBe(PRESENT_MAX);
    // No layout yet: no scaling rather than NaN sizes.
    expect(presentScale(0, true)).toBe(1);
  });
});
