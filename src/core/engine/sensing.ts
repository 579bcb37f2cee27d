/**
 * Sensing: what units find out without being told. An aircraft and a foreign surface unit come
 * within approach range, open, or pass their closest (known ahead from the tracks); an ESM
 * receiver reads the radars painting it. Each returns what happened as data (Happening) for the
 * scheduler to log and pass on: nothing here writes the log, tells a unit or fires a script.
 */
import { explain, unitRef, type Explanation, type ParamValue } from '../explain';
import { boxGapM, EARTH_RADIUS_M, groundDistanceM, METRES_PER_NM, slantDistanceM, type Position } from '../geo';
import type { Cause, EntryOf } from '../log';
import { combinedHorizonNm, HORIZON_NM_PER_SQRT_M, nmToKm } from '../radio/propagation';
import { antennaHeightM } from '../scenario/model';
import { firstAfter, positionAt, positionInto, trackBox, type Motion, type TrackBox } from '../scenario/motion';
import { maxSpeedMps, pairEvents, type PairEvent } from './geometry';
import { CROSSING_SCRATCH, horizonTimeAheadInto, PAIR_HIGH_M, PAIR_LOW_M, PAIR_SPEED, trackFigures, WAKE_AHEAD, type TrackFigures } from './horizon-crossing';
import { Buckets, PairList } from './queue';
import { UNNUMBERED, type EmitterState, type Happening, type Job, type Tell, type World } from './world';
import { isAirborne, traitsOf } from '../kinds';
import { crewLimits, passInside } from '../analysis/norms';
import { spokenName } from '../radio/callsign';
import { flies, flightWindow, nextPresenceChange, presentAt } from '../scenario/presence';
import { whilePresent } from './flight';
import { scriptBook } from './scripts';
import type { UnitSpec } from '../scenario/schema';

export const DEFAULT_APPROACH_RANGE_M = 18_520;

type PairJob = Extract<Job, { kind: 'pair' }>;

/** No one to tell, no script event: one empty list for the many detections that have neither. */
const NONE: readonly never[] = Object.freeze([]);

// ---- approach range ------------------------------------------------------------------------

/** Every enter, leave and closest approach of aircraft and foreign surface units, as jobs at their times. */
export function approachJobs(w: World): { t: number; job: PairJob }[] {
  const sc = w.scenario;
  const surfaces = sc.units.filter((u) => traitsOf(u).surface);
  // Each surface unit's track and its box, looked up once rather than once per aircraft (both are lookups by key).
  const surfaceMotions = surfaces.map((s) => sc.motion[s.id]!);
  const surfaceBoxes = surfaceMotions.map((m) => trackBox(m));
  // What the pair loop reads of each surface unit, read once: unit specs come in many shapes (their
  // keys as the scenario file orders them), and reading them in the loop threw the optimised loop away.
  const surfaceIds = surfaces.map((s) => s.id);
  const surfaceNations = surfaces.map((s) => s.nation);
  const surfaceFlies = surfaces.map((s) => flies(s));
  // A closest approach at second T is known from the sample at T + 1: a run stopped early
  // (--until) looks one second past its end, so it logs what a full run logs up to then.
  const horizon = Math.min(w.until + 1, sc.spec.durationS);
  const out: { t: number; job: PairJob }[] = [];
  // A pair whose tracks never come within the range has no event to find.
  const reach = w.approachRangeM + SENSE_MARGIN_M;
  const rangeM = w.approachRangeM;
  for (const a of sc.units.filter(isAirborne)) {
    const aid = a.id;
    const nation = a.nation;
    const aFlies = flies(a);
    const am = sc.motion[aid]!;
    const box = trackBox(am);
    for (let i = 0; i < surfaces.length; i++) {
      if (surfaceNations[i] === nation) continue;
      if (boxGapM(box, surfaceBoxes[i]!) > reach) continue;
      const sid = surfaceIds[i]!;
      const sm = surfaceMotions[i]!;
      let events = pairEvents(aid, sid, am, sm, horizon, rangeM);
      // An aircraft on a deck or an airfield is no contact: only what happens while both are in the scene counts.
      if (aFlies || surfaceFlies[i]) events = pairWhilePresent(events, a, surfaces[i]!, am, sm, rangeM);
      // One cause for all the pair's events: 20,000 entries of the 1,000-unit hour name 1,500 pairs.
      const cause: Cause = { kind: 'sensor', ref: `range ${aid}–${sid}` };
      for (const ev of events)
        out.push({ t: ev.t, job: { kind: 'pair', aircraft: aid, surface: sid, what: ev.kind, groundM: ev.groundM, altitudeM: ev.altitudeM, cause } });
    }
  }
  return out;
}

function pairWhilePresent(events: PairEvent[], a: UnitSpec, s: UnitSpec, am: Motion, sm: Motion, rangeM: number): PairEvent[] {
  const wa = flightWindow(a);
  const ws = flightWindow(s);
  const window = { from: Math.max(wa.from, ws.from), until: Math.min(wa.until, ws.until) };
  const at = (t: number) => {
    const p = positionAt(am, t);
    return { groundM: groundDistanceM(p, positionAt(sm, t)), altitudeM: p.altM };
  };
  return whilePresent(events, window, at, (t, kind, g) => ({ t, aircraft: a.id, surface: s.id, kind, rangeM, ...g }));
}

/** An approach event as the two units perceive it; a ship that judges the aircraft threatening checks it against the safe-distance norm. */
export function approach(w: World, job: PairJob): Happening {
  const cause = job.cause;
  const km = (job.groundM / 1000).toFixed(1);
  const entry: EntryOf<'proximity'> = {
    seq: UNNUMBERED,
    type: 'proximity',
    t: w.now,
    unit: job.aircraft,
    other: job.surface,
    groundM: Math.round(job.groundM),
    altitudeM: Math.round(job.altitudeM),
    closest: job.what === 'closest',
    cause,
  };
  const ship = w.units.get(job.surface)!;
  const tell: Tell[] = [];
  if (job.what === 'closest') {
    // The crew judges by its own side's norm in force on the day, or by thresholds the scenario gives it.
    const norm = crewLimits(ship.judgesThreatening, ship.spec, w.norms, w.scenario.spec.date);
    if (norm && traitsOf(ship.spec).watchesApproaches && passInside(norm, job.groundM, job.altitudeM)) {
      tell.push({
        unit: job.surface,
        event: {
          type: 'trigger.unsafe-approach',
          about: job.aircraft,
          ...both(
            w,
            (n) => `${n(job.aircraft)} passed ${Math.round(job.groundM)} m away at ${Math.round(job.altitudeM)} m altitude, inside ${norm.label}`,
            (n) =>
              explain('ladder.trigger.passed', {
                unit: n(job.aircraft),
                groundM: Math.round(job.groundM),
                altitudeM: Math.round(job.altitudeM),
                norm: norm.label,
              }),
          ),
          says: `you passed ${Math.round(job.groundM)} m from us at ${Math.round(job.altitudeM)} m altitude`,
        },
        cause,
      });
    }
    return { entry, tell, scripts: [{ event: 'range-below', unit: job.aircraft, other: job.surface, rangeM: job.groundM }] };
  }
  const isShip = traitsOf(ship.spec).watchesApproaches;
  if (job.what === 'enter') {
    if (isShip)
      tell.push({
        unit: job.surface,
        event: {
          type: 'trigger.aircraft-approach',
          about: job.aircraft,
          ...both(
            w,
            (n) => `${n(job.aircraft)} approaching, ${km} km`,
            (n) => explain('ladder.trigger.approaching', { unit: n(job.aircraft), km }),
          ),
        },
        cause,
      });
    tell.push({
      unit: job.aircraft,
      event: {
        type: 'trigger.contact',
        about: job.surface,
        ...both(
          w,
          (n) => `${n(job.surface)} at ${km} km`,
          (n) => explain('ladder.trigger.contact', { unit: n(job.surface), km }),
        ),
      },
      cause,
    });
  } else {
    if (isShip)
      tell.push({
        unit: job.surface,
        event: {
          type: 'trigger.opening',
          about: job.aircraft,
          ...both(
            w,
            (n) => `${n(job.aircraft)} opening, ${km} km`,
            (n) => explain('ladder.trigger.opening', { unit: n(job.aircraft), km }),
          ),
        },
        cause,
      });
    tell.push({
      unit: job.aircraft,
      event: {
        type: 'trigger.opening',
        about: job.surface,
        ...both(
          w,
          (n) => `${n(job.surface)} astern, ${km} km`,
          (n) => explain('ladder.trigger.astern', { unit: n(job.surface), km }),
        ),
      },
      cause,
    });
  }
  return { entry, tell, scripts: NONE };
}

/** A unit as people name it: "Gwanggaeto the Great (971)". */
function label(w: World, id: string): string {
  return namesOf(w, id)?.label ?? id;
}

/** How sensing's words name a unit: its label on the plot, and its name said on the air. */
interface UnitNames {
  label: string;
  spoken: string;
}

/**
 * Each unit's names, made at its first mention in the run and kept for the rest of it: every
 * enter, leave and closest pass names two units twice, and making the names anew each time
 * (a template, an upper-casing) was much of what sensing an approach cost.
 */
const namesByRun = new WeakMap<World, Map<string, UnitNames>>();

function namesOf(w: World, id: string): UnitNames | undefined {
  let byId = namesByRun.get(w);
  if (!byId) namesByRun.set(w, (byId = new Map()));
  let names = byId.get(id);
  if (!names) {
    const u = w.units.get(id)?.spec;
    if (!u) return undefined;
    names = { label: `${u.name}${u.hull ? ` (${u.hull})` : ''}`, spoken: spokenName(u, w.scenario.procedure) };
    byId.set(id, names);
  }
  return names;
}

/**
 * The same words twice: with display names for the unit's own reasoning (`detail`), and with the
 * names said on the air for anything that goes into a message (`spoken`): a report to
 * headquarters or a relay carries radio names, never the plot's labels.
 */
function both(
  w: World,
  words: (name: (id: string) => string) => string,
  data: (name: (id: string) => ParamValue) => Explanation,
): { detail: string; spoken: string; detailWhy: Explanation } {
  return { detail: words((id) => label(w, id)), spoken: words((id) => spokenNameOf(w, id)), detailWhy: data((id) => labelRef(w, id)) };
}

/** label() as data: the unit (named in the reader's language) and its hull number. */
function labelRef(w: World, id: string): ParamValue {
  const hull = w.units.get(id)?.spec.hull;
  return hull ? explain('ladder.label', { unit: unitRef(id), hull }) : unitRef(id);
}

function spokenNameOf(w: World, id: string): string {
  return namesOf(w, id)?.spoken ?? id;
}

// ---- radar (ESM) ---------------------------------------------------------------------------

/** How many searches (segment pairs, or the same ones from a later instant) a wake-up may take; each costs about as much as the first. */
const SEARCHES_AHEAD = 32;

/** Slack for floating-point rounding when deciding a pair cannot cross its radar horizon, metres. */
const SENSE_MARGIN_M = 1;

/** Combined radar horizon in metres, as nmToKm(combinedHorizonNm(a, b)) · 1000 up to rounding (for bounds only). */
function horizonM(aM: number, bM: number): number {
  return HORIZON_NM_PER_SQRT_M * (Math.sqrt(Math.max(0, aM)) + Math.sqrt(Math.max(0, bM))) * METRES_PER_NM;
}

interface SenseSource {
  unit: number;
  id: string;
  nation: string;
  radars: EmitterState[];
  /** "<source>/<emitter>" per radar: the receiver's ESM keys. */
  keys: string[];
  antennaM: number;
  /** Upper bound on ground speed, m/s. */
  speed: number;
  /** Sum of the radars' tokens at the last call: it moves whenever one changes. */
  version: number;
  pairs: number[];
}

interface SenseReceiver {
  unit: number;
  id: string;
  motion: Motion;
  aircraft: boolean;
  antennaM: number;
  speed: number;
  /** Lowest and highest an aircraft receiver will be from boundsAt on, and its fastest climb or descent, m/s. */
  lowM: number;
  highM: number;
  climbMps: number;
  boundsAt: number;
  /** Altitude at boundsAt, metres. */
  altNow: number;
  /** An aircraft's lowest and highest altitude from each sample of its track on, and its fastest climb (heightSuffix); empty for a ship. */
  suffix: HeightSuffix;
  /**
   * Whether a script action waits for a radar this receiver detects. Without one the script has
   * nothing to offer the event to (scripts.ts looks no further), so none is made: a search radar
   * coming into view is most detections, and its script event was a quarter of what they allocated.
   */
  radarScripts: boolean;
}

/** ESM pairs and when each is next due, built at the first sensing and kept for the run. */
export interface SenseIndex {
  ids: string[];
  receivers: SenseReceiver[];
  sources: SenseSource[];
  /** Pairs in the order of the full loop: receiver, then source. */
  receiverOf: Int32Array;
  sourceOf: Int32Array;
  /** Combined radar horizon of a pair whose receiver is not an aircraft (its height is fixed), km. */
  fixedHorizonKm: Float64Array;
  /** Time until which each pair's in-range verdict cannot change. */
  until: Float64Array;
  /** Call in which a pair was last taken up, to take it once per call. */
  mark: Int32Array;
  /** 1 if the pair was inside the radar horizon when last taken up. */
  inRange: Uint8Array;
  /** The source's version when the pair was last taken up (-1: never). */
  seenVersion: Float64Array;
  /** World.emitterChanges when the sources' versions were last read (-1: never). */
  emitterChangesSeen: number;
  /**
   * What each receiver shows for each radar it can see (ESM_SHOWN), one slot per receiver and
   * "<source>/<emitter>" key; the slots of pair p's radars start at esmAt[p].
   */
  esmAt: Int32Array;
  esmSlot: Int32Array;
  esmShown: Uint8Array;
  calls: number;
  /** Before the first call every pair is due. */
  first: boolean;
  buckets: Buckets;
  /** Lists of due pairs to use again; a detection told to a unit may set off a nested call. */
  spareLists: PairList[];
  /** Scratch for profileUntil: receiver height, source antenna, ground distance, speed in; time out. */
  figures: Float64Array;
  /** Scratch for segmentHorizonTime. */
  crossing: Float64Array;
  motions: Motion[];
  /** Each unit's track figures for the searches ahead (horizon-crossing.ts). */
  tracks: TrackFigures[];
  /** Each unit's latitude, longitude and altitude at posAt, three numbers per unit. */
  place: Float64Array;
  posAt: Float64Array;
  /** Unit vector (x, y, z) of each unit's position at posAt. */
  vec: Float64Array;
  /** Each unit's spec, by unit number, for whether it is in the scene (scenario/presence.ts). */
  specs: UnitSpec[];
  /** 1 for a unit with a take-off or a landing. */
  flying: Uint8Array;
}

/**
 * What each ESM receiver makes of the emitters around it, one detection at a time. It classifies
 * by the paint pattern (brief 4.5 [S81]): a rotating search radar paints periodically, a radar
 * held on the receiver paints continuously and is read as fire control, whatever the emitter
 * really is.
 *
 * Evaluating every receiver against every foreign emitter at every step is O(units²) per step.
 * What a receiver makes of a source changes only when the source's emitters change (their
 * tokens move) or when the pair crosses the radar horizon; a pair far from its horizon cannot
 * cross it for |distance − horizon| / (fastest speed of both) seconds. So each pair carries the
 * time until which its in-range verdict is certain and waits in a time bucket until then; a call
 * evaluates only the pairs that are due and those whose source's emitters changed, in the same
 * order (receiver, then source, then emitter) as the full loop, so the log is the same.
 *
 * Each detection is handed to the scheduler as it is sensed, so the scheduler carries it out (log,
 * units told, scripts) before the next is sensed, exactly as when sensing called the units itself;
 * telling a unit may switch a radar and sense again, inside this call.
 */
export function senseRadar(w: World, ix: SenseIndex, cause: Cause, sensed: Sensed): void {
  const call = ++ix.calls;
  const due = ix.spareLists.pop() ?? new PairList();
  due.length = 0;
  try {
    senseDue(w, ix, cause, call, due, sensed);
  } finally {
    ix.spareLists.push(due);
  }
}

/**
 * Where radar sensing hands what it found. Most of a run's detections (a hundred thousand in the
 * 1,000-unit hour) are search radars coming and going, which tell no one and set off no script:
 * those are handed as the entry alone, with no Happening made around it. A generator yielding
 * one Happening each made three objects per detection and resumed two generators.
 */
export interface Sensed {
  /** A detection to log, with no unit to tell and no script event. */
  detected(entry: EntryOf<'detection'>): void;
  happened(h: Happening): void;
}

/**
 * Sources whose emitters changed since the last call: every receiver in range looks again.
 * Out of range nothing is seen whatever the emitters do, and the pair's time still holds.
 * Only an emitter's change moves a version: with none since the last call, none moved.
 */
function emittersChanged(ix: SenseIndex, call: number, due: PairList): void {
  for (let si = 0; si < ix.sources.length; si++) {
    const src = ix.sources[si]!;
    let version = 0;
    for (let k = 0; k < src.radars.length; k++) version += src.radars[k]!.token;
    if (version === src.version) continue;
    src.version = version;
    for (let i = 0; i < src.pairs.length; i++) {
      const p = src.pairs[i]!;
      if (ix.inRange[p] === 1 && ix.mark[p] !== call) {
        ix.mark[p] = call;
        due.push(p);
      }
    }
  }
}

/** At the first call every pair is due. */
function allPairsDue(ix: SenseIndex, call: number, due: PairList): void {
  for (let p = 0; p < ix.until.length; p++) {
    if (ix.mark[p] !== call) {
      ix.mark[p] = call;
      due.push(p);
    }
  }
}

function senseDue(w: World, ix: SenseIndex, cause: Cause, call: number, due: PairList, sensed: Sensed): void {
  const t = w.now;
  // The loops over every source and every pair run in functions of their own: the first call
  // runs them over every pair of the scene, long enough for V8 to optimise the function in the
  // middle of a loop (on-stack replacement) before the code after it had ever run; that code then
  // lacked type information, and the optimised senseDue was thrown away and compiled again twice.
  if (w.emitterChanges !== ix.emitterChangesSeen) emittersChanged(ix, call, due);
  ix.emitterChangesSeen = w.emitterChanges;
  // Pairs whose in-range verdict may have changed by now (at the first call, all of them).
  if (ix.first) {
    ix.first = false;
    allPairsDue(ix, call, due);
  } else ix.buckets.takeDue(t, ix.until, ix.mark, call, due);
  if (due.length === 0) return;
  // Pair numbers follow the full loop's order (receiver, then source).
  const order = due.sorted();
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!;
    const inRange = takeUp(w, ix, p);
    if (inRange === undefined) continue;
    const r = ix.receivers[ix.receiverOf[p]!]!;
    const src = ix.sources[ix.sourceOf[p]!]!;
    const rid = r.id;
    const sid = src.id;
    const slots = ix.esmAt[p]!;
    for (let k = 0; k < src.radars.length; k++) {
      const em = src.radars[k]!;
      const key = src.keys[k]!;
      let pattern: 'periodic' | 'continuous' | 'none' = 'none';
      if (inRange && em.mode === 'search') pattern = 'periodic';
      if (inRange && em.mode === 'track' && em.target === rid) pattern = 'continuous';
      const shown: EsmShown = pattern === 'continuous' ? 2 : pattern === 'periodic' ? 1 : 0;
      const slot = ix.esmSlot[slots + k]!;
      const was = ix.esmShown[slot]! as EsmShown;
      if (shown === was) continue;
      ix.esmShown[slot] = shown;
      const classified = ESM_SHOWN[shown];
      const before = ESM_SHOWN[was];
      const entry: EntryOf<'detection'> = {
        seq: UNNUMBERED,
        type: 'detection',
        t: w.now,
        unit: rid,
        source: sid,
        emitter: em.id,
        actualType: em.type,
        classifiedAs: classified || before,
        pattern,
        on: classified !== '',
        cause,
      };
      // Most detections are search radars coming and going: words are only for the two below,
      // made in functions of their own so that this loop makes no closures over its names (a
      // closure over them would have them kept in a context object made for every pair).
      if (classified === 'fire-control-radar') {
        sensed.happened(fireControlHeld(w, ix, r, src, key, entry));
        continue;
      }
      const ended = before === 'fire-control-radar';
      const scripted = classified === 'search-radar' && r.radarScripts;
      if (!ended && !scripted) {
        sensed.detected(entry);
        continue;
      }
      sensed.happened({
        entry,
        tell: ended ? detectionEnded(w, rid, sid, key) : NONE,
        scripts: scripted ? [{ event: 'radar-detected', unit: rid, other: sid }] : NONE,
      });
    }
  }
}

/** A receiver's ESM reads a radar held on it: the crew is told, with the distance. */
function fireControlHeld(w: World, ix: SenseIndex, r: SenseReceiver, src: SenseSource, key: string, entry: EntryOf<'detection'>): Happening {
  const rid = r.id;
  const sid = src.id;
  const dist = (slantDistanceM(positionNow(w, ix, r.unit), positionNow(w, ix, src.unit)) / 1000).toFixed(1);
  const words = both(
    w,
    (n) => `fire-control radar from ${n(sid)} held on ${n(rid)} at ${dist} km`,
    (n) => explain('ladder.trigger.fire-control', { source: n(sid), target: n(rid), km: dist }),
  );
  return {
    entry,
    tell: [
      {
        unit: rid,
        event: { type: 'trigger.fire-control-detected', about: sid, ...words, says: 'your fire-control radar is directed at us' },
        cause: { kind: 'sensor', ref: key },
      },
    ],
    scripts: [{ event: 'fire-control-detected', unit: rid, other: sid }],
  };
}

/** A radar that was held on the receiver is no longer: the crew is told. */
function detectionEnded(w: World, rid: string, sid: string, key: string): readonly Tell[] {
  return [
    {
      unit: rid,
      event: {
        type: 'trigger.detection-ended',
        about: sid,
        ...both(
          w,
          (n) => `${n(sid)}'s radar no longer held on ${n(rid)}`,
          (n) => explain('ladder.trigger.detection-ended', { source: n(sid), target: n(rid) }),
        ),
      },
      cause: { kind: 'sensor', ref: key },
    },
  ];
}

/**
 * Takes up a due pair: its in-range verdict now, and until when that verdict cannot change
 * (the pair then waits in its bucket). Returns the verdict when what the receiver makes of the
 * source may have changed, undefined when it cannot have.
 */
function takeUp(w: World, ix: SenseIndex, p: number): boolean | undefined {
  const r = ix.receivers[ix.receiverOf[p]!]!;
  const src = ix.sources[ix.sourceOf[p]!]!;
  const now = w.now;
  placeNow(ix, r.unit, now);
  placeNow(ix, src.unit, now);
  const rHeight = r.aircraft ? ix.place[3 * r.unit + 2]! : r.antennaM;
  // The great-circle distance from the chord between unit vectors: the same number as the
  // haversine up to rounding (micrometres), and cheaper. Only a pair within a metre of its
  // horizon needs the exact test, which is then the original one.
  const v = ix.vec;
  const a = 3 * r.unit;
  const b = 3 * src.unit;
  const dx = v[a]! - v[b]!;
  const dy = v[a + 1]! - v[b + 1]!;
  const dz = v[a + 2]! - v[b + 2]!;
  let groundM = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
  const approxHorizonM = horizonM(src.antennaM, rHeight);
  let inRange: boolean;
  if (groundM > approxHorizonM + SENSE_MARGIN_M) inRange = false;
  else if (groundM < approxHorizonM - SENSE_MARGIN_M) inRange = true;
  else {
    const horizonKm = r.aircraft ? nmToKm(combinedHorizonNm(src.antennaM, rHeight)) : ix.fixedHorizonKm[p]!;
    groundM = groundDistanceM(positionNow(w, ix, r.unit), positionNow(w, ix, src.unit));
    inRange = groundM / 1000 <= horizonKm;
  }
  // Until when this verdict cannot change, whatever the tracks do: the horizon stays between
  // the ones for the lowest and highest the receiver will be from now on.
  let lowM = approxHorizonM;
  let highM = lowM;
  if (r.aircraft) {
    if (r.boundsAt !== now) {
      r.altNow = rHeight;
      heightsFromNow(r, now);
      r.boundsAt = now;
    }
    lowM = horizonM(src.antennaM, r.lowM);
    highM = horizonM(src.antennaM, r.highM);
  }
  const room = groundM > highM ? groundM - highM - SENSE_MARGIN_M : groundM < lowM ? lowM - groundM - SENSE_MARGIN_M : 0;
  const speed = r.speed + src.speed;
  let until = room > 0 ? now + room / speed : now;
  if (r.aircraft && r.climbMps > 0 && rHeight > 0) {
    // A climbing or descending receiver moves its horizon: √ is concave, so over τ seconds at
    // most climb·τ/(2√h) outwards, and climb·τ/√h inwards (while climb·τ ≤ h), per √m of horizon.
    const k = HORIZON_NM_PER_SQRT_M * METRES_PER_NM;
    const root = Math.sqrt(rHeight);
    let tau = 0;
    if (groundM > approxHorizonM) tau = (groundM - approxHorizonM - SENSE_MARGIN_M) / (speed + (k * r.climbMps) / (2 * root));
    else if (groundM < approxHorizonM) tau = Math.min((approxHorizonM - groundM - SENSE_MARGIN_M) / (speed + (k * r.climbMps) / root), rHeight / r.climbMps);
    if (tau > 0) until = Math.max(until, now + tau);
  }
  // The altitude profile ahead often gives a later time than the extremes above (an aircraft
  // level now that climbs in twenty minutes); both are bounds, so the later one holds.
  if (r.aircraft) {
    // Numbers go to profileUntil through ix.figures: a fraction passed to or returned from a
    // call is boxed on the heap, and this runs for every aircraft pair taken up.
    const f = ix.figures;
    f[0] = rHeight;
    f[1] = src.antennaM;
    f[2] = groundM;
    f[3] = speed;
    profileUntil(now, r.motion, f);
    until = Math.max(until, f[4]!);
  }
  // Along the two current segments the crossing itself can be solved for (horizon-crossing.ts):
  // far later than the speed bound for a pair moving across rather than towards its horizon.
  // The bounds above hold for the rest of the run, so from wherever a search starts they let it
  // pass over segments the pair cannot cross its horizon on.
  const c = ix.crossing;
  c[PAIR_SPEED] = speed;
  c[PAIR_HIGH_M] = highM;
  c[PAIR_LOW_M] = lowM;
  horizonTimeAheadInto(ix.tracks[r.unit]!, ix.tracks[src.unit]!, now, r.aircraft, r.antennaM, src.antennaM, inRange, ix.crossing, w.until, SEARCHES_AHEAD);
  until = Math.max(until, ix.crossing[WAKE_AHEAD]!);
  // An aircraft before take-off or after landing neither senses nor is sensed; the pair is due again when that changes.
  if (ix.flying[r.unit] === 1 || ix.flying[src.unit] === 1) {
    const rSpec = ix.specs[r.unit]!;
    const sSpec = ix.specs[src.unit]!;
    if (!presentAt(rSpec, now) || !presentAt(sSpec, now)) inRange = false;
    until = Math.min(until, nextPresenceChange(rSpec, now), nextPresenceChange(sSpec, now));
  }
  ix.until[p] = until;
  const wasInRange = ix.inRange[p] === 1;
  ix.inRange[p] = inRange ? 1 : 0;
  // No call comes after the end of the run: a pair due only then is never due.
  if (until < w.until) ix.buckets.push(ix.buckets.bucketOf(until), p);

  // What the receiver makes of each emitter depends only on the verdict and the emitters' modes
  // and targets: with neither changed since the pair was last taken up, nothing can change.
  if (wasInRange === inRange && ix.seenVersion[p] === src.version) return undefined;
  ix.seenVersion[p] = src.version;
  return inRange;
}

/**
 * Until when a pair whose receiver is an aircraft cannot cross the radar horizon, read from the
 * aircraft's altitude profile, which is known in advance: segment by segment (from now to the
 * next waypoint, and so on; level after the last), the horizon is at most the one at the
 * segment's higher end and at least the one at its lower end, and the ground distance closes
 * or opens at most `speed` m/s. The first segment where the gap could close gives the time.
 * Its figures come in f[0..3] (receiver height, source antenna, ground distance, speed) and the
 * time goes out in f[4].
 */
function profileUntil(now: number, m: Motion, f: Float64Array): void {
  const altNow = f[0]!;
  const sourceM = f[1]!;
  const groundM = f[2]!;
  const speed = f[3]!;
  const ts = m.t;
  const outside = groundM > horizonM(sourceM, altNow);
  let k = firstAfter(ts, now);
  let tA = now;
  let altA = altNow;
  for (; ; k++) {
    const last = k >= ts.length;
    const tB = last ? Infinity : ts[k]!;
    const altB = last ? altA : m.altM[k]!;
    const gap = outside
      ? groundM - horizonM(sourceM, Math.max(altA, altB)) - SENSE_MARGIN_M
      : horizonM(sourceM, Math.min(altA, altB)) - groundM - SENSE_MARGIN_M;
    if (gap <= 0) {
      f[4] = tA;
      return;
    }
    const cross = speed > 0 ? now + gap / speed : Infinity;
    if (cross <= tB) {
      f[4] = Math.max(tA, cross);
      return;
    }
    if (last) {
      f[4] = Infinity;
      return;
    }
    tA = tB;
    altA = altB;
  }
}

/** Per sample of a track: lowest and highest altitude from there on, and the fastest climb or descent on the segments from there on. */
interface HeightSuffix {
  lo: Float64Array;
  hi: Float64Array;
  climb: Float64Array;
}

const NO_SUFFIX: HeightSuffix = { lo: new Float64Array(0), hi: new Float64Array(0), climb: new Float64Array(0) };

/**
 * An aircraft receiver's HeightSuffix, worked out once when the index is built. Built at its
 * first use inside heightsFromNow, this loop, which runs once per track, was compiled by V8 with
 * every optimisation of heightsFromNow (12 ms of compiling at 300 units, twice at 1,000), and each
 * use looked the track up in a Map first: 11.196 → 11.156 G instructions at 300 units.
 */
function heightSuffix(m: Motion): HeightSuffix {
  const ts = m.t;
  const n = ts.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const climb = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    lo[i] = i + 1 < n ? Math.min(m.altM[i]!, lo[i + 1]!) : m.altM[i]!;
    hi[i] = i + 1 < n ? Math.max(m.altM[i]!, hi[i + 1]!) : m.altM[i]!;
    // climb[i]: fastest vertical speed on segments i (from sample i to i + 1) onwards.
    if (i + 1 < n) {
      const dz = Math.abs(m.altM[i + 1]! - m.altM[i]!);
      const dt = ts[i + 1]! - ts[i]!;
      const v = dz === 0 ? 0 : dt > 0 ? dz / dt : Infinity;
      climb[i] = Math.max(v, i + 2 < n ? climb[i + 1]! : 0);
    }
  }
  return { lo, hi, climb };
}

/**
 * Lowest and highest an aircraft will be from now to the end of its track (metres), and the
 * fastest it climbs or descends from now on (m/s), kept on the receiver (altNow: its altitude now).
 */
function heightsFromNow(r: SenseReceiver, now: number): void {
  const alt = r.altNow;
  const ts = r.motion.t;
  const suffix = r.suffix;
  // First sample after now: the rest of the track is between now and the samples from there.
  const lo = firstAfter(ts, now);
  if (lo >= ts.length) {
    r.lowM = alt;
    r.highM = alt;
    r.climbMps = 0;
    return;
  }
  r.lowM = Math.min(alt, suffix.lo[lo]!);
  r.highM = Math.max(alt, suffix.hi[lo]!);
  // Safety margin on the climb rate for rounding.
  r.climbMps = suffix.climb[Math.max(0, lo - 1)]! * (1 + 1e-9);
}

/** Places a unit at the current instant (ix.place, ix.vec); computed once per unit per instant. */
function placeNow(ix: SenseIndex, unit: number, now: number): void {
  if (ix.posAt[unit] === now) return;
  const place = ix.place;
  const at = 3 * unit;
  positionInto(ix.motions[unit]!, now, place, at);
  ix.posAt[unit] = now;
  const lat = (place[at]! * Math.PI) / 180;
  const lon = (place[at + 1]! * Math.PI) / 180;
  ix.vec[at] = Math.cos(lat) * Math.cos(lon);
  ix.vec[at + 1] = Math.cos(lat) * Math.sin(lon);
  ix.vec[at + 2] = Math.sin(lat);
}

/** Where a unit is now, as a position, for the few figures that need one. */
function positionNow(w: World, ix: SenseIndex, unit: number): Position {
  placeNow(ix, unit, w.now);
  const at = 3 * unit;
  return { lat: ix.place[at]!, lon: ix.place[at + 1]!, altM: ix.place[at + 2]! };
}

/**
 * The receiver–source pairs that can ever be inside their radar horizon, in the full loop's
 * order. A pair whose tracks stay further apart than the largest horizon they could have (the
 * receiver at its highest) is never in range, so what the receiver makes of the source never
 * changes from nothing: it needs no place in the index. Sources are filed by latitude band, so
 * a receiver looks only at those within its reach, not at every source.
 */
export function senseIndex(w: World): SenseIndex {
  const ids = [...w.units.keys()];
  const worlds = [...w.units.values()];
  const motions = worlds.map((u) => w.scenario.motion[u.spec.id]!);
  const sources: SenseSource[] = [];
  worlds.forEach((u, unit) => {
    const radars = u.emitters.filter((em) => em.type === 'search-radar' || em.type === 'fire-control-radar');
    if (radars.length === 0) return;
    sources.push({
      unit,
      id: u.spec.id,
      nation: u.spec.nation,
      radars,
      keys: radars.map((em) => `${u.spec.id}/${em.id}`),
      antennaM: antennaHeightM(u.spec),
      speed: maxSpeedMps(motions[unit]!),
      version: -1,
      pairs: [],
    });
  });
  const bands = latitudeBands(sources.map((s) => trackBox(motions[s.unit]!)));
  const tallest = sources.reduce((h, s) => Math.max(h, s.antennaM), 0);
  const seen = new Int32Array(sources.length).fill(-1);
  const receivers: SenseReceiver[] = [];
  const receiverOf = new PairList();
  const sourceOf = new PairList();
  const fixedHorizonKm: number[] = [];
  const esmAt = new PairList();
  const esmSlot = new PairList();
  let slotCount = 0;
  const listening = scriptBook(w.scenario.script).listening;
  worlds.forEach((u, unit) => {
    if (!u.spec.emitters.some((e) => e.type === 'esm')) return;
    const motion = motions[unit]!;
    const aircraft = isAirborne(u.spec);
    const antennaM = antennaHeightM(u.spec);
    const ri = receivers.length;
    receivers.push({
      unit,
      id: u.spec.id,
      motion,
      aircraft,
      antennaM,
      speed: maxSpeedMps(motion),
      // Set by heightsFromNow before they are read. A field that first holds a whole number and
      // later a fraction changes the receiver's hidden class, and V8 does not optimise takeUp
      // until every receiver has moved to the new one (the whole first sensing): they start as NaN.
      lowM: NaN,
      highM: NaN,
      climbMps: NaN,
      boundsAt: NaN,
      altNow: NaN,
      suffix: aircraft ? heightSuffix(motion) : NO_SUFFIX,
      radarScripts: listening.has('radar-detected|*') || listening.has(`radar-detected|${u.spec.id}`),
    });
    const box = trackBox(motion);
    const highest = aircraft ? box.altMax : antennaM;
    const candidates = bands.near(box, reachM(tallest, highest), ri, seen);
    // One slot per key the receiver could show, as its table of contacts was keyed.
    const slotOf = new Map<string, number>();
    for (let i = 0; i < candidates.length; i++) {
      const si = candidates[i]!;
      const src = sources[si]!;
      if (src.unit === unit || src.nation === u.spec.nation) continue;
      if (boxGapM(box, trackBox(motions[src.unit]!)) > reachM(src.antennaM, highest)) continue;
      src.pairs.push(receiverOf.length);
      esmAt.push(esmSlot.length);
      for (const key of src.keys) {
        let slot = slotOf.get(key);
        if (slot === undefined) slotOf.set(key, (slot = slotCount++));
        esmSlot.push(slot);
      }
      receiverOf.push(ri);
      sourceOf.push(si);
      fixedHorizonKm.push(aircraft ? NaN : nmToKm(combinedHorizonNm(src.antennaM, antennaM)));
    }
  });
  const n = receiverOf.length;
  return {
    ids,
    receivers,
    sources,
    receiverOf: receiverOf.items.slice(0, n),
    sourceOf: sourceOf.items.slice(0, n),
    fixedHorizonKm: Float64Array.from(fixedHorizonKm),
    until: new Float64Array(n).fill(-Infinity),
    mark: new Int32Array(n),
    inRange: new Uint8Array(n),
    seenVersion: new Float64Array(n).fill(-1),
    emitterChangesSeen: -1,
    esmAt: esmAt.items.slice(0, n),
    esmSlot: esmSlot.items.slice(0, esmSlot.length),
    esmShown: new Uint8Array(slotCount),
    calls: 0,
    first: true,
    buckets: new Buckets(w.scenario.spec.environment.stepS),
    spareLists: [],
    figures: new Float64Array(5),
    crossing: new Float64Array(CROSSING_SCRATCH),
    motions,
    tracks: motions.map((m) => trackFigures(m)),
    place: new Float64Array(3 * ids.length),
    posAt: new Float64Array(ids.length).fill(NaN),
    vec: new Float64Array(3 * ids.length),
    specs: worlds.map((u) => u.spec),
    flying: Uint8Array.from(worlds, (u) => (flies(u.spec) ? 1 : 0)),
  };
}

/** What an ESM receiver shows for a radar, by the number kept in SenseIndex.esmShown. */
const ESM_SHOWN = ['', 'search-radar', 'fire-control-radar'] as const;
type EsmShown = 0 | 1 | 2;

/** Furthest apart two units can be and still be inside their radar horizon, with room for rounding, metres. */
function reachM(sourceM: number, receiverM: number): number {
  return horizonM(sourceM, receiverM) * (1 + 1e-9) + SENSE_MARGIN_M;
}

/** Width of a latitude band, degrees: about a tenth of the sea areas the simulator is for. */
const BAND_DEG = 0.5;

/** Sources filed by the latitude bands their tracks cross. */
function latitudeBands(boxes: TrackBox[]): { near: (box: TrackBox, reach: number, stamp: number, seen: Int32Array) => Int32Array } {
  const bands = new Map<number, number[]>();
  boxes.forEach((b, si) => {
    for (let k = Math.floor(b.latMin / BAND_DEG); k <= Math.floor(b.latMax / BAND_DEG); k++) {
      const list = bands.get(k);
      if (list) list.push(si);
      else bands.set(k, [si]);
    }
  });
  // Kept from one look to the next: sorted as whole numbers, with no comparison function and no copy.
  const out = new PairList();
  return {
    /**
     * Sources whose latitudes come within reach of the box, in source order (each once: seen
     * holds the stamp of the last look). The list is good until the next look.
     */
    near(box, reach, stamp, seen) {
      // A latitude gap of Δφ is at least R·Δφ of ground.
      const reachDeg = (reach / EARTH_RADIUS_M) * (180 / Math.PI);
      out.length = 0;
      for (let k = Math.floor((box.latMin - reachDeg) / BAND_DEG); k <= Math.floor((box.latMax + reachDeg) / BAND_DEG); k++) {
        const list = bands.get(k);
        if (!list) continue;
        for (const si of list) {
          if (seen[si] === stamp) continue;
          seen[si] = stamp;
          out.push(si);
        }
      }
      return out.sorted();
    },
  };
}
