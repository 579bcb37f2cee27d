/**
 * Transmission: what a unit's outgoing message says on the air, and what the radio ladder makes
 * of it at each recipient. The ladder (radio/ladder.ts) decides every stage and who a call is
 * for; this part only puts the world in the ladder's terms (station views) and hands back the
 * receptions for the scheduler to queue.
 */
import type { LadderResult, Transmission } from '../log';
import { forkWhenDrawn, type Random } from '../rng';
import { kinematicsAt, positionAt } from '../scenario/motion';
import { antennaHeightM } from '../scenario/model';
import { receive, type StationView } from '../radio/ladder';
import type { KnownStations } from '../radio/hearing';
import { addresseeFor, genericCallSigns, identityCallSigns, selfName } from '../radio/callsign';
import type { Outgoing } from '../units/protocol';
import type { UnitWorld, World } from './world';
import { isAirborne, traitsOf } from '../kinds';
import { contentOf } from '../content/message';
import { describedAddressee } from '../radio/description';
import { attribute, type Attribution } from '../radio/attribution';
import { signalChannel } from '../radio/channels';
import { signalCodesOf, signalsOf } from '../radio/signal-gear';
import { knownVocabularies } from '../radio/phraseology';
import { flightWindow, placeWords, presentAt } from '../scenario/presence';
import type { UnitSpec } from '../scenario/schema';
import type { Procedure } from '../procedure/load';
import { explain, type Explanation } from '../explain';

/** What a unit is called and which links it is on: fixed for the run, so worked out once. */
export interface Stations {
  readonly byUnit: Map<string, StationFixed>;
  /** Every unit as a station others may take a call to be for, in scenario order. */
  list?: { id: string; callSigns: string[] }[];
  /** Units with `overhears: true`, in scenario order: found once, not per call. */
  listeners?: string[];
  /** Per unit, the stations it may take a call to be for: the list without itself, then its known call signs. */
  readonly others: Map<string, KnownStations>;
}

export const stations = (): Stations => ({ byUnit: new Map(), others: new Map() });

/** The message as sent: the procedure's call format around the unit's words. */
export function compose(w: World, fromId: string, msg: Outgoing, id: string): Transmission {
  const from = w.units.get(fromId)!;
  const proc = w.scenario.procedure;
  // A signal is for everyone who can see or hear it, radio or not; a radio call to all, for those with a set.
  const signal = signalChannel(msg.channel);
  const listens = (u: UnitWorld) => (signal ? traitsOf(u.spec).element !== 'shore' : u.sets.length > 0);
  // A call by description is for whoever takes it for itself: every station may. An aircraft not yet
  // airborne, or landed, is no station a call to all stations reaches.
  const recipients =
    msg.to === 'all' || msg.description
      ? [...w.units.keys()].filter((u) => u !== fromId && listens(w.units.get(u)!) && presentAt(w.units.get(u)!.spec, w.now))
      : [msg.to];
  const target = msg.to === 'all' ? undefined : w.units.get(msg.to)?.spec;
  // On a link the message is addressed by the link itself; the name is enough.
  const onLink = w.links.some((l) => l.id === msg.channel);
  const described = msg.description ? describedAddressee(msg.description) : undefined;
  const addressee = msg.addressee ?? described ?? (target ? (onLink ? selfName(target, proc) : addresseeOf(target, proc)) : 'ALL STATIONS');
  // A message that asks something (a call, a "say again") hands the turn over; one that only answers closes the exchange.
  const ending = msg.needsReply || msg.kind === 'say-again' ? proc.callFormat.ending : proc.callFormat.closing;
  // A message sent without call signs (a drill's wrong answer) is the body alone.
  const originator = originatorOf(from.spec, proc);
  // An unidentified station says no "THIS IS …": the call is its addressee and body alone.
  const opening = addressee ? (msg.identified === false ? `${addressee}. ` : `${addressee}, ${originator}. `) : '';
  // A signal says only what it shows: no call signs, no "over".
  const text = signal ? msg.body : oneSpaced(`${opening}${msg.body} ${ending}.`);
  const content = contentOf(msg.content, msg.states, { spec: from.spec, motion: w.scenario.motion[fromId], areas: w.areas ?? [], now: w.now });
  return {
    id,
    t: w.now,
    from: fromId,
    to: msg.to,
    channel: msg.channel,
    kind: msg.kind,
    addressee,
    body: msg.body,
    text,
    language: proc.language,
    safety: msg.safety,
    needsReply: msg.needsReply,
    needsAnswer: msg.needsAnswer,
    ...(msg.inReplyTo ? { inReplyTo: msg.inReplyTo } : {}),
    ...(msg.answers !== undefined ? { answers: msg.answers } : {}),
    exchange: msg.exchange ?? `${fromId}-${id}`,
    attempt: msg.attempt ?? 1,
    ...(msg.rule ? { rule: msg.rule } : {}),
    ...(msg.about ? { about: msg.about } : {}),
    ...(msg.onScene ? { onScene: msg.onScene } : {}),
    ...(msg.subject ? { subject: msg.subject } : {}),
    ...(msg.clarify ? { clarify: msg.clarify } : {}),
    ...(msg.rephrased ? { rephrased: msg.rephrased } : {}),
    recipients,
    ...(content ? { content } : {}),
    ...(msg.identified === false ? { identified: false as const } : {}),
    ...(msg.class ? { class: msg.class } : {}),
    ...(msg.description ? { description: msg.description } : {}),
  };
}

/** Per procedure, per unit: how a call addresses the unit, and how the unit names itself as originator (both fixed for a run). */
const addressees = new WeakMap<Procedure, WeakMap<UnitSpec, string>>();
const originators = new WeakMap<Procedure, WeakMap<UnitSpec, string>>();

function addresseeOf(u: UnitSpec, p: Procedure): string {
  return remembered(addressees, u, p, addresseeFor);
}

function originatorOf(u: UnitSpec, p: Procedure): string {
  return remembered(originators, u, p, (u, p) =>
    Array.from({ length: p.callFormat.repeatOriginator }, () => `${p.callFormat.originatorPrefix} ${selfName(u, p)}`).join(', '),
  );
}

function remembered(memo: WeakMap<Procedure, WeakMap<UnitSpec, string>>, u: UnitSpec, p: Procedure, make: (u: UnitSpec, p: Procedure) => string): string {
  let byUnit = memo.get(p);
  if (!byUnit) memo.set(p, (byUnit = new WeakMap()));
  let s = byUnit.get(u);
  if (s === undefined) byUnit.set(u, (s = make(u, p)));
  return s;
}

/** Runs of white space as one space; most texts have none, and are returned as they are without a copy. */
function oneSpaced(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** The ladder's verdict at each recipient the call has, in recipient order, and when each stands. */
export function receptions(w: World, st: Stations, tx: Transmission, random: Random): { at: number; result: LadderResult; notUnderstood: boolean }[] {
  const out: { at: number; result: LadderResult; notUnderstood: boolean }[] = [];
  const fromView = view(w, st, tx.from);
  for (const r of tx.recipients) {
    const d = receive(tx, fromView, view(w, st, r), w.links, w.env, forkWhenDrawn(random, `${tx.id}/${r}`));
    if (d) out.push({ at: w.now + d.afterS, result: d.result, notUnderstood: d.notUnderstood });
  }
  return out;
}

/**
 * What the stations that listen to others' calls (a unit with `overhears: true`, such as the
 * trainer that heard the 2018 calls 240 km away) made of a call. Each has its own random stream,
 * so listening changes nothing for the addressee.
 */
export function overhearings(w: World, st: Stations, tx: Transmission, random: Random): { at: number; result: LadderResult }[] {
  const out: { at: number; result: LadderResult }[] = [];
  // A link (satellite, fleet network) carries a message to its addressee alone.
  if (w.links.some((l) => l.id === tx.channel)) return out;
  let fromView: StationView | undefined;
  st.listeners ??= [...w.units].filter(([, u]) => u.spec.overhears).map(([id]) => id);
  for (const id of st.listeners) {
    if (id === tx.from || tx.recipients.includes(id)) continue;
    fromView ??= view(w, st, tx.from);
    const d = receive(tx, fromView, view(w, st, id), w.links, w.env, forkWhenDrawn(random, `${tx.id}/${id}`));
    if (d) out.push({ at: w.now + d.afterS, result: d.result });
  }
  return out;
}

/** Whom a listener that made out an unidentified call puts it to, from where the units are now. */
export function attributionOf(w: World, tx: Transmission, listenerId: string): Attribution {
  const here = (id: string) => positionAt(w.scenario.motion[id]!, w.now);
  const contacts = [...w.units.values()]
    .filter((u) => traitsOf(u.spec).onPlot)
    .map((u) => ({ id: u.spec.id, nation: u.spec.nation, position: here(u.spec.id) }));
  const me = w.units.get(listenerId)!.spec;
  return attribute(tx, { id: me.id, nation: me.nation, position: here(me.id) }, contacts);
}

/** What of a unit the ladder reads that stays as it was all run: worked out at its first call, shared and frozen after. */
interface StationFixed {
  identity: StationView['identity'];
  links: string[];
  airborne: boolean;
  antennaM: number;
  element: NonNullable<StationView['element']>;
  signals: NonNullable<StationView['signals']>;
  signalCodes: NonNullable<StationView['signalCodes']>;
}

/**
 * A unit as the ladder sees it at one moment. A class, not a literal with getters: a getter in a
 * literal is a new closure and a slower object for every recipient of every call. What is fixed
 * for the run is shared, frozen, so no call can change what the next one sees.
 */
class UnitStation implements StationView {
  readonly id: string;
  readonly position: StationView['position'];
  readonly antennaHeightM: number;
  readonly sets: StationView['sets'];
  readonly links: string[];
  readonly workload: number;
  readonly languages: Record<string, number>;
  readonly hearsAs: StationView['hearsAs'];
  readonly identity: StationView['identity'];
  readonly kind: string;
  readonly element: NonNullable<StationView['element']>;
  readonly signals: NonNullable<StationView['signals']>;
  readonly signalCodes: NonNullable<StationView['signalCodes']>;
  readonly vocabularies?: string[];
  readonly absent?: Explanation;

  constructor(
    private readonly w: World,
    private readonly st: Stations,
    private readonly u: UnitWorld,
    fixed: StationFixed,
  ) {
    const spec = u.spec;
    this.id = spec.id;
    const pos = positionAt(w.scenario.motion[spec.id]!, w.now);
    const height = fixed.airborne ? pos.altM : fixed.antennaM;
    this.position = { lat: pos.lat, lon: pos.lon, altM: height };
    this.antennaHeightM = height;
    this.sets = u.sets;
    this.links = fixed.links;
    this.workload = u.workload;
    this.languages = u.languages;
    this.hearsAs = spec.crew.hearsAs;
    this.identity = fixed.identity;
    this.kind = spec.kind;
    this.element = fixed.element;
    this.signals = fixed.signals;
    this.signalCodes = fixed.signalCodes;
    const vocabularies = knownVocabularies(spec.crew.vocabularies, u.languages);
    if (vocabularies) this.vocabularies = vocabularies;
    const absent = absenceWhy(spec, w.now);
    if (absent) this.absent = absent;
  }

  // Only a call that gets as far as "is this for me?" reads the list: build it then.
  get knownStations(): StationView['knownStations'] {
    const st = this.st;
    let others = st.others.get(this.id);
    if (!others) {
      const all = (st.list ??= [...this.w.units.values()].map((o) => ({ id: o.spec.id, callSigns: identityCallSigns(o.spec) })));
      // The list itself, not a copy of it without this unit: hearing.ts indexes it once for every listener.
      others = { all, self: this.id, extra: this.u.spec.crew.knownCallSigns.map((k) => ({ id: k.meaning, callSigns: [k.callSign] })) };
      st.others.set(this.id, others);
    }
    return others;
  }

  // Only a call by description asks where the unit is and where it is heading.
  get self(): StationView['self'] {
    const spec = this.u.spec;
    const k = kinematicsAt(this.w.scenario.motion[spec.id]!, this.w.now);
    return { kind: spec.kind, ...(spec.service ? { service: spec.service } : {}), lat: k.lat, lon: k.lon, courseDeg: k.headingDeg, speedKt: k.speedKt };
  }
}

/** A unit as the ladder sees it at this moment. */
function view(w: World, st: Stations, unitId: string): StationView {
  const u = w.units.get(unitId)!;
  return new UnitStation(w, st, u, stationOf(w, st, unitId, u));
}

function stationOf(w: World, st: Stations, unitId: string, u: UnitWorld): StationFixed {
  let s = st.byUnit.get(unitId);
  if (!s) {
    const identity = {
      id: unitId,
      callSigns: Object.freeze(identityCallSigns(u.spec)),
      generic: Object.freeze(genericCallSigns(u.spec, w.scenario.procedure)),
    };
    s = Object.freeze({
      identity: Object.freeze(identity) as StationView['identity'],
      links: Object.freeze(w.links.filter((l) => l.members.includes(unitId)).map((l) => l.id)) as string[],
      airborne: isAirborne(u.spec),
      antennaM: antennaHeightM(u.spec),
      element: traitsOf(u.spec).element,
      signals: Object.freeze([...signalsOf(u.spec)]),
      signalCodes: Object.freeze([...signalCodesOf(u.spec)]),
    });
    st.byUnit.set(unitId, s);
  }
  return s;
}

/** Why the unit is not in the scene at t (scenario/presence.ts `absence`, as data); undefined when it is. */
function absenceWhy(u: UnitSpec, t: number): Explanation | undefined {
  if (presentAt(u, t)) return undefined;
  const w = flightWindow(u);
  const unit = { unit: u.id };
  if (t < w.from) return explain('ladder.absent.before-take-off', { unit, t: w.from, place: placeWords(u.takeOff!.from) });
  return explain('ladder.absent.landed', { unit, t: w.until, place: placeWords(u.landing!.at) });
}
