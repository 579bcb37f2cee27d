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

export interface Requirement {
  /** Due now (owed) or conditional on an event. */
  now: boolean;
  rule: string | null;
  text: string;
  why: string;
}

export interface RequiredNext {
  unit: string;
  state: Record<string, string>;
  items: Requirement[];
}

const EVENT_WORDS: Record<string, string> = {
  'fire-control-detected': 'fire-control radar is detected on you',
  'unsafe-approach': "the other unit comes inside your side's safe-distance norm",
  'aircraft-approach': 'a foreign aircraft approaches',
  'call-unanswered': 'your calls go unanswered',
  'report-received': 'a unit reports to you',
  'relay-received': "your headquarters relay the other side's message",
};

const VERB: Record<string, string> = {
  hail: 'call the unit concerned',
  announce: 'state your activity to the unit concerned',
  report: 'report to your headquarters',
  'hq-contact': "contact the other side's headquarters",
};

export function requiredNext(analysis: Analysis, unitId: string, t: number): RequiredNext {
  const run = analysis.run;
  const unit = run.scenario.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`no unit "${unitId}"`);
  const proc = run.scenario.procedure;
  const upTo = run.log.slice(0, lastAtOrBefore(run.log, t) + 1);
  const state = currentState(upTo, unitId);
  const items: Requirement[] = [];
  const practiced = (r: ResolvedRule) => (observes(r, unit) ? '' : ` — in practice ${unitId} did not (${proc.id})`);

  // Outside every rule's scope (a coast-guard ship under a navy code) is as unbound as a fishing boat.
  if (!boundBy(proc, unit)) {
    return {
      unit: unitId,
      state,
      items: [
        {
          now: false,
          rule: null,
          text: `${unit.name} is not bound by ${proc.id}`,
          why: isBound(unit)
            ? `its service (${unit.service ?? 'unstated'}) is outside the scope of every rule of ${proc.id} (${scopeWords(proc)})`
            : `no procedure binds a ${unit.kind}; CUES and the 2024 document bind naval ships, naval aircraft and their headquarters [S7][S53]`,
        },
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
    items.push({
      now: true,
      rule: rule.qid,
      text: `Answer ${tx.from}'s call ${tx.id} on ${tx.channel}${due >= t ? `, by +${Math.round(due)} s` : ` — overdue since +${Math.round(due)} s`}${practiced(rule)}`,
      why: rule.text,
    });
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
      items.push({
        now: true,
        rule: hail.rule ?? null,
        text: `Wait for ${hail.to} to answer until +${Math.round(timeout)} s; if not, call again on ${plan[attempt]} at +${Math.round(hail.t + interval)} s (call ${attempt + 1} of ${plan.length})`,
        why: rule?.text ?? 'IMO calling practice: up to three calls two minutes apart, then three minutes [S77]',
      });
    } else {
      const report = rulesOfType(proc, 'report').find((r) => r.when.includes('call-unanswered') && applies(r, unit));
      items.push({
        now: true,
        rule: report?.qid ?? hail.rule ?? null,
        text: `Last call made: wait for ${hail.to} until +${Math.round(timeout)} s${report ? `; if no answer, report to ${unit.headquarters ?? 'headquarters'}` : ''}`,
        why: report?.text ?? rule?.text ?? '',
      });
    }
  }

  // Conditional: the events this unit's machine reacts to in its current state, and the rules on them.
  const machine = enabledTriggers(proc, unit, state);
  const enabled = machine.posture;
  // Sensed triggers the comms region has a transition for in its state (only those some rule acts
  // on), and those that arise inside a timer's or a call's step (calls unanswered, reports, relays).
  const triggers = [...new Set([...enabled, ...Object.keys(EVENT_WORDS).filter((t) => machine.comms.includes(t) || !SENSED.includes(t as never))])];
  for (const trigger of triggers) {
    for (const rule of proc.rules) {
      if (!('when' in rule) || !(rule.when as string[]).includes(trigger) || !applies(rule, unit)) continue;
      const changes = enabled.includes(trigger) ? ` (the ${unit.kind} machine moves on from "${state['posture']}")` : '';
      items.push({
        now: false,
        rule: rule.qid,
        text: `If ${EVENT_WORDS[trigger] ?? trigger}: ${VERB[rule.type] ?? rule.type}${changes}${practiced(rule)}`,
        why: rule.text,
      });
    }
  }
  const anyReply = replies.sort((a, b) => proc.chain.indexOf(b.origin) - proc.chain.indexOf(a.origin))[0];
  if (anyReply)
    items.push({
      now: false,
      rule: anyReply.qid,
      text: `If a call addressed to you is understood: answer it on the channel it came on${practiced(anyReply)}`,
      why: anyReply.text,
    });
  for (const rule of rulesOfType(proc, 'avoid').filter((r) => applies(r, unit)))
    items.push({ now: false, rule: rule.qid, text: `Throughout: ${rule.title.toLowerCase()}`, why: rule.text });
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
