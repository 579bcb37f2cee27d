/**
 * Replay: the view of a finished run at any playhead. Everything is indexed once, so seeking to a
 * time is a handful of binary searches, never a re-run (principle 3).
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';
import type { Outcome } from '../analysis/outcomes';
import type { LogEntry, Transmission, EntryOf } from '../log';
import { segmentIndex, type Kinematics, type Motion } from '../scenario/motion';
import { bearingDeg, groundDistanceM, METRES_PER_NM } from '../geo';
import type { UnitSpec } from '../scenario/schema';
import { traitsOf } from '../kinds';

interface Change<T> {
  t: number;
  seq: number;
  value: T;
}

/** Last index whose t ≤ time in a sorted list, or -1. */
export function lastAtOrBefore<T extends { t: number }>(list: readonly T[], time: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.t <= time) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

function lastNumberAtOrBefore(list: readonly number[], time: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= time) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export interface SetView {
  id: string;
  powered: boolean;
  tuned: string[];
  monitored: boolean;
}

export interface EmitterView {
  id: string;
  type: string;
  mode: 'off' | 'search' | 'track' | 'slewed';
  target?: string;
}

export interface UnitFrame extends Kinematics {
  spec: UnitSpec;
  state: Record<string, string>;
  sets: SetView[];
  emitters: EmitterView[];
  /** Recent positions, oldest first, for a fading trail (sampled when first read, then kept). */
  trail: { lat: number; lon: number; ageS: number }[];
  /** The act this unit is doing towards another (`do: conduct`), while it lasts; null otherwise. */
  act: EntryOf<'conduct'> | null;
}

export interface TransmissionFrame {
  tx: Transmission;
  ageS: number;
  outcomes: Outcome[];
}

export interface Frame {
  t: number;
  units: UnitFrame[];
  /** Transmissions keyed within the last `recentS` seconds. */
  transmissions: TransmissionFrame[];
  /** Index into the log of the last entry at or before t. */
  entryIndex: number;
}

export interface Replay {
  analysis: Analysis;
  durationS: number;
  /** Times of entries a trainer steps through (calls, receptions, emissions, decisions …). */
  eventTimes: number[];
  breakdowns: Breakdown[];
  frameAt(t: number, opts?: { trailS?: number; recentS?: number }): Frame;
  entryIndexAt(t: number): number;
  nextEventTime(t: number): number | null;
  previousEventTime(t: number): number | null;
  /** Machine states of one unit over time, for the inspector's strip. */
  stateHistory(unit: string, region?: string): { t: number; state: string }[];
  /** What a unit believes about others at time t (answers heard, activities stated). */
  beliefsAt(unit: string, t: number): { about: string; what: string; t: number }[];
}

const STEP_TYPES = new Set<LogEntry['type']>([
  'transmission',
  'reception',
  'answered',
  'unanswered',
  'emission',
  'detection',
  'decision',
  'state',
  'judgement',
  'conduct',
  'radio-set',
  'proximity',
]);

export function buildReplay(analysis: Analysis): Replay {
  const { run } = analysis;
  const log = run.log;
  const states = new Map<string, Map<string, Change<string>[]>>();
  const sets = new Map<string, Change<SetView>[]>();
  const emitters = new Map<string, Change<EmitterView>[]>();
  const beliefs = new Map<string, EntryOf<'decision'>[]>();
  const acts = new Map<string, EntryOf<'conduct'>[]>();
  const eventTimes: number[] = [];
  for (const e of log) {
    if (
      STEP_TYPES.has(e.type) &&
      !(e.type === 'radio-set' && e.cause.kind === 'start') &&
      !(e.type === 'decision' && e.decision === 'none') &&
      !(e.type === 'proximity' && !e.closest)
    ) {
      if (eventTimes[eventTimes.length - 1] !== e.t) eventTimes.push(e.t);
    }
    if (e.type === 'state') {
      const [region, to] = splitState(e.to);
      const byRegion = states.get(e.unit) ?? new Map<string, Change<string>[]>();
      states.set(e.unit, byRegion);
      const list = byRegion.get(region) ?? [];
      list.push({ t: e.t, seq: e.seq, value: to });
      byRegion.set(region, list);
    } else if (e.type === 'radio-set') {
      const key = `${e.unit}/${e.radio}`;
      const list = sets.get(key) ?? [];
      list.push({ t: e.t, seq: e.seq, value: { id: e.radio, powered: e.powered, tuned: e.tuned, monitored: e.monitored } });
      sets.set(key, list);
    } else if (e.type === 'emission') {
      const key = `${e.unit}/${e.emitter}`;
      const list = emitters.get(key) ?? [];
      list.push({ t: e.t, seq: e.seq, value: { id: e.emitter, type: e.emitterType, mode: e.mode, ...(e.target ? { target: e.target } : {}) } });
      emitters.set(key, list);
    } else if (e.type === 'conduct') {
      const list = acts.get(e.unit) ?? [];
      list.push(e);
      acts.set(e.unit, list);
    } else if (e.type === 'decision' && e.decision === 'belief') {
      const list = beliefs.get(e.unit) ?? [];
      list.push(e);
      beliefs.set(e.unit, list);
    }
  }
  const outcomesByTx = new Map<string, Outcome[]>();
  for (const o of analysis.outcomes) {
    const list = outcomesByTx.get(o.tx.id);
    if (list) list.push(o);
    else outcomesByTx.set(o.tx.id, [o]);
  }
  const txs = run.transmissions;
  const units = run.scenario.units;
  // Everything a frame shows of a unit is worked out here, once; a frame only looks it up.
  const perUnit: UnitIndex[] = units.map((spec) => {
    const byRegion = states.get(spec.id);
    const motion = run.scenario.motion[spec.id]!;
    return {
      spec,
      motion,
      legs: legsOf(motion),
      hasTrail: traitsOf(spec).onPlot,
      state: epochs([byRegion?.get('posture'), byRegion?.get('comms')], ['', ''], (v) => Object.freeze({ posture: v[0]!, comms: v[1]! })),
      sets: epochs(
        spec.radios.map((r) => sets.get(`${spec.id}/${r.id}`)),
        spec.radios.map((r): SetView =>
          Object.freeze({ id: r.id, powered: r.powered, tuned: Object.freeze([]) as unknown as string[], monitored: r.monitored }),
        ),
        (values) => Object.freeze(values.slice()) as SetView[],
      ),
      emitters: epochs(
        spec.emitters.map((em) => emitters.get(`${spec.id}/${em.id}`)),
        spec.emitters.map((em): EmitterView => Object.freeze({ id: em.id, type: em.type, mode: 'off' as const })),
        (values) => Object.freeze(values.slice()) as EmitterView[],
      ),
      acts: acts.get(spec.id) ?? NO_ACTS,
    };
  });

  const entryIndexAt = (t: number) => lastAtOrBefore(log, t);

  const frameAt: Replay['frameAt'] = (t, opts) => {
    const trailS = opts?.trailS ?? 120;
    const recentS = opts?.recentS ?? 45;
    // No object or array literals here: see "Seeking at 1,000 units" below.
    const window = new TrailWindow(Math.max(0, t - trailS), t, Math.max(5, trailS / 24));
    const unitFrames = new Array<UnitFrame>();
    for (const u of perUnit) unitFrames.push(new UnitAt(u, t, window));
    const from = lastAtOrBefore(txs, t - recentS) + 1;
    const to = lastAtOrBefore(txs, t);
    const transmissions = new Array<TransmissionFrame>();
    for (let i = from; i <= to; i++) {
      const tx = txs[i]!;
      transmissions.push(new TransmissionAt(tx, t - tx.t, outcomesByTx.get(tx.id) ?? NO_OUTCOMES));
    }
    return new FrameAt(t, unitFrames, transmissions, entryIndexAt(t));
  };

  // A replay's first frame ran in V8's interpreter until its loops were compiled: 22–38 ms at
  // 1,000 units with every trail read (as the plot reads them), against about 1 ms for the frames
  // after it. One frame built here, with its trails, while the run is being indexed anyway, makes
  // a person's first seek as quick as the others.
  for (const u of frameAt(run.durationS / 2).units) void u.trail;

  return {
    analysis,
    durationS: run.durationS,
    eventTimes,
    breakdowns: analysis.breakdowns,
    frameAt,
    entryIndexAt,
    nextEventTime(t) {
      return eventTimes[lastNumberAtOrBefore(eventTimes, t) + 1] ?? null;
    },
    previousEventTime(t) {
      const i = lastNumberAtOrBefore(eventTimes, t - 1e-6);
      return i >= 0 ? eventTimes[i]! : null;
    },
    stateHistory(unit, region = 'posture') {
      return (states.get(unit)?.get(region) ?? []).map((c) => ({ t: c.t, state: c.value }));
    },
    beliefsAt(unit, t) {
      return (beliefs.get(unit) ?? []).filter((b) => b.t <= t).map((b) => ({ about: b.about ?? '', what: b.reason, t: b.t }));
    },
  };
}

/*
 * Seeking at 1,000 units (issue #8, docs/performance.md "Seeking"). A frame used to build, per
 * unit, its state record, its lists of radio sets and emitters and a two-minute trail of ~24
 * points: about 30,000 objects (and their boxed numbers) per frame at 1,000 units. Garbage
 * collection was 36 % of a CPU profile of seeking, and most of the rest was building them. Now:
 *  - state, radio sets and emitters only change at logged times, so each unit's values between
 *    two changes are built once, when the replay is built, and frames share them (frozen, so a
 *    consumer cannot change one frame by writing to another);
 *  - position, heading and speed are written straight into the unit's frame (no intermediate
 *    objects), heading and speed per track segment being worked out once;
 *  - the trail is sampled when it is first read (an own, enumerable property, so JSON, spreads and
 *    equality see it as before) and kept: a frame that nobody draws a trail of costs nothing for it;
 *  - what a frame does allocate is made with `new` (classes, `new Array`), never with object or
 *    array literals. V8 tracks literal sites and, when a collection finds most of a site's recent
 *    objects alive (as it does when it lands while a frame and its trails are being built), moves
 *    that site's allocations to the old generation for good: every later frame then became old
 *    garbage. With literals, seeking and reading every trail at 1,000 units took a median of
 *    2.6–4.6 ms CPU, a 90th percentile of 28–39 ms and single seeks of 140–260 ms in some runs
 *    (about 2 ms, 4–6 ms and under 11 ms in others, and always with `new`), depending on where
 *    the first collections fell (seen with --trace-gc and --trace-pretenuring-statistics).
 * A frame's content is the same as before for the same t, number for number
 * (tests/unit/replay-frames.test.ts compares frames with a straightforward reading of the run).
 */

/** A value that changes at logged times: the value from each time on, and the one before any. */
interface Epochs<V> {
  times: number[];
  values: V[];
  before: V;
}

/**
 * The combined value of several change lists at every time any of them changes: at each such time
 * each list's value is its last change at or before that time, else its fallback. The lists are
 * in time order, as the log is, so one walk through them does it. `combine` must copy what it
 * keeps of the array it is given.
 */
function epochs<T, V>(lists: readonly (readonly Change<T>[] | undefined)[], fallbacks: readonly T[], combine: (values: readonly T[]) => V): Epochs<V> {
  const before = combine(fallbacks);
  const times: number[] = [];
  const values: V[] = [];
  const k = lists.length;
  const next = new Array<number>(k).fill(0);
  const current = fallbacks.slice();
  for (;;) {
    let t = Infinity;
    for (let x = 0; x < k; x++) {
      const l = lists[x];
      if (l && next[x]! < l.length && l[next[x]!]!.t < t) t = l[next[x]!]!.t;
    }
    if (t === Infinity) break;
    for (let x = 0; x < k; x++) {
      const l = lists[x];
      if (!l) continue;
      let i = next[x]!;
      while (i < l.length && l[i]!.t <= t) current[x] = l[i++]!.value;
      next[x] = i;
    }
    times.push(t);
    values.push(combine(current));
  }
  return { times, values, before };
}

function epochAt<V>(e: Epochs<V>, t: number): V {
  if (e.times.length === 0) return e.before;
  const i = lastNumberAtOrBefore(e.times, t);
  return i >= 0 ? e.values[i]! : e.before;
}

interface UnitIndex {
  spec: UnitSpec;
  motion: Motion;
  legs: { headingDeg: Float64Array; speedKt: Float64Array };
  hasTrail: boolean;
  state: Epochs<Readonly<Record<string, string>>>;
  sets: Epochs<SetView[]>;
  emitters: Epochs<EmitterView[]>;
  /** The unit's scripted acts, in time order. */
  acts: EntryOf<'conduct'>[];
}

/** The trail's sampling in one frame: from `from` to before `to`, every `step` seconds. */
class TrailWindow {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly step: number,
  ) {}
}

class TrailPoint {
  constructor(
    public lat: number,
    public lon: number,
    public ageS: number,
  ) {}
}

class TransmissionAt implements TransmissionFrame {
  constructor(
    public tx: Transmission,
    public ageS: number,
    public outcomes: Outcome[],
  ) {}
}

class FrameAt implements Frame {
  constructor(
    public t: number,
    public units: UnitFrame[],
    public transmissions: TransmissionFrame[],
    public entryIndex: number,
  ) {}
}

const NO_OUTCOMES: Outcome[] = Object.freeze([]) as unknown as Outcome[];
const NO_ACTS: EntryOf<'conduct'>[] = Object.freeze([]) as unknown as EntryOf<'conduct'>[];
/** How long an act without `forS` stays on the plot: long enough to be read at play speed. */
const ACT_SHOWN_S = 30;

/** The latest act begun at or before t that still lasts at t. */
function actAt(acts: readonly EntryOf<'conduct'>[], t: number): EntryOf<'conduct'> | null {
  for (let i = acts.length - 1; i >= 0; i--) {
    const e = acts[i]!;
    if (e.t > t) continue;
    return t <= e.t + (e.forS ?? ACT_SHOWN_S) ? e : null;
  }
  return null;
}

type Trail = UnitFrame['trail'];

/** `trail` of every UnitAt: sampled on first read, then kept. Shared, so every UnitAt has one shape. */
const TRAIL_PROPERTY: PropertyDescriptor = {
  get(this: UnitAt): Trail {
    return UnitAt.trail(this);
  },
  set(this: UnitAt, value: Trail) {
    UnitAt.setTrail(this, value);
  },
  enumerable: true,
  configurable: true,
};

/** One unit in a frame. Its own enumerable properties are UnitFrame's, in the same order as before. */
class UnitAt implements UnitFrame {
  declare lat: number;
  declare lon: number;
  declare altM: number;
  declare headingDeg: number;
  declare speedKt: number;
  declare spec: UnitSpec;
  declare state: Record<string, string>;
  declare sets: SetView[];
  declare emitters: EmitterView[];
  declare trail: Trail;
  declare act: EntryOf<'conduct'> | null;
  #unit: UnitIndex;
  #trailSpan: TrailWindow;
  #trail: Trail | undefined = undefined;

  constructor(u: UnitIndex, t: number, window: TrailWindow) {
    this.#unit = u;
    this.#trailSpan = window;
    // scenario/motion.ts kinematicsAt, with the segment's heading and speed looked up.
    const m = u.motion;
    const ts = m.t;
    const last = ts.length - 1;
    const at = segmentIndex(ts, t);
    const j = Math.min(at + 1, last);
    if (at === j || t <= ts[at]!) {
      this.lat = m.lat[at]!;
      this.lon = m.lon[at]!;
      this.altM = m.altM[at]!;
    } else {
      const f = (t - ts[at]!) / (ts[j]! - ts[at]!);
      const lat0 = m.lat[at]!;
      const lon0 = m.lon[at]!;
      const alt0 = m.altM[at]!;
      this.lat = lat0 + (m.lat[j]! - lat0) * f;
      this.lon = lon0 + (m.lon[j]! - lon0) * f;
      this.altM = alt0 + (m.altM[j]! - alt0) * f;
    }
    const i = at >= last ? Math.max(0, last - 1) : at;
    if (i === Math.min(i + 1, last)) {
      this.headingDeg = 0;
      this.speedKt = 0;
    } else {
      this.headingDeg = u.legs.headingDeg[i]!;
      this.speedKt = u.legs.speedKt[i]!;
    }
    this.spec = u.spec;
    this.state = epochAt(u.state, t) as Record<string, string>;
    this.sets = epochAt(u.sets, t);
    this.emitters = epochAt(u.emitters, t);
    Object.defineProperty(this, 'trail', TRAIL_PROPERTY);
    this.act = u.acts.length ? actAt(u.acts, t) : null;
  }

  static trail(x: UnitAt): Trail {
    let trail = x.#trail;
    if (trail === undefined) {
      trail = new Array<TrailPoint>();
      if (x.#unit.hasTrail) trailOf(x.#unit.motion, x.#trailSpan.from, x.#trailSpan.to, x.#trailSpan.step, trail);
      x.#trail = trail;
    }
    return trail;
  }

  static setTrail(x: UnitAt, value: Trail): void {
    x.#trail = value;
  }
}

/*
 * The track arithmetic of scenario/motion.ts, in a form that does less per call: heading and speed
 * per segment worked out once (kinematicsAt works them out at every call), and the trail's
 * samples, which come in time order, found by walking along the track rather than by a binary
 * search each. The numbers are the same, operation for operation (tests/unit/replay-frames.test.ts
 * compares frames with motion.ts's own positionAt and kinematicsAt).
 */

/** Heading and speed of each segment, as kinematicsAt computes them. */
function legsOf(m: Motion): { headingDeg: Float64Array; speedKt: Float64Array } {
  const n = Math.max(0, m.t.length - 1);
  const headingDeg = new Float64Array(n);
  const speedKt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = { lat: m.lat[i]!, lon: m.lon[i]! };
    const b = { lat: m.lat[i + 1]!, lon: m.lon[i + 1]! };
    const d = groundDistanceM(a, b);
    const dt = m.t[i + 1]! - m.t[i]!;
    headingDeg[i] = d > 0.5 ? bearingDeg(a, b) : 0;
    speedKt[i] = dt > 0 ? (d / dt / METRES_PER_NM) * 3600 : 0;
  }
  return { headingDeg, speedKt };
}

/** Positions from `from` to before `to`, every `step` seconds, oldest first. */
function trailOf(m: Motion, from: number, to: number, step: number, out: Trail): void {
  const ts = m.t;
  const last = ts.length - 1;
  let i = -1;
  for (let s = from; s < to; s += step) {
    if (i < 0) i = segmentIndex(ts, s);
    else if (s > ts[0]!) while (i < last && ts[i + 1]! <= s) i++;
    // scenario/motion.ts positionAt without its altitude.
    const j = Math.min(i + 1, last);
    if (i === j || s <= ts[i]!) out.push(new TrailPoint(m.lat[i]!, m.lon[i]!, to - s));
    else {
      const f = (s - ts[i]!) / (ts[j]! - ts[i]!);
      const lat0 = m.lat[i]!;
      const lon0 = m.lon[i]!;
      out.push(new TrailPoint(lat0 + (m.lat[j]! - lat0) * f, lon0 + (m.lon[j]! - lon0) * f, to - s));
    }
  }
}

function splitState(s: string): [string, string] {
  const i = s.indexOf('.');
  return i < 0 ? ['posture', s] : [s.slice(0, i), s.slice(i + 1)];
}
