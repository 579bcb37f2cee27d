/**
 * THE DELIVERY LADDER: where a call is decided to be heard or not.
 *
 * For one transmission and one intended recipient, climb the stages of ../shared/contracts.md in
 * order — transmitted, in-range, receivable, heard, understood — and stop at the first one not
 * reached, with the cause and the numbers behind it; and which recipients a call has, and when
 * each has it (receive). The last two stages (acknowledged, acted-on) depend on what the
 * recipient then does: which of them a message needs (neededStage) and how far a reply takes its
 * call (answerStage) are decided here; the originator's unit reports the reply it got, the engine
 * logs it, and analysis reads the outcome from the log.
 */
import { fmt, pct, round } from './figures';
import type { Position } from '../geo';
import { slantDistanceM } from '../geo';
import type { CallDescription, Evidence, LadderResult, Stage, Transmission } from '../log';
import { findChannel, type Modulation, type RadioChannel } from './channels';
import { linkBudget, RECEIVER_SENSITIVITY_DBM } from './propagation';
import { copyQuality, heardAddressee, recogniseAsOther, recogniseAsOwn, type Confusion, type KnownStations, type Station } from './hearing';
import { beyondReachCause, reachOf } from './declared';
import { deliverSignal, type SignalCode, type SignalEnvironment, type SignalKind } from './signals';
import type { Random } from '../rng';
import { fitsDescription, type DescribedSelf } from './description';
import { unknownPhrase, type Phrasebook } from './phraseology';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';

export interface RadioSetState {
  id: string;
  modulation: Modulation;
  channels: string[];
  tuned: string[];
  powered: boolean;
  monitored: boolean;
  powerW: number;
  noiseDb?: number;
}

export interface LinkState {
  id: string;
  name: string;
  members: string[];
  available: boolean;
  latencyS: number;
  language: string;
}

/** What the ladder needs to know about a unit at the moment of the call. */
export interface StationView {
  id: string;
  position: Position;
  antennaHeightM: number;
  sets: RadioSetState[];
  links: string[];
  workload: number;
  languages: Record<string, number>;
  hearsAs: Confusion[];
  /** Who this unit is, as its operators would recognise it in a call. */
  identity: Station;
  /** Stations its operators know of, for deciding a call is for someone else. */
  knownStations: Station[] | KnownStations;
  /** What it knows of itself (kind, position, course), for a call that describes its station. */
  self?: DescribedSelf;
  /** For visual and sound signals (radio/signals.ts): its kind, where it is, its signalling gear and the codes its crew reads. */
  kind?: string;
  element?: 'sea' | 'air' | 'shore';
  signals?: readonly SignalKind[];
  signalCodes?: readonly SignalCode[];
  /** Phrase vocabularies its crew knows, languages included; undefined: every phrase (radio/phraseology.ts). */
  vocabularies?: string[];
  /** Why the unit is not in the scene now (an aircraft before take-off or after landing): it neither sends nor receives. */
  absent?: Explanation;
}

export interface RadioEnvironment {
  noiseFloorDbm: number;
  requiredSnrDb: number;
  clearSnrDb: number;
  /** Copy quality below which the content of a call is not made out. */
  understandAt: number;
  /** The channels the run's scenario declares (radio/declared.ts); none when omitted. */
  channels?: readonly RadioChannel[];
  /** Visibility, sea state and the start time, for visual and sound signals; without them signals cannot be judged. */
  signals?: SignalEnvironment;
  /** The phrases calls may use and the vocabularies the procedure agrees; none: phrases are not judged. */
  phrasebook?: Phrasebook;
}

export const DEFAULT_RADIO_ENVIRONMENT: RadioEnvironment = {
  noiseFloorDbm: -120,
  requiredSnrDb: 10,
  clearSnrDb: 25,
  understandAt: 0.5,
};

export interface Delivery {
  result: LadderResult;
  /** Seconds after keying that the recipient has the message (link latency; radio is immediate). */
  latencyS: number;
  /** Recognised as for this unit but not made out: the procedure may ask for "say again". */
  notUnderstood: boolean;
  /** Made out, but it used this phrase the crew does not know: the procedure may ask what was meant. */
  unknownPhrase?: string;
}

/**
 * Verdicts written out whole for each shape: heardAs added to the made object went to a separate
 * property array, one more object for each of the 4,400 misheard verdicts a 1,000-unit hour keeps.
 */
function ok(unit: string, reached: Stage, evidence: Evidence, heardAs?: string): LadderResult {
  return heardAs !== undefined ? { unit, reached, failedAt: null, cause: null, evidence, heardAs } : { unit, reached, failedAt: null, cause: null, evidence };
}

function fail(unit: string, reached: Stage | null, failedAt: Stage, why: Explanation, evidence: Evidence, heardAs?: string): LadderResult {
  const cause = english(why);
  return heardAs !== undefined ? { unit, reached, failedAt, cause, why, evidence, heardAs } : { unit, reached, failedAt, cause, why, evidence };
}

/** Sets on this station that can key the channel now. */
export function transmitterFor(station: StationView, channel: string): RadioSetState | undefined {
  const sets = station.sets;
  for (let i = 0; i < sets.length; i++) if (sets[i]!.powered && sets[i]!.channels.includes(channel)) return sets[i];
  return undefined;
}

/**
 * The link of this id, if the channel is one. A counted loop, as the ladder's other look-ups of
 * every call and every recipient are: an arrow over one of the function's own names makes a
 * context at every call, whether or not the arrow is ever made, and for…of an object at every
 * step until the function is optimised.
 */
export function linkOf(links: readonly LinkState[], id: string): LinkState | undefined {
  for (let i = 0; i < links.length; i++) if (links[i]!.id === id) return links[i];
  return undefined;
}

/**
 * The receiving set as the evidence records it: as it was at that moment. One frozen record for
 * each state a set is in, shared by every reception it has in that state: a set hears call after
 * call as it is, and a copy for each made a thousand-unit hour's log carry thousands of copies.
 */
const setRecords = new WeakMap<RadioSetState, NonNullable<Evidence['set']>>();

function describeSet(s: RadioSetState | undefined | null): Evidence['set'] {
  if (!s) return null;
  let r = setRecords.get(s);
  if (!r || r.powered !== s.powered || r.monitored !== s.monitored || r.modulation !== s.modulation || r.id !== s.id || !sameList(r.tuned, s.tuned)) {
    r = Object.freeze({ id: s.id, powered: s.powered, tuned: Object.freeze([...s.tuned]) as string[], monitored: s.monitored, modulation: s.modulation });
    setRecords.set(s, r);
  }
  return r;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The channels by id for one run's declared list (or none), found once: findChannel reads the id as
 * a number and searches three lists, and every call asks it. The declared list is built for the
 * run and never changed after (declared.ts), so it keys what was found in it.
 */
const channelsFound = new WeakMap<readonly RadioChannel[], Map<string, RadioChannel | undefined>>();
const NO_DECLARED: readonly RadioChannel[] = [];

function channelOf(id: string, declared: readonly RadioChannel[] = NO_DECLARED): RadioChannel | undefined {
  let found = channelsFound.get(declared);
  if (!found) channelsFound.set(declared, (found = new Map()));
  if (found.has(id)) return found.get(id);
  const c = findChannel(id, declared);
  found.set(id, c);
  return c;
}

export function deliver(tx: Transmission, from: StationView, to: StationView, links: readonly LinkState[], env: RadioEnvironment, random: Random): Delivery {
  return deliverRadio(onAir(tx, from, links, env), to, random, false)!;
}

/**
 * A call as the ladder takes it before it reaches anyone: the link or channel it goes on, and
 * whether and with which set its originator keys it. The same at every receiver, so a call to a
 * thousand stations works it out once (onAir), not once for each (receiveOnAir).
 */
export interface CallOnAir {
  readonly tx: Transmission;
  readonly from: StationView;
  readonly env: RadioEnvironment;
  /** The link it goes over, if it goes over one. */
  readonly link: LinkState | undefined;
  /** The channel of its id, if one has it (looked for on a link too: a channel's call takes SPEAKING_TIME_S). */
  readonly channel: RadioChannel | undefined;
  /** On a radio channel: why the originator is not in the scene to key it. */
  readonly absent: Explanation | undefined;
  /** On a radio channel, from an originator in the scene: the set that keys it, if one can. */
  readonly txSet: RadioSetState | undefined;
}

export function onAir(tx: Transmission, from: StationView, links: readonly LinkState[], env: RadioEnvironment): CallOnAir {
  const link = linkOf(links, tx.channel);
  const channel = channelOf(tx.channel, env.channels);
  const radio = !link && channel !== undefined && !channel.signal;
  const absent = radio ? from.absent : undefined;
  return { tx, from, env, link, channel, absent, txSet: radio && !absent ? transmitterFor(from, channel.id) : undefined };
}

/**
 * deliver; with `outOfRangeIsNone`, null where the radio call fails at in-range: a call to all
 * stations is for no unit out of its range (receive), so nothing is said of the thousand units
 * of an exercise it never reaches.
 */
function deliverRadio(call: CallOnAir, to: StationView, random: Random, outOfRangeIsNone: boolean): Delivery | null {
  const { tx, from, env, channel } = call;
  if (call.link) return deliverOverLink(tx, from, to, call.link, env, random);
  const unit = to.id;
  if (!channel)
    return { result: fail(unit, null, 'transmitted', explain('ladder.no-channel', { channel: tx.channel }), {}), latencyS: 0, notUnderstood: false };
  if (channel.signal) return { ...deliverSignalFor(tx, channel.signal, from, to, env, random), latencyS: 0 };

  // transmitted: the originator keyed the message on that channel.
  if (call.absent) return { result: fail(unit, null, 'transmitted', call.absent, { channel: channel.id }), latencyS: 0, notUnderstood: false };
  const txSet = call.txSet;
  if (!txSet) return { result: fail(unit, null, 'transmitted', notKeyed(from, channel), { channel: channel.id }), latencyS: 0, notUnderstood: false };

  // in-range: inside the combined radio horizon and above the receiver's sensitivity.
  const distanceKm = slantDistanceM(from.position, to.position) / 1000;
  const reach = reachOf(channel, from.antennaHeightM, to.antennaHeightM);
  const budget = linkBudget({
    distanceKm,
    txHeightM: from.antennaHeightM,
    rxHeightM: to.antennaHeightM,
    freqMHz: channel.freqMHz,
    band: channel.band,
    powerW: txSet.powerW,
    horizonKm: reach.km,
  });
  if (outOfRangeIsNone && (!budget.withinHorizon || budget.receivedDbm < RECEIVER_SENSITIVITY_DBM)) return null;
  // Made only for a recipient in range, and whole: the numbers in the order the log has always had them.
  const evidence: Evidence = {
    channel: channel.id,
    distanceKm: round(distanceKm, 2),
    horizonKm: round(budget.horizonKm, 1),
    originatorHeightM: round(from.antennaHeightM, 0),
    recipientHeightM: round(to.antennaHeightM, 0),
    pathLossDb: round(budget.pathLossDb, 1),
    receivedDbm: round(budget.receivedDbm, 1),
  };
  if (!budget.withinHorizon) {
    return {
      result: fail(unit, 'transmitted', 'in-range', beyondReachCause(channel, reach, distanceKm), evidence),
      latencyS: 0,
      notUnderstood: false,
    };
  }
  if (budget.receivedDbm < RECEIVER_SENSITIVITY_DBM) {
    return {
      result: fail(
        unit,
        'transmitted',
        'in-range',
        explain('ladder.too-weak', { received: fmt(budget.receivedDbm), needed: RECEIVER_SENSITIVITY_DBM }),
        evidence,
      ),
      latencyS: 0,
      notUnderstood: false,
    };
  }

  // receivable: a set that is on, tuned to the frequency, of matching modulation, and listened to.
  if (to.absent) return { result: fail(unit, 'in-range', 'receivable', to.absent, evidence), latencyS: 0, notUnderstood: false };
  const rxSet = receivingSet(to, channel);
  evidence.set = describeSet(rxSet);
  if (!rxSet) return { result: fail(unit, 'in-range', 'receivable', notReceivable(to, channel), evidence), latencyS: 0, notUnderstood: false };

  // heard: signal over noise, and an operator free to copy it.
  const noise = Math.max(env.noiseFloorDbm, rxSet.noiseDb ?? -Infinity);
  const snr = budget.receivedDbm - noise;
  evidence.noiseDbm = round(noise, 1);
  evidence.snrDb = round(snr, 1);
  evidence.requiredSnrDb = env.requiredSnrDb;
  evidence.workload = to.workload;
  if (snr < env.requiredSnrDb) {
    return {
      result: fail(unit, 'receivable', 'heard', explain('ladder.too-faint', { snr: fmt(snr), required: env.requiredSnrDb, noise: fmt(noise) }), evidence),
      latencyS: 0,
      notUnderstood: false,
    };
  }
  const missed = missedForWorkload(to.workload, random);
  if (missed)
    return {
      result: fail(unit, 'receivable', 'heard', explain('ladder.operator-busy', { workload: to.workload }), evidence),
      latencyS: 0,
      notUnderstood: false,
    };

  return understand(tx, tx.language, to, snr, env, evidence, 0);
}

/**
 * The last stage a message needs: a message that asks no reply ends at understood; one whose
 * reply must answer what it asks ends at acted-on; any other reply settles it at acknowledged.
 */
export function neededStage(tx: Pick<Transmission, 'needsReply' | 'needsAnswer'>): Stage {
  if (!tx.needsReply) return 'understood';
  return tx.needsAnswer ? 'acted-on' : 'acknowledged';
}

/** How far a reply that got through takes the call it answers: acted-on if it answers what was asked, acknowledged if it only says "received". */
export function answerStage(reply: Pick<Transmission, 'answers'>): 'acknowledged' | 'acted-on' {
  return reply.answers ? 'acted-on' : 'acknowledged';
}

/** Seconds a spoken call lasts: the recipient has a radio message when the speaker stops. */
export const SPEAKING_TIME_S = 15;

export interface Reception {
  result: LadderResult;
  notUnderstood: boolean;
  /** Seconds after keying that the recipient has the message, or has missed it. */
  afterS: number;
}

/**
 * One recipient's verdict on a call, as the log records it, or null when the call was never for
 * this unit: a call to all stations is for every unit in range (contracts.md), so a unit the
 * ladder finds out of range is no recipient of it.
 */
export function receive(
  tx: Transmission,
  from: StationView,
  to: StationView,
  links: readonly LinkState[],
  env: RadioEnvironment,
  random: Random,
): Reception | null {
  return receiveOnAir(onAir(tx, from, links, env), to, random);
}

/** receive, for a call already put on the air (onAir): what every recipient of it shares is worked out once. */
export function receiveOnAir(call: CallOnAir, to: StationView, random: Random): Reception | null {
  const tx = call.tx;
  const d = deliverRadio(call, to, random, tx.to === 'all');
  if (!d || (tx.to === 'all' && d.result.failedAt === 'in-range')) return null;
  // A call by description is for whoever takes it for itself, and for the unit the caller meant.
  if (tx.description && to.id !== tx.to && d.result.failedAt !== null && !d.notUnderstood) return null;
  return { result: d.result, notUnderstood: d.notUnderstood, afterS: call.channel !== undefined ? SPEAKING_TIME_S : d.latencyS };
}

/** Workload above which an operator may miss a call [U]. */
export const MISS_ABOVE_WORKLOAD = 0.5;
/** Growth of that chance per unit of workload over it: 80% at full load [U]. */
export const MISS_PER_WORKLOAD = 1.6;

/** Above half load an operator may miss a call: the chance grows to 80% at full load. */
export function missedForWorkload(workload: number, random: Random): boolean {
  const p = Math.max(0, workload - MISS_ABOVE_WORKLOAD) * MISS_PER_WORKLOAD;
  return p > 0 && random.chance(p);
}

/** A flag hoist, flashing light or sound signal: its own stages (radio/signals.ts), with a lookout judged like a radio operator. */
function deliverSignalFor(tx: Transmission, kind: SignalKind, from: StationView, to: StationView, env: RadioEnvironment, random: Random) {
  const station = (v: StationView) => ({
    id: v.id,
    position: v.position,
    kind: v.kind ?? 'ship',
    element: v.element ?? 'sea',
    signals: v.signals ?? [],
    signalCodes: v.signalCodes ?? [],
    workload: v.workload,
  });
  const conditions = env.signals ?? { visibilityKm: 20, seaState: 2, startUnixS: 0 };
  return deliverSignal(tx, kind, station(from), station(to), conditions, (w) => missedForWorkload(w, random));
}

/** Why the originator keys no set on the channel: the one that could is off, or it has none that could. */
function notKeyed(from: StationView, channel: RadioChannel): Explanation {
  const offSet = from.sets.find((s) => s.channels.includes(channel.id));
  return offSet
    ? explain('ladder.send-set-off', { unit: unitRef(from.id), set: offSet.id, channel: channelWords(channel) })
    : explain('ladder.no-send-set', { unit: unitRef(from.id), channel: channelWords(channel) });
}

/** The first set tuned to the channel that is on, of its modulation, and listened to. */
function receivingSet(to: StationView, channel: RadioChannel): RadioSetState | undefined {
  const sets = to.sets;
  for (let i = 0; i < sets.length; i++) {
    const s = sets[i]!;
    if (s.tuned.includes(channel.id) && s.powered && s.modulation === channel.modulation && s.monitored) return s;
  }
  return undefined;
}

/** Why no set of the station receives the channel (receivingSet found none). */
function notReceivable(to: StationView, channel: RadioChannel): Explanation {
  const tunedHere = to.sets.filter((s) => s.tuned.includes(channel.id));
  const capable = to.sets.filter((s) => s.channels.includes(channel.id));
  const unit = unitRef(to.id);
  const ch = channelWords(channel);
  if (tunedHere.length === 0) {
    if (capable.length === 0) return explain('ladder.no-receive-set', { unit, channel: ch, band: channel.band, modulation: channel.modulation });
    const c = capable[0]!;
    return explain('ladder.not-tuned', { unit, channel: ch, set: c.id, tuned: c.tuned.length ? c.tuned.join(', ') : explain('ladder.nothing') });
  }
  const s = tunedHere[0]!;
  if (!s.powered) return explain('ladder.receive-set-off', { unit, set: s.id, channel: ch });
  if (s.modulation !== channel.modulation)
    return explain('ladder.wrong-modulation', { unit, set: s.id, modulation: s.modulation, channel: ch, channelModulation: channel.modulation });
  return explain('ladder.not-listening', { unit, set: s.id, channel: ch });
}

/** `language` is the call's, or on a link the link's. */
function understand(
  tx: Transmission,
  language: string,
  to: StationView,
  snrDb: number,
  env: RadioEnvironment,
  evidence: Evidence,
  latencyS: number,
  addressed = false,
): Delivery {
  const unit = to.id;
  const proficiency = Object.hasOwn(to.languages, language) ? (to.languages[language] ?? 0) : 0;
  const quality = copyQuality({ snrDb, requiredSnrDb: env.requiredSnrDb, clearSnrDb: env.clearSnrDb, proficiency });
  evidence.proficiency = proficiency;
  evidence.copyQuality = round(quality, 2);
  if (tx.description && !addressed) return understandDescribed(tx.description, language, to, quality, proficiency, env, evidence, latencyS);
  if (tx.to === 'all' || addressed) {
    if (quality < env.understandAt)
      return {
        result: fail(
          unit,
          'heard',
          'understood',
          explain('ladder.not-made-out', { call: tx.to === 'all' ? 'all' : 'link', copy: pct(quality), language, proficiency }),
          evidence,
        ),
        latencyS,
        notUnderstood: false,
      };
    return phrased(tx, language, to, env, evidence, latencyS, ok(unit, 'understood', evidence), tx.to !== 'all');
  }
  const heard = heardAddressee(tx.addressee, quality, to.hearsAs);
  // A clear copy is verbatim, whatever the crew's expectations: no second look at the addressee.
  const verbatim = quality >= 1 ? heard : heardAddressee(tx.addressee, 1, []);
  const misheard = heard !== verbatim ? heard : undefined;
  if (misheard !== undefined) evidence.heardAs = misheard;
  // The stations it knows of only when the call was not for it: most calls plainly name their addressee.
  const who = recogniseAsOwn(heard, to.identity) ?? recogniseAsOther(heard, to.knownStations);
  if (who.kind === 'for-other') {
    evidence.judgedFor = who.station;
    evidence.heardAs = who.heard;
    return {
      result: fail(
        unit,
        'heard',
        'understood',
        explain('ladder.for-other', { heard: who.heard, station: unitRef(who.station), matched: who.matched }),
        evidence,
        who.heard,
      ),
      latencyS,
      notUnderstood: false,
    };
  }
  if (who.kind === 'maybe-me') {
    return {
      result: fail(unit, 'heard', 'understood', explain('ladder.maybe-me', { heard, copy: pct(quality) }), evidence, misheard),
      latencyS,
      notUnderstood: true,
    };
  }
  if (who.kind === 'unrecognised') {
    const figures = { copy: pct(quality), language, proficiency };
    const what = heard ? explain('ladder.unrecognised', { heard, ...figures }) : explain('ladder.addressee-not-made-out', figures);
    return {
      result: fail(unit, 'heard', 'understood', what, evidence, misheard),
      latencyS,
      notUnderstood: false,
    };
  }
  if (quality < env.understandAt) {
    return {
      result: fail(
        unit,
        'heard',
        'understood',
        explain('ladder.message-not-made-out', { matched: who.matched, copy: pct(quality), language, proficiency }),
        evidence,
        misheard,
      ),
      latencyS,
      notUnderstood: true,
    };
  }
  const result = ok(unit, 'understood', evidence, misheard);
  return phrased(tx, language, to, env, evidence, latencyS, result, true);
}

/** understand, for a call by description: the listener takes it for itself if it fits what it knows of itself. */
function understandDescribed(
  description: CallDescription,
  language: string,
  to: StationView,
  quality: number,
  proficiency: number,
  env: RadioEnvironment,
  evidence: Evidence,
  latencyS: number,
): Delivery {
  const unit = to.id;
  const fit = to.self ? fitsDescription(description, to.self) : { fits: false, explanation: explain('ladder.description.no-self') };
  evidence.described = english(fit.explanation);
  const described = (r: LadderResult): LadderResult => ({ ...r, described: fit.explanation });
  if (!fit.fits) return { result: described(fail(unit, 'heard', 'understood', fit.explanation, evidence)), latencyS, notUnderstood: false };
  if (quality < env.understandAt) {
    const cause = explain('ladder.description.not-made-out', { copy: pct(quality), language, proficiency });
    return { result: described(fail(unit, 'heard', 'understood', cause, evidence)), latencyS, notUnderstood: true };
  }
  return { result: described(ok(unit, 'understood', evidence)), latencyS, notUnderstood: false };
}

/**
 * The last test of understood: the call was made out and recognised, but a phrase in it may be
 * one the listener's crew does not know. Who answers for that is part of the verdict.
 */
function phrased(
  tx: Transmission,
  language: string,
  to: StationView,
  env: RadioEnvironment,
  evidence: Evidence,
  latencyS: number,
  result: LadderResult,
  canAsk: boolean,
): Delivery {
  // The listener itself, not an object of its id and vocabularies: a run without phrases never asks what its crew knows.
  const gap = unknownPhrase(tx.body, tx.from, to, env.phrasebook, language);
  if (!gap) return { result, latencyS, notUnderstood: false };
  evidence.phrase = gap.phrase.phrase;
  evidence.vocabulary = gap.phrase.vocabulary;
  const failed = fail(to.id, 'heard', 'understood', gap.why, evidence, result.heardAs);
  failed.attributedTo = gap.attributedTo;
  return { result: failed, latencyS, notUnderstood: canAsk, ...(canAsk ? { unknownPhrase: gap.phrase.phrase } : {}) };
}

function deliverOverLink(tx: Transmission, from: StationView, to: StationView, link: LinkState, env: RadioEnvironment, random: Random): Delivery {
  const unit = to.id;
  const evidence: Evidence = { channel: link.id, latencyS: link.latencyS };
  if (!link.members.includes(from.id))
    return {
      result: fail(unit, null, 'transmitted', explain('ladder.link.not-member', { unit: unitRef(from.id), link: link.name }), evidence),
      latencyS: 0,
      notUnderstood: false,
    };
  if (!link.available)
    return { result: fail(unit, 'transmitted', 'in-range', explain('ladder.link.down', { link: link.name }), evidence), latencyS: 0, notUnderstood: false };
  if (!link.members.includes(to.id))
    return {
      result: fail(unit, 'in-range', 'receivable', explain('ladder.link.not-member', { unit: unitRef(to.id), link: link.name }), evidence),
      latencyS: 0,
      notUnderstood: false,
    };
  evidence.workload = to.workload;
  if (missedForWorkload(to.workload, random))
    return {
      result: fail(unit, 'receivable', 'heard', explain('ladder.link.watch-busy', { unit: unitRef(to.id), workload: to.workload }), evidence),
      latencyS: link.latencyS,
      notUnderstood: false,
    };
  // Links are clear, point-to-point channels: the message is addressed by the link itself, and
  // only language limits the copy.
  return understand(tx, link.language, to, env.clearSnrDb + 10, env, evidence, link.latencyS, true);
}

/** A built-in channel by its frequency ("121.5 MHz"); a declared one by its name, since its id is no frequency. */
export function channelWords(c: RadioChannel): Explanation {
  return c.declared ? explain('ladder.channel.declared', { name: c.name, id: c.id }) : explain('ladder.channel.mhz', { id: c.id });
}
