/**
 * How close two units actually come along their scripted tracks, from a moment to the end of the
 * run. A CPA (relative-motion.ts) assumes both hold their present course and speed; in a scripted
 * encounter they turn (December 2018's P-1 turns a minute after the start, so the CPA of 0.53 nm
 * predicted at +0 s never happens). A trainer wants both: the watch-keeper's prediction, and what
 * the scenario then does.
 *
 * The ranges are sampled once per pair, every second and at every track vertex of either unit,
 * and a suffix minimum makes the answer from any moment a lookup: a playhead can ask every frame.
 * Between samples the minimum is refined, so a pass between two whole seconds is not missed by
 * more than a few metres.
 */
import { bearingDeg, groundDistanceM } from '../geo';
import { positionAt, type Motion } from '../scenario/motion';

export interface TrackClosest {
  /** Closest range from `fromS` to the end of the run, metres. */
  rangeM: number;
  /** When it happens, seconds since the scenario's start (equals `fromS` when the range only opens). */
  atS: number;
  /** True bearing from the first unit to the second at that moment. */
  bearingDeg: number;
}

/** The closest approach of two tracks from any moment on: build once per pair, ask per frame. */
export interface TrackApproach {
  from(fromS: number): TrackClosest;
}

const rangeAt = (a: Motion, b: Motion, t: number) => groundDistanceM(positionAt(a, t), positionAt(b, t));

/** Golden-section search for the least range in [lo, hi]; the range is unimodal that close to a sample minimum. */
function refine(a: Motion, b: Motion, lo: number, hi: number): { t: number; r: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = rangeAt(a, b, x1);
  let f2 = rangeAt(a, b, x2);
  for (let i = 0; i < 30 && hi - lo > 1e-3; i++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = rangeAt(a, b, x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = rangeAt(a, b, x2);
    }
  }
  return f1 <= f2 ? { t: x1, r: f1 } : { t: x2, r: f2 };
}

export function trackApproach(a: Motion, b: Motion, durationS: number): TrackApproach {
  // Sample times: every whole second and every vertex of either track, in order, once each.
  const times = new Set<number>();
  for (let t = 0; t <= durationS; t++) times.add(t);
  for (const t of [...a.t, ...b.t]) if (t >= 0 && t <= durationS) times.add(t);
  times.add(durationS);
  const ts = Float64Array.from(times).sort();
  const rs = ts.map((t) => rangeAt(a, b, t));
  // best[i]: the index of the least range among samples i..end.
  const best = new Int32Array(ts.length);
  for (let i = ts.length - 1; i >= 0; i--) best[i] = i === ts.length - 1 || rs[i]! < rs[best[i + 1]!]! ? i : best[i + 1]!;

  return {
    from(fromS) {
      const t0 = Math.min(Math.max(fromS, 0), durationS);
      // First sample at or after t0; the moment itself is a candidate too.
      let lo = 0;
      let hi = ts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ts[mid]! < t0) lo = mid + 1;
        else hi = mid;
      }
      let at = t0;
      let r = rangeAt(a, b, t0);
      if (lo < ts.length) {
        const k = best[lo]!;
        const left = Math.max(t0, k > 0 ? ts[k - 1]! : ts[k]!);
        const right = k < ts.length - 1 ? ts[k + 1]! : ts[k]!;
        const fine = right > left ? refine(a, b, left, right) : { t: ts[k]!, r: rs[k]! };
        const coarse = { t: ts[k]!, r: rs[k]! };
        const m = fine.r < coarse.r ? fine : coarse;
        if (m.r < r) {
          at = m.t;
          r = m.r;
        }
      }
      return { rangeM: r, atS: at, bearingDeg: bearingDeg(positionAt(a, at), positionAt(b, at)) };
    },
  };
}
