// Sensing leaves out unit pairs whose tracks never come near enough to see each other: the gap
// between their track boxes must never be more than the ground distance between any two points
// of the tracks, or a radar contact or an approach would silently go missing from the log.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxGapM, groundDistanceM } from '../../src/core/geo';
import { positionAt, trackBox, type Motion } from '../../src/core/scenario/motion';

const track = fc
  .array(fc.record({ lat: fc.double({ min: -80, max: 80, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }) }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((pts): Motion => ({
    t: pts.map((_, i) => i * 600),
    lat: pts.map((p) => p.lat),
    lon: pts.map((p) => p.lon),
    altM: pts.map(() => 0),
  }));

describe('track gap', () => {
  it('is never more than the distance between the units at any two moments of their tracks', () => {
    fc.assert(
      fc.property(track, track, fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true }), (a, b, ta, tb) => {
        const gap = boxGapM(trackBox(a), trackBox(b));
        expect(gap).toBeLessThanOrEqual(groundDistanceM(positionAt(a, ta), positionAt(b, tb)) * (1 + 1e-9) + 1e-6);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the distance between two fixed units far apart', () => {
    const at = (lat: number, lon: number): Motion => ({ t: [0], lat: [lat], lon: [lon], altM: [0] });
    const a = at(37.5, 132.0);
    const b = at(38.5, 134.0);
    expect(boxGapM(trackBox(a), trackBox(b))).toBeLessThanOrEqual(groundDistanceM({ lat: 37.5, lon: 132 }, { lat: 38.5, lon: 134 }));
    expect(boxGapM(trackBox(a), trackBox(b))).toBeGreaterThan(150_000);
  });
});
