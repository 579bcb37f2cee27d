/**
 * Transmission: what a unit's outgoing message says on the air, and what the radio ladder makes
 * of it at each recipient. The ladder (radio/ladder.ts) decides every stage and who a call is
 * for; this part only puts the world in the ladder's terms (station views) and hands back the
 * receptions for the scheduler to queue.
 */
import type { LadderResult, Transmission } from '../log';
import { forkWhenDrawn, type Random } from '../rng';
import { kinematicsAt, positionAt, positionInto, type Motion } from '../scenario/motion';
import { antennaHeightM } from '../scenario/model';
import { linkOf, onAir, receiveOnAir, type CallOnAir, type StationView } from '../radio/ladder';
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
import { flightWindow, placeWords, presentAt, type FlightWindow } from '../scenario/presence';
import type { UnitSpec } from '../scenario/schema';
import type { Procedure } from '../procedure/load';
import { explain, unitRef, type Explanation } from '../explain';

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
  // A call by description is for whoever takes it for itself: every station may.
  const recipients = msg.to === 'all' || msg.description ? listenersAt(w, fromId, signal !== undefined) : [msg.to];
  const addressee = msg.addressee ?? (msg.description ? describedAddressee(msg.description) : addresseeNamed(w, msg));
  // A message that asks something (a call, a "say again") hands the turn over; one that only answers closes the exchange.
  const ending = msg.needsReply || msg.kind === 'say-again' ? proc.callFormat.ending : proc.callFormat.closing;
  // A message sent without call signs (a drill's wrong answer) is the body alone. An unidentified
  // station says no "THIS IS …": the call is its addressee and body alone.
  const opening = addressee ? (msg.identified === false ? `${addressee}. ` : `${addressee}, ${callNamesOf(w, fromId)!.originator()}. `) : '';
  // A signal says only what it shows: no call signs, no "over".
  const text = signal ? msg.body : oneSpaced(`${opening}${msg.body} ${ending}.`);
  // contentOf's own first test, made here so that a message with no content builds no sender for it.
  const content =
    msg.content || msg.states?.length
      ? contentOf(msg.content, msg.states, { spec: from.spec, motion: w.scenario.motion[fromId], areas: w.areas ?? [], now: w.now })
      : undefined;
  // Field by field, not with a spread of a small object for each optional one (five times slower,
  // and this is every call of the run); in the order the log has always written them.
  const tx = {
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
  } as Transmission;
  if (msg.inReplyTo) tx.inReplyTo = msg.inReplyTo;
  if (msg.answers !== undefined) tx.answers = msg.answers;
  tx.exchange = msg.exchange ?? `${fromId}-${id}`;
  tx.attempt = msg.attempt ?? 1;
  if (msg.rule) tx.rule = msg.rule;
  if (msg.about) tx.about = msg.about;
  if (msg.onScene) tx.onScene = msg.onScene;
  if (msg.subject) tx.subject = msg.subject;
  if (msg.clarify) tx.clarify = msg.clarify;
  if (msg.rephrased) tx.rephrased = msg.rephrased;
  tx.recipients = recipients;
  if (content) tx.content = content;
  if (msg.identified === false) tx.identified = false;
  if (msg.class) tx.class = msg.class;
  if (msg.description) tx.description = msg.description;
  return tx;
}

/** Every unit but the caller that a call to all stations reaches now, in scenario order. An aircraft not yet airborne, or landed, is no station. */
function listenersAt(w: World, fromId: string, signal: boolean): string[] {
  const out: string[] = [];
  // forEach, not for…of: no [id, unit] pair made for each of a thousand units.
  w.units.forEach((u, id) => {
    const listens = signal ? traitsOf(u.spec).element !== 'shore' : u.sets.length > 0;
    if (id !== fromId && listens && presentAt(u.spec, w.now)) out.push(id);
  });
  return out;
}

/** The addressee a call by name says: on a link the link addresses the message, and the name is enough. */
function addresseeNamed(w: World, msg: Outgoing): string {
  const names = msg.to === 'all' ? undefined : callNamesOf(w, msg.to);
  if (!names) return 'ALL STATIONS';
  return linkOf(w.links, msg.channel) ? names.selfName() : names.addressee();
}

/**
 * How calls name one unit under one procedure: what it is called as addressee, what it calls
 * itself, and its originator words after "THIS IS". Fixed for the run, so each is made when first
 * said and kept with the loaded scenario, for later runs of it too.
 */
class CallNames {
  private addresseeWords: string | undefined;
  private selfWords: string | undefined;
  private originatorWords: string | undefined;
  constructor(
    private readonly u: UnitSpec,
    private readonly p: Procedure,
  ) {}
  addressee(): string {
    return (this.addresseeWords ??= addresseeFor(this.u, this.p));
  }
  selfName(): string {
    return (this.selfWords ??= selfName(this.u, this.p));
  }
  originator(): string {
    return (this.originatorWords ??= originatorWords(this.p, this.selfName()));
  }
}

/** "THIS IS ALPHA, THIS IS ALPHA": its own function, as the arrow in it would make a context at every call of originator(). */
function originatorWords(p: Procedure, self: string): string {
  const f = p.callFormat;
  return Array.from({ length: f.repeatOriginator }, () => `${f.originatorPrefix} ${self}`).join(', ');
}

const namesByProcedure = new WeakMap<Procedure, WeakMap<UnitSpec, CallNames>>();
/** The run's own index of the same names, by unit id: two look-ups a call instead of four. */
const namesByRun = new WeakMap<World, Map<string, CallNames>>();

/** undefined for an id that is no unit of the run. */
function callNamesOf(w: World, unitId: string): CallNames | undefined {
  let byId = namesByRun.get(w);
  if (!byId) namesByRun.set(w, (byId = new Map()));
  let names = byId.get(unitId);
  if (!names) {
    const spec = w.units.get(unitId)?.spec;
    if (!spec) return undefined;
    const proc = w.scenario.procedure;
    let bySpec = namesByProcedure.get(proc);
    if (!bySpec) namesByProcedure.set(proc, (bySpec = new WeakMap()));
    names = bySpec.get(spec);
    if (!names) bySpec.set(spec, (names = new CallNames(spec, proc)));
    byId.set(unitId, names);
  }
  return names;
}

/** Runs of white space as one space; most texts have none, and are returned as they are without a copy. */
function oneSpaced(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** The ladder's verdict at each recipient the call has, in recipient order, and when each stands. */
export function receptions(w: World, st: Stations, tx: Transmission, random: Random): { at: number; result: LadderResult; notUnderstood: boolean }[] {
  const out: { at: number; result: LadderResult; notUnderstood: boolean }[] = [];
  // Its channel, its set and all else of the call that is the same at every recipient: found once.
  const call = onAir(tx, view(w, st, tx.from), w.links, w.env);
  const recipients = tx.recipients;
  for (let i = 0; i < recipients.length; i++) {
    const r = recipients[i]!;
    const d = receiveOnAir(call, view(w, st, r), forkWhenDrawn(random, `${tx.id}/${r}`));
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
  if (linkOf(w.links, tx.channel)) return out;
  let call: CallOnAir | undefined;
  st.listeners ??= [...w.units].filter(([, u]) => u.spec.overhears).map(([id]) => id);
  for (const id of st.listeners) {
    if (id === tx.from || tx.recipients.includes(id)) continue;
    call ??= onAir(tx, view(w, st, tx.from), w.links, w.env);
    const d = receiveOnAir(call, view(w, st, id), forkWhenDrawn(random, `${tx.id}/${id}`));
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
  /** The unit's world itself (not frozen: its sets and workload change), kept here so that a view is one look-up. */
  unit: UnitWorld;
  /** When it is in the scene (scenario/presence.ts). */
  window: FlightWindow;
  /**
   * Its track, made at load and never changed in a run. Kept here: the scenario's motion is a
   * record of a thousand ids, and reading it by an id string the engine made costs a look-up of
   * that string in V8's table of names at every view.
   */
  motion: Motion;
  identity: StationView['identity'];
  links: string[];
  airborne: boolean;
  antennaM: number;
  element: NonNullable<StationView['element']>;
  signals: NonNullable<StationView['signals']>;
  signalCodes: NonNullable<StationView['signalCodes']>;
}

/** Where a unit is, as positionInto writes it: lat, lon, altitude. */
const here = new Float64Array(3);

/**
 * A unit as the ladder sees it at one moment. A class, not a literal with getters: a getter in a
 * literal is a new closure and a slower object for every recipient of every call. What is fixed
 * for the run is shared, frozen, so no call can change what the next one sees.
 *
 * Only where the unit is, which takes working out, is kept in the view; the rest is read from the
 * unit as the ladder asks, within the same call, so it is what it was at this moment. Copying it
 * all into every view made a view for each of a thousand recipients twice the size.
 */
class UnitStation implements StationView {
  readonly position: StationView['position'];
  readonly antennaHeightM: number;
  /** What the getters below work out, once asked: null until then. */
  private vocabulariesKnown: string[] | undefined | null = null;
  private absentWhy: Explanation | undefined | null = null;

  constructor(
    private readonly w: World,
    private readonly st: Stations,
    private readonly fixed: StationFixed,
  ) {
    // Into numbers first, so that the only object made is the position the ladder reads.
    positionInto(fixed.motion, w.now, here, 0);
    const height = fixed.airborne ? here[2]! : fixed.antennaM;
    this.position = { lat: here[0]!, lon: here[1]!, altM: height };
    this.antennaHeightM = height;
  }

  get id(): string {
    return this.fixed.unit.spec.id;
  }
  get sets(): StationView['sets'] {
    return this.fixed.unit.sets;
  }
  get links(): string[] {
    return this.fixed.links;
  }
  get workload(): number {
    return this.fixed.unit.workload;
  }
  get languages(): Record<string, number> {
    return this.fixed.unit.languages;
  }
  get hearsAs(): StationView['hearsAs'] {
    return this.fixed.unit.spec.crew.hearsAs;
  }
  get identity(): StationView['identity'] {
    return this.fixed.identity;
  }
  get kind(): string {
    return this.fixed.unit.spec.kind;
  }
  get element(): NonNullable<StationView['element']> {
    return this.fixed.element;
  }
  get signals(): NonNullable<StationView['signals']> {
    return this.fixed.signals;
  }
  get signalCodes(): NonNullable<StationView['signalCodes']> {
    return this.fixed.signalCodes;
  }

  // Most recipients of a call to all are out of its range: only one in range is asked whether it
  // is in the scene, and only a run with phrases asks what its crew knows.
  get vocabularies(): string[] | undefined {
    if (this.vocabulariesKnown === null) this.vocabulariesKnown = knownVocabularies(this.fixed.unit.spec.crew.vocabularies, this.fixed.unit.languages);
    return this.vocabulariesKnown;
  }

  get absent(): Explanation | undefined {
    if (this.absentWhy === null) {
      // presentAt, from the window kept with the station: most units are in the scene all run.
      const t = this.w.now;
      const window = this.fixed.window;
      this.absentWhy = t >= window.from && t < window.until ? undefined : absenceWhy(this.fixed.unit.spec, t);
    }
    return this.absentWhy;
  }

  // Only a call that gets as far as "is this for me?" reads the list: build it then.
  get knownStations(): StationView['knownStations'] {
    const st = this.st;
    const id = this.id;
    let others = st.others.get(id);
    if (!others) {
      const all = (st.list ??= [...this.w.units.values()].map((o) => ({ id: o.spec.id, callSigns: identityCallSigns(o.spec) })));
      // The list itself, not a copy of it without this unit: hearing.ts indexes it once for every listener.
      others = { all, self: id, extra: this.fixed.unit.spec.crew.knownCallSigns.map((k) => ({ id: k.meaning, callSigns: [k.callSign] })) };
      st.others.set(id, others);
    }
    return others;
  }

  // Only a call by description asks where the unit is and where it is heading.
  get self(): StationView['self'] {
    const spec = this.fixed.unit.spec;
    const k = kinematicsAt(this.fixed.motion, this.w.now);
    return { kind: spec.kind, ...(spec.service ? { service: spec.service } : {}), lat: k.lat, lon: k.lon, courseDeg: k.headingDeg, speedKt: k.speedKt };
  }
}

/** A unit as the ladder sees it at this moment. */
function view(w: World, st: Stations, unitId: string): StationView {
  return new UnitStation(w, st, st.byUnit.get(unitId) ?? stationOf(w, st, unitId));
}

function stationOf(w: World, st: Stations, unitId: string): StationFixed {
  const u = w.units.get(unitId)!;
  const identity = {
    id: unitId,
    callSigns: Object.freeze(identityCallSigns(u.spec)),
    generic: Object.freeze(genericCallSigns(u.spec, w.scenario.procedure)),
  };
  const s: StationFixed = Object.freeze({
    unit: u,
    window: flightWindow(u.spec),
    motion: w.scenario.motion[unitId]!,
    identity: Object.freeze(identity) as StationView['identity'],
    links: Object.freeze(w.links.filter((l) => l.members.includes(unitId)).map((l) => l.id)) as string[],
    airborne: isAirborne(u.spec),
    antennaM: antennaHeightM(u.spec),
    element: traitsOf(u.spec).element,
    signals: Object.freeze([...signalsOf(u.spec)]),
    signalCodes: Object.freeze([...signalCodesOf(u.spec)]),
  });
  st.byUnit.set(unitId, s);
  return s;
}

/** Why the unit is not in the scene at t (scenario/presence.ts `absence`, as data); undefined when it is. */
function absenceWhy(u: UnitSpec, t: number): Explanation | undefined {
  if (presentAt(u, t)) return undefined;
  const w = flightWindow(u);
  const unit = unitRef(u.id);
  if (t < w.from) return explain('ladder.absent.before-take-off', { unit, t: w.from, place: placeWords(u.takeOff!.from) });
  return explain('ladder.absent.landed', { unit, t: w.until, place: placeWords(u.landing!.at) });
}
