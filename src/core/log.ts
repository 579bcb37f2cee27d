/**
 * The run's append-only log: everything that happened, each entry saying what caused it.
 * Replay, analysis and every view read this; nothing writes to it but the engine.
 * It imports nothing: it is the bottom of the core, so units and the radio ladder can speak of
 * transmissions and causes without reaching up into the engine. (Its one import is a type:
 * an explanation as data.)
 */
import type { Explanation, ParamValue } from './explain';

/** The delivery ladder of ../shared/contracts.md, in order. */
export const LADDER = ['transmitted', 'in-range', 'receivable', 'heard', 'understood', 'acknowledged', 'acted-on'] as const;
export type Stage = (typeof LADDER)[number];

export function stageIndex(s: Stage | null): number {
  return s === null ? -1 : LADDER.indexOf(s);
}

/** What made an entry happen. `entry` is the seq of the log entry behind it, when there is one. */
export interface Cause {
  kind: 'start' | 'script' | 'rule' | 'message' | 'timer' | 'sensor' | 'transition';
  /** Script action id, rule qid, transmission id, timer name or sensor name. */
  ref: string;
  entry?: number;
}

/** The numbers behind a ladder verdict, so a trainer can check the reasoning. */
export interface Evidence {
  channel?: string;
  distanceKm?: number;
  horizonKm?: number;
  originatorHeightM?: number;
  recipientHeightM?: number;
  pathLossDb?: number;
  receivedDbm?: number;
  noiseDbm?: number;
  snrDb?: number;
  requiredSnrDb?: number;
  set?: { id: string; powered: boolean; tuned: string[]; monitored: boolean; modulation: string } | null;
  workload?: number;
  proficiency?: number;
  copyQuality?: number;
  heardAs?: string;
  judgedFor?: string;
  latencyS?: number;
  /** For a call by description: whether it fitted this listener, and why (radio/description.ts). */
  described?: string;
  /** A visual signal: the scenario's visibility, km. */
  visibilityKm?: number;
  /** How far the signal carried then (visibility, daylight, sea state), km. */
  signalRangeKm?: number;
  /** The sun's elevation at the scene, degrees: flags need daylight, a lamp is seen farther at night. */
  sunElevationDeg?: number;
  /** A phrase the listener's crew did not know, and the vocabulary it belongs to (radio/phraseology.ts). */
  phrase?: string;
  vocabulary?: string;
}

/**
 * What a message says besides its words, element by element, so a procedure can ask what a message
 * of a kind must contain (content rules) and the analysis can tell a notice that named no area.
 * Times are seconds from the scenario start; `area` is the id of one of the scenario's areas.
 */
export interface MessageContent {
  purpose?: 'notice' | 'warning' | 'request' | 'query' | 'answer';
  identity?: string;
  position?: { lat: number; lon: number };
  courseSpeed?: { courseDeg: number; speedKt: number };
  intention?: string;
  request?: string;
  area?: string;
  time?: { from?: number; until?: number };
  warning?: string;
}

export type MessageKind = 'hail' | 'reply' | 'say-again' | 'announce' | 'report' | 'hq-contact' | 'relay';

/** What a call is, for the listener deciding how to answer it (radio/call-class.ts gives the default). */
export const CALL_CLASSES = ['routine', 'safety', 'warning', 'threat'] as const;
export type CallClass = (typeof CALL_CLASSES)[number];

/**
 * A station addressed by what it looks like, not by name ("UNIDENTIFIED WARSHIP IN POSITION …,
 * COURSE …"): each listener decides whether it fits (radio/description.ts).
 */
export interface CallDescription {
  /** A unit kind id (ship, aircraft, vessel, headquarters). */
  kind?: string;
  service?: string;
  near?: { lat: number; lon: number; withinM: number };
  courseDeg?: number;
  /** How far off the said course a listener's own course may be and still fit, degrees. */
  courseWithinDeg?: number;
  /** The words said for the addressee, instead of the ones made from the description. */
  words?: string;
}

export interface Transmission {
  id: string;
  t: number;
  from: string;
  /** A unit id, or "all" for a call to all stations. */
  to: string;
  channel: string;
  kind: MessageKind;
  /** The words used to address the recipient, e.g. "KOREA SOUTH NAVAL SHIP, HULL NUMBER 971". */
  addressee: string;
  body: string;
  /** The whole message as spoken: addressee, originator, body, ending. */
  text: string;
  language: string;
  safety: boolean;
  needsReply: boolean;
  needsAnswer: boolean;
  inReplyTo?: string;
  /** A reply that answers what the call asked, not only "received". */
  answers?: boolean;
  /** Calls that belong to one exchange share this id (a hail and its repeats, the reply). */
  exchange: string;
  attempt: number;
  rule?: string;
  /** The other side's unit the message is about (reports, headquarters contact, relays). */
  about?: string;
  /** Own unit on scene that the matter concerns (headquarters contact). */
  onScene?: string;
  /** The matter in radio words, carried from report to headquarters contact to relay. */
  subject?: string;
  /** A request to say what was meant: the phrase the asker did not know (a clarify rule). */
  clarify?: string;
  /** A call said again in other words: the phrase it replaces and the vocabulary of the words used instead. */
  rephrased?: { phrase: string; vocabulary: string };
  /** Intended recipients: the addressee, or every unit for a call to all stations. */
  recipients: string[];
  /** What the message says, element by element (identity, position, area …), where it says any. */
  content?: MessageContent;
  /** Present (false) only when the call names no originator: no "THIS IS …". */
  identified?: false;
  /** Present only when the call was classed explicitly; otherwise radio/call-class.ts derives it. */
  class?: CallClass;
  /** A call addressing its station by description; `to` is then the unit the caller meant. */
  description?: CallDescription;
}

export interface LadderResult {
  unit: string;
  /** Highest stage reached, null if not even transmitted. */
  reached: Stage | null;
  /** First stage not reached, null if the ladder was climbed to its end for this message. */
  failedAt: Stage | null;
  cause: string | null;
  /** The cause as data; `cause` is its English rendering (src/i18n). */
  why?: Explanation;
  /** For a call by description: `evidence.described` as data. */
  described?: Explanation;
  heardAs?: string;
  /** The unit that answers for the failure, where the ladder can tell (a phrase: the sender's choice or the listener's gap). */
  attributedTo?: string;
  evidence: Evidence;
}

interface Base {
  seq: number;
  t: number;
  cause: Cause;
}

export type LogEntry =
  | (Base & { type: 'state'; unit: string; from: string; to: string; event: string })
  | (Base & { type: 'emission'; unit: string; emitter: string; emitterType: string; mode: 'off' | 'search' | 'track' | 'slewed'; target?: string })
  | (Base & {
      type: 'detection';
      unit: string;
      source: string;
      emitter: string;
      actualType: string;
      classifiedAs: string;
      pattern: 'periodic' | 'continuous' | 'none';
      on: boolean;
    })
  | (Base & { type: 'transmission'; tx: Transmission })
  | (Base & { type: 'reception'; tx: string; result: LadderResult })
  /** A call heard (or not) by a station it was not for, recorded for the debrief: it changes nothing in the exchange. */
  | (Base & { type: 'overheard'; tx: string; result: LadderResult })
  /** Whom a listener took an unidentified call to come from (null: it could put it to nobody), and why. */
  | (Base & { type: 'attributed'; unit: string; tx: string; to: string | null; why: string; explanation?: Explanation })
  | (Base & { type: 'answered'; tx: string; unit: string; stage: 'acknowledged' | 'acted-on'; by: string })
  | (Base & { type: 'unanswered'; tx: string; unit: string; waitedS: number })
  | (Base & { type: 'decision'; unit: string; rule: string | null; decision: string; reason: string; why?: Explanation; about?: string; drill?: DrillRecord })
  | (Base & { type: 'radio-set'; unit: string; radio: string; powered: boolean; tuned: string[]; monitored: boolean })
  | (Base & { type: 'proximity'; unit: string; other: string; groundM: number; altitudeM: number; closest: boolean })
  | (Base & { type: 'judgement'; unit: string; about: string; threatening: boolean })
  /** An act towards another unit that the scenario scripts (`do: conduct`): what the assurance measures judge. */
  | (Base & { type: 'conduct'; unit: string; act: string; target: string; forS?: number })
  | (Base & { type: 'note'; unit?: string; text: string; why?: Explanation })
  /** An aircraft leaves a deck or an airfield (`from`: a unit id or "lat, lon"), or comes down on one (`at`). */
  | (Base & { type: 'took-off'; unit: string; from: string })
  | (Base & { type: 'landed'; unit: string; at: string });

export type LogEntryType = LogEntry['type'];
export type EntryOf<T extends LogEntryType> = Extract<LogEntry, { type: T }>;

/** A student's decision in a drill, as the log keeps it for scoring. */
export interface DrillRecord {
  point: number;
  situation: string;
  prompt: string;
  /** `prompt` as data, for the reader's language. */
  promptWhy?: ParamValue;
  options: { id: string; label: string }[];
  chosen: string;
  correct: string;
  ruleText: string;
}
