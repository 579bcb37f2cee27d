// How the still layers' pictures are put on screen at reduced detail (geometry/composite.ts) and
// the boxes a radar sweep or beam covers (geometry/radar.ts): a box too small would leave part of a
// turning sweep drawn over a picture it should be under; boxes that overlapped would lay a layer
// over itself; boxes covering most of the view would cost more than the whole layers.
import { describe, expect, it } from 'vitest';
import { composition, disjoint, LAYERED_SHARE } from '../../src/app/plot/geometry/composite';
import { beamLine, lockPulse, lockReach, slewedReach, sweepReach, type Box } from '../../src/app/plot/geometry/radar';

const inside = (b: Box, x: number, y: number) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('composition of the still pictures', () => {
  it('is three whole layers, as before, when nothing is between them', () => {
    expect(composition([], 800, 600, 1)).toEqual({ kind: 'layers' });
    // Something that reaches nowhere on screen is nothing to draw between the layers either.
    expect(composition([{ x0: -200, y0: 10, x1: -100, y1: 50 }], 800, 600, 1)).toEqual({ kind: 'layers' });
  });

  it('draws the layers again in boxes of whole device pixels, cut to the view', () => {
    expect(composition([{ x0: 10.5, y0: 20.2, x1: 60.1, y1: 70.9 }], 800, 600, 1)).toEqual({ kind: 'boxes', boxes: [{ x0: 10, y0: 20, x1: 61, y1: 71 }] });
    expect(composition([{ x0: 10.5, y0: 20.2, x1: 60.1, y1: 70.9 }], 800, 600, 2)).toEqual({ kind: 'boxes', boxes: [{ x0: 21, y0: 40, x1: 121, y1: 142 }] });
    expect(composition([{ x0: -30, y0: 560, x1: 40, y1: 640 }], 800, 600, 1)).toEqual({ kind: 'boxes', boxes: [{ x0: 0, y0: 560, x1: 40, y1: 600 }] });
  });

  it('joins boxes that overlap, so no layer is laid over itself, and keeps apart those that do not', () => {
    const a = { x0: 0, y0: 0, x1: 10, y1: 10 };
    const b = { x0: 5, y0: 5, x1: 20, y1: 20 };
    const c = { x0: 18, y0: 30, x1: 40, y1: 40 };
    const d = { x0: 100, y0: 100, x1: 110, y1: 110 };
    // a and b overlap and are joined; c (below their union) and d stay apart.
    expect(disjoint([a, b, c, d])).toEqual([{ x0: 0, y0: 0, x1: 20, y1: 20 }, c, d]);
    // A chain joined step by step: the union of a and b reaches e, which a alone does not.
    const e = { x0: 19, y0: 19, x1: 30, y1: 30 };
    expect(disjoint([a, e, b])).toEqual([{ x0: 0, y0: 0, x1: 30, y1: 30 }]);
    // Touching edges are not overlaps (a pixel is in one box or the other).
    expect(disjoint([a, { x0: 10, y0: 0, x1: 20, y1: 10 }])).toHaveLength(2);
  });

  it('joined boxes never overlap, whatever the boxes', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 500;
    for (let k = 0; k < 50; k++) {
      const boxes = Array.from({ length: 12 }, () => {
        const x = rnd();
        const y = rnd();
        return { x0: x, y0: y, x1: x + rnd() / 5, y1: y + rnd() / 5 };
      });
      const out = disjoint(boxes);
      for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) expect(overlap(out[i]!, out[j]!)).toBe(false);
      // Every box given is inside one of them.
      for (const b of boxes) expect(out.some((o) => o.x0 <= b.x0 && o.y0 <= b.y0 && o.x1 >= b.x1 && o.y1 >= b.y1)).toBe(true);
    }
  });

  it('shows three whole layers when the boxes would cover more than the share of the view that pays', () => {
    const share = { x0: 0, y0: 0, x1: 800 * LAYERED_SHARE, y1: 600 };
    expect(composition([share], 800, 600, 1).kind).toBe('boxes');
    expect(composition([{ ...share, x1: share.x1 + 20 }], 800, 600, 1)).toEqual({ kind: 'layers' });
  });
});

describe('what a sweep or a beam covers', () => {
  it('a sweep covers its wedge at every angle, and its range ring', () => {
    const box = sweepReach(100, 80, 46);
    for (let a = 0; a < Math.PI * 2; a += 0.1) expect(inside(box, 100 + 46.5 * Math.cos(a), 80 + 46.5 * Math.sin(a))).toBe(true);
    // Not much more: a box round a sweep, not the view.
    expect(box.x1 - box.x0).toBeLessThan(46 * 2 + 12);
  });

  it('a lock covers its beam at the thickest of its pulse, and the ring round its target', () => {
    const from = { x: 50, y: 50, r: 10, visible: true };
    const to = { x: 250, y: 130, r: 12, visible: true };
    const b = beamLine(from, to, 0);
    const [beam, ring] = lockReach(b, to) as [Box, Box];
    // The bar is 7.2 px thick times the pulse's thickness at its largest.
    let thickest = 0;
    for (let ms = 0; ms < 1000; ms += 5) thickest = Math.max(thickest, lockPulse(ms).thickness);
    const half = 3.6 * thickest;
    for (const [x, y] of [
      [b.x0, b.y0],
      [b.x1, b.y1],
    ] as const)
      for (const s of [-1, 1]) expect(inside(beam, x + s * half * b.nx, y + s * half * b.ny)).toBe(true);
    // The ring: radius target.r + 6, its stroke 0.12 of that wide.
    const outer = (to.r + 6) * 1.06;
    for (let a = 0; a < Math.PI * 2; a += 0.1) expect(inside(ring, to.x + outer * Math.cos(a), to.y + outer * Math.sin(a))).toBe(true);
  });

  it('a slewed line covers both ends and its stroke', () => {
    const b = beamLine({ x: 300, y: 40, r: 8, visible: true }, { x: 20, y: 200, r: 8, visible: true }, 1);
    const box = slewedReach(b);
    expect(inside(box, b.x0, b.y0) && inside(box, b.x1, b.y1)).toBe(true);
    expect(box.x0).toBeLessThanOrEqual(Math.min(b.x0, b.x1) - 1.7);
    expect(box.y1).toBeGreaterThanOrEqual(Math.max(b.y0, b.y1) + 1.7);
  });
});
