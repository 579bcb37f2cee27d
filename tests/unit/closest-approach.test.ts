import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { trackApproach } from '../../src/core/analysis/closest-approach';
import { cpa } from '../../src/core/analysis/relative-motion';
import { destination, groundDistanceM, METRES_PER_NM } from '../../src/core/geo';
import { kinematicsAt, positionAt, type Motion } from '../../src/core/scenario/motion';

/** A track through the given points at the given times. */
const track = (points: { t: number; lat: number; lon: number }[]): Motion => ({
  t: points.map((p) => p.t),
  lat: points.map((p) => p.lat),
  lon: points.map((p) => p.lon),
  altM: points.map(() => 0),
});
const KT = METRES_PER_NM / 3600;
/** Straight from `start` on `courseDeg` at `kt` for `durationS`. */
const straight = (start: { lat: number; lon: number }, courseDeg: number, kt: number, durationS: number) => {
  const end = destination(start, courseDeg, kt * KT * durationS);
  return track([
    { t: 0, ...start },
    { t: durationS, lat: end.lat, lon: end.lon },
  ]);
};

describe('closest approach along the scripted tracks', () => {
  test('on straight tracks it is the CPA: same range and moment', () => {
    const a = straight({ lat: 37.5, lon: 132.0 }, 90, 15, 3600);
    const b = straight({ lat: 37.7, lon: 132.2 }, 200, 20, 3600);
    const now = 0;
    const c = cpa({ ...kinematicsAt(a, now) }, { ...kinematicsAt(b, now) });
    expect(c.closure).toBe('closing');
    const t = trackApproach(a, b, 3600).from(now);
    // Tracks run linearly in latitude and longitude and the CPA is worked on a flat plane: over
    // the 15 nm between them the two differ by tens of metres, not by a turn's worth.
    expect(Math.abs(t.rangeM - c.rangeM)).toBeLessThan(100);
    expect(Math.abs(t.atS - c.inS)).toBeLessThan(5);
  });

  test('when one turns away before the CPA, the tracks come less close, and earlier, than the CPA predicted', () => {
    // Head-on at 10 kt each, 4 nm apart: the CPA is 0 nm in 12 min. B turns away after 5 minutes.
    const a = straight({ lat: 37.5, lon: 132.0 }, 90, 10, 3600);
    const bStart = destination({ lat: 37.5, lon: 132.0 }, 90, 4 * METRES_PER_NM);
    const turn = destination(bStart, 270, 10 * KT * 300);
    const away = destination(turn, 0, 10 * KT * 3300);
    const b = track([
      { t: 0, ...bStart },
      { t: 300, lat: turn.lat, lon: turn.lon },
      { t: 3600, lat: away.lat, lon: away.lon },
    ]);
    const c = cpa(kinematicsAt(a, 0), kinematicsAt(b, 0));
    expect(c.rangeM).toBeLessThan(50);
    const t = trackApproach(a, b, 3600).from(0);
    expect(t.rangeM).toBeGreaterThan(0.5 * METRES_PER_NM);
    expect(t.atS).toBeGreaterThan(300);
    expect(t.atS).toBeLessThan(c.inS);
    // The answer is a real moment of the tracks: the range there is the one given.
    expect(groundDistanceM(positionAt(a, t.atS), positionAt(b, t.atS))).toBeCloseTo(t.rangeM, 3);
  });

  test('after the closest moment has passed, the answer is now and the present range', () => {
    const a = straight({ lat: 37.5, lon: 132.0 }, 90, 10, 3600);
    const b = straight({ lat: 37.5, lon: 132.1 }, 270, 10, 3600);
    const approach = trackApproach(a, b, 3600);
    const pass = approach.from(0);
    const later = approach.from(pass.atS + 600);
    expect(later.atS).toBe(pass.atS + 600);
    expect(later.rangeM).toBeCloseTo(groundDistanceM(positionAt(a, pass.atS + 600), positionAt(b, pass.atS + 600)), 6);
  });

  test('from any moment: never before it, never further than the range then, never beaten by any later whole second', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dLat: fc.double({ min: -0.05, max: 0.05, noNaN: true }), dLon: fc.double({ min: -0.05, max: 0.05, noNaN: true }) }), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.array(fc.record({ dLat: fc.double({ min: -0.05, max: 0.05, noNaN: true }), dLon: fc.double({ min: -0.05, max: 0.05, noNaN: true }) }), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 600 }),
        (pa, pb, from) => {
          const walk = (ps: { dLat: number; dLon: number }[], lat: number, lon: number) =>
            track(ps.map((p, i) => ({ t: (i * 600) / (ps.length - 1), lat: (lat += p.dLat), lon: (lon += p.dLon) })));
          const a = walk(pa, 37.5, 132);
          const b = walk(pb, 37.52, 132.03);
          const c = trackApproach(a, b, 600).from(from);
          const r = (t: number) => groundDistanceM(positionAt(a, t), positionAt(b, t));
          expect(c.atS).toBeGreaterThanOrEqual(from);
          expect(c.rangeM).toBeLessThanOrEqual(r(from) + 1e-6);
          for (let t = from; t <= 600; t++) expect(c.rangeM).toBeLessThanOrEqual(r(t) + 1e-6);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
