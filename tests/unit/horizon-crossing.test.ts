/**
 * The time at which sensing takes an ESM pair up again, solved along the two current track
 * segments: never after the verdict (inside or outside the radar horizon) could first change,
 * or a detection would be logged late.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groundDistanceM, METRES_PER_NM } from '../../src/core/geo';
import { combinedHorizonNm, HORIZON_NM_PER_SQRT_M, nmToKm } from '../../src/core/radio/propagation';
import { maxSpeedMps, positionAt, trackBox, type Motion } from '../../src/core/scenario/motion';
import {
  CROSSING_SCRATCH,
  horizonTimeAhead,
  horizonTimeAheadInto,
  PAIR_HIGH_M,
  PAIR_LOW_M,
  PAIR_SPEED,
  segmentHorizonTime,
  trackFigures,
  WAKE_AHEAD,
} from '../../src/core/engine/horizon-crossing';

/** The verdict sensing reaches at time t, by the exact test. */
function inRangeAt(receiver: Motion, source: Motion, t: number, aircraft: boolean, receiverM: number, sourceM: number): boolean {
  const a = positionAt(receiver, t);
  const b = positionAt(source, t);
  const h = aircraft ? a.altM : receiverM;
  return groundDistanceM(a, b) / 1000 <= nmToKm(combinedHorizonNm(sourceM, h));
}

/** Two units' tracks and heights as sensing reads them. */
interface Pair {
  receiver: Motion;
  source: Motion;
  aircraft: boolean;
  receiverM: number;
  sourceM: number;
}

const verdictAt = (p: Pair, t: number) => inRangeAt(p.receiver, p.source, t, p.aircraft, p.receiverM, p.sourceM);

/** Dense evaluation: the verdict of `now` holds every quarter second up to `until`, and at the wake-up itself if it comes by then. */
function expectNoFlipBefore(p: Pair, now: number, wake: number, until: number, before: boolean): void {
  let firstFlip = Infinity;
  for (let t = now; t <= until && firstFlip === Infinity; t += 0.25) if (verdictAt(p, t) !== before) firstFlip = t;
  if (wake <= until && verdictAt(p, wake) !== before) firstFlip = wake;
  expect(firstFlip).toBe(Infinity);
}

/**
 * A receiver–source pair and the instant to search from: where the receiver starts, how far off
 * the source starts (up to `offsetDeg` each way), each unit's waypoints (up to `waypoints`), the
 * source's start, the instant, whether the receiver flies, and the two antenna heights.
 */
function pairAt(offsetDeg: number, waypoints: number) {
  return [
    fc.double({ min: -75, max: 75, noNaN: true }),
    fc.double({ min: -180, max: 180, noNaN: true }),
    fc.double({ min: -offsetDeg, max: offsetDeg, noNaN: true }),
    fc.double({ min: -offsetDeg, max: offsetDeg, noNaN: true }),
    fc.array(waypoint, { minLength: 1, maxLength: waypoints }),
    fc.array(waypoint, { minLength: 1, maxLength: waypoints }),
    fc.integer({ min: 0, max: 600 }),
    fc.integer({ min: 0, max: 3000 }),
    fc.boolean(),
    fc.double({ min: 0, max: 60, noNaN: true }),
    fc.double({ min: 0, max: 60, noNaN: true }),
  ] as const;
}

/** Whether the verdict changes within `windowS` after the wake-up (sampled every `stepS`, not past `end`): the bound is tight enough to be tested. */
function flipsSoonAfter(p: Pair, wake: number, before: boolean, windowS: number, stepS: number, end = Infinity): boolean {
  for (let t = wake; t <= wake + windowS && t <= end; t += stepS) if (verdictAt(p, t) !== before) return true;
  return false;
}

const waypoint = fc.record({
  gapS: fc.integer({ min: 120, max: 1800 }),
  dLat: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  dLon: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  altM: fc.double({ min: 0, max: 8000, noNaN: true }),
});

function track(lat: number, lon: number, startS: number, points: { gapS: number; dLat: number; dLon: number; altM: number }[]): Motion {
  const m: Motion = { t: [], lat: [], lon: [], altM: [] };
  let t = startS;
  let la = lat;
  let lo = lon;
  for (const p of points) {
    m.t.push(t);
    m.lat.push(Math.max(-85, Math.min(85, la)));
    m.lon.push(lo);
    m.altM.push(p.altM);
    t += p.gapS;
    la += p.dLat;
    lo += p.dLon;
  }
  return m;
}

describe('horizon crossing along track segments', () => {
  it('wakes a pair no later than the first instant its verdict changes', () => {
    let flipsSeen = 0;
    let laterThanNow = 0;
    fc.assert(
      fc.property(...pairAt(3, 4), (lat, lon, dLat, dLon, rPoints, sPoints, sStart, now, aircraft, receiverM, sourceM) => {
        const receiver = track(lat, lon, 0, rPoints);
        const source = track(lat + dLat, lon + dLon, sStart, sPoints);
        const before = inRangeAt(receiver, source, now, aircraft, receiverM, sourceM);
        const wake = segmentHorizonTime(receiver, source, now, aircraft, receiverM, sourceM, before, new Float64Array(CROSSING_SCRATCH));
        expect(wake).toBeGreaterThanOrEqual(now);
        if (wake > now) laterThanNow++;
        // Dense evaluation: every quarter second up to the wake-up (both units still after their last
        // waypoint never wake: up to an hour then), and the wake-up itself.
        const pair = { receiver, source, aircraft, receiverM, sourceM };
        expectNoFlipBefore(pair, now, wake, Math.min(wake, now + 3600), before);
        if (!(wake < Infinity)) return;
        // The verdict does flip within a minute after the wake-up in some cases: the bound is tight enough to be tested.
        if (flipsSoonAfter(pair, wake, before, 60, 1)) flipsSeen++;
      }),
      { numRuns: 400 },
    );
    expect(flipsSeen).toBeGreaterThan(0);
    expect(laterThanNow).toBeGreaterThan(0);
  });

  it('past segment ends, still wakes a pair no later than the first instant its verdict changes', () => {
    let pastFirstEnd = 0;
    let flipsSeen = 0;
    fc.assert(
      fc.property(
        ...pairAt(1, 6),
        fc.integer({ min: 1, max: 12 }),
        (lat, lon, dLat, dLon, rPoints, sPoints, sStart, now, aircraft, receiverM, sourceM, segments) => {
          const receiver = track(lat, lon, 0, rPoints);
          const source = track(lat + dLat, lon + dLon, sStart, sPoints);
          const before = inRangeAt(receiver, source, now, aircraft, receiverM, sourceM);
          const limit = now + 4 * 3600;
          const scratch = new Float64Array(CROSSING_SCRATCH);
          const wake = horizonTimeAhead(receiver, source, now, aircraft, receiverM, sourceM, before, scratch, limit, segments);
          const single = segmentHorizonTime(receiver, source, now, aircraft, receiverM, sourceM, before, scratch);
          expect(wake).toBeGreaterThanOrEqual(single);
          if (wake > single) pastFirstEnd++;
          const pair = { receiver, source, aircraft, receiverM, sourceM };
          expectNoFlipBefore(pair, now, wake, Math.min(wake, limit), before);
          if (!(wake < limit)) return;
          if (flipsSoonAfter(pair, wake, before, 60, 1)) flipsSeen++;
        },
      ),
      { numRuns: 300 },
    );
    // Segment ends were crossed, and some wake-ups were soon followed by a flip: the test has teeth.
    expect(pastFirstEnd).toBeGreaterThan(0);
    expect(flipsSeen).toBeGreaterThan(0);
  });

  it('passing over segments by the speed and extreme horizons of the pair, still wakes it no later than its verdict changes', () => {
    // As sensing hands them: both tracks' fastest speeds, and the horizons of the receiver's
    // lowest and highest altitude on its whole track (sensing's are from now on, never wider).
    const horizonM = (a: number, b: number) => HORIZON_NM_PER_SQRT_M * (Math.sqrt(Math.max(0, a)) + Math.sqrt(Math.max(0, b))) * METRES_PER_NM;
    let passedOver = 0;
    let flipsSeen = 0;
    fc.assert(
      fc.property(...pairAt(1, 6), (lat, lon, dLat, dLon, rPoints, sPoints, sStart, now, aircraft, receiverM, sourceM) => {
        const receiver = track(lat, lon, 0, rPoints);
        const source = track(lat + dLat, lon + dLon, sStart, sPoints);
        const before = inRangeAt(receiver, source, now, aircraft, receiverM, sourceM);
        const limit = now + 4 * 3600;
        const box = trackBox(receiver);
        const scratch = new Float64Array(CROSSING_SCRATCH);
        scratch[PAIR_SPEED] = maxSpeedMps(receiver) + maxSpeedMps(source);
        scratch[PAIR_HIGH_M] = horizonM(sourceM, aircraft ? box.altMax : receiverM);
        scratch[PAIR_LOW_M] = horizonM(sourceM, aircraft ? box.altMin : receiverM);
        horizonTimeAheadInto(trackFigures(receiver), trackFigures(source), now, aircraft, receiverM, sourceM, before, scratch, limit, 32);
        const wake = scratch[WAKE_AHEAD]!;
        const without = horizonTimeAhead(receiver, source, now, aircraft, receiverM, sourceM, before, new Float64Array(CROSSING_SCRATCH), limit, 32);
        if (wake > without) passedOver++;
        const pair = { receiver, source, aircraft, receiverM, sourceM };
        expectNoFlipBefore(pair, now, wake, Math.min(wake, limit), before);
        if (!(wake < limit)) return;
        if (flipsSoonAfter(pair, wake, before, 60, 1)) flipsSeen++;
      }),
      {
        numRuns: 300,
        // A ship steaming half a degree south in half an hour, away from a 60 m antenna, then
        // stopped: the pair's bounds pass over its segments, and the verdict flips within a minute
        // of the wake-up. Given, so that the two counts below do not hang on the draw: 300 drawn
        // pairs held no such case in about half the runs (3 failures in 8, sessions 14–15).
        examples: [
          [
            3.5,
            0,
            0,
            0,
            [
              { gapS: 1800, dLat: -0.5, dLon: 0, altM: 0 },
              { gapS: 240, dLat: 0, dLon: 0, altM: 0 },
              { gapS: 1800, dLat: 0, dLon: 0, altM: 0 },
            ],
            [
              { gapS: 440, dLat: 0, dLon: 0, altM: 0 },
              { gapS: 820, dLat: 0, dLon: 0, altM: 0 },
            ],
            550,
            3,
            false,
            0,
            60,
          ],
        ],
      },
    );
    // The pair's bounds took some searches past where the segments alone stopped, and some wake-ups were soon followed by a flip.
    expect(passedOver).toBeGreaterThan(0);
    expect(flipsSeen).toBeGreaterThan(0);
  });

  it('wakes a pair no later than its crossing when it flies straight at or past its horizon for an hour', () => {
    // One long segment: far ahead the bound is loose, so the search starts again from its first
    // wake-ups; a search started too late would miss the crossing.
    let flipsSeen = 0;
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0.3, max: 1.6, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 50, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 9000, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (lat, startFraction, bearing, heading, speed, altM, now) => {
          const sourceM = 20;
          const horizon = nmToKm(combinedHorizonNm(sourceM, altM)) * 1000;
          const mPerDegLat = 111_195;
          const mPerDegLon = mPerDegLat * Math.cos((lat * Math.PI) / 180);
          const start = horizon * startFraction;
          const aLat = lat + (start * Math.cos(bearing)) / mPerDegLat;
          const aLon = 129 + (start * Math.sin(bearing)) / mPerDegLon;
          const run = speed * 3600;
          const aircraft: Motion = {
            t: [0, 3600],
            lat: [aLat, aLat + (run * Math.cos(heading)) / mPerDegLat],
            lon: [aLon, aLon + (run * Math.sin(heading)) / mPerDegLon],
            altM: [altM, altM],
          };
          const ship: Motion = { t: [0], lat: [lat], lon: [129], altM: [0] };
          const before = inRangeAt(aircraft, ship, now, true, 0, sourceM);
          const wake = horizonTimeAhead(aircraft, ship, now, true, 0, sourceM, before, new Float64Array(CROSSING_SCRATCH), 3600, 32);
          const pair = { receiver: aircraft, source: ship, aircraft: true, receiverM: 0, sourceM };
          expectNoFlipBefore(pair, now, wake, Math.min(wake, 3600), before);
          if (flipsSoonAfter(pair, wake, before, 30, 0.5, 3600)) flipsSeen++;
        },
      ),
      { numRuns: 300 },
    );
    expect(flipsSeen).toBeGreaterThan(10);
  });

  it('wakes a climbing or descending aircraft no later than it crosses its horizon', () => {
    // The horizon moves with the aircraft's altitude: a bound on it that runs ahead of the
    // altitude would wake the pair after the crossing.
    let flipsSeen = 0;
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0.7, max: 1.3, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 1, max: 9000, noNaN: true }),
        fc.double({ min: 1, max: 9000, noNaN: true }),
        fc.integer({ min: 60, max: 1800 }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (lat, startFraction, bearing, heading, speed, fromM, toM, climbS, now) => {
          const sourceM = 20;
          const horizon = nmToKm(combinedHorizonNm(sourceM, fromM)) * 1000;
          const mPerDegLat = 111_195;
          const mPerDegLon = mPerDegLat * Math.cos((lat * Math.PI) / 180);
          const start = horizon * startFraction;
          const aLat = lat + (start * Math.cos(bearing)) / mPerDegLat;
          const aLon = 129 + (start * Math.sin(bearing)) / mPerDegLon;
          const leg = (s: number) => [aLat + (speed * s * Math.cos(heading)) / mPerDegLat, aLon + (speed * s * Math.sin(heading)) / mPerDegLon];
          const [midLat, midLon] = leg(climbS);
          const [endLat, endLon] = leg(3600);
          const aircraft: Motion = { t: [0, climbS, 3600], lat: [aLat, midLat!, endLat!], lon: [aLon, midLon!, endLon!], altM: [fromM, toM, toM] };
          const ship: Motion = { t: [0], lat: [lat], lon: [129], altM: [0] };
          const before = inRangeAt(aircraft, ship, now, true, 0, sourceM);
          const wake = horizonTimeAhead(aircraft, ship, now, true, 0, sourceM, before, new Float64Array(CROSSING_SCRATCH), 3600, 32);
          const pair = { receiver: aircraft, source: ship, aircraft: true, receiverM: 0, sourceM };
          expectNoFlipBefore(pair, now, wake, Math.min(wake, 3600), before);
          if (flipsSoonAfter(pair, wake, before, 30, 0.5, 3600)) flipsSeen++;
        },
      ),
      { numRuns: 300 },
    );
    expect(flipsSeen).toBeGreaterThan(10);
  });

  it('sleeps a pair passing across its horizon until the segment ends, not on the speed bound', () => {
    // A ship's ESM 20 m up and a radar 20 m up (horizon 37 km); an aircraft flying along the circle
    // 60 km out would be rechecked every (60 − 37) km / 250 m/s ≈ 92 s by the speed bound alone.
    const ship: Motion = { t: [0], lat: [35], lon: [129], altM: [0] };
    const dLat = 60_000 / 111_195;
    const aircraft: Motion = { t: [0, 1200], lat: [35 + dLat, 35 + dLat], lon: [128.5, 129.5], altM: [0, 0] };
    const wake = segmentHorizonTime(ship, aircraft, 100, false, 20, 20, false, new Float64Array(CROSSING_SCRATCH));
    expect(wake).toBeGreaterThan(1100);
    expect(wake).toBeLessThan(1200);
  });

  it('sleeps a climbing aircraft outside its horizon until near the crossing, not on the horizon it will only have later', () => {
    // Flying straight away from a ship at 60 m/s while climbing 1.2 m/s from 500 m: the horizon
    // grows faster than the distance, and the gap of 4 km closes in over a minute. Bounding the
    // horizon by the altitude at the end of each window would wake the pair every few seconds.
    const ship: Motion = { t: [0], lat: [35], lon: [129], altM: [0] };
    const sourceM = 20;
    const start = nmToKm(combinedHorizonNm(sourceM, 500)) * 1000 + 4000;
    const dLat = 1 / 111_195;
    const aircraft: Motion = { t: [0, 600], lat: [35 + start * dLat, 35 + (start + 36_000) * dLat], lon: [129, 129], altM: [500, 1220] };
    const pair = { receiver: aircraft, source: ship, aircraft: true, receiverM: 0, sourceM };
    let crossing = 0;
    while (!verdictAt(pair, crossing)) crossing += 0.25;
    const wake = horizonTimeAhead(aircraft, ship, 0, true, 0, sourceM, false, new Float64Array(CROSSING_SCRATCH), 3600, 32);
    expect(crossing).toBeGreaterThan(60);
    expect(wake).toBeLessThanOrEqual(crossing);
    expect(wake).toBeGreaterThan(crossing - 15);
  });

  it('refuses a scratch array too short to say where the segments end, rather than stop searching ahead', () => {
    const ship: Motion = { t: [0], lat: [35], lon: [129], altM: [0] };
    const aircraft: Motion = { t: [0, 1200], lat: [35.5, 35.5], lon: [128.5, 129.5], altM: [0, 0] };
    const ahead = (n: number) => horizonTimeAhead(ship, aircraft, 100, false, 20, 20, false, new Float64Array(n), 3600, 8);
    expect(() => ahead(CROSSING_SCRATCH - 1)).toThrow(RangeError);
    expect(ahead(CROSSING_SCRATCH)).toBeGreaterThan(100);
  });
});
