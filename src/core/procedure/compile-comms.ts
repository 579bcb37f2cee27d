/**
 * The comms region of a unit's machine, compiled from the procedure it follows: listening, calling
 * (first call, repeating, last call, as many as the hailing plan has) and answering (a reply owed).
 * Each event type has its own transitions in each state, and a transition exists only where the
 * procedure's data makes it possible: a trigger leads to calling only if a hail rule of this unit
 * acts on it, a call leads to answering only if a reply or say-again rule binds the unit.
 *
 * The decision itself is the procedure interpreter's (units/comms.ts), run once per event as the
 * transition's action; the guards ask where that decision leaves the unit, so the state a trainer
 * sees and the effects the engine carries out come from the same step.
 */
import type { TimerName } from '../units/protocol';
import { triggerEvents, type TriggerEvent } from './schema';
import type { Procedure, ResolvedRule } from './load';
import { inScope } from './duties';

/** Who the machine is compiled for: what the procedure asks of a unit depends on these alone. */
export interface CompileUnit {
  kind: string;
  /** Bound by the procedure (naval unit or headquarters). */
  bound: boolean;
  /** A student plays the unit: it may answer or stop calling where the procedure would not. */
  drilled: boolean;
  /** Its service, which a rule's scope may leave out. */
  service?: string;
}

/** A guard by name, with the data it is about; serializable as Stately's tools read it. */
export interface GuardRef {
  type: 'endsIn' | 'timer';
  params: { state?: string; timer?: TimerName };
}

export interface TransitionConfig {
  target?: string;
  guard?: GuardRef;
  actions?: string;
  description?: string;
}

export interface StateConfig {
  type?: 'parallel';
  initial?: string;
  description?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
}

/** The action that runs the interpreter for each event type (one pure step: context and event in, context and effects out). */
export const ACTION_OF = {
  start: 'keep-guard',
  script: 'follow-script',
  call: 'take-call',
  trigger: 'apply-rules',
  timer: 'timer-due',
} as const;

/** Names of the calling sub-states for a plan of n calls, in the order a call climbs them. */
export function callingStates(n: number): string[] {
  if (n <= 1) return ['last-call'];
  if (n === 2) return ['first-call', 'last-call'];
  return ['first-call', 'repeating', 'last-call'];
}

/** The calling sub-state of attempt `attempt` of `n` calls. */
export function callingStateOf(attempt: number, n: number): string {
  return attempt >= n ? 'last-call' : attempt <= 1 ? 'first-call' : 'repeating';
}

/**
 * Triggers the world sends a unit (what it senses). The others a rule may name — its calls going
 * unanswered, a report or a relay received — arise inside the step for a timer or a call.
 */
export const SENSED: readonly TriggerEvent[] = ['fire-control-detected', 'unsafe-approach', 'aircraft-approach', 'area-entered'];

function applies(rule: ResolvedRule, u: CompileUnit): boolean {
  return u.bound && (rule.appliesTo as string[]).includes(u.kind) && inScope(rule, u);
}

/** What the procedure's data says this unit can do, the facts the transitions are built from. */
export interface CommsFacts {
  /** Calls in a hailing plan. */
  calls: number;
  /** Sensed triggers some rule of this unit acts on, and whether it can open a call. */
  triggers: { trigger: TriggerEvent; opensCall: boolean }[];
  /** A call received can make this unit owe a reply (a reply or say-again rule, or a student's choice). */
  canOweReply: boolean;
  /** A call received can make this unit call (a hail rule on a report or a relay received). */
  callOpensCall: boolean;
  /** Guard duties to take up at the start. */
  guards: boolean;
}

export function commsFacts(procedure: Procedure, u: CompileUnit): CommsFacts {
  const rules = procedure.rules.filter((r) => applies(r, u));
  const on = (t: TriggerEvent) => rules.filter((r) => 'when' in r && (r.when as string[]).includes(t));
  const hailsOn = (t: TriggerEvent) => on(t).some((r) => r.type === 'hail');
  const triggers = triggerEvents.filter((t) => SENSED.includes(t) && on(t).length > 0).map((t) => ({ trigger: t, opensCall: hailsOn(t) }));
  return {
    calls: procedure.hailing.attempts,
    triggers,
    canOweReply: u.drilled || rules.some((r) => r.type === 'reply' || r.type === 'say-again' || r.type === 'clarify'),
    callOpensCall: hailsOn('report-received') || hailsOn('relay-received'),
    guards: rules.some((r) => r.type === 'guard'),
  };
}

/** Transitions for one event in one state: one per place the step may leave the unit, then staying put. */
function branches(from: string, ends: string[], action: string, timer?: TimerName): TransitionConfig[] {
  const out: TransitionConfig[] = [];
  for (const end of [...new Set(ends)]) {
    if (end === from) continue;
    const target = end.startsWith(`${from}.`) ? `.${end.slice(from.length + 1)}` : end;
    out.push({ target, guard: { type: 'endsIn', params: { state: end, ...(timer ? { timer } : {}) } }, actions: action });
  }
  out.push(timer ? { guard: { type: 'timer', params: { timer } }, actions: action } : { actions: action });
  return out;
}

export function compileComms(procedure: Procedure, u: CompileUnit): StateConfig {
  const f = commsFacts(procedure, u);
  const subs = callingStates(f.calls).map((s) => `calling.${s}`);
  const opening = subs[0]!;
  const later = subs.slice(1);
  const owe = f.canOweReply ? ['answering'] : [];
  // When a call ends, the next one waiting behind it starts (a script can always queue one).
  const afterCall = [opening, ...owe, 'listening'];

  const triggerOn = (from: string): Record<string, TransitionConfig[]> =>
    Object.fromEntries(
      f.triggers.map(({ trigger, opensCall }) => [`trigger.${trigger}`, branches(from, opensCall && from !== 'calling' ? [opening] : [], ACTION_OF.trigger)]),
    );
  const startOn: Record<string, TransitionConfig[]> = f.guards ? { start: branches('listening', [], ACTION_OF.start) } : {};

  const listening: StateConfig = {
    description: 'No call of its own open and no reply owed: it keeps its guard and reacts as the procedure asks.',
    on: {
      ...startOn,
      script: branches('listening', [opening], ACTION_OF.script),
      call: branches('listening', [...(f.callOpensCall ? [opening] : []), ...owe], ACTION_OF.call),
      ...triggerOn('listening'),
      timer: branches('listening', [], ACTION_OF.timer, 'reply-timeout'),
    },
  };
  // A reply to the call settles it; a say-again makes it call again; a waiting call may start.
  const calling: StateConfig = {
    initial: callingStates(f.calls)[0]!,
    description: `A call of its own is out: up to ${f.calls} call${f.calls > 1 ? 's' : ''} by the hailing plan, each waiting for a reply.`,
    states: Object.fromEntries(callingStates(f.calls).map((s) => [s, {}])),
    on: {
      script: branches('calling', [], ACTION_OF.script),
      call: branches('calling', [...subs, ...owe, 'listening'], ACTION_OF.call),
      ...triggerOn('calling'),
      timer: [
        ...branches('calling', [...later, ...(u.drilled ? afterCall : [])], ACTION_OF.timer, 'hail-next'),
        ...branches('calling', afterCall, ACTION_OF.timer, 'reply-timeout'),
        ...branches('calling', [], ACTION_OF.timer, 'reply-due'),
      ],
    },
  };
  const answering: StateConfig = {
    description: 'A reply is owed: it goes out when the reply delay has passed.',
    on: {
      script: branches('answering', [opening], ACTION_OF.script),
      call: branches('answering', f.callOpensCall ? [opening] : [], ACTION_OF.call),
      ...triggerOn('answering'),
      timer: [...branches('answering', ['listening'], ACTION_OF.timer, 'reply-due'), ...branches('answering', [], ACTION_OF.timer, 'reply-timeout')],
    },
  };
  return { initial: 'listening', states: { listening, calling, ...(f.canOweReply ? { answering } : {}) } };
}
