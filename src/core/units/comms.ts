/**
 * The procedure interpreter: given a unit, the procedure in force and what the unit perceives,
 * decide what it does on the radio. Pure functions (context and event in, context and effects
 * out), shared by every unit machine. Each decision names the rule behind it, including the
 * rules a unit did not follow, so the analysis can explain silence as well as speech.
 */
import { selector } from '../radio/selector';
import type { CallClass, Cause } from '../log';
import { observes, rulesOfType, parameterValue, type ResolvedRule } from '../procedure/load';
import type { CallMarks, Effect, HailInProgress, Outgoing, QueuedHail, UnitContext, UnitEvent, SenseTrigger } from './protocol';
import type { Action } from '../scenario/load';
import { parseTime } from '../scenario/schema';
import { consult, drillDecision } from './consult';
import { boundHere, inScope, isBound, plannedChannels, serviceInScope } from '../procedure/duties';
import type { DrillOption } from './protocol';
import { answerStage } from '../radio/ladder';
import { scriptContent } from '../content/message';
import { callClass } from '../radio/call-class';
import { signalChannel } from '../radio/channels';
import { rephrase, vocabularyWhy, vocabularyWords } from '../radio/phraseology';
import { explain, unitRef, type Explanation, type ParamValue } from '../explain';
import { english } from '../../i18n';
import { linkToward } from './links';
import { remember } from '../process-cache';

export interface Step {
  context: UnitContext;
  effects: Effect[];
}

export const DEFAULT_REPLY_DELAY_S = 20;
/** How long a headquarters waits for its counterpart when the procedure gives no hqReplyTimeoutS [U]. */
export const DEFAULT_HQ_REPLY_TIMEOUT_S = 900;

const verbs: Record<string, string> = {
  hail: 'call',
  announce: 'state its activity to',
  report: 'report to headquarters about',
  'hq-contact': "contact the other side's headquarters about",
  relay: 'relay to its unit',
  reply: 'reply to',
  'say-again': 'ask for a repeat of',
  clarify: 'ask what was meant by',
  guard: 'guard',
};

function practiceReason(rule: ResolvedRule, ctx: UnitContext, about?: string): string {
  const who = rule.notObservedBy.includes(ctx.unit.id) ? ctx.unit.id : `${ctx.unit.nation} units`;
  return `${rule.qid} asks ${ctx.unit.id} to ${verbs[rule.type] ?? rule.type}${about ? ` ${about}` : ''}, but in practice ${who} did not (${ctx.procedure.id})`;
}

/** practiceReason as data. */
function practiceWhy(rule: ResolvedRule, ctx: UnitContext, about?: string, aboutUnit = true): Explanation {
  return explain('ladder.unit.practice', {
    rule: rule.qid,
    unit: id(ctx.unit.id),
    type: selectorOf(rule.type),
    // What a rule is about is the other unit, named like any unit; a list of channels is said as it is.
    about: about ? explain('ladder.unit.about', { about: aboutUnit ? id(about) : about }) : explain('ladder.empty'),
    who: rule.notObservedBy.includes(ctx.unit.id) ? id(ctx.unit.id) : explain('ladder.unit.nation-units', { nation: ctx.unit.nation }),
    procedure: ctx.procedure.id,
  });
}

/**
 * selector's key for an id, worked out once per id (a regular expression per reply owed was a tenth
 * of scheduleReply); bounded as the unit references are (explain.ts, process-cache.ts).
 */
const selectors = new Map<string, string>();
const MAX_SELECTORS = 50_000;
function selectorOf(id: string): string {
  return selectors.get(id) ?? remember(selectors, id, selector(id), MAX_SELECTORS);
}

/** A unit named by its id, as the decisions' words name it. */
const id = unitRef;

/** A decision's words from its explanation (ids only, so its English needs no names). */
const worded = (why: Explanation) => ({ reason: english(why), why });

export function bound(ctx: UnitContext): boolean {
  return isBound(ctx.unit);
}

function applies(rule: ResolvedRule, ctx: UnitContext): boolean {
  if (!bound(ctx)) return false;
  return (rule.appliesTo as string[]).includes(ctx.unit.kind) && inScope(rule, ctx.unit) && boundHere(rule, ctx.unit);
}

/** Whether a rule about another unit speaks towards it: a unit outside the rule's scope is owed nothing by it. */
function towards(rule: ResolvedRule, ctx: UnitContext, other: string | undefined): boolean {
  return other === undefined || serviceInScope(rule, ctx.unit.services?.[other]);
}

/**
 * The rules that bind a unit (applies), by type and by trigger, in the procedure's order. What
 * applies depends only on the unit and its procedure, both fixed for a run, so each list is made
 * once per unit instead of filtering every rule for every call or trigger. The lists are shared:
 * callers only read them.
 */
interface Applicable {
  rules: readonly ResolvedRule[];
  ofType: Map<string, ResolvedRule[]>;
  on: Map<string, ResolvedRule[]>;
}
const applicableByUnit = new WeakMap<UnitContext['unit'], Applicable>();

function applicableTo(ctx: UnitContext): Applicable {
  let a = applicableByUnit.get(ctx.unit);
  if (!a || a.rules !== ctx.procedure.rules) applicableByUnit.set(ctx.unit, (a = { rules: ctx.procedure.rules, ofType: new Map(), on: new Map() }));
  return a;
}

/** rulesOfType's rules that apply to this unit. */
function applicableOfType<T extends ResolvedRule['type']>(ctx: UnitContext, type: T): readonly (ResolvedRule & { type: T })[] {
  const a = applicableTo(ctx);
  let list = a.ofType.get(type);
  if (!list) a.ofType.set(type, (list = rulesOfType(ctx.procedure, type).filter((r) => applies(r, ctx))));
  return list as (ResolvedRule & { type: T })[];
}

/** rulesOn's rules that apply to this unit. */
function applicableOn(ctx: UnitContext, trigger: string): readonly ResolvedRule[] {
  const a = applicableTo(ctx);
  let list = a.on.get(trigger);
  if (!list) a.on.set(trigger, (list = rulesOn(ctx.procedure.rules, trigger).filter((r) => applies(r, ctx))));
  return list;
}

/** Rules about another unit: calls, replies and statements of activity. */
const ABOUT_ANOTHER = new Set<string>(['hail', 'reply', 'say-again', 'clarify', 'announce']);

/** Channels the procedure says to call on, in order, that this unit can actually key. */
export function callingChannels(ctx: UnitContext): string[] {
  const h = ctx.procedure.hailing;
  const list = h.channels === 'priority' ? ctx.procedure.channelPriority : h.channels.map(String);
  return list.filter((c) => ctx.unit.canSend.includes(c));
}

export function hailPlan(ctx: UnitContext, only?: string): string[] {
  return plannedChannels(ctx.procedure, ctx.unit.canSend, only);
}

function intervalAfter(ctx: UnitContext, attempt: number): number {
  const h = ctx.procedure.hailing;
  return attempt < h.laterAfter ? h.intervalS : h.laterIntervalS;
}

/**
 * A message text split once at its {placeholders}: literal, name, literal, … literal. The texts are
 * the procedures' messages and a few fixed ones; the cache starts again if a long session (the app,
 * a sweep's worker) ever piles up many procedures' texts (process-cache.ts).
 */
const templates = new Map<string, string[]>();
function templateOf(text: string): string[] {
  return templates.get(text) ?? remember(templates, text, text.split(/\{(\w+)\}/), 10_000);
}

/** Message bodies go out in capitals, as radio messages are written. */
function fill(text: string, vars: Record<string, string>): string {
  const parts = templateOf(text);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (vars[parts[i]!] ?? '') + parts[i + 1]!;
  return out.toUpperCase();
}

function answerText(ctx: UnitContext): string {
  const act = ctx.unit.activity ? `I AM ${ctx.unit.activity.toUpperCase()}. ` : '';
  return `${act}NO HOSTILE INTENT.`.trim();
}

function startHail(
  ctx: UnitContext,
  // A call waiting its turn keeps the rule's id; the one being made has the rule itself.
  opts: Omit<QueuedHail, 'rule'> & { rule: ResolvedRule | null },
  cause: Cause,
  /** A scripted call goes out when the script says, whatever the procedure's delay. */
  immediate = false,
): Step {
  const effects: Effect[] = [];
  if (ctx.hail) {
    const busy = `already calling ${ctx.hail.to} (exchange ${ctx.hail.exchange})`;
    // One call at a time. A call to a unit already being called (or waiting its turn) adds nothing:
    // the call in progress is about it. A call to another unit is made when this one ends, as an
    // officer of the watch works through the contacts that need a call.
    if (ctx.hail.to === opts.to || ctx.queued.some((q) => q.to === opts.to)) {
      effects.push({
        type: 'decision',
        rule: opts.rule?.qid ?? null,
        decision: 'none',
        reason: `does not call ${opts.to} again: ${busy}`,
        why: explain('ladder.unit.busy-again', { to: id(opts.to), calling: id(ctx.hail.to), exchange: ctx.hail.exchange }),
        about: opts.to,
        cause,
      });
      return { context: ctx, effects };
    }
    effects.push({
      type: 'decision',
      rule: opts.rule?.qid ?? null,
      decision: 'none',
      ...worded(explain('ladder.unit.call-later', { to: id(opts.to), calling: id(ctx.hail.to), exchange: ctx.hail.exchange })),
      about: opts.to,
      cause,
    });
    const { rule, ...rest } = opts;
    return { context: { ...ctx, queued: [...ctx.queued, { ...rest, rule: rule?.qid ?? null }] }, effects };
  }
  const plan = hailPlan(ctx, opts.channel);
  if (plan.length === 0) {
    const wanted = opts.channel
      ? [opts.channel]
      : ctx.procedure.hailing.channels === 'priority'
        ? ctx.procedure.channelPriority
        : ctx.procedure.hailing.channels;
    effects.push({
      type: 'decision',
      rule: opts.rule?.qid ?? null,
      decision: 'cannot',
      ...worded(explain('ladder.unit.no-send-set', { channels: wanted.join(', ') })),
      about: opts.to,
      cause,
    });
    return { context: ctx, effects };
  }
  const exchange = `${ctx.unit.id}-x${ctx.exchanges + 1}`;
  // Optional fields set one by one, in the order the call has always listed them: a spread of a
  // conditional literal per field made a throwaway object and a generic copy for each.
  const hail: HailInProgress = { exchange, to: opts.to, rule: opts.rule?.qid ?? null, reason: opts.reason } as HailInProgress;
  if (opts.reasonWhy !== undefined) hail.reasonWhy = opts.reasonWhy;
  hail.body = opts.body;
  hail.safety = opts.safety;
  hail.needsAnswer = opts.needsAnswer;
  hail.plan = plan;
  hail.attempt = 0;
  hail.lastTx = null;
  if (opts.addressee) hail.addressee = opts.addressee;
  if (opts.about) hail.about = opts.about;
  if (opts.content) hail.content = opts.content;
  if (opts.states) hail.states = opts.states;
  if (opts.marks) hail.marks = opts.marks;
  const next: UnitContext = { ...ctx, exchanges: ctx.exchanges + 1, hail };
  if (opts.rule)
    effects.push({
      type: 'decision',
      rule: opts.rule.qid,
      decision: 'done',
      reason: `${opts.reason}: calls ${opts.to} on ${plan.join(' → ')}`,
      why: explain('ladder.unit.calls', { reason: opts.reasonWhy ?? opts.reason, to: id(opts.to), plan: plan.join(' → ') }),
      about: opts.to,
      cause,
    });
  // A crew may first do something else (in 2018 the P-1 separated and reported by satellite
  // before it called): the first call then waits. A student in a drill calls when they choose.
  const firstAfterS = ctx.procedure.hailing.firstCallAfterS;
  if (firstAfterS > 0 && !ctx.drill && !immediate) {
    effects.push({ type: 'schedule', afterS: firstAfterS, timer: 'hail-next', ref: `${exchange}#0`, cause });
    return { context: next, effects };
  }
  return sendAttempt(next, effects, cause);
}

/**
 * The listener asked what a phrase meant: the call is said again with the phrasebook's words for
 * it in a vocabulary both crews know, or in the same words when the phrasebook gives none.
 */
function clarified(ctx: UnitContext, tx: Extract<UnitEvent, { type: 'call' }>['tx'], effects: Effect[], cause: Cause): [UnitContext, Effect[]] {
  const h = ctx.hail!;
  const asked = tx.clarify!;
  const phrase = ctx.procedure.phrases.find((p) => p.phrase.toUpperCase() === asked.toUpperCase());
  const known = ctx.unit.vocabularies;
  const said = phrase ? rephrase(h.body, phrase, known?.[ctx.unit.id], known?.[tx.from]) : null;
  if (!phrase || !said) {
    effects.push({
      type: 'decision',
      rule: null,
      decision: 'cannot',
      ...worded(explain('ladder.unit.clarify-same', { from: id(tx.from), phrase: asked })),
      about: tx.from,
      cause,
    });
    return [ctx, effects];
  }
  effects.push({
    type: 'decision',
    rule: null,
    decision: 'done',
    reason: `${tx.from} asked what "${phrase.phrase}" meant; says it again in ${vocabularyWords(said.vocabulary)}: "${said.words}"`,
    why: explain('ladder.unit.clarify-rephrased', { from: id(tx.from), phrase: phrase.phrase, vocabulary: vocabularyWhy(said.vocabulary), words: said.words }),
    about: tx.from,
    cause,
  });
  // The question answered the call: it was not left unanswered, so its wait ends here.
  const awaiting = ctx.awaiting.filter((r) => r !== `${h.exchange}#${h.attempt}`);
  return [{ ...ctx, awaiting, hail: { ...h, body: said.body, rephrased: { phrase: phrase.phrase, vocabulary: said.vocabulary } } }, effects];
}

function sendAttempt(ctx: UnitContext, effects: Effect[], cause: Cause): Step {
  const h = ctx.hail!;
  const channel = h.plan[h.attempt]!;
  const msg: Outgoing = {
    kind: 'hail',
    to: h.to,
    channel,
    body: h.body,
    safety: h.safety,
    needsReply: true,
    needsAnswer: h.needsAnswer,
    exchange: h.exchange,
    attempt: h.attempt + 1,
  };
  // Optional fields set one by one in the message's order (no throwaway literal per field).
  if (h.addressee) msg.addressee = h.addressee;
  if (h.rule) msg.rule = h.rule;
  if (h.about) msg.about = h.about;
  if (h.content) msg.content = h.content;
  if (h.states) msg.states = h.states;
  if (h.marks) Object.assign(msg, h.marks);
  if (h.rephrased) msg.rephrased = h.rephrased;
  effects.push({ type: 'transmit', msg, cause });
  const ref = `${h.exchange}#${h.attempt + 1}`;
  const timeout = Math.min(ctx.procedure.hailing.replyTimeoutS, intervalAfter(ctx, h.attempt + 1));
  effects.push({ type: 'schedule', afterS: timeout, timer: 'reply-timeout', ref, cause });
  if (h.attempt + 1 < h.plan.length) effects.push({ type: 'schedule', afterS: intervalAfter(ctx, h.attempt + 1), timer: 'hail-next', ref, cause });
  return { context: { ...ctx, awaiting: [...ctx.awaiting, ref], hail: { ...h, attempt: h.attempt + 1 } }, effects };
}

/** The call in progress has ended (answered, given up or stopped): make the next waiting one. */
function endHail(ctx: UnitContext, effects: Effect[], cause: Cause): Step {
  const [next, ...rest] = ctx.queued;
  const ended = { ...ctx, hail: null, queued: rest };
  if (!next) return { context: ended, effects };
  const rule = next.rule ? (ctx.procedure.rules.find((r) => r.qid === next.rule) ?? null) : null;
  const r = startHail(ended, { ...next, rule }, cause);
  return { context: r.context, effects: [...effects, ...r.effects] };
}

const rulesByTrigger = new WeakMap<readonly ResolvedRule[], { length: number; on: Map<string, ResolvedRule[]> }>();

/** The rules that act on a trigger, in the procedure's order; listed once per procedure, not per event. */
function rulesOn(rules: readonly ResolvedRule[], trigger: string): ResolvedRule[] {
  let cached = rulesByTrigger.get(rules);
  if (!cached || cached.length !== rules.length) rulesByTrigger.set(rules, (cached = { length: rules.length, on: new Map() }));
  let on = cached.on.get(trigger);
  if (!on) cached.on.set(trigger, (on = rules.filter((r) => 'when' in r && (r.when as string[]).includes(trigger))));
  return on;
}

/** A perception that procedure rules may react to (fire-control detected, unanswered call …). */
export function onTrigger(
  ctx: UnitContext,
  trigger: SenseTrigger,
  about: string,
  detail: string,
  cause: Cause,
  onScene?: string,
  says?: string,
  spoken?: string,
  /** `detail` as data. */
  detailWhy?: ParamValue,
): Step {
  const rules = rulesOn(ctx.procedure.rules, trigger);
  // Occurrences are counted for the rules that act on them: a perception no rule names (a contact
  // gained, a range opening) changes nothing, and copies nothing.
  if (rules.length === 0) return { context: ctx, effects: [] };
  const dw = detailWhy ?? detail;
  const seenKey = `${trigger}@${about}`;
  const occurrence = (ctx.seen[seenKey] ?? 0) + 1;
  let step: Step = { context: { ...ctx, seen: withEntry(ctx.seen, seenKey, occurrence) }, effects: [] };
  for (const rule of applicableOn(ctx, trigger)) {
    if (ABOUT_ANOTHER.has(rule.type) && !towards(rule, ctx, about)) continue;
    if (step.context.drill) {
      // The student decides: practice and occurrence counts do not speak for them.
      const key = `${rule.qid}@${about}`;
      if (step.context.done.includes(key)) continue;
      const q = askAboutRule(step.context, rule, about, detail, cause, onScene, says, spoken, dw);
      if (!q) continue;
      if ('wait' in q) return { context: step.context, effects: [...step.effects, ...q.wait] };
      step = { context: { ...q.context, done: [...q.context.done, key] }, effects: [...step.effects, ...q.effects] };
      continue;
    }
    const wanted = 'onOccurrence' in rule ? rule.onOccurrence : 1;
    if (occurrence < wanted && observes(rule, ctx.unit)) {
      step.effects.push({
        type: 'decision',
        rule: rule.qid,
        decision: 'none',
        reason: `${detail}; ${rule.qid} acts on occurrence ${wanted}, this is ${occurrence}`,
        why: explain('ladder.unit.not-yet', { detail: dw, rule: rule.qid, wanted, occurrence }),
        about,
        cause,
      });
      continue;
    }
    // Each rule acts once per unit concerned, whichever of its triggers comes first.
    const key = `${rule.qid}@${about}`;
    if (step.context.done.includes(key)) continue;
    if (!observes(rule, ctx.unit)) {
      if (!step.context.done.includes(key)) {
        step.effects.push({
          type: 'decision',
          rule: rule.qid,
          decision: 'omitted',
          reason: `${detail}; ${practiceReason(rule, ctx, about)}`,
          why: explain('ladder.unit.then', { a: dw, b: practiceWhy(rule, ctx, about) }),
          about,
          cause,
        });
        step = { ...step, context: { ...step.context, done: [...step.context.done, key] } };
      }
      continue;
    }
    const r = act(step.context, rule, about, detail, cause, onScene, says, spoken, dw);
    step = { context: { ...r.context, done: [...r.context.done, key] }, effects: [...step.effects, ...r.effects] };
  }
  return step;
}

const nameOf = (ctx: UnitContext, id: string) => ctx.unit.names[id] ?? id;

type Belief = UnitContext['beliefs'][string];

/**
 * A copy of a record keyed by ids (a transmission, a unit, "trigger@unit") with one entry set, in
 * the same order a spread would give. Made without a prototype, so V8 keeps it as a dictionary:
 * an object literal with a key V8 has not seen before gets a new hidden class, and transmission
 * ids are new by the thousand in a large exercise.
 */
function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const k in record) out[k] = record[k]!;
  out[key] = value;
  return out;
}

const callNameOf = (ctx: UnitContext, id: string) => ctx.unit.callNames?.[id] ?? nameOf(ctx, id);

/** A channel the unit can key that the procedure would not call on first: the plausible wrong one. */
function wrongChannel(ctx: UnitContext, right: string | undefined): string | undefined {
  const radio = ctx.unit.sets.flatMap((s) => s.channels);
  return (
    radio.find((c) => c !== right && !ctx.procedure.channelPriority.includes(c)) ??
    [...ctx.procedure.channelPriority].reverse().find((c) => c !== right && radio.includes(c))
  );
}

function askAboutRule(
  ctx: UnitContext,
  rule: ResolvedRule,
  about: string,
  detail: string,
  cause: Cause,
  onScene?: string,
  says?: string,
  spoken?: string,
  dw: ParamValue = detail,
): Step | { wait: Effect[] } | null {
  const first = callingChannels(ctx)[0];
  const options: DrillOption[] = [];
  let situation: 'safety-concern' | 'state-activity' | 'report' | 'headquarters';
  switch (rule.type) {
    case 'hail': {
      situation = 'safety-concern';
      const plan = hailPlan(ctx);
      options.push({
        id: 'follow',
        label: `Call ${nameOf(ctx, about)} on ${plan[0] ?? '—'}${plan.length > 1 ? `, then ${plan.slice(1).join(', ')} if no answer` : ''}`,
      });
      const wrong = wrongChannel(ctx, plan[0]);
      if (wrong) options.push({ id: 'wrong-channel', label: `Call ${nameOf(ctx, about)} on ${wrong}` });
      options.push({ id: 'silence', label: `Do not call; keep watching ${nameOf(ctx, about)}` });
      break;
    }
    case 'announce':
      situation = 'state-activity';
      options.push(
        { id: 'follow', label: `Tell ${nameOf(ctx, about)} on ${first ?? '—'} what you are doing` },
        { id: 'silence', label: 'Say nothing and carry on with the mission' },
      );
      break;
    case 'report':
      situation = 'report';
      options.push({ id: 'follow', label: `Report to ${ctx.unit.headquarters ?? 'headquarters'} now` }, { id: 'silence', label: 'Do not report yet' });
      break;
    case 'hq-contact':
      situation = 'headquarters';
      options.push(
        { id: 'follow', label: `Contact ${ctx.unit.counterpart ?? 'the other headquarters'} now` },
        { id: 'silence', label: 'Handle it through your own chain only' },
      );
      break;
    // Not decisions a student takes in a drill: answering, repeats, relays and guards follow the procedure.
    case 'reply':
    case 'say-again':
    case 'clarify':
    case 'relay':
    case 'guard':
    case 'avoid':
    case 'content':
    case 'step':
      return null;
  }
  const q = consult(ctx, { situation, prompt: detail, promptWhy: dw, options, correct: 'follow', rule: rule.qid, ruleText: rule.text }, cause);
  if (q.kind === 'wait') return { wait: q.effects };
  const record = q.record;
  let step: Step = { context: q.context, effects: [] };
  if (q.choice === 'follow') step = act(q.context, rule, about, detail, cause, onScene, says, spoken, dw);
  else if (q.choice === 'wrong-channel' && rule.type === 'hail') {
    const vars = { reason: says ?? spoken ?? detail, activity: '', answer: '', other: '' };
    step = startHail(
      q.context,
      {
        to: about,
        rule: null,
        reason: detail,
        reasonWhy: dw,
        body: fill(rule.message, vars),
        safety: rule.safety,
        needsAnswer: rule.needsAnswer,
        channel: wrongChannel(ctx, hailPlan(ctx)[0])!,
        about,
      },
      cause,
    );
  }
  return { context: step.context, effects: [drillDecision(record, rule.qid, q.choice !== 'silence', about, cause), ...step.effects] };
}

function act(
  ctx: UnitContext,
  rule: ResolvedRule,
  about: string,
  detail: string,
  cause: Cause,
  onScene?: string,
  says?: string,
  spoken?: string,
  dw: ParamValue = detail,
): Step {
  // What goes on the air names units by their radio names (spoken); the decision's reason by the plot's (detail).
  const reason = says ?? spoken ?? detail;
  const vars = { reason, activity: ctx.unit.activity ?? 'ON ROUTINE PATROL', answer: answerText(ctx), other: onScene ?? '' };
  switch (rule.type) {
    case 'hail': {
      // A rule whose message carries the WARNING marker makes a warning-class call.
      const marks = rule.marker === 'WARNING' ? { marks: { class: 'warning' as const } } : {};
      return startHail(
        ctx,
        {
          to: about,
          rule,
          reason: detail,
          reasonWhy: dw,
          body: fill(rule.message, vars),
          safety: rule.safety,
          needsAnswer: rule.needsAnswer,
          about,
          ...(rule.states ? { states: rule.states } : {}),
          ...marks,
        },
        cause,
      );
    }
    case 'announce': {
      const channel = callingChannels(ctx)[0];
      if (!channel)
        return {
          context: ctx,
          effects: [{ type: 'decision', rule: rule.qid, decision: 'cannot', ...worded(explain('ladder.unit.no-calling-set')), about, cause }],
        };
      return {
        context: ctx,
        effects: [
          {
            type: 'decision',
            rule: rule.qid,
            decision: 'done',
            reason: `${detail}: states its activity to ${about} on ${channel}`,
            why: explain('ladder.unit.announces', { detail: dw, about: id(about), channel }),
            about,
            cause,
          },
          {
            type: 'transmit',
            msg: {
              kind: 'announce',
              to: about,
              channel,
              body: fill(rule.message, vars),
              safety: true,
              needsReply: false,
              needsAnswer: false,
              rule: rule.qid,
              about,
              ...(rule.states ? { states: rule.states } : {}),
            },
            cause,
          },
        ],
      };
    }
    case 'report': {
      const hq = ctx.unit.headquarters;
      const channel = hq ? linkToward(ctx.unit, hq) : undefined;
      // A scenario without this unit's headquarters does not model reporting: nothing to judge.
      if (!hq)
        return { context: ctx, effects: [{ type: 'decision', rule: rule.qid, decision: 'none', ...worded(explain('ladder.unit.no-hq')), about, cause }] };
      if (!channel)
        return {
          context: ctx,
          effects: [{ type: 'decision', rule: rule.qid, decision: 'cannot', ...worded(explain('ladder.unit.no-link', { to: id(hq) })), about, cause }],
        };
      return {
        context: ctx,
        effects: [
          {
            type: 'decision',
            rule: rule.qid,
            decision: 'done',
            reason: `${detail}: reports to ${hq}`,
            why: explain('ladder.unit.reports', { detail: dw, hq: id(hq) }),
            about,
            cause,
          },
          {
            type: 'transmit',
            msg: {
              kind: 'report',
              to: hq,
              channel,
              // A report to one's own side says what happened in the third person ("fire-control
              // radar from … held on …"), not the words one would say to the other unit.
              body: fill(rule.message, { ...vars, reason: spoken ?? detail }),
              safety: false,
              needsReply: false,
              needsAnswer: false,
              rule: rule.qid,
              about,
              onScene: ctx.unit.id,
              subject: (spoken ?? detail).toUpperCase(),
            },
            cause,
          },
        ],
      };
    }
    case 'hq-contact': {
      const cp = ctx.unit.counterpart;
      const channel = cp ? linkToward(ctx.unit, cp) : undefined;
      if (!cp)
        return {
          context: ctx,
          effects: [{ type: 'decision', rule: rule.qid, decision: 'none', ...worded(explain('ladder.unit.no-counterpart')), about, cause }],
        };
      if (!channel)
        return {
          context: ctx,
          effects: [{ type: 'decision', rule: rule.qid, decision: 'cannot', ...worded(explain('ladder.unit.no-channel-to', { to: id(cp) })), about, cause }],
        };
      const exchange = `${ctx.unit.id}-x${ctx.exchanges + 1}`;
      const ref = `${exchange}#1`;
      return {
        context: { ...ctx, exchanges: ctx.exchanges + 1, awaiting: [...ctx.awaiting, ref] },
        effects: [
          {
            type: 'decision',
            rule: rule.qid,
            decision: 'done',
            reason: `${detail}: contacts ${cp}`,
            why: explain('ladder.unit.contacts', { detail: dw, to: id(cp) }),
            about,
            cause,
          },
          {
            type: 'transmit',
            msg: {
              kind: 'hq-contact',
              to: cp,
              channel,
              body: fill(rule.message, vars),
              safety: true,
              needsReply: true,
              needsAnswer: true,
              rule: rule.qid,
              about,
              ...(onScene ? { onScene } : {}),
              subject: reason.toUpperCase(),
              exchange,
              attempt: 1,
            },
            cause,
          },
          {
            type: 'schedule',
            afterS: parameterValue(ctx.procedure, 'hqReplyTimeoutS', ctx.parameters, DEFAULT_HQ_REPLY_TIMEOUT_S),
            timer: 'reply-timeout',
            ref,
            cause,
          },
        ],
      };
    }
    // Acted on elsewhere: replies and repeats when a call arrives, relays when a report does,
    // guards at the start, a ladder's steps when the engine's sampling finds their condition
    // (units/escalation.ts); an avoid rule asks for nothing to be done.
    case 'reply':
    case 'say-again':
    case 'clarify':
    case 'relay':
    case 'guard':
    case 'avoid':
    case 'content':
    case 'step':
      return { context: ctx, effects: [] };
  }
}

/** A call reached this unit and was recognised as meant for it. */
export function onCall(ctx: UnitContext, e: Extract<UnitEvent, { type: 'call' }>): Step {
  const tx = e.tx;
  const cause: Cause = e.cause ?? { kind: 'message', ref: tx.id, entry: e.entry };
  const effects: Effect[] = [];
  // A reply to our own call settles it.
  if (tx.inReplyTo && ctx.hail && tx.exchange === ctx.hail.exchange) {
    if (tx.kind === 'say-again') {
      const h = ctx.hail;
      if (h.attempt < h.plan.length) {
        const repeat = { ...ctx, hail: { ...h, plan: [...h.plan.slice(0, h.attempt), h.plan[h.attempt - 1]!, ...h.plan.slice(h.attempt + 1)] } };
        if (tx.clarify) return sendAttempt(...clarified(repeat, tx, effects, cause), cause);
        effects.push({
          type: 'decision',
          rule: null,
          decision: 'done',
          ...worded(explain('ladder.unit.repeat', { from: id(tx.from), channel: String(h.plan[h.attempt - 1]) })),
          about: tx.from,
          cause,
        });
        return sendAttempt(repeat, effects, cause);
      }
      effects.push({
        type: 'decision',
        rule: h.rule,
        decision: 'none',
        ...worded(explain('ladder.unit.repeat-spent', { from: id(tx.from), n: h.plan.length })),
        about: tx.from,
        cause,
      });
      return { context: ctx, effects };
    }
    const stage = answerStage(tx);
    effects.push({ type: 'answered', tx: tx.inReplyTo, by: tx.id, stage, cause });
    effects.push({
      type: 'decision',
      rule: null,
      decision: 'belief',
      ...worded(explain('ladder.unit.answered', { from: id(tx.from), body: tx.body })),
      about: tx.from,
      cause,
    });
    const beliefs = withEntry<Belief>(ctx.beliefs, tx.from, { ...ctx.beliefs[tx.from], lastHeard: tx.body });
    const awaiting = ctx.awaiting.filter((r) => !r.startsWith(`${tx.exchange}#`));
    return endHail({ ...ctx, beliefs, awaiting }, effects, cause);
  }
  // A reply to all stations that answers someone else's call is heard, not answered to.
  if (tx.inReplyTo && tx.to === 'all' && !ownExchange(ctx, tx.exchange)) return { context: ctx, effects };
  if (tx.inReplyTo) {
    // A reply to a headquarters contact or an earlier exchange.
    const stage = answerStage(tx);
    effects.push({ type: 'answered', tx: tx.inReplyTo, by: tx.id, stage, cause });
    // Nothing awaited from that exchange: the context as it was, not an equal copy, so the step is
    // effects alone and is not sent to the actor (334 sends of the 1,000-unit hour).
    const awaiting = ctx.awaiting.filter((r) => !r.startsWith(`${tx.exchange}#`));
    return { context: awaiting.length === ctx.awaiting.length ? ctx : { ...ctx, awaiting }, effects };
  }
  let next = ctx;
  if (tx.kind === 'announce') {
    effects.push({
      type: 'decision',
      rule: null,
      decision: 'belief',
      ...worded(explain('ladder.unit.knows-activity', { from: id(tx.from), body: tx.body })),
      about: tx.from,
      cause,
    });
    next = { ...ctx, beliefs: withEntry<Belief>(ctx.beliefs, tx.from, { ...ctx.beliefs[tx.from], activity: tx.body }) };
  }
  if (tx.needsReply) {
    const r = decideReply(next, e, cause);
    next = r.context;
    effects.push(...r.effects);
  }
  if (tx.kind === 'report') {
    const r = onTrigger(
      next,
      'report-received',
      tx.about ?? tx.from,
      `${tx.from} reported: ${tx.subject ?? tx.body}`,
      cause,
      tx.onScene ?? tx.from,
      tx.subject ?? tx.body,
      undefined,
      explain('ladder.trigger.reported', { from: id(tx.from), subject: tx.subject ?? tx.body }),
    );
    return { context: r.context, effects: [...effects, ...r.effects] };
  }
  if (tx.kind === 'hq-contact' && e.understood) {
    const relays = applicableOfType(next, 'relay');
    for (const rule of relays) {
      if (!observes(rule, next.unit)) {
        effects.push({
          type: 'decision',
          rule: rule.qid,
          decision: 'omitted',
          reason: `${tx.from} asked about ${tx.about}; ${practiceReason(rule, next, tx.about)}`,
          why: explain('ladder.unit.asked-about', { from: id(tx.from), about: id(String(tx.about)), practice: practiceWhy(rule, next, tx.about) }),
          about: tx.about,
          cause,
        });
        continue;
      }
      const target = tx.about;
      // The unit on scene is the other headquarters' own, the one that reported: when the matter is
      // that unit itself (a report that names no unit of ours), there is nobody of ours to relay to,
      // and no duty left undone.
      if (target !== undefined && target === tx.onScene) {
        effects.push({
          type: 'decision',
          rule: rule.qid,
          decision: 'none',
          ...worded(explain('ladder.unit.own-unit', { from: id(tx.from), target: id(target), unit: id(next.unit.id) })),
          about: target,
          cause,
        });
        continue;
      }
      const channel = target ? linkToward(next.unit, target) : undefined;
      if (!target || !channel) {
        effects.push({
          type: 'decision',
          rule: rule.qid,
          decision: 'cannot',
          ...worded(explain('ladder.unit.cannot-relay', { target: target ? id(target) : explain('ladder.unit.unit-concerned'), from: id(tx.from) })),
          ...(target ? { about: target } : {}),
          cause,
        });
        continue;
      }
      effects.push({
        type: 'decision',
        rule: rule.qid,
        decision: 'done',
        ...worded(explain('ladder.unit.relays', { from: id(tx.from), target: id(target) })),
        about: target,
        cause,
      });
      effects.push({
        type: 'transmit',
        msg: {
          kind: 'relay',
          to: target,
          channel,
          // The unit on scene by the name said on the air, never by the scenario's internal id or the plot's label.
          body: fill(rule.message, { reason: tx.subject ?? tx.body, other: tx.onScene ? callNameOf(ctx, tx.onScene) : 'the other unit' }),
          safety: true,
          needsReply: false,
          needsAnswer: false,
          rule: rule.qid,
          ...(tx.onScene ? { about: tx.onScene } : {}),
          ...(tx.subject ? { subject: tx.subject } : {}),
        },
        cause,
      });
    }
  }
  if (tx.kind === 'relay' && tx.about) {
    const r = onTrigger(
      next,
      'relay-received',
      tx.about,
      `${tx.from} relayed: ${tx.subject ?? tx.body}`,
      cause,
      undefined,
      undefined,
      undefined,
      explain('ladder.trigger.relayed', { from: id(tx.from), subject: tx.subject ?? tx.body }),
    );
    return { context: r.context, effects: [...effects, ...r.effects] };
  }
  return { context: next, effects };
}

function decideReply(ctx: UnitContext, e: Extract<UnitEvent, { type: 'call' }>, cause: Cause): Step {
  const tx = e.tx;
  if (ctx.drill && (e.understood || e.notUnderstood)) return drillReply(ctx, e, cause);
  if (e.notUnderstood && e.unknownPhrase) {
    const clarify = applicableOfType(ctx, 'clarify').find((r) => towards(r, ctx, tx.from));
    if (clarify && observes(clarify, ctx.unit)) {
      const body = fill(clarify.message, { phrase: `"${e.unknownPhrase}"` });
      return scheduleReply(ctx, tx, { kind: 'say-again', body, rule: clarify.qid, answers: false, clarify: e.unknownPhrase }, cause);
    }
    if (clarify)
      return {
        context: ctx,
        effects: [
          {
            type: 'decision',
            rule: clarify.qid,
            decision: 'omitted',
            ...worded(explain('ladder.unit.unknown-phrase', { phrase: e.unknownPhrase, tx: tx.id, practice: practiceWhy(clarify, ctx, tx.from) })),
            about: tx.from,
            cause,
          },
        ],
      };
    // No rule asks what was meant: a plain "say again", where one applies, asks for the same words.
  }
  if (e.notUnderstood) {
    const sayAgain = applicableOfType(ctx, 'say-again').find((r) => towards(r, ctx, tx.from));
    if (!sayAgain)
      return {
        context: ctx,
        effects: [
          { type: 'decision', rule: null, decision: 'none', ...worded(explain('ladder.unit.not-made-out-no-rule', { tx: tx.id })), about: tx.from, cause },
        ],
      };
    if (!observes(sayAgain, ctx.unit))
      return {
        context: ctx,
        effects: [
          {
            type: 'decision',
            rule: sayAgain.qid,
            decision: 'omitted',
            ...worded(explain('ladder.unit.not-made-out', { tx: tx.id, practice: practiceWhy(sayAgain, ctx, tx.from) })),
            about: tx.from,
            cause,
          },
        ],
      };
    return scheduleReply(ctx, tx, { kind: 'say-again', body: sayAgain.message, rule: sayAgain.qid, answers: false }, cause);
  }
  if (!e.understood) return { context: ctx, effects: [] };
  // An unidentified caller's service is unknown to the listener: the rule's scope cannot exclude it.
  // The call's class is read only for a rule that names classes (it reads the words of the call).
  let cls: CallClass | undefined;
  const candidates = applicableOfType(ctx, 'reply').filter(
    (r) =>
      (tx.identified === false || towards(r, ctx, tx.from)) && (r.calls === 'any' || tx.safety) && (!r.classes || r.classes.includes((cls ??= callClass(tx)))),
  );
  if (ctx.unit.answers === false) return notAnswering(ctx, candidates, tx.id, tx.from, cause);
  if (candidates.length === 0 && !bound(ctx)) return { context: ctx, effects: [] };
  if (candidates.length === 0) {
    return {
      context: ctx,
      effects: [
        {
          type: 'decision',
          rule: null,
          decision: 'none',
          ...worded(explain('ladder.unit.no-reply-rule', { procedure: ctx.procedure.id, kind: ctx.unit.kind })),
          about: tx.from,
          cause,
        },
      ],
    };
  }
  // The most specific rule words the reply (a procedure's own over the one it extends);
  // every rule the reply satisfies is recorded as followed.
  const chain = ctx.procedure.chain;
  // A rule that names the call's class words the reply before one that answers every class.
  const named = (r: (typeof candidates)[number]) => (r.classes ? 1 : 0);
  const observed = candidates.filter((r) => observes(r, ctx.unit)).sort((a, b) => named(b) - named(a) || chain.indexOf(b.origin) - chain.indexOf(a.origin));
  const followed = observed[0];
  if (!followed) {
    return {
      context: ctx,
      effects: candidates.map((r) => ({
        type: 'decision' as const,
        rule: r.qid,
        decision: 'omitted' as const,
        ...worded(explain('ladder.unit.understood', { from: id(tx.from), tx: tx.id, practice: practiceWhy(r, ctx, tx.from) })),
        about: tx.from,
        cause,
      })),
    };
  }
  const body = fill(followed.message, { answer: followed.answer ? answerText(ctx) : '', activity: ctx.unit.activity ?? '' }).trim();
  // A caller that did not say who it is can only be answered on the open channel, as what it is to
  // the listener: "UNKNOWN STATION", to all stations.
  const unknown = tx.identified === false;
  const toAll = followed.to === 'all' || unknown ? { to: 'all' as const, addressee: unknown ? 'UNKNOWN STATION' : 'ALL STATIONS' } : {};
  const step = scheduleReply(
    ctx,
    tx,
    { kind: 'reply', body, rule: followed.qid, answers: followed.answer, ...(followed.states ? { states: followed.states } : {}) },
    cause,
    toAll,
  );
  // Pushed, not spread from a mapped list: the empty list map() gives and a full one differ in kind,
  // and the first reply meeting two rules threw the optimised decideReply away.
  const effects = [...step.effects];
  for (let i = 1; i < observed.length; i++) {
    effects.push({
      type: 'decision' as const,
      rule: observed[i]!.qid,
      decision: 'done' as const,
      ...worded(explain('ladder.unit.also-met', { tx: tx.id, rule: followed.qid })),
      about: tx.from,
      cause,
    });
  }
  return { context: step.context, effects };
}

/**
 * The scenario says this unit did not answer (`answers: false`, often an account's fact): every
 * reply rule that asked it to is recorded as not followed, so the analysis blames the unit, not the link.
 */
function notAnswering(ctx: UnitContext, candidates: ResolvedRule[], txId: string, from: string, cause: Cause): Step {
  const words = worded(explain('ladder.unit.not-answering', { from: id(from), tx: txId, unit: id(ctx.unit.id) }));
  if (candidates.length === 0) return { context: ctx, effects: [{ type: 'decision', rule: null, decision: 'none', ...words, about: from, cause }] };
  return {
    context: ctx,
    effects: candidates.map((r) => ({ type: 'decision' as const, rule: r.qid, decision: 'omitted' as const, ...words, about: from, cause })),
  };
}

/** The student answers (or not) a call addressed to their unit. */
function drillReply(ctx: UnitContext, e: Extract<UnitEvent, { type: 'call' }>, cause: Cause): Step {
  const tx = e.tx;
  const chain = ctx.procedure.chain;
  const byDepth = <T extends ResolvedRule>(rs: T[]) => [...rs].sort((a, b) => chain.indexOf(b.origin) - chain.indexOf(a.origin));
  const options: DrillOption[] = [];
  let rule: ResolvedRule | undefined;
  let correct: string;
  const clarify = e.unknownPhrase ? rulesOfType(ctx.procedure, 'clarify').find((r) => applies(r, ctx) && towards(r, ctx, tx.from)) : undefined;
  if (e.notUnderstood && clarify && e.unknownPhrase) {
    // A phrase the crew does not know: the procedure asks what was meant, not for the same words again.
    rule = clarify;
    options.push(
      { id: 'clarify', label: `Ask what "${e.unknownPhrase}" means: "${fill(clarify.message, { phrase: `"${e.unknownPhrase}"` })}"` },
      { id: 'say-again', label: `Say "SAY AGAIN" on ${tx.channel}` },
      { id: 'guess', label: 'Answer as if you had understood' },
      { id: 'silence', label: 'Say nothing and wait' },
    );
    correct = 'clarify';
  } else if (e.notUnderstood) {
    rule = rulesOfType(ctx.procedure, 'say-again').find((r) => applies(r, ctx) && towards(r, ctx, tx.from));
    options.push(
      { id: 'say-again', label: `Say "${rule?.type === 'say-again' ? rule.message : 'SAY AGAIN'}" on ${tx.channel}` },
      { id: 'guess', label: 'Answer as if you had understood' },
      { id: 'silence', label: 'Say nothing and wait' },
    );
    correct = rule ? 'say-again' : 'silence';
  } else {
    rule = byDepth(rulesOfType(ctx.procedure, 'reply').filter((r) => applies(r, ctx) && towards(r, ctx, tx.from) && (r.calls === 'any' || tx.safety)))[0];
    const wrong = wrongChannel(ctx, tx.channel);
    options.push({
      id: 'follow',
      label: `Answer on ${tx.channel}: "${rule?.type === 'reply' ? fill(rule.message, { answer: rule.answer ? answerText(ctx) : '' }).trim() : 'RECEIVED'}"`,
    });
    if (wrong) options.push({ id: 'wrong-channel', label: `Answer on ${wrong}` });
    options.push(
      { id: 'ack-only', label: 'Say only "RECEIVED"' },
      { id: 'no-callsign', label: 'Answer without naming the caller or yourself' },
      { id: 'silence', label: 'Say nothing' },
    );
    correct = rule ? 'follow' : 'silence';
  }
  const q = consult(
    ctx,
    {
      situation: e.notUnderstood ? 'call-not-made-out' : 'incoming-call',
      prompt: `${nameOf(ctx, tx.from)} calls on ${tx.channel}: "${tx.text}"`,
      promptWhy: explain('ladder.drill.incoming', { from: unitRef(tx.from), channel: tx.channel, text: tx.text }),
      options,
      correct,
      rule: rule?.qid ?? null,
      ruleText: rule?.text ?? 'No rule of this procedure asks for an answer.',
    },
    cause,
  );
  if (q.kind === 'wait') return { context: ctx, effects: q.effects };
  const decision = drillDecision(q.record, rule?.qid ?? null, q.choice !== 'silence', tx.from, cause);
  const ruleId = rule?.qid ?? 'drill';
  let step: Step = { context: q.context, effects: [] };
  switch (q.choice) {
    case 'follow':
    case 'guess': {
      const r = rule?.type === 'reply' ? rule : undefined;
      step = scheduleReply(
        q.context,
        tx,
        {
          kind: 'reply',
          body: fill(r?.message ?? 'RECEIVED, UNDERSTOOD. {answer}', { answer: answerText(ctx) }).trim(),
          rule: ruleId,
          answers: r?.answer ?? true,
          // The student's answer says what the procedure's answer would: the same content.
          ...(r?.states ? { states: r.states } : {}),
        },
        cause,
      );
      break;
    }
    case 'say-again':
      step = scheduleReply(
        q.context,
        tx,
        { kind: 'say-again', body: rule?.type === 'say-again' ? rule.message : 'SAY AGAIN', rule: ruleId, answers: false },
        cause,
      );
      break;
    case 'clarify':
      step = scheduleReply(
        q.context,
        tx,
        {
          kind: 'say-again',
          body: fill(clarify?.message ?? 'WHAT DO YOU MEAN BY {phrase}?', { phrase: `"${e.unknownPhrase ?? ''}"` }),
          rule: ruleId,
          answers: false,
          ...(e.unknownPhrase ? { clarify: e.unknownPhrase } : {}),
        },
        cause,
      );
      break;
    case 'wrong-channel':
      step = scheduleReply(
        q.context,
        tx,
        { kind: 'reply', body: fill('RECEIVED, UNDERSTOOD. {answer}', { answer: answerText(ctx) }), rule: ruleId, answers: true },
        cause,
        { channel: wrongChannel(ctx, tx.channel)! },
      );
      break;
    case 'ack-only':
      step = scheduleReply(q.context, tx, { kind: 'reply', body: 'RECEIVED', rule: ruleId, answers: false }, cause);
      break;
    case 'no-callsign':
      step = scheduleReply(
        q.context,
        tx,
        { kind: 'reply', body: fill('RECEIVED, UNDERSTOOD. {answer}', { answer: answerText(ctx) }), rule: ruleId, answers: true },
        cause,
        { addressee: '' },
      );
      break;
    default:
      break;
  }
  return { context: step.context, effects: [decision, ...step.effects.filter((x) => x.type !== 'decision')] };
}

function scheduleReply(
  ctx: UnitContext,
  tx: Extract<UnitEvent, { type: 'call' }>['tx'],
  r: { kind: 'reply' | 'say-again'; body: string; rule: string; answers: boolean; states?: Outgoing['states']; clarify?: string },
  cause: Cause,
  override: { channel?: string; addressee?: string; to?: 'all' } = {},
): Step {
  // Respond on the channel the call came on, if this unit can key it; otherwise the first it can.
  // A whistle carries no words: an answer to a sound signal goes by radio.
  const sameWay = ctx.unit.canSend.includes(tx.channel) && signalChannel(tx.channel) !== 'sound';
  const channel = override.channel ?? (sameWay ? tx.channel : callingChannels(ctx)[0]);
  if (!channel)
    return {
      context: ctx,
      effects: [
        {
          type: 'decision',
          rule: r.rule,
          decision: 'cannot',
          ...worded(explain('ladder.unit.cannot-answer', { channel: tx.channel, tx: tx.id })),
          about: tx.from,
          cause,
        },
      ],
    };
  const msg: Outgoing = {
    kind: r.kind,
    to: override.to ?? tx.from,
    channel,
    body: r.body,
    safety: tx.safety,
    needsReply: false,
    needsAnswer: false,
    inReplyTo: tx.id,
    answers: r.answers,
    exchange: tx.exchange,
    rule: r.rule,
  };
  if (r.clarify) msg.clarify = r.clarify;
  if (override.addressee !== undefined) msg.addressee = override.addressee;
  if (r.states) msg.states = r.states;
  const delay = parameterValue(ctx.procedure, 'replyDelayS', ctx.parameters, DEFAULT_REPLY_DELAY_S);
  return {
    context: { ...ctx, pendingReplies: withEntry(ctx.pendingReplies, tx.id, msg) },
    effects: [
      {
        type: 'decision',
        rule: r.rule,
        decision: 'done',
        ...worded(
          explain('ladder.unit.will-reply', {
            what: r.clarify ? 'clarify' : selectorOf(r.kind),
            phrase: r.clarify ?? '',
            tx: tx.id,
            channel,
            delay,
          }),
        ),
        about: tx.from,
        cause,
      },
      { type: 'schedule', afterS: delay, timer: 'reply-due', ref: tx.id, cause },
    ],
  };
}

/** A timer's cause, made only for a timer that still has something to do (most reply timeouts find the call answered). */
function timerCause(e: Extract<UnitEvent, { type: 'timer' }>): Cause {
  const ref = `${e.name}:${e.ref}`;
  return e.entry !== undefined ? { kind: 'timer', ref, entry: e.entry } : { kind: 'timer', ref };
}

export function onTimer(ctx: UnitContext, e: Extract<UnitEvent, { type: 'timer' }>): Step {
  switch (e.name) {
    case 'reply-due': {
      const msg = ctx.pendingReplies[e.ref];
      if (!msg) return { context: ctx, effects: [] };
      const cause = timerCause(e);
      // A copy without the key, as a dictionary (withEntry): rest destructuring with a computed key is V8's slow path.
      const rest = Object.create(null) as Record<string, Outgoing>;
      for (const k in ctx.pendingReplies) if (k !== e.ref) rest[k] = ctx.pendingReplies[k]!;
      return { context: { ...ctx, pendingReplies: rest }, effects: [{ type: 'transmit', msg, cause }] };
    }
    case 'reply-timeout': {
      if (!ctx.awaiting.includes(e.ref)) return { context: ctx, effects: [] };
      const cause = timerCause(e);
      const [exchange, attemptS] = e.ref.split('#');
      const attempt = Number(attemptS);
      const next = { ...ctx, awaiting: ctx.awaiting.filter((r) => r !== e.ref) };
      const effects: Effect[] = [{ type: 'unanswered', exchange: exchange!, attempt, waitedS: 0, cause }];
      const h = next.hail;
      if (h && h.exchange === exchange && h.attempt === attempt && h.attempt >= h.plan.length) {
        const r = onTrigger(
          { ...next, hail: null },
          'call-unanswered',
          h.to,
          `${h.plan.length} calls to ${h.to} went unanswered`,
          cause,
          undefined,
          undefined,
          `${h.plan.length} calls to ${callNameOf(ctx, h.to)} went unanswered`,
          explain('ladder.trigger.unanswered', { n: h.plan.length, to: id(h.to) }),
        );
        return endHail(r.context, [...effects, ...r.effects], cause);
      }
      return { context: next, effects };
    }
    case 'hail-next': {
      const [exchange, attemptS] = e.ref.split('#');
      if (!ctx.hail || ctx.hail.exchange !== exchange || ctx.hail.attempt !== Number(attemptS)) return { context: ctx, effects: [] };
      const cause = timerCause(e);
      if (!ctx.drill) return sendAttempt(ctx, [], cause);
      const h = ctx.hail;
      const last = h.plan[h.attempt - 1]!;
      const next = h.plan[h.attempt]!;
      const options: DrillOption[] = [{ id: 'follow', label: `Call again on ${next}` }];
      if (next !== last) options.push({ id: 'repeat-same', label: `Call again on ${last}` });
      options.push({ id: 'stop', label: 'Stop calling' });
      const hailRule = h.rule ? ctx.procedure.rules.find((r) => r.qid === h.rule) : undefined;
      const q = consult(
        ctx,
        {
          situation: 'unanswered-call',
          prompt: `No answer from ${nameOf(ctx, h.to)} to call ${h.attempt} of ${h.plan.length} on ${last}`,
          promptWhy: explain('ladder.drill.no-answer', { to: unitRef(h.to), attempt: h.attempt, n: h.plan.length, channel: last }),
          options,
          correct: 'follow',
          rule: h.rule,
          ruleText: hailRule ? `${hailRule.text} Calls: ${h.plan.join(', ')}, ${ctx.procedure.hailing.intervalS} s apart.` : `Calls: ${h.plan.join(', ')}.`,
        },
        cause,
      );
      if (q.kind === 'wait') return { context: ctx, effects: q.effects };
      const decision = drillDecision(q.record, h.rule, q.choice !== 'stop', h.to, cause);
      if (q.choice === 'stop') return endHail(q.context, [decision], cause);
      const plan = q.choice === 'repeat-same' ? [...h.plan.slice(0, h.attempt), last, ...h.plan.slice(h.attempt + 1)] : h.plan;
      const r = sendAttempt({ ...q.context, hail: { ...h, plan } }, [], cause);
      return { context: r.context, effects: [decision, ...r.effects] };
    }
  }
}

/** Guard duties at the start: keep a set on each channel the procedure names. */
export function onStart(ctx: UnitContext): Step {
  const cause: Cause = { kind: 'start', ref: 'start' };
  const effects: Effect[] = [];
  const sets = ctx.unit.sets.map((s) => ({ ...s, tuned: [...s.tuned] }));
  let tuned = false;
  for (const rule of rulesOfType(ctx.procedure, 'guard')) {
    if (!applies(rule, ctx)) continue;
    const channels = rule.channels === 'priority' ? ctx.procedure.channelPriority : rule.channels.map(String);
    const missing = channels.filter((c) => !sets.some((s) => s.powered && s.monitored && s.tuned.includes(c)));
    if (missing.length === 0) {
      effects.push({
        type: 'decision',
        rule: rule.qid,
        decision: 'done',
        ...worded(explain('ladder.unit.guarding', { channels: channels.join(', ') })),
        cause,
      });
      continue;
    }
    if (!observes(rule, ctx.unit)) {
      effects.push({
        type: 'decision',
        rule: rule.qid,
        decision: 'omitted',
        ...worded(explain('ladder.unit.not-guarding', { channels: missing.join(', '), practice: practiceWhy(rule, ctx, missing.join(', '), false) })),
        cause,
      });
      continue;
    }
    for (const c of missing) {
      // A set the scenario has on and listened to can take one more channel: keeping that watch is the rule's act.
      const set = sets.find((s) => s.powered && s.monitored && s.channels.includes(c));
      if (!set) {
        // A set the scenario has off or unheard is what the unit had: the rule cannot undo the scenario's fact.
        const idle = sets.find((s) => s.channels.includes(c));
        effects.push(
          idle
            ? {
                type: 'decision',
                rule: rule.qid,
                decision: 'omitted',
                ...worded(explain('ladder.unit.not-guarding-idle', { channel: c, set: idle.id, powered: idle.powered ? 'on' : 'off' })),
                cause,
              }
            : { type: 'decision', rule: rule.qid, decision: 'cannot', ...worded(explain('ladder.unit.no-guard-set', { channel: c })), cause },
        );
        continue;
      }
      set.tuned.push(c);
      tuned = true;
      effects.push({ type: 'tune', radio: set.id, tuned: [...set.tuned], powered: true, monitored: true, cause: { kind: 'rule', ref: rule.qid } });
      effects.push({ type: 'decision', rule: rule.qid, decision: 'done', ...worded(explain('ladder.unit.sets-watch', { set: set.id, channel: c })), cause });
    }
  }
  // No set tuned: the context as it was (not an equal copy), so the step is effects alone and the
  // engine need not send it to the actor (engine/mind.ts): 479 of the 1,000-unit hour's 39,110 sends.
  return { context: tuned ? { ...ctx, unit: { ...ctx.unit, sets } } : ctx, effects };
}

/**
 * The cause of a scripted action set off at its time, one for each action: the engine's step of
 * the unit and the unit's effects of it both name it, and each made its own (3,100 scripted calls
 * of the 1,000-unit hour kept two). Nothing changes a cause once made.
 */
const scriptCauses = new WeakMap<Action, Cause>();

export function scriptCause(a: Action): Cause {
  let cause = scriptCauses.get(a);
  if (!cause) scriptCauses.set(a, (cause = { kind: 'script', ref: a.id }));
  return cause;
}

/** A scripted action: what the scenario says the unit did, whatever the procedure says. */
export function onScript(ctx: UnitContext, a: Action): Step {
  const cause = scriptCause(a);
  switch (a.do) {
    case 'emit':
      return {
        context: ctx,
        effects: [{ type: 'emitter', emitter: a.emitter, mode: a.mode, ...(a.target ? { target: a.target } : {}), ...(a.forS ? { forS: a.forS } : {}), cause }],
      };
    case 'judge':
      return {
        context: ctx,
        effects: [{ type: 'judge', about: '*', threatening: a.threatening, cause }],
      };
    case 'set-radio':
      return {
        context: ctx,
        effects: [
          {
            type: 'tune',
            radio: a.radio,
            ...(a.tuned !== undefined ? { tuned: a.tuned === null ? [] : (Array.isArray(a.tuned) ? a.tuned : [a.tuned]).map(String) } : {}),
            ...(a.powered !== undefined ? { powered: a.powered } : {}),
            ...(a.monitored !== undefined ? { monitored: a.monitored } : {}),
            cause,
          },
        ],
      };
    case 'hail':
      return startHail(
        ctx,
        {
          to: a.to,
          rule: null,
          reason: a.note ?? 'scripted call',
          body: a.text ?? 'REQUEST YOUR INTENTIONS',
          ...(a.addressee ? { addressee: a.addressee } : {}),
          safety: a.safety,
          // A notice of an activity asks only that it be acknowledged.
          needsAnswer: a.content?.purpose !== 'notice',
          ...(a.channel !== undefined ? { channel: String(a.channel) } : {}),
          ...(a.content ? { content: scriptContent(a.content) } : {}),
          ...(a.identify === false || a.class || a.describe ? { marks: callMarks(a) } : {}),
        },
        cause,
        true,
      );
    case 'reply': {
      const channel = a.channel !== undefined ? String(a.channel) : (callingChannels(ctx)[0] ?? ctx.unit.canSend[0]);
      if (!channel)
        return { context: ctx, effects: [{ type: 'decision', rule: null, decision: 'cannot', ...worded(explain('ladder.unit.no-reply-channel')), cause }] };
      return {
        context: ctx,
        effects: [
          {
            type: 'transmit',
            msg: {
              kind: 'reply',
              to: a.to,
              channel,
              body: a.text,
              safety: false,
              needsReply: false,
              needsAnswer: false,
              ...(a.content ? { content: scriptContent(a.content) } : {}),
              ...callMarks(a),
            },
            cause,
          },
        ],
      };
    }
    case 'report': {
      const hq = ctx.unit.headquarters;
      const channel = hq ? linkToward(ctx.unit, hq) : undefined;
      if (!hq || !channel)
        return { context: ctx, effects: [{ type: 'decision', rule: null, decision: 'cannot', ...worded(explain('ladder.unit.no-hq-link')), cause }] };
      return {
        context: ctx,
        effects: [
          {
            type: 'transmit',
            msg: {
              kind: 'report',
              to: hq,
              channel,
              body: a.text,
              safety: false,
              needsReply: false,
              needsAnswer: false,
              onScene: ctx.unit.id,
              ...(a.content ? { content: scriptContent(a.content) } : {}),
            },
            cause,
          },
        ],
      };
    }
    case 'move':
      return { context: ctx, effects: [{ type: 'move', action: a, cause }] };
    case 'conduct':
      return { context: ctx, effects: [{ type: 'conduct', action: a, cause }] };
    case 'set-noise':
    case 'set-crew':
    case 'set-link':
    case 'silence':
      return { context: ctx, effects: [{ type: 'adjust', action: a, cause }] };
  }
}

/** Exchanges this unit opened are "<unit>-x<n>" (startHail, hq-contact). */
function ownExchange(ctx: UnitContext, exchange: string): boolean {
  return exchange.startsWith(`${ctx.unit.id}-x`) && /^\d+$/.test(exchange.slice(ctx.unit.id.length + 2));
}

/** A scripted call's marks: unidentified, classed, addressed by description. */
function callMarks(a: Extract<Action, { do: 'hail' | 'reply' }>): CallMarks {
  return {
    ...(a.identify === false ? { identified: false as const } : {}),
    ...(a.class ? { class: a.class } : {}),
    ...(a.do === 'hail' && a.describe ? { description: a.describe } : {}),
  };
}

export { parseTime };
