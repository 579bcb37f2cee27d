// The plot's label placer keeps taken rectangles in a grid (src/app/plot/placer.ts) so a thousand
// units do not cost seconds a frame. Its answers must be those of summing over every rectangle.
import { describe, expect, test } from 'vitest';
import { Placer, type Rect } from '../../src/app/plot/placer';

function naiveOverlap(rects: Rect[], bounds: Rect | null, r: Rect): number {
  let sum = 0;
  for (const o of rects) {
    const w = Math.min(r.x + r.w, o.x + o.w) - Math.max(r.x, o.x);
    const h = Math.min(r.y + r.h, o.y + o.h) - Math.max(r.y, o.y);
    if (w > 0 && h > 0) sum += w * h;
  }
  if (bounds) {
    const iw = Math.max(0, Math.min(r.x + r.w, bounds.x + bounds.w) - Math.max(r.x, bounds.x));
    const ih = Math.max(0, Math.min(r.y + r.h, bounds.y + bounds.h) - Math.max(r.y, bounds.y));
    sum += 3 * (r.w * r.h - iw * ih);
  }
  return sum;
}

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const rect = (spread: number, big = false): Rect => ({
  x: rnd() * spread - 100,
  y: rnd() * spread * 0.6 - 100,
  w: big ? rnd() * 2000 : 5 + rnd() * 160,
  h: big ? rnd() * 1500 : 4 + rnd() * 40,
});

describe('label placer', () => {
  test('overlap() equals the sum over every rectangle taken, to the last bit', () => {
    for (const [n, spread] of [
      [0, 800],
      [10, 800],
      [300, 1200],
      [2000, 1400],
    ] as const) {
      const p = new Placer();
      const bounds = { x: 2, y: 2, w: 1000, h: 600 };
      p.reset(bounds);
      const taken: Rect[] = [];
      for (let i = 0; i < n; i++) {
        const r = rect(spread, i % 97 === 0);
        p.occupy(r);
        taken.push(r);
        if (i % 50 === 0) {
          const q = rect(spread);
          expect(p.overlap(q)).toBe(naiveOverlap(taken, bounds, q));
        }
      }
      for (let i = 0; i < 200; i++) {
        const q = rect(spread, i % 50 === 0);
        expect(p.overlap(q)).toBe(naiveOverlap(taken, bounds, q));
        expect(p.free(q)).toBe(naiveOverlap(taken, bounds, q) === 0);
      }
    }
  });

  test('reset forgets every rectangle and the crowded flag', () => {
    const p = new Placer();
    p.reset(null);
    p.occupy({ x: 0, y: 0, w: 10, h: 10 });
    p.crowded = true;
    expect(p.overlap({ x: 5, y: 5, w: 10, h: 10 })).toBe(25);
    p.reset(null);
    expect(p.size).toBe(0);
    expect(p.crowded).toBe(false);
    expect(p.overlap({ x: 5, y: 5, w: 10, h: 10 })).toBe(0);
    expect(p.free({ x: 5, y: 5, w: 10, h: 10 })).toBe(true);
  });

  test('far off-screen and huge rectangles are still counted', () => {
    const p = new Placer();
    p.reset(null);
    p.occupy({ x: -5e6, y: -5e6, w: 20, h: 20 });
    p.occupy({ x: -1000, y: -1000, w: 1e5, h: 1e5 });
    expect(p.overlap({ x: -5e6 + 10, y: -5e6 + 10, w: 20, h: 20 })).toBe(100);
    expect(p.overlap({ x: 10, y: 10, w: 20, h: 20 })).toBe(400);
    expect(p.free({ x: 10, y: 10, w: 20, h: 20 })).toBe(false);
  });
});
