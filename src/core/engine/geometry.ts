/**
 * Encounter geometry computed ahead of the run: tracks are known in advance, so when an aircraft
 * enters or leaves a range, and the moment of each closest approach, can be found by sampling
 * at one-second resolution and queued as exact events.
 *
 * Sampling every second of every aircraft–ship pair is O(pairs × duration), which does not scale
 * to a thousand units. The events only happen at samples inside the range (or the one just after),
 * and a unit cannot move faster than its track's fastest segment, so stretches where the pair is
 * surely apart are skipped: from a sample at distance g, the next (g − range) / (vA + vS) seconds
 * are all still outside. Inside, and near the edge, every second is sampled exactly as before, so
 * the events are the same, value for value (tests/unit/geometry-oracle.ts samples every second,
 * and the property tests compare the two).
 */
import { EARTH_RADIUS_M } from '../geo';
import { maxSpeedMps, positionInto, type Motion } from '../scenario/motion';

export { maxSpeedMps };

export interface PairEvent {
  t: number;
  aircraft: string;
  surface: string;
  kind: 'enter' | 'leave' | 'closest';
  rangeM?: number;
  groundM: number;
  altitudeM: number;
}

/** Slack for floating-point rounding in the distance bounds, metres. */
const MARGIN_M = 1;

/** Both units placed at a sample (aircraft, then surface unit: latitude, longitude, altitude) and, in [6], their ground distance. */
const placed = new Float64Array(7);
const GROUND_M = 6;

/**
 * Places the pair at second t (into `placed`), with their ground distance: groundDistanceDegM's
 * haversine written out, step for step, so the same number. A fraction passed to or returned
 * from a function V8 does not inline is boxed on the heap, and a caller that inlines both
 * positions has no room left to inline that call (its four degrees and its result were boxed at
 * every sample, about a million samples a thousand-unit hour). Here no fraction crosses a call.
 */
function placePair(am: Motion, sm: Motion, t: number): void {
  positionInto(am, t, placed, 0);
  positionInto(sm, t, placed, 3);
  const aLat = placed[0]!;
  const bLat = placed[3]!;
  const dLat = ((bLat - aLat) * Math.PI) / 180;
  const dLon = ((placed[4]! - placed[1]!) * Math.PI) / 180;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos((aLat * Math.PI) / 180) * Math.cos((bLat * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
  placed[GROUND_M] = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function pairEvents(aircraft: string, surface: string, am: Motion, sm: Motion, durationS: number, rangeM: number): PairEvent[] {
  const vsum = maxSpeedMps(am) + maxSpeedMps(sm);
  const out: PairEvent[] = [];
  // The loop's state before sample t: the sample t−1 (prevT < 0: none), falling = g(t−1) < g(t−2), inside = g(t−1) < range.
  let prevT = -1;
  let prevG = 0;
  let prevAlt = 0;
  let falling = false;
  let inside = false;
  let t = 0;
  while (t <= durationS) {
    placePair(am, sm, t);
    const g = placed[GROUND_M]!;
    const alt = placed[2]!;
    // The closest approach at the sample before is listed before what happens at this one, so
    // the events come out in time order (an enter or leave at t before a closest approach at t,
    // found a sample later) with no sort.
    if (prevT >= 0) {
      if (g > prevG && falling && prevG < rangeM) out.push({ t: prevT, aircraft, surface, kind: 'closest', groundM: prevG, altitudeM: prevAlt });
      falling = g < prevG;
    }
    if (g < rangeM && !inside) {
      inside = true;
      out.push({ t, aircraft, surface, kind: 'enter', rangeM, groundM: g, altitudeM: alt });
    } else if (g >= rangeM && inside) {
      inside = false;
      out.push({ t, aircraft, surface, kind: 'leave', rangeM, groundM: g, altitudeM: alt });
    }
    prevT = t;
    prevG = g;
    prevAlt = alt;
    // Outside with room to spare: the samples up to t + skip are outside too, and nothing can
    // happen at them (no enter; no leave or closest, which need the previous sample inside).
    // The loop goes on from the last of them, t + skip, as from any sample: the one before it
    // (t) is outside, so no closest approach is reported there, and `falling` is set before it
    // is read with a sample inside. It landed at t + skip + 1 before, placing t + skip apart
    // from the loop: a second call of placePair for V8 to compile (in pairEvents and again in
    // approachJobs), and a skip that never started from t + skip (1,012,895 → 944,202 samples
    // in the 1,000-unit hour; 11.156 → 11.050 G instructions at 300 units).
    const room = g - rangeM - MARGIN_M;
    const skip = room > 0 ? (vsum > 0 ? Math.floor(room / vsum) : Infinity) : 0;
    t += skip < 2 ? 1 : skip;
  }
  return out;
}
