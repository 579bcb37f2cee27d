/**
 * Replay: the view of a finished run at any playhead. Everything is indexed once, so seeking to a
 * time is a handful of binary searches, never a re-run (principle 3).
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';
import type { Outcome } from '../analysis/outcomes';
import type { LogEntry, Transmission, EntryOf } from '../engine/log';
import { segmentIndex, type Kinematics, type Motion } from '../scenario/motion';
import { bearingDeg, groundDistanceM, METRES_PER_NM } from '../geo';
import type { UnitSpec } from '../scenario/schema';

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

function valueAt<T>(changes: readonly Change<T>[] | undefined, t: number, fallback: T): T {
  if (!changes) return fallback;
  const i = lastAtOrBefore(changes, t);
  return i >= 0 ? changes[i]!.value : fallback;
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
  /** Recent positions, oldest first, for a fading trail. */
  trail: { lat: number; lon: number; ageS: number }[];
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

const STEP_TYPES = new Set<LogEntry['type']>(['transmission', 'reception', 'answered', 'unanswered', 'emission', 'detection', 'decision', 'state', 'judgement', 'radio-set', 'proximity']);

export function buildReplay(analysis: Analysis): Replay {
  const { run } = analysis;
  const log = run.log;
  const states = new Map<string, Map<string, Change<string>[]>>();
  const sets = new Map<string, Change<SetView>[]>();
  const emitters = new Map<string, Change<EmitterView>[]>();
  const beliefs = new Map<string, EntryOf<'decision'>[]>();
  const eventTimes: number[] = [];
  for (const e of log) {
    if (STEP_TYPES.has(e.type) && !(e.type === 'radio-set' && e.cause.kind === 'start') && !(e.type === 'decision' && e.decision === 'none') && !(e.type === 'proximity' && !e.closest)) {
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
  const NONE: readonly Change<never>[] = [];
  // Everything a frame needs per unit, looked up once here rather than at every seek.
  const perUnit = units.map((spec) => {
    const byRegion = states.get(spec.id);
    return {
      spec,
      motion: run.scenario.motion[spec.id]!,
      legs: legsOf(run.scenario.motion[spec.id]!),
      posture: byRegion?.get('posture'),
      comms: byRegion?.get('comms'),
      sets: spec.radios.map((r) => ({ changes: sets.get(`${spec.id}/${r.id}`) ?? NONE, fallback: { id: r.id, powered: r.powered, tuned: [] as string[], monitored: r.monitored } })),
      emitters: spec.emitters.map((em) => ({ changes: emitters.get(`${spec.id}/${em.id}`) ?? NONE, fallback: { id: em.id, type: em.type, mode: 'off' as const } })),
    };
  });

  const entryIndexAt = (t: number) => lastAtOrBefore(log, t);

  const frameAt: Replay['frameAt'] = (t, opts = {}) => {
    const trailS = opts.trailS ?? 120;
    const recentS = opts.recentS ?? 45;
    const trailFrom = Math.max(0, t - trailS);
    const trailStep = Math.max(5, trailS / 24);
    const unitFrames: UnitFrame[] = perUnit.map((u) => {
      const k = kinematics(u.motion, u.legs, t);
      const state: Record<string, string> = {};
      state['posture'] = valueAt(u.posture, t, '');
      state['comms'] = valueAt(u.comms, t, '');
      const trail: UnitFrame['trail'] = [];
      if (u.spec.kind !== 'headquarters') trailOf(u.motion, trailFrom, t, trailStep, trail);
      return {
        lat: k.lat,
        lon: k.lon,
        altM: k.altM,
        headingDeg: k.headingDeg,
        speedKt: k.speedKt,
        spec: u.spec,
        state,
        sets: u.sets.map((x) => {
          const i = lastAtOrBefore(x.changes as Change<SetView>[], t);
          return i >= 0 ? (x.changes[i] as Change<SetView>).value : { ...x.fallback, tuned: [] };
        }),
        emitters: u.emitters.map((x) => {
          const i = lastAtOrBefore(x.changes as Change<EmitterView>[], t);
          return i >= 0 ? (x.changes[i] as Change<EmitterView>).value : { ...x.fallback };
        }),
        trail,
      };
    });
    const from = lastAtOrBefore(txs, t - recentS) + 1;
    const to = lastAtOrBefore(txs, t);
    const transmissions: TransmissionFrame[] = [];
    for (let i = from; i <= to; i++) {
      const tx = txs[i]!;
      transmissions.push({ tx, ageS: t - tx.t, outcomes: outcomesByTx.get(tx.id) ?? [] });
    }
    return { t, units: unitFrames, transmissions, entryIndex: entryIndexAt(t) };
  };

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
 * Seeking reads every unit's track once or more per frame, so the track arithmetic of
 * scenario/motion.ts is repeated here in a form that does less per call: heading and speed per
 * segment worked out once (kinematicsAt works them out at every call), and the trail's samples,
 * which come in time order, found by walking along the track rather than by a binary search each.
 * The numbers are the same, operation for operation (tests/unit/replay.test.ts and the property
 * tests compare frames with the engine's own positions).
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


/** scenario/motion.ts positionAt, given the segment index. */
function positionIn(m: Motion, i: number, t: number): { lat: number; lon: number; altM: number } {
  const j = Math.min(i + 1, m.t.length - 1);
  if (i === j || t <= m.t[i]!) return { lat: m.lat[i]!, lon: m.lon[i]!, altM: m.altM[i]! };
  const f = (t - m.t[i]!) / (m.t[j]! - m.t[i]!);
  const lat0 = m.lat[i]!;
  const lon0 = m.lon[i]!;
  const alt0 = m.altM[i]!;
  return { lat: lat0 + (m.lat[j]! - lat0) * f, lon: lon0 + (m.lon[j]! - lon0) * f, altM: alt0 + (m.altM[j]! - alt0) * f };
}

/** scenario/motion.ts kinematicsAt, with the segment's heading and speed looked up. */
function kinematics(m: Motion, legs: { headingDeg: Float64Array; speedKt: Float64Array }, t: number): Kinematics {
  const at = segmentIndex(m.t, t);
  const p = positionIn(m, at, t);
  let i = at;
  if (i >= m.t.length - 1) i = Math.max(0, m.t.length - 2);
  const j = Math.min(i + 1, m.t.length - 1);
  if (i === j) return { ...p, headingDeg: 0, speedKt: 0 };
  return { ...p, headingDeg: legs.headingDeg[i]!, speedKt: legs.speedKt[i]! };
}

/** Positions from `from` to before `to`, every `step` seconds, oldest first. */
function trailOf(m: Motion, from: number, to: number, step: number, out: UnitFrame['trail']): void {
  const ts = m.t;
  const last = ts.length - 1;
  let i = -1;
  for (let s = from; s < to; s += step) {
    if (i < 0) i = segmentIndex(ts, s);
    else if (s > ts[0]!) while (i < last && ts[i + 1]! <= s) i++;
    // positionIn without its altitude, written out to save an object per point.
    const j = Math.min(i + 1, last);
    if (i === j || s <= ts[i]!) out.push({ lat: m.lat[i]!, lon: m.lon[i]!, ageS: to - s });
    else {
      const f = (s - ts[i]!) / (ts[j]! - ts[i]!);
      const lat0 = m.lat[i]!;
      const lon0 = m.lon[i]!;
      out.push({ lat: lat0 + (m.lat[j]! - lat0) * f, lon: lon0 + (m.lon[j]! - lon0) * f, ageS: to - s });
    }
  }
}

function splitState(s: string): [string, string] {
  const i = s.indexOf('.');
  return i < 0 ? ['posture', s] : [s.slice(0, i), s.slice(i + 1)];
}
