/**
 * One call exchange as a state machine, built from the procedure's data: the hailing plan
 * (channels or priority list, calls per channel, attempts), the reply rules and the say-again
 * rule. Each call climbs the delivery ladder one stage at a time; at every stage an event says
 * whether it got there. Time is an event too ("reply-timeout"), so the machine has no `after`
 * and every path through it can be enumerated.
 *
 * It mirrors the procedure interpreter (../units/comms.ts): a call that fails before an answer
 * is followed by the next call of the plan; a say-again makes the caller repeat on the same
 * channel; any reply settles the exchange, so a reply that does not answer ends it at acted-on.
 */
import { isBound, plannedChannels } from '../procedure/duties';
import { createMachine, type AnyStateMachine } from 'xstate';
import { LADDER, type Stage } from '../log';
import { observes, rulesOfType, type Procedure } from '../procedure/load';
import type { UnitKind } from '../kinds';
import { neededStage } from '../radio/ladder';

/** What the model needs to know about a unit: who it is, and for a caller what it can key. */
export interface ExchangeParty {
  id: string;
  name?: string;
  nation: string;
  kind: UnitKind;
  service?: string;
  /** Channels and links it can send on; absent: every channel of the plan. */
  canSend?: string[];
}

export interface CallRecord {
  call: number;
  channel: string;
  /** Highest stage reached, null if not even keyed. */
  reached: Stage | null;
  /** First stage not reached; null when the call got as far as the exchange needs. */
  failedAt: Stage | null;
  /** The recipient asked for a repeat, and the caller heard it. */
  sayAgain: boolean;
}

/** The events that move a call up the ladder (first) or stop it (second) at each stage. */
export const STAGE_EVENTS: Record<Stage, { ok: string; fail: string; okWords: string; failWords: string }> = {
  transmitted: { ok: 'keyed', fail: 'not-keyed', okWords: 'the caller keys the call', failWords: 'the call never goes out' },
  'in-range': { ok: 'in-range', fail: 'out-of-range', okWords: 'the signal reaches the recipient', failWords: 'the signal does not reach the recipient' },
  receivable: { ok: 'on-a-set', fail: 'no-set', okWords: 'a set is on, tuned and listened to', failWords: 'no set there is on that channel' },
  heard: { ok: 'copied', fail: 'not-copied', okWords: 'an operator copies it', failWords: 'nobody copies it' },
  understood: {
    ok: 'recognised',
    fail: 'not-understood',
    okWords: 'it is understood as meant for the recipient',
    failWords: 'it is not understood, or taken to be for someone else',
  },
  acknowledged: { ok: 'reply', fail: 'reply-timeout', okWords: 'a reply reaches the caller', failWords: 'the wait for a reply runs out' },
  'acted-on': { ok: 'answer', fail: 'received-only', okWords: 'the reply answers what was asked', failWords: 'the reply only says "received"' },
};
export const SAY_AGAIN_EVENT = 'say-again';

export type ExchangeEvent = { type: string };

export interface ReplyRuleView {
  qid: string;
  answer: boolean;
  /** Followed by the recipient (not exempted by the procedure's practice). */
  observed: boolean;
}

export interface ExchangeModel {
  procedure: string;
  procedureTitle: string;
  caller: ExchangeParty | null;
  recipient: ExchangeParty | null;
  /** Channel of each call, as planned before anything happens. */
  plan: string[];
  callsPerChannel: number;
  replyTimeoutS: number;
  /** The last stage the exchange needs: acted-on when the call asks a question. */
  needed: Stage;
  /** Stages a call climbs in this model, in order (the ladder up to `needed`). */
  stages: Stage[];
  hailRules: string[];
  replyRules: ReplyRuleView[];
  /** The recipient follows a reply rule: a reply can come. */
  canAcknowledge: boolean;
  /** The rule that words the reply asks for an answer: the reply can answer the question. */
  canAnswer: boolean;
  /** Rule that makes a recipient ask for a repeat, if the recipient follows one. */
  sayAgain: string | null;
  /** A say-again rule the recipient does not follow in practice. */
  sayAgainNotObserved: string | null;
  guardRules: { qid: string; channels: string[] }[];
  /** Plain-words notes: where the plan comes from, which rules the recipient does not follow. */
  notes: string[];
  machine: AnyStateMachine;
}

/** Naval units and headquarters are bound by a procedure; a fishing boat or a coast-guard ship is not (CUES scope). */
export interface ModelOptions {
  caller?: ExchangeParty;
  recipient?: ExchangeParty;
  /** Whether the call asks a question a reply must answer; default: what the procedure's call rules say. */
  needsAnswer?: boolean;
}

export function exchangeModel(procedure: Procedure, opts: ModelOptions = {}): ExchangeModel {
  const caller = opts.caller ?? null;
  const recipient = opts.recipient ?? null;
  const notes: string[] = [];
  const hails = rulesOfType(procedure, 'hail');
  const needsAnswer = opts.needsAnswer ?? (hails.length === 0 || hails.some((r) => r.needsAnswer));
  const needed = neededStage({ needsReply: true, needsAnswer });
  const stages = LADDER.slice(0, LADDER.indexOf(needed) + 1) as Stage[];
  const plan = plannedChannels(procedure, caller?.canSend);
  const h = procedure.hailing;
  const listed = h.channels === 'priority' ? procedure.channelPriority : h.channels.map(String);
  notes.push(
    `${h.attempts} call${h.attempts > 1 ? 's' : ''}, ${h.callsPerChannel === 1 ? 'one' : h.callsPerChannel} per channel, on ${h.channels === 'priority' ? 'the priority list' : 'the listed channels'} ${listed.join(' → ')}; a call not answered within ${h.replyTimeoutS} s is followed by the next`,
  );
  if (caller?.canSend && plan.length && listed.some((c) => !caller.canSend!.includes(c))) {
    notes.push(
      `${caller.name ?? caller.id} cannot send on ${listed.filter((c) => !caller.canSend!.includes(c)).join(', ')}, so it calls on ${[...new Set(plan)].join(', ')} only`,
    );
  }

  // Which reply rules bind the recipient (a safety call: hail rules are safety calls by default).
  const safety = hails.length === 0 || hails.some((r) => r.safety);
  const appliesToRecipient = (appliesTo: readonly string[]) => !recipient || (isBound(recipient) && appliesTo.includes(recipient.kind));
  const chain = procedure.chain;
  const replyRules: ReplyRuleView[] = rulesOfType(procedure, 'reply')
    .filter((r) => appliesToRecipient(r.appliesTo) && (r.calls === 'any' || safety))
    .sort((a, b) => chain.indexOf(b.origin) - chain.indexOf(a.origin))
    .map((r) => ({ qid: r.qid, answer: r.answer, observed: recipient ? observes(r, recipient) : true }));
  const wording = replyRules.find((r) => r.observed);
  const canAcknowledge = wording !== undefined;
  const canAnswer = wording?.answer ?? false;
  const who = recipient?.name ?? recipient?.id ?? 'the recipient';
  if (recipient && !isBound(recipient)) notes.push(`${who} is not bound by ${procedure.id} (not a naval unit): nothing asks it to reply`);
  else if (replyRules.length === 0) notes.push(`no rule of ${procedure.id} asks ${who} to reply to this call`);
  for (const r of replyRules.filter((x) => !x.observed)) notes.push(`in practice ${who} does not follow ${r.qid}`);
  if (!canAcknowledge) notes.push('no reply can come, so no path completes');
  else if (needed === 'acted-on' && !canAnswer) notes.push(`the reply ${wording!.qid} words says only "received": no path gets to acted-on`);

  const sayRule = rulesOfType(procedure, 'say-again').find((r) => appliesToRecipient(r.appliesTo));
  const sayAgain = sayRule && (!recipient || observes(sayRule, recipient)) ? sayRule.qid : null;
  const sayAgainNotObserved = sayRule && !sayAgain ? sayRule.qid : null;
  if (sayAgain)
    notes.push(`${sayAgain}: a recipient that recognises the call but cannot make it out asks for a repeat, and the caller repeats on the same channel`);
  if (sayAgainNotObserved) notes.push(`in practice ${who} does not follow ${sayAgainNotObserved}`);

  const guardRules = rulesOfType(procedure, 'guard')
    .filter((r) => appliesToRecipient(r.appliesTo))
    .map((r) => ({ qid: r.qid, channels: r.channels === 'priority' ? [...procedure.channelPriority] : r.channels.map(String) }));

  const base = {
    procedure: procedure.id,
    procedureTitle: procedure.title,
    caller,
    recipient,
    plan,
    callsPerChannel: h.callsPerChannel,
    replyTimeoutS: h.replyTimeoutS,
    needed,
    stages,
    hailRules: hails.map((r) => r.qid),
    replyRules,
    canAcknowledge,
    canAnswer,
    sayAgain,
    sayAgainNotObserved,
    guardRules,
    notes,
  };
  return { ...base, machine: buildMachine(base) };
}

export const callState = (n: number) => `call${n}`;
export const completedState = (n: number) => `completed-on-call-${n}`;
export const failedState = (s: Stage) => `failed-at-${s}`;

type ModelData = Omit<ExchangeModel, 'machine'>;

function buildMachine(m: ModelData): AnyStateMachine {
  const n = m.plan.length;
  const states: Record<string, unknown> = {};
  for (let call = 1; call <= n; call++) {
    const sub: Record<string, unknown> = {};
    m.stages.forEach((stage, i) => {
      const ev = STAGE_EVENTS[stage];
      const on: Record<string, string> = {};
      const reachable = stage === 'acknowledged' ? m.canAcknowledge : stage === 'acted-on' ? m.canAnswer : true;
      if (reachable) on[ev.ok] = i === m.stages.length - 1 ? `#exchange.${completedState(call)}` : m.stages[i + 1]!;
      // A reply settles the exchange: one that does not answer ends it here, with no new call.
      const last = call === n || stage === 'acted-on';
      on[ev.fail] = last ? `#exchange.${failedState(stage)}` : `#exchange.${callState(call + 1)}`;
      // A say-again makes the caller repeat; after the last call there is nothing left to repeat with.
      if (stage === 'understood' && m.sayAgain) on[SAY_AGAIN_EVENT] = call < n ? `#exchange.${callState(call + 1)}` : `#exchange.${failedState(stage)}`;
      sub[stage] = { on };
    });
    states[callState(call)] = { initial: m.stages[0], states: sub };
  }
  for (let call = 1; call <= n; call++) states[completedState(call)] = { type: 'final' };
  for (const s of m.stages) states[failedState(s)] = { type: 'final' };
  if (n === 0) states['no-channel'] = { type: 'final' };
  const config = { id: 'exchange', initial: n === 0 ? 'no-channel' : callState(1), states };
  return createMachine(config as Parameters<typeof createMachine>[0]) as unknown as AnyStateMachine;
}

/**
 * What happened to each call along a path of events. The machine says which events can happen
 * where; this keeps the books: the channel of each call (a say-again repeats the channel) and the
 * stage where it stopped.
 */
export function callsOf(m: Pick<ExchangeModel, 'plan' | 'stages'>, events: readonly string[]): CallRecord[] {
  const plan = [...m.plan];
  const calls: CallRecord[] = [];
  let call = 1;
  let i = 0;
  for (const ev of events) {
    const stage = m.stages[i];
    if (!stage || call > plan.length) break;
    const names = STAGE_EVENTS[stage];
    if (ev === names.ok) {
      if (i === m.stages.length - 1) calls.push({ call, channel: plan[call - 1]!, reached: stage, failedAt: null, sayAgain: false });
      i++;
      continue;
    }
    const sayAgain = ev === SAY_AGAIN_EVENT;
    calls.push({ call, channel: plan[call - 1]!, reached: i === 0 ? null : m.stages[i - 1]!, failedAt: stage, sayAgain });
    if (sayAgain && call < plan.length) plan[call] = plan[call - 1]!;
    call++;
    i = 0;
  }
  return calls;
}

/** The channel the next call of a path would go out on. */
export function channelOfCall(m: Pick<ExchangeModel, 'plan' | 'stages'>, events: readonly string[], call: number): string | undefined {
  const plan = [...m.plan];
  for (const c of callsOf(m, events)) if (c.sayAgain && c.call < plan.length) plan[c.call] = plan[c.call - 1]!;
  return plan[call - 1];
}
