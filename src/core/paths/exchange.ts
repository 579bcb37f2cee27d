/**
 * One call exchange run on the two parties' own unit machines (the ones the run uses, compiled
 * from the procedure): the caller is told to call, and the world is the only thing left open. At
 * each stage of the delivery ladder the world decides whether the call gets there; time passing is
 * an event too (the caller's timers fire), so the traversal has no `after` and every path can be
 * enumerated with xstate/graph. Which events can happen where is the machines' answer: a reply
 * can come only if the recipient's machine owes one, a say-again only if it asks for one, the next
 * call only if the caller's machine makes it.
 */
import { fromTransition, initialTransition, transition, type AnyActorLogic } from 'xstate';
import { LADDER, type Stage, type Transmission } from '../log';
import { observes, rulesOfType, type Procedure } from '../procedure/load';
import { inScope, isBound } from '../procedure/duties';
import { machineFor, type UnitMachine } from '../units';
import type { Action } from '../scenario/load';
import type { UnitKind } from '../scenario/schema';
import type { Effect, Outgoing, UnitContext, UnitEvent } from '../units/protocol';
import type { EffectsEmitted } from '../units/unit-machine';
import { explain, type Explanation } from '../explain';
import { english } from '../../i18n';

/** What the exchange needs to know about a unit: who it is, and for a caller what it can key. */
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

/** The world's events that move a call up the ladder (first) or stop it (second) at each stage. */
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

export type PathOutcome = { kind: 'completed'; call: number } | { kind: 'failed'; stage: Stage } | { kind: 'no-channel' };

/** Where the traversal is: both machines' snapshots and the call on its way up the ladder. */
export interface ExchangeState {
  caller: ReturnType<typeof initialTransition<UnitMachine>>[0];
  recipient: ReturnType<typeof initialTransition<UnitMachine>>[0];
  /** The caller's call in flight (null before the first and after the last). */
  tx: Transmission | null;
  /** Index into the stages of the stage the call is trying to reach. */
  stage: number;
  /** Timers the caller set for the call in flight, in the order they fire. */
  timers: { name: 'reply-timeout' | 'hail-next'; ref: string }[];
  /** What the recipient owes for the call in flight: a reply (after recognising it) or a say-again. */
  owed: Outgoing | null;
  /** The recipient, failing to make the call out, would ask for a repeat. */
  wouldSayAgain: boolean;
  end: PathOutcome | null;
}

export interface ExchangeMachines {
  caller: UnitMachine;
  recipient: UnitMachine;
  callerContext: UnitContext;
  recipientContext: UnitContext;
  stages: Stage[];
  safety: boolean;
}

/** The effects a step emitted: one event carries all of them (units/unit-machine.ts EffectsEmitted). */
const emitted = (actions: readonly { type: string; params?: unknown }[]): Effect[] =>
  actions.filter((a) => a.type === 'xstate.emit').flatMap((a) => (a.params as { event: EffectsEmitted }).event.effects);

/** A party's context at the start of a run, as the engine gives it (no sets, names or links: the exchange supplies the world). */
export function contextOf(procedure: Procedure, p: ExchangeParty, canSend: string[]): UnitContext {
  return {
    unit: {
      id: p.id,
      name: p.name ?? p.id,
      nation: p.nation as UnitContext['unit']['nation'],
      kind: p.kind as UnitKind,
      ...(p.service ? { service: p.service } : {}),
      callSigns: [],
      canSend,
      linkTo: {},
      names: {},
      sets: [],
    },
    procedure,
    parameters: {},
    hail: null,
    queued: [],
    exchanges: 0,
    awaiting: [],
    pendingReplies: {},
    seen: {},
    done: [],
    beliefs: {},
  };
}

/** A message a machine sent, as the world delivers it. */
function delivered(msg: Outgoing, from: string, n: number): Transmission {
  return {
    id: `${from}-tx${n}`,
    t: 0,
    from,
    to: msg.to,
    channel: msg.channel,
    kind: msg.kind,
    addressee: msg.addressee ?? '',
    body: msg.body,
    text: msg.body,
    language: 'en',
    safety: msg.safety,
    needsReply: msg.needsReply,
    needsAnswer: msg.needsAnswer,
    ...(msg.inReplyTo ? { inReplyTo: msg.inReplyTo } : {}),
    ...(msg.answers !== undefined ? { answers: msg.answers } : {}),
    exchange: msg.exchange ?? '',
    attempt: msg.attempt ?? 1,
    recipients: [msg.to],
  };
}

type Snap = ExchangeState['caller'];

function step(machine: UnitMachine, snap: Snap, event: UnitEvent): [Snap, Effect[]] {
  const [next, actions] = transition(machine, snap, event);
  return [next, emitted(actions as never)];
}

/** The exchange's machines: the two parties' unit machines and what the caller is told to do. */
export function exchangeMachines(procedure: Procedure, caller: ExchangeParty, recipient: ExchangeParty, needed: Stage, safety: boolean): ExchangeMachines {
  const listed = procedure.hailing.channels === 'priority' ? procedure.channelPriority : procedure.hailing.channels.map(String);
  const kindOf = (p: ExchangeParty) => ({ kind: p.kind as UnitKind, ...(p.service ? { service: p.service } : {}) });
  return {
    caller: machineFor(procedure, kindOf(caller)),
    recipient: machineFor(procedure, kindOf(recipient)),
    callerContext: contextOf(procedure, caller, caller.canSend ?? listed),
    recipientContext: contextOf(procedure, recipient, recipient.canSend ?? listed),
    stages: LADDER.slice(0, LADDER.indexOf(needed) + 1) as Stage[],
    safety,
  };
}

/** Carries out what the caller sent: a new call in flight, or the exchange over. */
function afterCaller(m: ExchangeMachines, s: ExchangeState, effects: Effect[], failedAt: Stage | null): ExchangeState {
  const tx = effects.find(
    (e): e is Extract<Effect, { type: 'transmit' }> => e.type === 'transmit' && e.msg.kind === 'hail' && (!s.tx || e.msg.exchange === s.tx.exchange),
  );
  if (tx) {
    const timers = effects.flatMap((e) =>
      e.type === 'schedule' && (e.timer === 'reply-timeout' || e.timer === 'hail-next') ? [{ name: e.timer, ref: e.ref }] : [],
    );
    const sent = delivered(tx.msg, m.callerContext.unit.id, tx.msg.attempt ?? 1);
    return { ...s, tx: sent, stage: 0, timers, owed: null, wouldSayAgain: false };
  }
  const h = (s.caller.context as UnitContext).hail;
  if (!h || (s.tx && h.exchange !== s.tx.exchange)) return { ...s, tx: null, end: failedAt ? { kind: 'failed', stage: failedAt } : { kind: 'no-channel' } };
  return s;
}

/** The call in flight stops at `stage`: the caller's timers fire until it calls again or gives up. */
function stopped(m: ExchangeMachines, s: ExchangeState, stage: Stage): ExchangeState {
  let caller = s.caller;
  for (const t of s.timers) {
    const [next, effects] = step(m.caller, caller, { type: 'timer', name: t.name, ref: t.ref });
    caller = next;
    const after = afterCaller(m, { ...s, caller }, effects, stage);
    if (after.tx !== s.tx || after.end) return after;
  }
  return { ...s, caller, end: { kind: 'failed', stage } };
}

/** The recipient's step for the call in flight, understood or not made out. */
function toRecipient(m: ExchangeMachines, s: ExchangeState, understood: boolean): { recipient: Snap; owed: Outgoing | null } {
  const [recipient] = step(m.recipient, s.recipient, { type: 'call', tx: s.tx!, understood, notUnderstood: !understood, entry: 0 });
  const owed = (recipient.context as UnitContext).pendingReplies[s.tx!.id] ?? null;
  return { recipient, owed };
}

/** A reply or say-again from the recipient reaches the caller. */
function replyReaches(m: ExchangeMachines, s: ExchangeState, msg: Outgoing, answers: boolean): [Snap, Effect[]] {
  const tx = delivered({ ...msg, answers }, m.recipientContext.unit.id, 1000 + s.tx!.attempt);
  return step(m.caller, s.caller, { type: 'call', tx, understood: true, notUnderstood: false, entry: 0 });
}

export function exchangeTransition(m: ExchangeMachines, s: ExchangeState, event: { type: string }): ExchangeState {
  if (s.end || !s.tx) return s;
  const stage = m.stages[s.stage]!;
  const names = STAGE_EVENTS[stage];
  const last = s.stage === m.stages.length - 1;
  const completed = (): ExchangeState => ({ ...s, tx: null, end: { kind: 'completed', call: s.tx!.attempt } });
  if (event.type === SAY_AGAIN_EVENT) {
    const heard = toRecipient(m, s, false);
    if (!heard.owed) return s;
    const [caller, effects] = replyReaches(m, { ...s, recipient: heard.recipient }, heard.owed, false);
    const after = afterCaller(m, { ...s, caller, recipient: heard.recipient }, effects, 'understood');
    return after.tx !== s.tx || after.end ? after : stopped(m, after, 'understood');
  }
  if (event.type === names.fail && stage === 'acted-on' && s.owed) {
    // A reply that only says "received" still settles the exchange.
    const [caller] = replyReaches(m, s, s.owed, false);
    return { ...s, caller, tx: null, end: { kind: 'failed', stage } };
  }
  if (event.type === names.fail) return stopped(m, s, stage);
  if (event.type !== names.ok) return s;
  if (stage === 'heard') {
    const next = { ...s, stage: s.stage + 1, wouldSayAgain: toRecipient(m, s, false).owed !== null };
    return next;
  }
  if (stage === 'understood') {
    const heard = toRecipient(m, s, true);
    const next = { ...s, recipient: heard.recipient, owed: heard.owed, stage: s.stage + 1 };
    return last ? completed() : next;
  }
  if (stage === 'acknowledged' || stage === 'acted-on') {
    if (!s.owed) return s;
    if (stage === 'acknowledged' && !last) return { ...s, stage: s.stage + 1 };
    const [caller] = replyReaches(m, s, s.owed, stage === 'acted-on' ? true : (s.owed.answers ?? false));
    return { ...completed(), caller };
  }
  return last ? completed() : { ...s, stage: s.stage + 1 };
}

/** The world's events that can happen where the exchange is. */
export function exchangeEvents(m: ExchangeMachines, s: ExchangeState): { type: string }[] {
  if (s.end || !s.tx) return [];
  const stage = m.stages[s.stage]!;
  const names = STAGE_EVENTS[stage];
  const out: string[] = [];
  const reachable = stage === 'acknowledged' ? s.owed !== null : stage === 'acted-on' ? s.owed?.answers === true : true;
  if (reachable) out.push(names.ok);
  // A reply that does not answer still settles the exchange; the world may garble one that does.
  out.push(names.fail);
  if (stage === 'understood' && s.wouldSayAgain) out.push(SAY_AGAIN_EVENT);
  return out.map((type) => ({ type }));
}

export function initialExchange(m: ExchangeMachines, to: string): ExchangeState {
  const [caller0] = initialTransition(m.caller, m.callerContext);
  const [recipient] = initialTransition(m.recipient, m.recipientContext);
  const call = { do: 'hail', id: 'exchange', unit: m.callerContext.unit.id, to, safety: m.safety } as unknown as Action;
  const [caller, effects] = step(m.caller, caller0, { type: 'script', action: call });
  const s: ExchangeState = { caller, recipient, tx: null, stage: 0, timers: [], owed: null, wouldSayAgain: false, end: null };
  return afterCaller(m, s, effects, null);
}

/** The exchange as actor logic xstate/graph can traverse. */
export function exchangeLogic(m: ExchangeMachines, to: string): AnyActorLogic {
  return fromTransition((s: ExchangeState, e: { type: string }) => exchangeTransition(m, s, e), initialExchange(m, to)) as unknown as AnyActorLogic;
}

/** States are told apart by where the exchange is (the call, its channel, the stage, what is owed), not by how it got there. */
const keys = new WeakMap<ExchangeState, string>();

export function exchangeKey(s: ExchangeState): string {
  let k = keys.get(s);
  if (k === undefined) {
    const h = (s.caller.context as UnitContext).hail;
    // The calls still to come, not the ones made: paths that differ only in the past meet again.
    const ahead = h ? h.plan.slice(h.attempt) : null;
    k = JSON.stringify([s.end, s.tx?.attempt ?? null, s.tx?.channel ?? null, s.stage, ahead, s.owed?.answers ?? null, s.wouldSayAgain]);
    keys.set(s, k);
  }
  return k;
}

// ---- what the procedure says, for the words around the paths ------------------------------------

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
  /** Channel of each call, as the caller's machine plans it before anything happens. */
  plan: string[];
  callsPerChannel: number;
  replyTimeoutS: number;
  /** The last stage the exchange needs: acted-on when the call asks a question. */
  needed: Stage;
  /** Stages a call climbs, in order (the ladder up to `needed`). */
  stages: Stage[];
  hailRules: string[];
  replyRules: ReplyRuleView[];
  /** The recipient's machine owes a reply to a call it understood. */
  canAcknowledge: boolean;
  /** That reply answers the question. */
  canAnswer: boolean;
  /** Rule under which the recipient's machine asks for a repeat of a call it cannot make out. */
  sayAgain: string | null;
  /** A say-again rule the recipient does not follow in practice. */
  sayAgainNotObserved: string | null;
  guardRules: { qid: string; channels: string[] }[];
  /** Plain-words notes: where the plan comes from, which rules the recipient does not follow. */
  notes: string[];
  /** The same as data (`notes` is their English). */
  notesWhy: Explanation[];
  machines: ExchangeMachines;
  logic: AnyActorLogic;
}

/** Naval units and headquarters are bound by a procedure; a fishing boat or a coast-guard ship is not (CUES scope). */
export interface ModelOptions {
  caller?: ExchangeParty;
  recipient?: ExchangeParty;
  /** Whether the call asks a question a reply must answer; default: what the procedure's call rules say. */
  needsAnswer?: boolean;
}

/** Any naval ship, where no unit is named: every rule binds it and it follows them all. */
const anyUnit = (id: string): ExchangeParty => ({ id, nation: 'any', kind: 'ship' });

export function exchangeModel(procedure: Procedure, opts: ModelOptions = {}): ExchangeModel {
  const caller = opts.caller ?? null;
  const recipient = opts.recipient ?? null;
  const notesWhy: Explanation[] = [];
  const notes = { push: (e: Explanation) => notesWhy.push(e) };
  const hails = rulesOfType(procedure, 'hail');
  const needsAnswer = opts.needsAnswer ?? (hails.length === 0 || hails.some((r) => r.needsAnswer));
  const needed: Stage = needsAnswer ? 'acted-on' : 'acknowledged';
  // A safety call unless every call rule says otherwise: the reply rules for safety calls apply.
  const safety = hails.length === 0 || hails.some((r) => r.safety);
  const callerParty = caller ?? anyUnit('caller');
  const recipientParty = recipient ?? anyUnit('recipient');
  const machines = exchangeMachines(procedure, callerParty, recipientParty, needed, safety);
  const start = initialExchange(machines, recipientParty.id);
  const plan = (start.caller.context as UnitContext).hail?.plan ?? [];

  const h = procedure.hailing;
  const listed = h.channels === 'priority' ? procedure.channelPriority : h.channels.map(String);
  notes.push(
    explain(h.channels === 'priority' ? 'debrief.paths.note.plan.priority' : 'debrief.paths.note.plan.listed', {
      n: h.attempts,
      per: h.callsPerChannel,
      channels: listed.join(' → '),
      timeout: h.replyTimeoutS,
    }),
  );
  if (caller?.canSend && plan.length && listed.some((c) => !caller.canSend!.includes(c))) {
    notes.push(
      explain('debrief.paths.note.cannot-send', {
        caller: caller.name ?? caller.id,
        missing: listed.filter((c) => !caller.canSend!.includes(c)).join(', '),
        plan: [...new Set(plan)].join(', '),
      }),
    );
  }

  // What the recipient's machine does with the first call, understood or not made out.
  const probe = (understood: boolean) => (start.tx ? toRecipient(machines, start, understood).owed : null);
  const reply = probe(true);
  const repeat = probe(false);

  const appliesToRecipient = (r: { appliesTo: readonly string[]; services?: string[] }) =>
    !recipient || (isBound(recipient) && r.appliesTo.includes(recipient.kind) && inScope(r, recipient));
  const chain = procedure.chain;
  const replyRules: ReplyRuleView[] = rulesOfType(procedure, 'reply')
    .filter((r) => appliesToRecipient(r) && (r.calls === 'any' || safety))
    .sort((a, b) => chain.indexOf(b.origin) - chain.indexOf(a.origin))
    .map((r) => ({ qid: r.qid, answer: r.answer, observed: recipient ? observes(r, recipient) : true }));
  const canAcknowledge = reply !== null;
  const canAnswer = reply?.answers === true;
  const who = recipient?.name ?? recipient?.id ?? explain('debrief.paths.the-recipient');
  if (recipient && !isBound(recipient))
    notes.push(explain('debrief.paths.note.unbound', { who, procedure: procedure.id, kind: explain(`debrief.unit-kind.${recipient.kind}`) }));
  else if (replyRules.length === 0) notes.push(explain('debrief.paths.note.no-reply-rule', { who, procedure: procedure.id }));
  for (const r of replyRules.filter((x) => !x.observed)) notes.push(explain('debrief.paths.note.not-followed', { who, rule: r.qid }));
  if (!canAcknowledge) notes.push(explain('debrief.paths.note.no-reply'));
  else if (needed === 'acted-on' && !canAnswer) notes.push(explain('debrief.paths.note.received-only', { rule: String(reply!.rule) }));

  const sayRule = rulesOfType(procedure, 'say-again').find((r) => appliesToRecipient(r));
  const sayAgain = repeat?.kind === 'say-again' ? (repeat.rule ?? null) : null;
  const sayAgainNotObserved = sayRule && !sayAgain ? sayRule.qid : null;
  if (sayAgain) notes.push(explain('debrief.paths.note.say-again', { rule: sayAgain }));
  if (sayAgainNotObserved) notes.push(explain('debrief.paths.note.not-followed', { who, rule: sayAgainNotObserved }));

  const guardRules = rulesOfType(procedure, 'guard')
    .filter((r) => appliesToRecipient(r))
    .map((r) => ({ qid: r.qid, channels: r.channels === 'priority' ? [...procedure.channelPriority] : r.channels.map(String) }));

  return {
    procedure: procedure.id,
    procedureTitle: procedure.title,
    caller,
    recipient,
    plan,
    callsPerChannel: h.callsPerChannel,
    replyTimeoutS: h.replyTimeoutS,
    needed,
    stages: machines.stages,
    hailRules: hails.map((r) => r.qid),
    replyRules,
    canAcknowledge,
    canAnswer,
    sayAgain,
    sayAgainNotObserved,
    guardRules,
    notes: notesWhy.map((n) => english(n)),
    notesWhy,
    machines,
    logic: exchangeLogic(machines, recipientParty.id),
  };
}
