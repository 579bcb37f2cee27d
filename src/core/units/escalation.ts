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
import { binds, inScope } from '../procedure/duties';
import { evaluate, type Place } from '../procedure/conditions';
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

export type LadderState = Record<string, Progress>;

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
  /** Every unit of the scenario that a ladder may concern, in the scenario's order. */
  others: readonly { id: string; nation: string; kind: UnitKind; service?: string }[];
  at(unit: string): Place | undefined;
  airborne(unit: string): boolean;
  metres(value: number | string): number | undefined;
  /** The first channel of the procedure's calling order the unit can key. */
  callChannel: string | undefined;
  answered(exchange: string, attempt: number): boolean;
}

const exchangeOf = (unit: string, step: StepRule, other: string) => `${unit}-${step.id}-${other}`;

/** One sampling moment: every ladder of the unit, towards every unit of another nation afloat or aloft. */
export function ladderTick(input: TickInput, state: LadderState): { state: LadderState; effects: Effect[] } {
  const effects: Effect[] = [];
  const next: LadderState = { ...state };
  for (const ladder of input.ladders) {
    for (const other of input.others) {
      if (other.id === input.unit.id || other.nation === input.unit.nation || isAshore(other)) continue;
      const key = `${ladder.id}@${other.id}`;
      const p = next[key] ?? { step: 0, taken: 0, lastT: -Infinity, waiting: [] };
      next[key] = advance(input, ladder, other.id, p, effects);
    }
  }
  return { state: next, effects };
}

function advance(input: TickInput, ladder: Ladder, other: string, p: Progress, effects: Effect[]): Progress {
  const step = ladder.steps[p.step];
  if (!step) return p;
  const intervalS = valueOf(input, step.intervalS, 60);
  const repeat = Math.min(MAX_REPEATS, Math.max(1, Math.round(valueOf(input, step.repeat, 1))));
  if (input.now < p.lastT + intervalS && p.taken > 0) return p;
  const cause: Cause = { kind: 'rule', ref: step.qid };
  const exchange = exchangeOf(input.unit.id, step, other);
  // Calls of this step that got no answer by the time the next is due are recorded as unanswered.
  const settled = settle(input, exchange, p, intervalS, effects, cause);
  if (p.taken > 0 && step.stopWhenAnswered && settled.answered) return done(input, ladder, other, { ...p, waiting: [] }, effects);
  if (p.taken >= repeat) return done(input, ladder, other, { ...p, waiting: settled.waiting }, effects);
  if (!inScope(step, { ...(serviceOf(input, other) ? { service: serviceOf(input, other)! } : {}) })) return p;
  const w = evaluate(step.trigger, { self: input.unit.id, other, at: input.at, airborne: input.airborne, metres: input.metres });
  if (!w.holds) return { ...p, waiting: settled.waiting };
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

function serviceOf(input: TickInput, id: string): string | undefined {
  return input.others.find((o) => o.id === id)?.service;
}

/** The step's repeats are over (or answered): the next step may be taken from now on. */
function done(input: TickInput, ladder: Ladder, other: string, p: Progress, effects: Effect[]): Progress {
  const moved = { step: p.step + 1, taken: 0, lastT: p.lastT, waiting: [] as number[] };
  const nextStep = ladder.steps[moved.step];
  return nextStep ? advance(input, ladder, other, { ...moved, lastT: -Infinity }, effects) : moved;
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
