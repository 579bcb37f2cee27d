/**
 * Escalation ladders: a procedure's `step` rules, grouped by ladder and taken in the file's order.
 * Each step waits for its own trigger (a condition on distances and altitudes), is taken `repeat`
 * times `intervalS` apart while its condition holds, and hands over to the next step once its
 * repeats are done. A step a unit's side did not follow in practice is recorded as omitted and
 * passed over. Pure: the engine's sampling gives the positions and what was answered, and carries
 * out the effects (a call, a radar's mode, a report, a manoeuvre recorded in the log).
 */
import { selector } from '../radio/selector';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import type { Cause } from '../log';
import { observes, type Procedure, type ResolvedRule } from '../procedure/load';
import { MAX_REPEATS } from '../procedure/schema';
import { binds, serviceInScope } from '../procedure/duties';
import { evaluate, holds, reachM, type Place } from '../procedure/conditions';
import { EARTH_RADIUS_M } from '../geo';
import { clauses } from '../analysis/clauses';
import type { Effect } from './protocol';
import type { UnitKind } from '../kinds';
import { isAshore } from '../kinds';
import { linkToward } from './links';

export type StepRule = Extract<ResolvedRule, { type: 'step' }>;

export interface Ladder {
  id: string;
  steps: StepRule[];
}

export interface LadderUnit {
  id: string;
  nation: string;
  kind: UnitKind;
  service?: string;
  headquarters?: string;
  /** Channels and links the unit can key. */
  canSend: readonly string[];
  linkTo: Readonly<Record<string, string>>;
  emitters: readonly { id: string; type: string }[];
}

/** Where one ladder stands towards one other unit. */
export interface Progress {
  step: number;
  taken: number;
  lastT: number;
  /** Attempts of the current hail step still waiting for an answer. */
  waiting: number[];
}

/**
 * Where one ladder stands towards each unit it concerns, by the unit's index in TickInput.others
 * (a pair with no entry stands where every pair starts: step 1, nothing taken), and which pairs
 * have a step under way (something taken or awaited), which are weighed at every moment.
 */
export interface Standing {
  progress: (Progress | undefined)[];
  underWay: Set<number>;
}

/** Each ladder's standing, by ladder id. The engine keeps one per unit; ladderTick updates it (Progress values are never changed). */
export type LadderState = Map<string, Standing>;

/** The ladders whose steps bind this unit, each with its steps in the procedure's order. */
export function laddersOf(procedure: Pick<Procedure, 'rules'>, unit: { id: string; nation: string; kind: UnitKind; service?: string }): Ladder[] {
  const byId = new Map<string, StepRule[]>();
  for (const r of procedure.rules) {
    if (r.type !== 'step' || !binds(r, unit)) continue;
    const list = byId.get(r.ladder) ?? [];
    list.push(r);
    byId.set(r.ladder, list);
  }
  return [...byId].map(([id, steps]) => ({ id, steps }));
}

export interface TickInput {
  now: number;
  unit: LadderUnit;
  ladders: Ladder[];
  /** Every unit its ladders may concern (mayConcern), in the scenario's order: each is weighed, none asked again. */
  others: readonly { id: string; nation: string; kind: UnitKind; service?: string }[];
  /** `others` north to south at this moment, to find those near without measuring each; undefined: weigh every one. */
  byLatitude?: ByLatitude;
  /**
   * Each ladder's steps' reachOf, in the order of `ladders`: with it, pairs too far apart for their
   * step are passed over unmeasured (the same outcome, for less); without it, every pair is weighed.
   */
  reach?: readonly (readonly (number | undefined)[])[];
  at(unit: string): Place | undefined;
  airborne(unit: string): boolean;
  metres(value: number | string): number | undefined;
  /** The first channel of the procedure's calling order the unit can key. */
  callChannel: string | undefined;
  answered(exchange: string, attempt: number): boolean;
}

const exchangeOf = (unit: string, step: StepRule, other: string) => `${unit}-${step.id}-${other}`;

/** The units a ladder may concern, as TickInput.others lists them. */
export type LadderOther = TickInput['others'][number];

/** Whether a unit's ladders may concern `other`: a unit of another nation, afloat or aloft (so never the unit itself). */
export function mayConcern(unit: { nation: string }, other: { nation: string; kind: UnitKind }): boolean {
  return other.nation !== unit.nation && !isAshore(other);
}

/** Where TickInput.others are at one moment: their indices ordered by latitude, their latitudes and longitudes, and the indices of any without a place. */
export interface ByLatitude {
  order: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  unplaced: readonly number[];
}

/**
 * One sampling moment: every ladder of the unit, towards every unit of another nation afloat or
 * aloft. Returns the effects, in the order of the ladders and then of `others`; `state` is updated.
 */
export function ladderTick(input: TickInput, state: LadderState): Effect[] {
  const effects: Effect[] = [];
  const here = input.at(input.unit.id);
  for (let l = 0; l < input.ladders.length; l++) {
    const ladder = input.ladders[l]!;
    let standing = state.get(ladder.id);
    if (!standing) state.set(ladder.id, (standing = { progress: [], underWay: new Set() }));
    const reach = input.reach?.[l] ?? NO_REACH;
    const near = nearby(input, here, reach, standing);
    if (near) for (const i of near) weigh(input, ladder, standing, reach, here, i, effects);
    else for (let i = 0; i < input.others.length; i++) weigh(input, ladder, standing, reach, here, i, effects);
  }
  return effects;
}

/** One pair at one moment: its step taken, passed over or left waiting, and its standing kept. */
function weigh(
  input: TickInput,
  ladder: Ladder,
  standing: Standing,
  reach: readonly (number | undefined)[],
  here: Place | undefined,
  i: number,
  effects: Effect[],
): void {
  const other = input.others[i]!;
  const p = standing.progress[i];
  // A pair with nothing under way whose step cannot be triggered at this distance would come
  // out of advance as it went in: pass it over without measuring it.
  if ((p === undefined || quiet(p)) && outOfReach(here, input.at(other.id), reach[p?.step ?? 0])) return;
  const next = advance(input, ladder, other, p ?? { step: 0, taken: 0, lastT: -Infinity, waiting: [] }, effects);
  if (next === p) return;
  standing.progress[i] = next;
  if (quiet(next)) standing.underWay.delete(i);
  else standing.underWay.add(i);
}

/** Each step's reachM: how near the other unit must be for the step's trigger to hold. */
export function reachOf(ladder: Ladder, metres: TickInput['metres']): (number | undefined)[] {
  return ladder.steps.map((s) => reachM(s.trigger, metres));
}

/** No step's reach known: every pair is weighed. */
const NO_REACH: readonly undefined[] = [undefined];

const quiet = (p: Progress) => p.taken === 0 && p.waiting.length === 0;

/**
 * The indices of `others` worth weighing, in their order: those that may be within the farthest
 * reach of the ladder's steps, those with a step under way and those with no place. What keeps a
 * sample of n ships against m aircraft from costing n × m. Undefined where a step may be triggered
 * at any distance, or the unit's own place is unknown: weigh all.
 *
 * A unit left out is at least the reach and two metres away, so no `within` of the step it stands
 * at can hold (outOfReach's reasoning, a metre wider): by latitude, as outOfReach judges, and by
 * longitude, where a great circle is never shorter than 2R·asin(c·sin(Δλ/2)), c the smallest cosine
 * of a latitude in the band.
 */
function nearby(input: TickInput, here: Place | undefined, reach: readonly (number | undefined)[], standing: Standing): number[] | undefined {
  const sorted = input.byLatitude;
  if (!sorted || !here) return undefined;
  if (!reach.length) return undefined;
  let most = 0;
  for (const r of reach) {
    if (r === undefined) return undefined;
    most = Math.max(most, r);
  }
  const span = (most + 2) / METRES_PER_DEGREE_OF_LATITUDE;
  const c = Math.cos(((Math.abs(here.lat) + span) * Math.PI) / 180);
  const s = Math.sin((most + 2) / (2 * EARTH_RADIUS_M)) / c;
  const lonSpan = c > 0 && s < 1 ? (2 * Math.asin(s) * 180) / Math.PI : Infinity;
  const always = standing.underWay.size + sorted.unplaced.length;
  const out = always === 0 ? [] : [...standing.underWay, ...sorted.unplaced];
  // First in latitude order not south of the band; then every one until north of it.
  let lo = 0;
  let hi = sorted.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.lat[sorted.order[mid]!]! <= here.lat - span) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < sorted.order.length; k++) {
    const i = sorted.order[k]!;
    if (sorted.lat[i]! >= here.lat + span) break;
    const dLon = Math.abs(sorted.lon[i]! - here.lon) % 360;
    if (Math.min(dLon, 360 - dLon) < lonSpan) out.push(i);
  }
  if (out.length > 1) out.sort((x, y) => x - y);
  return always === 0 ? out : out.filter((i, k) => k === 0 || out[k - 1] !== i);
}

const METRES_PER_DEGREE_OF_LATITUDE = (EARTH_RADIUS_M * Math.PI) / 180;

/**
 * The two places are at least `reach` apart, judged from their latitudes alone (a great circle is
 * never shorter than the arc of meridian between the two latitudes), with a metre to spare so
 * that rounding in the distance a condition measures cannot bring them back within it.
 */
function outOfReach(here: Place | undefined, there: Place | undefined, reach: number | undefined): boolean {
  return reach !== undefined && here !== undefined && there !== undefined && METRES_PER_DEGREE_OF_LATITUDE * Math.abs(there.lat - here.lat) >= reach + 1;
}

function advance(input: TickInput, ladder: Ladder, about: LadderOther, p: Progress, effects: Effect[]): Progress {
  const step = ladder.steps[p.step];
  if (!step) return p;
  const other = about.id;
  const intervalS = valueOf(input, step.intervalS, 60);
  const repeat = Math.min(MAX_REPEATS, Math.max(1, Math.round(valueOf(input, step.repeat, 1))));
  if (input.now < p.lastT + intervalS && p.taken > 0) return p;
  const cause: Cause = { kind: 'rule', ref: step.qid };
  const exchange = exchangeOf(input.unit.id, step, other);
  // Calls of this step that got no answer by the time the next is due are recorded as unanswered.
  const settled = settle(input, exchange, p, intervalS, effects, cause);
  if (p.taken > 0 && step.stopWhenAnswered && settled.answered) return done(input, ladder, about, { ...p, waiting: [] }, effects);
  if (p.taken >= repeat) return done(input, ladder, about, { ...p, waiting: settled.waiting }, effects);
  if (!serviceInScope(step, about.service)) return p;
  const world = { self: input.unit.id, other, at: input.at, airborne: input.airborne, metres: input.metres };
  if (!holds(step.trigger, world)) return settled.waiting.length === 0 && p.waiting.length === 0 ? p : { ...p, waiting: settled.waiting };
  const w = evaluate(step.trigger, world);
  const because = w.because.join('; ');
  const becauseWhy = clauses(w.why);
  if (!observes(step, input.unit)) {
    effects.push({
      type: 'decision',
      rule: step.qid,
      decision: 'omitted',
      reason: `${because}; ${step.qid} (step ${p.step + 1} of ladder ${ladder.id}) asks ${input.unit.id} to ${actionWords(step, other)}, but in practice ${input.unit.nation} units did not`,
      why: explain('ladder.escalation.practice', {
        because: becauseWhy,
        rule: step.qid,
        step: p.step + 1,
        ladder: ladder.id,
        unit: unitRef(input.unit.id),
        action: actionWhy(step, other),
        nation: input.unit.nation,
      }),
      about: other,
      cause,
    });
    return { step: p.step + 1, taken: 0, lastT: input.now, waiting: [] };
  }
  const n = p.taken + 1;
  const taken = take(input, step, other, exchange, n, because, cause);
  effects.push(
    {
      type: 'decision',
      rule: step.qid,
      decision: taken.ok ? 'done' : 'cannot',
      reason: `${because}: step ${p.step + 1} of ladder ${ladder.id} (${step.id}), ${n} of ${repeat}: ${taken.ok ? actionWords(step, other) : taken.why}`,
      why: explain('ladder.escalation.step', {
        because: becauseWhy,
        step: p.step + 1,
        ladder: ladder.id,
        id: step.id,
        n,
        repeat,
        action: taken.ok ? actionWhy(step, other) : taken.explanation,
      }),
      about: other,
      cause,
    },
    ...taken.effects,
  );
  if (!taken.ok) return { step: p.step + 1, taken: 0, lastT: input.now, waiting: [] };
  const waiting = step.action.do === 'hail' && step.action.needsAnswer ? [...settled.waiting, n] : settled.waiting;
  return { ...p, taken: n, lastT: input.now, waiting };
}

/** The step's repeats are over (or answered): the next step may be taken from now on. */
function done(input: TickInput, ladder: Ladder, about: LadderOther, p: Progress, effects: Effect[]): Progress {
  const moved = { step: p.step + 1, taken: 0, lastT: p.lastT, waiting: [] as number[] };
  const nextStep = ladder.steps[moved.step];
  return nextStep ? advance(input, ladder, about, { ...moved, lastT: -Infinity }, effects) : moved;
}

/** A number a step gives, or the parameter it names (the fallback if the parameter is missing; the loader reports that). */
function valueOf(input: TickInput, v: number | string, fallback: number): number {
  return typeof v === 'number' ? v : (input.metres(v) ?? fallback);
}

function settle(input: TickInput, exchange: string, p: Progress, intervalS: number, effects: Effect[], cause: Cause): { answered: boolean; waiting: number[] } {
  let answered = false;
  const waiting: number[] = [];
  for (const attempt of p.waiting) {
    if (input.answered(exchange, attempt)) answered = true;
    else if (input.now >= p.lastT + intervalS || attempt < p.taken) effects.push({ type: 'unanswered', exchange, attempt, waitedS: 0, cause });
    else waiting.push(attempt);
  }
  return { answered, waiting };
}

function take(
  input: TickInput,
  step: StepRule,
  other: string,
  exchange: string,
  attempt: number,
  because: string,
  cause: Cause,
): { ok: true; effects: Effect[] } | { ok: false; why: string; explanation: Explanation; effects: [] } {
  const a = step.action;
  const u = input.unit;
  switch (a.do) {
    case 'hail': {
      if (!input.callChannel) return cannot(explain('ladder.escalation.no-calling-set'));
      const body = a.message.replace(/\{reason\}/g, because).toUpperCase();
      return {
        ok: true,
        effects: [
          {
            type: 'transmit',
            msg: {
              kind: 'hail',
              to: other,
              channel: input.callChannel,
              body,
              safety: true,
              needsReply: a.needsAnswer,
              needsAnswer: a.needsAnswer,
              exchange,
              attempt,
              rule: step.qid,
              about: other,
            },
            cause,
          },
        ],
      };
    }
    case 'emit': {
      const em = u.emitters.find((e) => e.type === a.emitter);
      if (!em) return cannot(explain('ladder.escalation.no-emitter', { emitter: a.emitter }));
      const forS = a.forS === undefined ? undefined : valueOf(input, a.forS, 0);
      return { ok: true, effects: [{ type: 'emitter', emitter: em.id, mode: a.mode, target: other, ...(forS ? { forS } : {}), cause }] };
    }
    case 'report': {
      const hq = u.headquarters;
      const channel = hq ? linkToward(u, hq) : undefined;
      if (!hq || !channel) return cannot(hq ? explain('ladder.unit.no-link', { to: unitRef(hq) }) : explain('ladder.escalation.no-hq'));
      const body = a.message.replace(/\{reason\}/g, because).toUpperCase();
      return {
        ok: true,
        effects: [
          {
            type: 'transmit',
            msg: {
              kind: 'report',
              to: hq,
              channel,
              body,
              safety: true,
              needsReply: false,
              needsAnswer: false,
              rule: step.qid,
              about: other,
              onScene: u.id,
              subject: body,
            },
            cause,
          },
        ],
      };
    }
    case 'manoeuvre':
      return { ok: true, effects: [] };
  }
}

/** What a step does, in words, for the log and the debrief. */
/** Why a step could not be taken, with its English. */
const cannot = (explanation: Explanation) => ({ ok: false as const, why: english(explanation), explanation, effects: [] as [] });

/** actionWords as data. */
export function actionWhy(step: StepRule, other: string): Explanation {
  const a = step.action;
  const to = unitRef(other);
  switch (a.do) {
    case 'hail':
      return explain('ladder.escalation.action.hail', { other: to, message: a.message });
    case 'emit':
      return a.mode === 'track'
        ? explain('ladder.escalation.action.track', { emitter: a.emitter, other: to })
        : explain('ladder.escalation.action.emit', { emitter: a.emitter, mode: a.mode, other: to });
    case 'report':
      return explain('ladder.escalation.action.report', { other: to });
    case 'manoeuvre':
      return explain('ladder.escalation.action.manoeuvre', { manoeuvre: selector(a.manoeuvre), other: to });
  }
}

export function actionWords(step: StepRule, other: string): string {
  const a = step.action;
  switch (a.do) {
    case 'hail':
      return `calls ${other}: "${a.message}"`;
    case 'emit':
      return a.mode === 'track' ? `points its ${a.emitter} at ${other}, transmitting` : `sets its ${a.emitter} to ${a.mode} on ${other}`;
    case 'report':
      return `reports ${other} to its headquarters`;
    case 'manoeuvre':
      return `${a.manoeuvre === 'turn-away' ? 'turns away from' : a.manoeuvre === 'close' ? 'closes on' : 'shadows'} ${other} (the track stays the scenario's)`;
  }
}
