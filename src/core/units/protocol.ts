/**
 * What passes between the engine and a unit's machine. The engine sends perceptions (a call
 * understood, a radar detected, a timer) and the machine answers with effects (transmit,
 * schedule, retune, decide). The machine never touches the world; the engine never decides
 * what a unit does.
 */
import type { CallClass, CallDescription, Cause, DrillRecord, MessageContent, MessageKind, Transmission } from '../log';
import type { ContentElement } from '../content/elements';
import type { Action } from '../scenario/load';
import type { Procedure } from '../procedure/load';
import type { TriggerEvent } from '../procedure/schema';
import type { Nation, UnitKind } from '../scenario/schema';
import type { Explanation, ParamValue } from '../explain';

export interface UnitInfo {
  id: string;
  name: string;
  nation: Nation;
  kind: UnitKind;
  service?: string;
  callSigns: string[];
  hull?: string;
  activity?: string;
  headquarters?: string;
  counterpart?: string;
  /** Channels and links this unit can transmit on, in no order. */
  canSend: string[];
  /**
   * The first link shared with each unit on one of its links, itself included, and shared with
   * every unit on the same links: look a unit up with units/links.ts linkToward.
   */
  linkTo: Readonly<Record<string, string>>;
  /** How the crew names the other units of the scenario, for drill prompts. */
  names: Readonly<Record<string, string>>;
  /** How messages name every unit on the air (radio name or call sign), for message bodies. */
  callNames?: Readonly<Record<string, string>>;
  /** The service of each unit that states one, for the scope of rules about another unit. */
  services?: Readonly<Record<string, string>>;
  /** Phrase vocabularies each unit's crew knows (languages included), for units whose file states them: the rest know every phrase. */
  vocabularies?: Readonly<Record<string, string[]>>;
  /** false: the scenario says this unit does not answer calls (an account's fact); absent: it follows its procedure. */
  answers?: boolean;
  /** Radio sets by id, with the channels each can use, for guard duties. */
  sets: { id: string; channels: string[]; tuned: string[]; monitored: boolean; powered: boolean }[];
}

export type SenseTrigger = TriggerEvent | 'contact' | 'opening' | 'detection-ended';

export type UnitEvent =
  | { type: 'start' }
  | { type: 'script'; action: Action }
  /** `detail` names units as the plot does (for reasons); `spoken` as the radio does (for message bodies). */
  | { type: `trigger.${SenseTrigger}`; about: string; detail: string; detailWhy?: ParamValue; says?: string; spoken?: string; entry?: number }
  /** `cause`: the engine's cause for the delivery (the reception entry), for the unit's decisions to share. */
  | { type: 'call'; tx: Transmission; understood: boolean; notUnderstood: boolean; entry: number; unknownPhrase?: string; cause?: Cause }
  | { type: 'timer'; name: TimerName; ref: string; entry?: number };

export type TimerName = 'reply-due' | 'reply-timeout' | 'hail-next';

export interface Outgoing {
  kind: MessageKind;
  to: string;
  channel: string;
  body: string;
  addressee?: string;
  safety: boolean;
  needsReply: boolean;
  needsAnswer: boolean;
  inReplyTo?: string;
  /** A reply that answers what the call asked, not only "received". */
  answers?: boolean;
  exchange?: string;
  attempt?: number;
  rule?: string;
  about?: string;
  onScene?: string;
  /** The matter itself, in radio words, carried from report to headquarters contact to relay. */
  subject?: string;
  /** What the message says, as the script gives it. */
  content?: MessageContent;
  /** Content the rule asks the message to carry, filled from the sender's data when it is sent. */
  states?: ContentElement[];
  /** false: the call names no originator (no "THIS IS …"). */
  identified?: false;
  class?: CallClass;
  /** Address the station by description instead of by name; `to` is the unit meant. */
  description?: CallDescription;
  /** Asking what was meant: the phrase not known (radio/phraseology.ts). */
  clarify?: string;
  /** Said again in other words: the phrase replaced and the vocabulary used instead. */
  rephrased?: { phrase: string; vocabulary: string };
}

/** How a call names (or does not name) its originator and addressee, and its class: carried from the script to each attempt. */
export type CallMarks = Pick<Outgoing, 'identified' | 'class' | 'description'>;

export type Effect =
  | { type: 'transmit'; msg: Outgoing; cause: Cause }
  | { type: 'schedule'; afterS: number; timer: TimerName; ref: string; cause: Cause }
  | { type: 'decision'; rule: string | null; decision: Decision; reason: string; why?: Explanation; about?: string; drill?: DrillRecord; cause: Cause }
  | { type: 'tune'; radio: string; tuned?: string[]; monitored?: boolean; powered?: boolean; cause: Cause }
  | { type: 'emitter'; emitter: string; mode: 'off' | 'search' | 'track' | 'slewed'; target?: string; forS?: number; cause: Cause }
  | { type: 'judge'; about: string; threatening: boolean; cause: Cause }
  | { type: 'answered'; tx: string; by: string; stage: 'acknowledged' | 'acted-on'; cause: Cause }
  | { type: 'unanswered'; exchange: string; attempt: number; waitedS: number; cause: Cause }
  | { type: 'move'; action: Action; cause: Cause }
  /** An act towards another unit (simulated attack, laser …): nothing on the radio, only the record of it. */
  | { type: 'conduct'; action: Extract<Action, { do: 'conduct' }>; cause: Cause }
  /** A change to the world a unit's people make or suffer: noise, crew, a link, silence. */
  | { type: 'adjust'; action: Extract<Action, { do: 'set-noise' | 'set-crew' | 'set-link' | 'silence' }>; cause: Cause }
  /** The drill's student must choose before the run can go on. */
  | { type: 'await-choice'; point: DecisionPoint; cause: Cause };

/**
 * done: the unit did what the rule asks; omitted: the rule asked and the unit did not (practice);
 * cannot: it wanted to but had no means; none: no rule asked (recorded so "why not?" has an answer).
 */
export type Decision = 'done' | 'omitted' | 'cannot' | 'none' | 'belief';

export interface HailInProgress {
  exchange: string;
  to: string;
  rule: string | null;
  reason: string;
  /** `reason` as data (what set the call off). */
  reasonWhy?: ParamValue;
  body: string;
  addressee?: string;
  safety: boolean;
  needsAnswer: boolean;
  plan: string[];
  attempt: number;
  lastTx: string | null;
  about?: string;
  content?: MessageContent;
  states?: ContentElement[];
  marks?: CallMarks;
  /** Set once the call has been said again in other words. */
  rephrased?: { phrase: string; vocabulary: string };
}

export interface QueuedHail {
  to: string;
  rule: string | null;
  reason: string;
  /** `reason` as data (what set the call off). */
  reasonWhy?: ParamValue;
  body: string;
  addressee?: string;
  safety: boolean;
  needsAnswer: boolean;
  channel?: string;
  about?: string;
  content?: MessageContent;
  states?: ContentElement[];
  marks?: CallMarks;
}

export interface UnitContext {
  unit: UnitInfo;
  procedure: Procedure;
  parameters: Record<string, unknown>;
  hail: HailInProgress | null;
  /** Calls waiting for the one in progress to end, oldest first. */
  queued: QueuedHail[];
  exchanges: number;
  /** Calls of ours still waiting for a reply, as "exchange#attempt". */
  awaiting: string[];
  /** Replies this unit owes: tx id → channel and text. */
  pendingReplies: Record<string, Outgoing>;
  /** How often each trigger has happened, per unit it concerned: "trigger@unit" → count. */
  seen: Record<string, number>;
  /** Rules already acted on for a unit, so a repeated trigger does not repeat a report. */
  done: string[];
  beliefs: Record<string, { threatening?: boolean; activity?: string; lastHeard?: string }>;
  /** Set when a student plays this unit in a drill. */
  drill?: DrillState;
}

/** A moment where the procedure gives the drilled unit a decision, and what it could do. */
export interface DecisionPoint {
  /** 0-based count of decisions this unit has met in the run. */
  index: number;
  unit: string;
  situation: 'incoming-call' | 'call-not-made-out' | 'safety-concern' | 'state-activity' | 'report' | 'unanswered-call' | 'headquarters';
  /** What the student sees: what happened, in words. */
  prompt: string;
  /** `prompt` as data. */
  promptWhy?: ParamValue;
  options: DrillOption[];
  /** Option id the procedure asks for. */
  correct: string;
  rule: string | null;
  ruleText: string;
}

export interface DrillOption {
  id: string;
  label: string;
}

export interface DrillState {
  choices: string[];
  /** What to do once the list runs out: wait for the student, or answer for them. */
  then: 'pause' | 'follow' | 'silence';
  next: number;
}
