/**
 * Step mode's "what the procedure requires next" for one unit at one moment, derived from the
 * run's log (what the unit owes now), the transitions enabled in its current state of the machine
 * the run compiled for it from the procedure (what it is waiting for; the same machine the run,
 * the failure paths and `npm run machine` use) and the procedure's rules (what each of those
 * events obliges it to do). Nothing here is written per scenario.
 */
import type { Analysis } from '../analysis/report';
import type { EntryOf, LogEntry } from '../log';
import { machineFor } from '../units';
import type { Procedure } from '../procedure/load';
import { SENSED } from '../procedure/compile-comms';
import { observes, rulesOfType, type ResolvedRule } from '../procedure/load';
import type { UnitSpec } from '../scenario/schema';
import { lastAtOrBefore } from '../replay/replay';
import { boundBy, inScope, isBound, plannedChannels, scopeWords } from '../procedure/duties';
import { explain, unitRef, type Explanation } from '../explain';
import { clockTime } from '../format/clock';
import { english, say, type Lang, type SayContext } from '../../i18n';

/** A unit in the words: named as the scenario names it in the reader's language. */
const ref = unitRef;

export interface Requirement {
  /** Due now (owed) or conditional on an event. */
  now: boolean;
  rule: string | null;
  /** What is required, in English; `code` and `params` are the same as data. */
  text: string;
  code: string;
  params: Explanation['params'];
  /** The rule's own words (the procedure's text, as written), or why nothing binds the unit. */
  why: string;
  /** `why` as data when the core wrote it rather than the procedure. */
  because?: Explanation;
}

/** What is required, in the reader's language. */
export const requirementText = (r: Requirement, lang: Lang = 'en', ctx?: SayContext) => say(lang, { code: r.code, params: r.params }, ctx);
/** Why, in the reader's language: the procedure's words stay as written. */
export const requirementWhy = (r: Requirement, lang: Lang = 'en', ctx?: SayContext) => (r.because ? say(lang, r.because, ctx) : r.why);

/** A requirement from its explanation, with the English beside it. */
function requirement(now: boolean, rule: string | null, what: Explanation, why: string | Explanation): Requirement {
  return {
    now,
    rule,
    text: english(what),
    code: what.code,
    params: what.params,
    ...(typeof why === 'string' ? { why } : { why: english(why), because: why }),
  };
}

export interface RequiredNext {
  unit: string;
  state: Record<string, string>;
  items: Requirement[];
}

/** The events a rule can be triggered by, each with its words (debrief.next.event.*). */
const EVENTS = ['fire-control-detected', 'unsafe-approach', 'aircraft-approach', 'call-unanswered', 'report-received', 'relay-received'];

/** The rule types that oblige an act, each with its words (debrief.next.verb.*). */
const VERBS = ['hail', 'announce', 'report', 'hq-contact'];

const eventWords = (trigger: string): string | Explanation => (EVENTS.includes(trigger) ? explain(`debrief.next.event.${trigger}`) : trigger);
const verbWords = (type: string): string | Explanation => (VERBS.includes(type) ? explain(`debrief.next.verb.${type}`) : type);

export function requiredNext(analysis: Analysis, unitId: string, t: number): RequiredNext {
  const run = analysis.run;
  const unit = run.scenario.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`no unit "${unitId}"`);
  const proc = run.scenario.procedure;
  const upTo = run.log.slice(0, lastAtOrBefore(run.log, t) + 1);
  const state = currentState(upTo, unitId);
  const items: Requirement[] = [];
  const practiced = (r: ResolvedRule) => (observes(r, unit) ? '' : explain('debrief.next.in-practice', { unit: ref(unitId), procedure: proc.id }));
  // Deadlines in clock time, in the scenario's time zone, as every other time a trainer reads.
  const clock = (s: number) => clockTime(run.scenario.spec.start, s);

  // Outside every rule's scope (a coast-guard ship under a navy code) is as unbound as a fishing boat.
  if (!boundBy(proc, unit)) {
    return {
      unit: unitId,
      state,
      items: [
        requirement(
          false,
          null,
          explain('debrief.next.unbound', { unit: ref(unit.id), procedure: proc.id }),
          isBound(unit)
            ? // TODO(lead): scopeWords (src/core/procedure/duties.ts) is English.
              explain('debrief.next.unbound.service', {
                service: unit.service ?? explain('debrief.next.unstated'),
                procedure: proc.id,
                scope: scopeWords(proc),
              })
            : explain('debrief.next.unbound.kind', { kind: explain(`debrief.unit-kind.${unit.kind}`) }),
        ),
      ],
    };
  }

  // Owed now: answers to calls understood, and the next step of a call in progress.
  const replies = rulesOfType(proc, 'reply').filter((r) => applies(r, unit));
  for (const rec of upTo) {
    if (rec.type !== 'reception' || rec.result.unit !== unitId || rec.result.reached !== 'understood') continue;
    const tx = run.transmissions.find((x) => x.id === rec.tx)!;
    if (!tx.needsReply) continue;
    const answered = upTo.some((e) => e.type === 'transmission' && e.tx.from === unitId && e.tx.inReplyTo === tx.id);
    if (answered) continue;
    const rule = replies.filter((r) => r.calls === 'any' || tx.safety).sort((a, b) => proc.chain.indexOf(b.origin) - proc.chain.indexOf(a.origin))[0];
    if (!rule) continue;
    const due = rec.t + rule.withinS;
    items.push(
      requirement(
        true,
        rule.qid,
        explain(due >= t ? 'debrief.next.answer' : 'debrief.next.answer.overdue', {
          from: ref(tx.from),
          tx: tx.id,
          channel: tx.channel,
          due: clock(due),
          practice: practiced(rule),
        }),
        rule.text,
      ),
    );
  }
  const hail = openHail(upTo, unitId);
  if (hail) {
    const h = proc.hailing;
    const attempt = hail.attempt;
    const timeout = hail.t + h.replyTimeoutS;
    const rule = hail.rule ? proc.rules.find((r) => r.qid === hail.rule) : undefined;
    const plan = plannedChannels(proc, [
      ...unit.radios.flatMap((r) => r.channels.map(String)),
      ...run.scenario.spec.links.filter((l) => l.members.includes(unit.id)).map((l) => l.id),
    ]);
    if (attempt < plan.length) {
      const interval = attempt < h.laterAfter ? h.intervalS : h.laterIntervalS;
      items.push(
        requirement(
          true,
          hail.rule ?? null,
          explain('debrief.next.wait', {
            to: ref(hail.to),
            timeout: clock(timeout),
            channel: plan[attempt]!,
            at: clock(hail.t + interval),
            call: attempt + 1,
            calls: plan.length,
          }),
          rule?.text ?? explain('debrief.next.imo-practice'),
        ),
      );
    } else {
      const report = rulesOfType(proc, 'report').find((r) => r.when.includes('call-unanswered') && applies(r, unit));
      items.push(
        requirement(
          true,
          report?.qid ?? hail.rule ?? null,
          report
            ? explain('debrief.next.last-call.report', {
                to: ref(hail.to),
                timeout: clock(timeout),
                hq: unit.headquarters ? ref(unit.headquarters) : explain('debrief.next.headquarters'),
              })
            : explain('debrief.next.last-call', { to: ref(hail.to), timeout: clock(timeout) }),
          report?.text ?? rule?.text ?? '',
        ),
      );
    }
  }

  // Conditional: the events this unit's machine reacts to in its current state, and the rules on them.
  const machine = enabledTriggers(proc, unit, state);
  const enabled = machine.posture;
  // Sensed triggers the comms region has a transition for in its state (only those some rule acts
  // on), and those that arise inside a timer's or a call's step (calls unanswered, reports, relays).
  const triggers = [...new Set([...enabled, ...EVENTS.filter((t) => machine.comms.includes(t) || !SENSED.includes(t as never))])];
  for (const trigger of triggers) {
    for (const rule of proc.rules) {
      if (!('when' in rule) || !(rule.when as string[]).includes(trigger) || !applies(rule, unit)) continue;
      items.push(
        requirement(
          false,
          rule.qid,
          explain('debrief.next.if', { event: eventWords(trigger), act: verbWords(rule.type), practice: practiced(rule) }),
          rule.text,
        ),
      );
    }
  }
  const anyReply = replies.sort((a, b) => proc.chain.indexOf(b.origin) - proc.chain.indexOf(a.origin))[0];
  if (anyReply) items.push(requirement(false, anyReply.qid, explain('debrief.next.if-called', { practice: practiced(anyReply) }), anyReply.text));
  for (const rule of rulesOfType(proc, 'avoid').filter((r) => applies(r, unit)))
    items.push(requirement(false, rule.qid, explain('debrief.next.throughout', { title: rule.title.toLowerCase() }), rule.text));
  return { unit: unitId, state, items };
}

function applies(rule: ResolvedRule, u: UnitSpec): boolean {
  return (rule.appliesTo as string[]).includes(u.kind) && inScope(rule, u);
}

function currentState(log: LogEntry[], unit: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of log) if (e.type === 'state' && e.unit === unit) out[e.to.split('.')[0]!] = e.to.slice(e.to.indexOf('.') + 1);
  return out;
}

/** The unit's last call that is still waiting for an answer, if any. */
function openHail(log: LogEntry[], unit: string): (EntryOf<'transmission'>['tx'] & { t: number }) | null {
  const hails = log.filter((e): e is EntryOf<'transmission'> => e.type === 'transmission' && e.tx.from === unit && e.tx.kind === 'hail');
  const last = hails[hails.length - 1];
  if (!last) return null;
  const settled = log.some(
    (e) => (e.type === 'answered' && e.tx === last.tx.id) || (e.type === 'transmission' && e.tx.inReplyTo !== undefined && e.tx.exchange === last.tx.exchange),
  );
  const exhausted = log.some((e) => e.type === 'unanswered' && e.tx === last.tx.id);
  return settled || exhausted ? null : { ...last.tx, t: last.t };
}

/** Trigger names the unit's machine (compiled from the procedure) has transitions for in each region's current state. */
export function enabledTriggers(procedure: Procedure, unit: UnitSpec, state: Record<string, string>): { posture: string[]; comms: string[] } {
  const regions = machineFor(procedure, unit).root.states;
  const triggersOf = (region: string) => {
    const node = regions[region]?.states[state[region] ?? ''];
    return node ? node.ownEvents.filter((e) => e.startsWith('trigger.')).map((e) => e.slice('trigger.'.length)) : [];
  };
  return { posture: triggersOf('posture'), comms: triggersOf('comms') };
}
