// The plot's areas (geometry/areas.ts): only areas in force at the playhead, projected, with their
// name at the centre; an area wholly off the view is not drawn.
import { describe, expect, it } from 'vitest';
import { areasOnScreen } from '../../src/app/plot/geometry/areas';
import type { Area } from '../../src/core/areas/geometry';

// One pixel per 0.01 degree, north up.
const toScreen = (lat: number, lon: number): [number, number] => [(lon - 131) * 100, (38 - lat) * 100];
const square: Area = {
  id: 'sq',
  name: 'Square',
  kind: 'danger',
  whose: 'KR',
  shape: {
    polygon: [
      { lat: 37, lon: 131.5 },
      { lat: 37, lon: 132 },
      { lat: 37.5, lon: 132 },
      { lat: 37.5, lon: 131.5 },
    ],
  },
  fromS: 100,
  untilS: 200,
};

describe('areas on the plot', () => {
  it('draws an area only while it is in force at the playhead', () => {
    expect(areasOnScreen([square], 50, toScreen, 200, 200)).toEqual([]);
    const [a] = areasOnScreen([square], 150, toScreen, 200, 200);
    expect(a!.ring).toHaveLength(4);
    expect(a!.ring[0]![0]).toBeCloseTo(50);
    expect(a!.ring[0]![1]).toBeCloseTo(100);
    expect(a!.label.x).toBeCloseTo(75);
    expect(a!.label.y).toBeCloseTo(75);
    expect(a!.whose).toBe('KR');
    expect(areasOnScreen([square], 200, toScreen, 200, 200)).toEqual([]);
  });
  it('leaves out an area wholly off the view, and outlines a circle round its centre', () => {
    expect(areasOnScreen([square], 150, toScreen, 40, 40)).toEqual([]);
    const circle: Area = { ...square, id: 'c', shape: { circle: { lat: 37.5, lon: 131.5, radiusM: 5000 } }, fromS: 0, untilS: Infinity };
    const [c] = areasOnScreen([circle], 1e6, toScreen, 200, 200);
    expect(c!.label).toEqual({ x: expect.closeTo(50, 6), y: expect.closeTo(50, 6) });
    for (const [x, y] of c!.ring) expect(Math.hypot(x - 50, (y - 50) * 1)).toBeGreaterThan(3);
  });
});
