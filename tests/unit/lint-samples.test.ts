// The checker's pair scan (lint-samples.ts firstSample) settles most unit pairs by their track
// boxes and skips samples by the units' top speeds. Both must only save time: the sample it finds
// (and so every radio-range, radar-horizon and approach warning built on it) must be the one a scan
// of every sample finds, with the box test or without it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByLatitude, firstSample, groundAt, type Samples } from '../../src/core/scenario/lint-samples';
import type { Motion } from '../../src/core/scenario/motion';

/** Waypoints near a centre (spread in degrees), at increasing times; a repeated time is a jump. */
const motion = (centre: { lat: number; lon: number }, spread: number, lonSpread = spread) =>
  fc
    .array(
      fc.record({
        dLat: fc.double({ min: -spread, max: spread, noNaN: true }),
        dLon: fc.double({ min: -lonSpread, max: lonSpread, noNaN: true }),
        dt: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1200 })),
        altM: fc.integer({ min: 0, max: 3000 }),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((pts): Motion => {
      let t = 0;
      const ts: number[] = [];
      for (const p of pts) ts.push((t += p.dt));
      return {
        t: ts.map((x) => x - ts[0]!),
        lat: pts.map((p) => Math.max(-89, Math.min(89, centre.lat + p.dLat))),
        lon: pts.map((p) => ((centre.lon + p.dLon + 540) % 360) - 180),
        altM: pts.map((p) => p.altM),
      };
    });

const scene = fc
  .record({
    lat: fc.double({ min: -85, max: 85, noNaN: true }),
    // Now and then across the antimeridian.
    lon: fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constant(179.9)),
    spread: fc.oneof(fc.constant(0.05), fc.constant(0.5), fc.constant(3), fc.constant(60)),
  })
  .chain(({ lat, lon, spread }) =>
    fc.record({
      a: motion({ lat, lon }, spread),
      b: motion({ lat, lon }, spread),
      times: fc.uniqueArray(fc.integer({ min: 0, max: 7200 }), { minLength: 1, maxLength: 60 }).map((ts) => ts.sort((x, y) => x - y)),
      reachM: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 60_000, noNaN: true }), fc.double({ min: 0, max: 3_000_000, noNaN: true })),
      // Or a reach just either side of their closest sampled distance, where a bound too generous would show.
      near: fc.option(fc.double({ min: 0.95, max: 1.05, noNaN: true })),
      every: fc.integer({ min: 1, max: 4 }),
      airborne: fc.boolean(),
    }),
  );

describe('pair scan of the checker', () => {
  it('finds the same first sample as a scan of every sample, with the box test and without', () => {
    fc.assert(
      fc.property(scene, ({ a, b, times, reachM: anyReachM, near, every, airborne }) => {
        const pa: Samples = { m: a, times, airborne, antennaM: 20 };
        const pb: Samples = { m: b, times, airborne: false, antennaM: 20 };
        const closest = Math.min(...times.map((_, i) => groundAt(pa, pb, i)));
        const reachM = near === null ? anyReachM : closest * near;
        // Within reach, and only at some samples: the first hit is then not simply the first sample within reach.
        const hit = (i: number, g: number) => g <= reachM && i % every === 0;
        let everySample = -1;
        for (let i = 0; i < times.length && everySample < 0; i++) if (hit(i, groundAt(pa, pb, i))) everySample = i;
        expect(firstSample(pa, pb, reachM, hit, false)).toBe(everySample);
        expect(firstSample(pa, pb, reachM, hit, true)).toBe(everySample);
      }),
      { numRuns: 3000 },
    );
  });

  it('never files away a unit that comes within range of the track asked about', () => {
    const many = fc
      .record({
        lat: fc.double({ min: -85, max: 85, noNaN: true }),
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
        spread: fc.constantFrom(0.05, 0.5, 3),
        // Or all on one meridian, where distance is the latitude difference alone and the filing is tightest.
        lonSpread: fc.constantFrom(0, undefined),
      })
      .chain(({ lat, lon, spread, lonSpread }) =>
        fc.record({
          others: fc.array(motion({ lat, lon }, spread, lonSpread ?? spread), { minLength: 1, maxLength: 12 }),
          mine: motion({ lat, lon }, spread, lonSpread ?? spread),
          times: fc.uniqueArray(fc.integer({ min: 0, max: 7200 }), { minLength: 1, maxLength: 40 }).map((ts) => ts.sort((x, y) => x - y)),
          near: fc.double({ min: 0.9, max: 1.1, noNaN: true }),
          reachM: fc.oneof(fc.constant(Infinity), fc.double({ min: 0, max: 400_000, noNaN: true })),
          scaled: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(many, ({ others, mine, times, near, reachM: anyReachM, scaled }) => {
        const samples = others.map((m): Samples => ({ m, times, airborne: true, antennaM: 20 }));
        const p: Samples = { m: mine, times, airborne: false, antennaM: 20 };
        const closest = Math.min(...samples.map((o) => Math.min(...times.map((_, i) => groundAt(o, p, i)))));
        const reachM = scaled ? closest * near : anyReachM;
        const filed = new Set(new ByLatitude(samples, (o) => o).near(p, reachM));
        for (const o of samples) if (!filed.has(o)) expect(firstSample(o, p, reachM, (_i, g) => g <= reachM, false)).toBe(-1);
      }),
      { numRuns: 1500 },
    );
  });

  it('files a unit due north or south just within range, where latitude alone is the distance', () => {
    const at = (lat: number): Motion => ({ t: [0], lat: [lat], lon: [132], altM: [0] });
    const times = [0, 600];
    const p: Samples = { m: at(37), times, airborne: false, antennaM: 20 };
    const south: Samples = { m: at(36.8), times, airborne: true, antennaM: 20 };
    const north: Samples = { m: at(37.3), times, airborne: true, antennaM: 20 };
    const index = new ByLatitude([south, north], (o) => o);
    const reachM = groundAt(north, p, 0);
    expect(index.near(p, reachM)).toEqual([south, north]);
    expect(firstSample(north, p, reachM, (_i, g) => g <= reachM)).toBe(0);
    expect(index.near(p, groundAt(south, p, 0))).toEqual([south]);
    expect(index.near(p, groundAt(south, p, 0) - 2)).toEqual([]);
  });

  it('settles a pair whose tracks stay far apart without asking about any sample, even where the speeds bound nothing', () => {
    // A jump (two waypoints at one time) has no top speed, so only the boxes can rule the pair out.
    const jumping = (lat: number, lon: number): Motion => ({ t: [0, 0, 3600], lat: [lat, lat + 0.05, lat + 0.1], lon: [lon, lon, lon], altM: [0, 0, 0] });
    const times = [0, 1800, 3600];
    const pa: Samples = { m: jumping(37, 132), times, airborne: false, antennaM: 20 };
    const pb: Samples = { m: jumping(38, 134), times, airborne: false, antennaM: 20 };
    let asked = 0;
    const within = (reachM: number) => (_i: number, g: number) => (asked++, g <= reachM);
    expect(firstSample(pa, pb, 18_520, within(18_520))).toBe(-1);
    expect(asked).toBe(0);
    expect(firstSample(pa, pb, 18_520, within(18_520), false)).toBe(-1);
    expect(asked).toBe(times.length);
    expect(firstSample(pa, pb, 250_000, within(250_000))).toBe(0);
  });
});
