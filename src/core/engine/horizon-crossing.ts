/**
 * When a receiver–source pair can first reach its radar horizon while both stay on their
 * current track segments, from the segments themselves rather than from a speed bound.
 *
 * On a segment a unit's latitude and longitude change linearly (scenario/motion.ts), so its
 * ground point P(t) on the sphere of radius R is smooth with a bounded second derivative A:
 * P(now + τ) is within ½·A·τ² of the line P(now) + P'(now)·τ. The chord between the pair is
 * then within ½·(A_r + A_s)·τ² of a linear function of τ, whose length squared is a quadratic:
 * its crossing of a widened chord horizon is solved exactly. The great-circle distance sensing
 * compares with the horizon is 2R·asin(chord / 2R), monotone in the chord, so crossing the
 * horizon means crossing its chord 2R·sin(H / 2R). Windows of doubling length keep ½·A·τ²
 * small near now. Before any window, the chord changes no faster than |P_r'| + |P_s'|, the two
 * points' speeds: a pair further from its horizon's chord than that allows over the segments
 * needs no window at all, and the windows start where the speed bound ends. Every figure that
 * could round the wrong way is widened (1 m, 1e-6 relative), so the time found is never after
 * the first instant the verdict could change.
 */
import { EARTH_RADIUS_M, METRES_PER_NM } from '../geo';
import { HORIZON_NM_PER_SQRT_M } from '../radio/propagation';
import { firstAfter, type Motion } from '../scenario/motion';

const MARGIN_M = 1;
const REL = 1e-6;
const FIRST_WINDOW_S = 20;
/** Largest turn (radians) segmentAt works out from a series rather than Math.cos and Math.sin. */
const SERIES_RAD = 0.05;
const rad = Math.PI / 180;

/** Combined radar horizon in metres (the bound sensing uses; equal to the exact one up to rounding). */
function horizonM(aM: number, bM: number): number {
  return HORIZON_NM_PER_SQRT_M * (Math.sqrt(Math.max(0, aM)) + Math.sqrt(Math.max(0, bM))) * METRES_PER_NM;
}

/** Chord of a great-circle distance, metres (the arc is capped at half the globe). */
function chordOf(arcM: number): number {
  return 2 * EARTH_RADIUS_M * Math.sin(Math.min(Math.PI / 2, arcM / (2 * EARTH_RADIUS_M)));
}

/**
 * What of a track does not depend on the instant, worked out once per track. A pair is searched
 * about a million times in a thousand-unit hour, mostly on the same few segments, and a search
 * past a segment's end starts with one unit on a waypoint.
 */
export interface TrackFigures {
  motion: Motion;
  /**
   * Per segment (from sample i to i + 1), four numbers: the rates of latitude and longitude
   * (rad/s), the rate of climb, and the bound on the second derivative.
   */
  segments: Float64Array;
  /** Per segment, a bound on the speed of the unit's point on the sphere, m/s. */
  speeds: Float64Array;
  /** Per sample, four numbers: cos and sin of its latitude, cos and sin of its longitude. */
  samples: Float64Array;
  /** The first sample after the instant last asked for (firstAfter), where the next look starts walking. */
  next: number;
}

const figuresByTrack = new WeakMap<Motion, TrackFigures>();

/** A track's figures for these searches, worked out at the first ask; a caller searching often keeps them at hand. */
export function trackFigures(m: Motion): TrackFigures {
  let tf = figuresByTrack.get(m);
  if (!tf) {
    const ts = m.t;
    const fig = new Float64Array(4 * Math.max(0, ts.length - 1));
    const speeds = new Float64Array(Math.max(0, ts.length - 1));
    for (let i = 0; i + 1 < ts.length; i++) {
      const k = i + 1;
      const dt = ts[k]! - ts[i]!;
      const lat0 = m.lat[i]!;
      const lat1 = m.lat[k]!;
      const a = ((lat1 - lat0) * rad) / dt;
      const b = ((m.lon[k]! - m.lon[i]!) * rad) / dt;
      const nearEquator = lat0 * lat1 <= 0 ? 0 : Math.min(Math.abs(lat0), Math.abs(lat1));
      const cMax = Math.cos(nearEquator * rad);
      const sMax = Math.sin(Math.min(90, Math.max(Math.abs(lat0), Math.abs(lat1))) * rad);
      // P'' = R·(−(a² + b²cos²φ)·e_r + b²·cos φ sin φ·e_φ − 2ab·sin φ·e_λ): its length is at most the sum of the three.
      const a2 = a * a;
      const b2 = b * b;
      fig[4 * i] = a;
      fig[4 * i + 1] = b;
      fig[4 * i + 2] = (m.altM[k]! - m.altM[i]!) / dt;
      fig[4 * i + 3] = EARTH_RADIUS_M * (a2 + b2 * cMax * cMax + b2 * cMax * sMax + 2 * Math.abs(a * b) * sMax) * (1 + REL);
      // |P'| = R·√(a² + b²cos²φ), largest where the segment is nearest the equator.
      speeds[i] = EARTH_RADIUS_M * Math.sqrt(a2 + b2 * cMax * cMax) * (1 + REL);
    }
    // The same products segmentAt forms (degrees × rad), so a unit on a waypoint gets the same numbers.
    const samples = new Float64Array(4 * ts.length);
    for (let i = 0; i < ts.length; i++) {
      const lat = m.lat[i]! * rad;
      const lon = m.lon[i]! * rad;
      samples[4 * i] = Math.cos(lat);
      samples[4 * i + 1] = Math.sin(lat);
      samples[4 * i + 2] = Math.cos(lon);
      samples[4 * i + 3] = Math.sin(lon);
    }
    tf = { motion: m, segments: fig, speeds, samples, next: 0 };
    figuresByTrack.set(m, tf);
  }
  return tf;
}

/** firstAfter(m.t, now), walking on from the last answer when time has not gone back (searches mostly move forward). */
function nextSample(ts: readonly number[], tf: TrackFigures, now: number): number {
  let k = tf.next;
  if (k > 0 && ts[k - 1]! > now) k = firstAfter(ts, now);
  else while (k < ts.length && ts[k]! <= now) k++;
  tf.next = k;
  return k;
}

/**
 * A unit's segment at the search's instant (out[AT]): position and velocity on the sphere (x, y,
 * z, vx, vy, vz into out[at..at+5]), bound on the second derivative into out[at+6], segment end
 * (absolute time) into out[at+7], altitude then and its rate into out[at+8], out[at+9], bound on
 * its speed into out[at+10].
 */
function segmentAt(tf: TrackFigures, out: Float64Array, at: number): void {
  const now = out[AT]!;
  const m = tf.motion;
  const ts = m.t;
  const fig = tf.segments;
  const k = nextSample(ts, tf, now);
  let a = 0;
  let b = 0;
  let climb = 0;
  let speed = 0;
  let end = Infinity;
  // Standing still, the second derivative is nothing.
  let acc = 0;
  let alt: number;
  // The cosines and sines of latitude and longitude are set on every path below, but in two
  // steps; left undefined in between they would be tagged values, and V8 would box every
  // fraction stored in them (about 115 MB a thousand-unit hour).
  let cf = 0;
  let sf = 0;
  let cl = 0;
  let sl = 0;
  // On a sample (standing still, or at a waypoint) the position is the sample's own.
  let on = -1;
  if (k === 0 || k >= ts.length) {
    // Before the first sample or after the last the unit stands still.
    on = k === 0 ? 0 : ts.length - 1;
    alt = m.altM[on]!;
    if (k === 0) end = ts[0]!;
  } else {
    const i = k - 1;
    a = fig[4 * i]!;
    b = fig[4 * i + 1]!;
    climb = fig[4 * i + 2]!;
    end = ts[k]!;
    acc = fig[4 * i + 3]!;
    speed = tf.speeds[i]!;
    if (now === ts[i]!) {
      on = i;
      alt = m.altM[i]!;
    } else {
      const f = (now - ts[i]!) / (ts[k]! - ts[i]!);
      alt = m.altM[i]! + (m.altM[k]! - m.altM[i]!) * f;
      // Turned on from the segment's first sample by the angles moved since (a·dt and b·dt are
      // the interpolated latitude and longitude up to rounding): a short turn's cosine and sine
      // from their series, which a million searches a run find cheaper than four calls to
      // Math.cos and Math.sin. Up to |δ| ≤ SERIES_RAD the series' remainders are below δ⁸/8!
      // (10⁻¹⁵), nanometres on the globe; the searches widen every figure by a metre.
      const dt = now - ts[i]!;
      const dPhi = a * dt;
      const dLam = b * dt;
      const sm = tf.samples;
      if (Math.abs(dPhi) <= SERIES_RAD && Math.abs(dLam) <= SERIES_RAD) {
        const p2 = dPhi * dPhi;
        const cp = 1 - (p2 / 2) * (1 - (p2 / 12) * (1 - p2 / 30));
        const sp = dPhi * (1 - (p2 / 6) * (1 - (p2 / 20) * (1 - p2 / 42)));
        const l2 = dLam * dLam;
        const cq = 1 - (l2 / 2) * (1 - (l2 / 12) * (1 - l2 / 30));
        const sq = dLam * (1 - (l2 / 6) * (1 - (l2 / 20) * (1 - l2 / 42)));
        const c0 = sm[4 * i]!;
        const s0 = sm[4 * i + 1]!;
        const cl0 = sm[4 * i + 2]!;
        const sl0 = sm[4 * i + 3]!;
        cf = c0 * cp - s0 * sp;
        sf = s0 * cp + c0 * sp;
        cl = cl0 * cq - sl0 * sq;
        sl = sl0 * cq + cl0 * sq;
      } else {
        const lat0 = m.lat[i]!;
        const lat = (lat0 + (m.lat[k]! - lat0) * f) * rad;
        const lon = (m.lon[i]! + (m.lon[k]! - m.lon[i]!) * f) * rad;
        cf = Math.cos(lat);
        sf = Math.sin(lat);
        cl = Math.cos(lon);
        sl = Math.sin(lon);
      }
    }
  }
  if (on >= 0) {
    const sm = tf.samples;
    cf = sm[4 * on]!;
    sf = sm[4 * on + 1]!;
    cl = sm[4 * on + 2]!;
    sl = sm[4 * on + 3]!;
  }
  const R = EARTH_RADIUS_M;
  out[at] = R * cf * cl;
  out[at + 1] = R * cf * sl;
  out[at + 2] = R * sf;
  // P' = R·(a·e_φ + b·cos φ·e_λ), e_φ = (−sin φ cos λ, −sin φ sin λ, cos φ), e_λ = (−sin λ, cos λ, 0).
  out[at + 3] = R * (-a * sf * cl - b * cf * sl);
  out[at + 4] = R * (-a * sf * sl + b * cf * cl);
  out[at + 5] = R * a * cf;
  out[at + 6] = acc;
  out[at + 7] = end;
  out[at + 8] = alt;
  out[at + 9] = climb;
  out[at + 10] = speed;
}

/*
 * What a scratch array for these searches holds. The functions below are too large for V8 to
 * inline, and a fraction passed to or returned from a function V8 does not inline is boxed on
 * the heap: with about a million searches a thousand-unit hour, their figures go from one to the
 * next through these slots instead of as arguments and results.
 */
/** The receiver's segment (segmentAt's eleven numbers), then the source's. */
const RECEIVER = 0;
const SOURCE = 11;
/**
 * Until when a search found the verdict cannot change, when that is not from a crossing found
 * (NaN otherwise): where the first of the segments ends, or later from the pair's speed bound.
 * horizonTimeAhead reads it to carry the search on.
 */
const SEGMENTS_END = 22;
/** The instant a search starts from, the receiver's fixed height and the source's antenna, metres. */
const AT = 23;
const RECEIVER_M = 24;
const SOURCE_M = 25;
/** The search's answer: the earliest time the verdict could change. */
const WAKE = 26;
/** The chord between the pair squared, q0 + q1·τ + q2·τ², τ seconds after AT. */
const Q0 = 27;
const Q1 = 28;
const Q2 = 29;
/** A window of the search, from τ = LO to HI: the chord's deviation from its linear part, the receiver's altitudes at both ends and its rate of climb. */
const DEV = 30;
const LO = 31;
const HI = 32;
const ALT_LO = 33;
const ALT_HI = 34;
const CLIMB = 35;
/** horizonTimeAheadInto's answer. */
export const WAKE_AHEAD = 36;
/**
 * What the caller knows of the pair for the rest of the run, set before horizonTimeAheadInto:
 * a bound on the sum of both units' speeds (m/s; Infinity: none), and the largest and smallest
 * horizon the pair can have (metres, as horizonM). horizonTimeAheadInto turns the horizons into
 * the chord an outside pair must close to and the one an inside pair must open past, widened as
 * the searches widen theirs (computed there, the fractions are not boxed on their way).
 */
export const PAIR_SPEED = 37;
export const PAIR_HIGH_M = 38;
export const PAIR_LOW_M = 39;
const PAIR_CHORD_OUT = 40;
const PAIR_CHORD_IN = 41;
/** Numbers a scratch array for these searches holds. */
export const CROSSING_SCRATCH = 42;

/**
 * A search that moves the wake-up on by less than this (seconds) is the last: the pair is close
 * to its horizon. Closer than a minute, the searches' last steps moved it on by little and cost
 * more than the few pairs they spared a take-up (in the 1,000-unit hour: 67,000 fewer searches,
 * 800 more take-ups, from a stride of one second).
 */
const MIN_STRIDE_S = 60;

/**
 * segmentHorizonTime carried on, up to `searches` searches or past `limit`. Each search answers
 * from the verdict at its start; the verdict still holds where one search ends, so the next
 * starts there with the geometry of that instant: at a segment's end with no crossing found
 * (when the units are on their next segments), or at a wake-up the bound gave without a crossing
 * (the bound widens with the square of the time looked ahead, so far from now it wakes a pair
 * that is not near its horizon; from closer, the same bound is tighter). A search that finds the
 * verdict may change at its very start leaves the wake-up where the search before it put it.
 * A search still starts at `limit` itself: the tracks end there in a full run, and without it
 * every pair would wake a millisecond before and be taken up once more at the run's last instant.
 */
export function horizonTimeAhead(
  receiver: Motion,
  source: Motion,
  now: number,
  aircraft: boolean,
  receiverM: number,
  sourceM: number,
  inRange: boolean,
  scratch: Float64Array,
  limit: number,
  searches: number,
): number {
  if (scratch.length >= CROSSING_SCRATCH) scratch[PAIR_SPEED] = Infinity;
  horizonTimeAheadInto(trackFigures(receiver), trackFigures(source), now, aircraft, receiverM, sourceM, inRange, scratch, limit, searches);
  return scratch[WAKE_AHEAD]!;
}

/**
 * horizonTimeAhead with the tracks' figures at hand (sensing keeps them per unit: two lookups by
 * track were a tenth of the searches' time), its answer left in scratch[WAKE_AHEAD]: returned,
 * the fraction would be boxed whenever the caller has no room left to inline this. The caller
 * sets scratch[PAIR_SPEED], [PAIR_HIGH_M] and [PAIR_LOW_M] first (PAIR_SPEED Infinity: no bound
 * for the rest of the run; a fresh array's 0 would claim neither unit moves).
 */
export function horizonTimeAheadInto(
  rf: TrackFigures,
  sf: TrackFigures,
  now: number,
  aircraft: boolean,
  receiverM: number,
  sourceM: number,
  inRange: boolean,
  scratch: Float64Array,
  limit: number,
  searches: number,
): void {
  // A shorter array would drop the segments' end without a word (a typed array ignores the write).
  if (scratch.length < CROSSING_SCRATCH) throw new RangeError(`horizonTimeAhead needs a scratch array of ${CROSSING_SCRATCH} numbers`);
  scratch[RECEIVER_M] = receiverM;
  scratch[SOURCE_M] = sourceM;
  if (scratch[PAIR_SPEED]! < Infinity) {
    scratch[PAIR_CHORD_OUT] = chordOf(scratch[PAIR_HIGH_M]! * (1 + REL) + MARGIN_M);
    scratch[PAIR_CHORD_IN] = chordOf(scratch[PAIR_LOW_M]! * (1 - REL) - MARGIN_M);
  }
  let from = now;
  let wake = now;
  for (let i = 0; i < searches; i++) {
    scratch[AT] = from;
    searchSegments(rf, sf, aircraft, inRange, scratch);
    const t = scratch[WAKE]!;
    const end = scratch[SEGMENTS_END]!;
    if (i > 0 && t <= from) break;
    wake = t;
    if (end < Infinity) from = end;
    else if (!Number.isNaN(end) || t - from < MIN_STRIDE_S) break;
    else from = t;
    if (!(from <= limit)) break;
  }
  scratch[WAKE_AHEAD] = wake;
}

/**
 * The earliest time (≥ now) at which the pair's in-range verdict could differ from `inRange`
 * while both units stay on their current segments; the end of the first segment to end if it
 * cannot. Receiver height: its track's altitude when `aircraft`, else `receiverM`.
 * `scratch` holds CROSSING_SCRATCH numbers.
 */
export function segmentHorizonTime(
  receiver: Motion,
  source: Motion,
  now: number,
  aircraft: boolean,
  receiverM: number,
  sourceM: number,
  inRange: boolean,
  scratch: Float64Array,
): number {
  if (scratch.length < CROSSING_SCRATCH) throw new RangeError(`segmentHorizonTime needs a scratch array of ${CROSSING_SCRATCH} numbers`);
  scratch[AT] = now;
  scratch[RECEIVER_M] = receiverM;
  scratch[SOURCE_M] = sourceM;
  scratch[PAIR_SPEED] = Infinity;
  searchSegments(trackFigures(receiver), trackFigures(source), aircraft, inRange, scratch);
  return scratch[WAKE]!;
}

/** segmentHorizonTime with the tracks' figures at hand: from s[AT], with the heights in s[RECEIVER_M] and s[SOURCE_M]; the answer goes into s[WAKE]. */
function searchSegments(rf: TrackFigures, sf: TrackFigures, aircraft: boolean, inRange: boolean, s: Float64Array): void {
  const now = s[AT]!;
  const sourceM = s[SOURCE_M]!;
  s[SEGMENTS_END] = NaN;
  segmentAt(rf, s, RECEIVER);
  segmentAt(sf, s, SOURCE);
  const end = Math.min(s[RECEIVER + 7]!, s[SOURCE + 7]!);
  const span = end - now;
  if (!(span > 0)) {
    s[WAKE] = now;
    return;
  }
  const wx = s[RECEIVER]! - s[SOURCE]!;
  const wy = s[RECEIVER + 1]! - s[SOURCE + 1]!;
  const wz = s[RECEIVER + 2]! - s[SOURCE + 2]!;
  const vx = s[RECEIVER + 3]! - s[SOURCE + 3]!;
  const vy = s[RECEIVER + 4]! - s[SOURCE + 4]!;
  const vz = s[RECEIVER + 5]! - s[SOURCE + 5]!;
  // |W + Vτ|² = q0 + q1·τ + q2·τ².
  const q0 = wx * wx + wy * wy + wz * wz;
  const q1 = 2 * (wx * vx + wy * vy + wz * vz);
  const q2 = vx * vx + vy * vy + vz * vz;
  const acc = s[RECEIVER + 6]! + s[SOURCE + 6]!;
  // One read for both kinds of receiver: a read that only the other kind reached first had no type
  // information when V8 optimised this, and threw the optimised code away.
  const alt0 = s[aircraft ? RECEIVER + 8 : RECEIVER_M]!;
  const climb = aircraft ? s[RECEIVER + 9]! : 0;
  // The chord between the pair changes no faster than the sum of the two points' speeds on the
  // sphere (|W'| ≤ |P_r'| + |P_s'|): while it is further from the horizon's chord than that sum
  // times the time left, nothing can change, and most searches end here without a window. The
  // horizon's chord is taken at the receiver's extreme height on the segments (its altitude is
  // linear there) and widened as below; √q0 is off by far less than the metre of margin.
  const chord = Math.sqrt(q0);
  const altEnd = alt0 + climb * span;
  const segSpeed = s[RECEIVER + 10]! + s[SOURCE + 10]!;
  const gap = inRange
    ? chordOf(horizonM(sourceM, Math.min(alt0, altEnd)) * (1 - REL) - MARGIN_M) - chord
    : chord - chordOf(horizonM(sourceM, Math.max(alt0, altEnd)) * (1 + REL) + MARGIN_M);
  const segClear = gap > 0 ? (segSpeed > 0 ? (gap / segSpeed) * (1 - REL) : Infinity) : 0;
  // The same from the caller's bounds for the rest of the run, which may reach past the segments' end.
  const pairSpeed = s[PAIR_SPEED]!;
  let pairClear = 0;
  if (pairSpeed < Infinity) {
    const pairGap = inRange ? s[PAIR_CHORD_IN]! - chord : chord - s[PAIR_CHORD_OUT]!;
    pairClear = pairGap > 0 ? (pairSpeed > 0 ? (pairGap / pairSpeed) * (1 - REL) : Infinity) : 0;
  }
  if (pairClear >= span || segClear >= span) {
    const clear = Math.max(end, now + pairClear);
    s[SEGMENTS_END] = clear;
    s[WAKE] = Math.max(now, clear - 1e-3);
    return;
  }
  // Nothing can change before the speed bounds' time: the windows start there.
  let lo = Math.max(segClear, pairClear);
  // Without curvature (both units standing still) one window covers the whole span, however long.
  let hi = acc > 0 ? Math.min(span, lo + FIRST_WINDOW_S) : span;
  for (;;) {
    const altLo = alt0 + climb * lo;
    const altHi = alt0 + climb * hi;
    // Deviation of the chord from its linear part anywhere in the window.
    const dev = (acc > 0 ? 0.5 * acc * hi * hi * (1 + REL) : 0) + MARGIN_M;
    let tau: number;
    if (inRange) {
      const k = chordOf(horizonM(sourceM, Math.min(altLo, altHi)) * (1 - REL) - MARGIN_M) - dev;
      tau = k <= 0 ? lo : firstOutside(q0, q1, q2, k * k, lo, hi);
    } else {
      const k = chordOf(horizonM(sourceM, Math.max(altLo, altHi)) * (1 + REL) + MARGIN_M) + dev;
      tau = firstInside(q0, q1, q2, k * k, lo, hi);
    }
    // Climbing or descending, the horizon at the window's far end is far from the one near its
    // start; both bounds hold, so the later time does.
    if (tau <= hi && climb !== 0 && altLo > 0 && altHi > 0) {
      s[Q0] = q0;
      s[Q1] = q1;
      s[Q2] = q2;
      s[DEV] = dev;
      s[LO] = lo;
      s[HI] = hi;
      s[ALT_LO] = altLo;
      s[ALT_HI] = altHi;
      s[CLIMB] = climb;
      slopedHorizonTime(inRange, s);
      tau = Math.max(tau, s[WAKE]!);
    }
    if (tau <= hi) {
      s[WAKE] = now + Math.max(0, tau * (1 - REL) - 1e-3);
      return;
    }
    // Strictly before the segment's end: a call at that very instant may find the unit on its next segment (or past a jump).
    if (hi >= span) {
      s[SEGMENTS_END] = end;
      s[WAKE] = Math.max(now, end - 1e-3);
      return;
    }
    lo = hi;
    hi = Math.min(span, hi * 2);
  }
}

/**
 * segmentHorizonTime's window with the horizon as a line in time rather than a constant. Above
 * the sea the horizon grows as √altitude, concave in time on a segment, and the chord of a
 * horizon is concave in it: so the chord horizon lies below its tangent at the window's start
 * (what an aircraft outside must close on) and above its secant across the window (what one
 * inside must open past). With the chord between the pair also a quadratic, the gap is again a
 * quadratic in τ. Its first zero is checked where it is evaluated rather than trusted from the
 * root formula: sign tests on the quadratic are exact to far less than the metre of margin.
 */
function slopedHorizonTime(inRange: boolean, s: Float64Array): void {
  const q0 = s[Q0]!;
  const q1 = s[Q1]!;
  const q2 = s[Q2]!;
  const dev = s[DEV]!;
  const sourceM = s[SOURCE_M]!;
  const altLo = s[ALT_LO]!;
  const altHi = s[ALT_HI]!;
  const climb = s[CLIMB]!;
  const lo = s[LO]!;
  const hi = s[HI]!;
  if (inRange) {
    const cLo = chordOf(horizonM(sourceM, altLo) * (1 - REL) - MARGIN_M) - dev;
    const cHi = chordOf(horizonM(sourceM, altHi) * (1 - REL) - MARGIN_M) - dev;
    if (!(cLo > 0 && cHi > 0)) {
      s[WAKE] = lo;
      return;
    }
    const g1 = (cHi - cLo) / (hi - lo);
    const g0 = cLo - g1 * lo;
    // Out when |W + Vτ| > g(τ): g² − q ≤ 0.
    s[WAKE] = firstNonPositive(g0 * g0 - q0, 2 * g0 * g1 - q1, g1 * g1 - q2, lo, hi);
    return;
  }
  const hLo = horizonM(sourceM, altLo) * (1 + REL) + MARGIN_M;
  // d(horizon)/dτ at lo; the chord grows no faster (cos ≤ 1) and, descending, shrinks no slower than cos of the widened horizon says.
  const rate = (HORIZON_NM_PER_SQRT_M * METRES_PER_NM * climb) / (2 * Math.sqrt(altLo));
  const g1 = climb > 0 ? rate * (1 + REL) : rate * Math.cos(Math.min(Math.PI / 2, hLo / (2 * EARTH_RADIUS_M))) * (1 - REL);
  const cLo = chordOf(hLo) + dev;
  const g0 = cLo - g1 * lo;
  if (!(g0 + g1 * hi > 0)) {
    s[WAKE] = lo;
    return;
  }
  // In when |W + Vτ| ≤ g(τ): q − g² ≤ 0.
  s[WAKE] = firstNonPositive(q0 - g0 * g0, q1 - 2 * g0 * g1, q2 - g1 * g1, lo, hi);
}

/**
 * Earliest τ in [lo, hi] with p0 + p1τ + p2τ² ≤ 0, or no later than it; Infinity if none. What
 * it returns is checked: p is positive at lo and where the caller will wake the pair, and
 * between the two it is concave, linear, or convex and still falling, so positive throughout.
 */
function firstNonPositive(p0: number, p1: number, p2: number, lo: number, hi: number): number {
  if (!(p0 + (p1 + p2 * lo) * lo > 0)) return lo;
  // The least of p on [lo, hi]: at the vertex of a convex p inside, else at an end (lo's is positive).
  let least = hi;
  if (p2 > 0) least = Math.max(lo, Math.min(hi, -p1 / (2 * p2)));
  if (p0 + (p1 + p2 * least) * least > 0) return Infinity;
  let r: number;
  if (p2 === 0) r = -p0 / p1;
  else {
    const sq = Math.sqrt(Math.max(0, p1 * p1 - 4 * p2 * p0));
    const half = -0.5 * (p1 + (p1 >= 0 ? sq : -sq));
    const r1 = half / p2;
    const r2 = half !== 0 ? p0 / half : r1;
    // Convex and falling: the first zero is the smaller root; concave: lo lies between the roots, and p turns at the larger.
    r = p2 > 0 ? Math.min(r1, r2) : Math.max(r1, r2);
  }
  if (!(r >= lo)) return lo;
  const wake = r * (1 - REL) - 1e-3;
  if (wake <= lo) return r;
  if (wake > least || !(p0 + (p1 + p2 * wake) * wake > 0)) return lo;
  return r;
}

/** Earliest τ in [lo, hi] with q0 + q1τ + q2τ² ≤ k2; Infinity if none. */
function firstInside(q0: number, q1: number, q2: number, k2: number, lo: number, hi: number): number {
  // No closure for the quadratic: this runs for every pair taken up, and closures are garbage.
  if (q0 + q1 * lo + q2 * lo * lo <= k2) return lo;
  if (q2 <= 0) {
    // Linear (no relative velocity): q1 is then 0 up to rounding too.
    if (q1 >= 0) return Infinity;
    const t = (k2 - q0) / q1;
    return t <= hi ? Math.max(lo, t) : Infinity;
  }
  const disc = q1 * q1 - 4 * q2 * (q0 - k2);
  if (disc < 0) return Infinity;
  const t = (-q1 - Math.sqrt(disc)) / (2 * q2);
  // With lo outside the interval of roots, the first root after lo is the smaller one.
  if (t < lo) return Infinity;
  return t <= hi ? t : Infinity;
}

/** Earliest τ in [lo, hi] with q0 + q1τ + q2τ² ≥ k2; Infinity if none. */
function firstOutside(q0: number, q1: number, q2: number, k2: number, lo: number, hi: number): number {
  if (q0 + q1 * lo + q2 * lo * lo >= k2) return lo;
  if (q2 <= 0) {
    if (q1 <= 0) return Infinity;
    const t = (k2 - q0) / q1;
    return t <= hi ? Math.max(lo, t) : Infinity;
  }
  const disc = q1 * q1 - 4 * q2 * (q0 - k2);
  if (disc < 0) return lo;
  const t = (-q1 + Math.sqrt(disc)) / (2 * q2);
  return t <= hi ? Math.max(lo, t) : Infinity;
}
