/**
 * The discrete-event engine. It owns the clock and the seeded random source, runs one XState
 * actor per unit, carries out their effects in the world (radio, radar, links), and writes the
 * append-only log. Nothing here reads the wall clock; the same inputs give the same log.
 */
import { createActor, type Actor } from 'xstate';
import { createRandom, type Random } from '../rng';
import { EARTH_RADIUS_M, groundDistanceM, METRES_PER_NM, slantDistanceM, type Position } from '../geo';
import type { Scenario, Action } from '../scenario/load';
import { antennaHeightM } from '../scenario/load';
import { firstAfter, positionAt, type Motion } from '../scenario/motion';
import type { UnitSpec } from '../scenario/schema';
import { findChannel } from '../radio/channels';
import { deliver, DEFAULT_RADIO_ENVIRONMENT, type LinkState, type RadioEnvironment, type RadioSetState, type StationView } from '../radio/ladder';
import { addresseeFor, genericCallSigns, identityCallSigns, selfName } from '../radio/callsign';
import { combinedHorizonNm, HORIZON_NM_PER_SQRT_M, nmToKm } from '../radio/propagation';
import { machineOfContext } from '../units';
import type { UnitMachine } from '../units/unit-machine';
import type { DecisionPoint, Effect, UnitContext, UnitEvent, UnitInfo } from '../units/protocol';
import { parameterValue } from '../procedure/load';
import { EventQueue } from './queue';
import { maxSpeedMps, pairEvents } from './geometry';
import type { Cause, LadderResult, LogEntry, Transmission } from './log';

export interface RunOptions {
  seed?: number;
  until?: number;
  /** A student plays this unit: its procedural decisions come from the choices. */
  drill?: { unit: string; choices: string[]; then?: 'pause' | 'follow' | 'silence' };
}

export interface SafeDistanceNorm {
  id: string;
  nation: string;
  minGroundM: number;
  minAltitudeM: number;
  label: string;
}

export interface Run {
  scenario: Scenario;
  seed: number;
  durationS: number;
  log: LogEntry[];
  transmissions: Transmission[];
  norms: SafeDistanceNorm[];
  /** Final machine state per unit, region by region. */
  finalStates: Record<string, Record<string, string>>;
  /** In a drill, the decision the run stopped at to wait for the student. */
  pending: DecisionPoint | null;
}

type Job =
  | { kind: 'script'; action: Action; entry?: number }
  | { kind: 'timer'; unit: string; event: Extract<UnitEvent, { type: 'timer' }> }
  | { kind: 'deliver'; tx: Transmission; result: LadderResult; notUnderstood: boolean; txEntry: number }
  | { kind: 'emitter-revert'; unit: string; emitter: string; token: number }
  | { kind: 'pair'; aircraft: string; surface: string; what: 'enter' | 'leave' | 'closest'; groundM: number; altitudeM: number }
  | { kind: 'sense' };

interface EmitterState {
  id: string;
  type: string;
  mode: 'off' | 'search' | 'track' | 'slewed';
  target?: string;
  token: number;
}

interface UnitWorld {
  spec: UnitSpec;
  sets: RadioSetState[];
  emitters: EmitterState[];
  workload: number;
  languages: Record<string, number>;
  silent: boolean;
  judgesThreatening: boolean;
  actor: Actor<UnitMachine>;
  state: Record<string, string>;
  /** ESM contacts: source unit/emitter → classification shown. */
  esm: Map<string, string>;
}

/** Slack for floating-point rounding when deciding a pair cannot cross its radar horizon, metres. */
const SENSE_MARGIN_M = 1;

/** Combined radar horizon in metres, as nmToKm(combinedHorizonNm(a, b)) · 1000 up to rounding (for bounds only). */
function horizonM(aM: number, bM: number): number {
  return HORIZON_NM_PER_SQRT_M * (Math.sqrt(Math.max(0, aM)) + Math.sqrt(Math.max(0, bM))) * METRES_PER_NM;
}

interface SenseSource {
  unit: number;
  id: string;
  nation: string;
  radars: EmitterState[];
  /** "<source>/<emitter>" per radar: the receiver's ESM keys. */
  keys: string[];
  antennaM: number;
  /** Upper bound on ground speed, m/s. */
  speed: number;
  /** Sum of the radars' tokens at the last call: it moves whenever one changes. */
  version: number;
  pairs: number[];
}

interface SenseReceiver {
  unit: number;
  id: string;
  world: UnitWorld;
  motion: Motion;
  aircraft: boolean;
  antennaM: number;
  speed: number;
  /** Lowest and highest an aircraft receiver will be from boundsAt on, and its fastest climb or descent, m/s. */
  lowM: number;
  highM: number;
  climbMps: number;
  boundsAt: number;
}

interface SenseIndex {
  ids: string[];
  receivers: SenseReceiver[];
  sources: SenseSource[];
  /** Pairs in the order of the full loop: receiver, then source. */
  receiverOf: Int32Array;
  sourceOf: Int32Array;
  /** Combined radar horizon of a pair whose receiver is not an aircraft (its height is fixed), km. */
  fixedHorizonKm: Float64Array;
  /** Time until which each pair's in-range verdict cannot change. */
  until: Float64Array;
  /** Call in which a pair was last taken up, to take it once per call. */
  mark: Int32Array;
  /** 1 if the pair was inside the radar horizon when last taken up. */
  inRange: Uint8Array;
  /** The source's version when the pair was last taken up (-1: never). */
  seenVersion: Float64Array;
  calls: number;
  /** Before the first call every pair is due. */
  first: boolean;
  buckets: Buckets;
  pos: (Position | undefined)[];
  posAt: Float64Array;
  /** Unit vector (x, y, z) of each unit's position at posAt. */
  vec: Float64Array;
}

/**
 * Pairs waiting for a time, in buckets one sensing step wide. Calls come in time order, so every
 * bucket before the current one is due whole, and only the current one is looked through.
 * A pair re-evaluated before its time leaves a stale entry behind, recognised by its bucket no
 * longer matching the pair's time.
 */
class Buckets {
  private readonly lists = new Map<number, number[]>();
  /** Lowest bucket that may still hold entries. */
  private cursor = 0;
  constructor(private readonly widthS: number) {}

  push(until: number, p: number): void {
    const k = Math.max(this.cursor, Math.floor(until / this.widthS));
    const list = this.lists.get(k);
    if (list) list.push(p);
    else this.lists.set(k, [p]);
  }

  /**
   * Pairs whose time is before t, each once per call (mark). An entry in a bucket before the
   * current one whose pair is not due is stale (its live entry, pushed later, is further on).
   */
  takeDue(t: number, until: Float64Array, mark: Int32Array, call: number, out: number[]): void {
    const current = Math.floor(t / this.widthS);
    for (; this.cursor < current; this.cursor++) {
      const list = this.lists.get(this.cursor);
      if (!list) continue;
      this.lists.delete(this.cursor);
      for (const p of list) {
        if (until[p]! < t && mark[p] !== call) {
          mark[p] = call;
          out.push(p);
        }
      }
    }
    const list = this.lists.get(current);
    if (!list) return;
    const keep: number[] = [];
    for (const p of list) {
      const u = until[p]!;
      if (u < t) {
        if (mark[p] !== call) {
          mark[p] = call;
          out.push(p);
        }
      } else if (Math.floor(u / this.widthS) === current) keep.push(p);
    }
    if (keep.length) this.lists.set(current, keep);
    else this.lists.delete(current);
  }
}

export const DEFAULT_APPROACH_RANGE_M = 18_520;
export const SPEAKING_TIME_S = 15;

export function runScenario(scenario: Scenario, opts: RunOptions = {}): Run {
  return new Engine(scenario, opts).run();
}

class Engine {
  private readonly log: LogEntry[] = [];
  private readonly transmissions: Transmission[] = [];
  private readonly queue = new EventQueue<Job>();
  private readonly units = new Map<string, UnitWorld>();
  private readonly links: LinkState[];
  private readonly random: Random;
  private readonly seed: number;
  private readonly until: number;
  private readonly env: RadioEnvironment;
  private readonly norms: SafeDistanceNorm[];
  private readonly approachRangeM: number;
  private readonly txByRef = new Map<string, string>();
  private now = 0;
  private txCounter = 0;
  private readonly firedTriggers = new Set<string>();
  private pending: DecisionPoint | null = null;
  private readonly drill: RunOptions['drill'];
  /** ESM pairs and when each is next due (senseRadar); built at the first sensing. */
  private senseIndex: SenseIndex | undefined;
  /** Identities and links per unit (view). */
  private readonly stations = new Map<string, { identity: StationView['identity']; links: string[] }>();
  private stationList: { id: string; callSigns: string[] }[] | undefined;
  /** Per aircraft track: lowest and highest altitude from each sample on (senseRadar). */
  private readonly suffixHeights = new Map<Motion, { lo: Float64Array; hi: Float64Array; climb: Float64Array }>();
  /** "<event>|<unit or *>" for every script action waiting on an event (mayTrigger). */
  private readonly listening = new Set<string>();
  /** Script actions waiting on each event, in script order (fireScriptTriggers). */
  private readonly waitingOn = new Map<string, (Action & { on: NonNullable<Action['on']> })[]>();
  /** Transmissions by id: replies and missed replies name the call they answer. */
  private readonly txById = new Map<string, Transmission>();
  /** Per unit, the first link (in the file's order) it shares with each other unit. */
  private readonly linkBetween = new Map<string, Map<string, string>>();
  /** How the crew names every unit; one object shared by all unit contexts. */
  private readonly names: Readonly<Record<string, string>>;

  constructor(
    private readonly scenario: Scenario,
    opts: RunOptions,
  ) {
    this.drill = opts.drill;
    this.seed = opts.seed ?? scenario.spec.seed;
    this.random = createRandom(this.seed);
    this.until = Math.min(opts.until ?? scenario.spec.durationS, scenario.spec.durationS);
    const e = scenario.spec.environment;
    this.env = {
      ...DEFAULT_RADIO_ENVIRONMENT,
      noiseFloorDbm: e.noiseFloorDbm,
      requiredSnrDb: e.requiredSnrDb,
      clearSnrDb: e.clearSnrDb,
      understandAt: e.understandAt,
    };
    this.links = scenario.spec.links.map((l) => ({
      id: l.id,
      name: l.name,
      members: l.members,
      available: l.available,
      latencyS: l.latencyS,
      language: l.language,
    }));
    this.norms = parameterValue<SafeDistanceNorm[]>(scenario.procedure, 'safeDistanceNorms', scenario.parameters, []);
    this.approachRangeM = parameterValue(scenario.procedure, 'approachRangeM', scenario.parameters, DEFAULT_APPROACH_RANGE_M);
    for (const a of scenario.script) {
      if (!a.on) continue;
      this.listening.add(`${a.on.event}|${a.on.unit ?? '*'}`);
      const list = this.waitingOn.get(a.on.event) ?? [];
      list.push(a as Action & { on: NonNullable<Action['on']> });
      this.waitingOn.set(a.on.event, list);
    }
    for (const l of scenario.spec.links) {
      for (const a of l.members) {
        const to = this.linkBetween.get(a) ?? new Map<string, string>();
        for (const b of l.members) if (b !== a && !to.has(b)) to.set(b, l.id);
        this.linkBetween.set(a, to);
      }
    }
    this.names = Object.freeze(Object.fromEntries(scenario.units.map((u) => [u.id, u.name])));
  }

  run(): Run {
    const start: Cause = { kind: 'start', ref: 'start' };
    for (const spec of this.scenario.units) this.createUnit(spec);
    for (const [id, u] of this.units) {
      for (const s of u.sets)
        this.append({ type: 'radio-set', t: 0, unit: id, radio: s.id, powered: s.powered, tuned: [...s.tuned], monitored: s.monitored, cause: start });
      for (const em of u.emitters)
        if (em.mode !== 'off') this.append({ type: 'emission', t: 0, unit: id, emitter: em.id, emitterType: em.type, mode: em.mode, cause: start });
    }
    for (const [id] of this.units) this.send(id, { type: 'start' }, start);
    for (const a of this.scenario.script) if (a.atS !== undefined) this.queue.push(a.atS, { kind: 'script', action: a });
    this.queueGeometry();
    const step = this.scenario.spec.environment.stepS;
    for (let t = 0; t <= this.until; t += step) this.queue.push(t, { kind: 'sense' });

    for (;;) {
      if (this.pending) break;
      const t = this.queue.peekTime();
      if (t === undefined || t > this.until) break;
      const { item } = this.queue.pop()!;
      this.now = t;
      this.handle(item);
    }
    const finalStates: Record<string, Record<string, string>> = {};
    for (const [id, u] of this.units) {
      finalStates[id] = { ...u.state };
      u.actor.stop();
    }
    const durationS = this.pending ? this.now : this.until;
    return {
      scenario: this.scenario,
      seed: this.seed,
      durationS,
      log: this.log,
      transmissions: this.transmissions,
      norms: this.norms,
      finalStates,
      pending: this.pending,
    };
  }

  // ---- units -------------------------------------------------------------------------------

  private createUnit(spec: UnitSpec): void {
    const sets: RadioSetState[] = spec.radios.map((r) => ({
      id: r.id,
      modulation: r.modulation,
      channels: r.channels.map(String),
      tuned: r.tuned === null ? [] : (Array.isArray(r.tuned) ? r.tuned : [r.tuned]).map(String),
      powered: r.powered,
      monitored: r.monitored,
      powerW: r.powerW,
      ...(r.noiseDb !== undefined ? { noiseDb: r.noiseDb } : {}),
    }));
    const linkTo: Record<string, string> = {};
    const shared = this.linkBetween.get(spec.id);
    // In the scenario's unit order, as before: the order of keys is part of the context.
    if (shared) for (const other of this.scenario.units) if (other.id !== spec.id && shared.has(other.id)) linkTo[other.id] = shared.get(other.id)!;
    const info: UnitInfo = {
      id: spec.id,
      name: spec.name,
      nation: spec.nation,
      kind: spec.kind,
      ...(spec.service ? { service: spec.service } : {}),
      callSigns: spec.callSigns,
      ...(spec.hull ? { hull: spec.hull } : {}),
      ...(spec.activity ? { activity: spec.activity } : {}),
      ...(spec.headquarters ? { headquarters: spec.headquarters } : {}),
      ...(spec.counterpart ? { counterpart: spec.counterpart } : {}),
      canSend: [...new Set([...sets.flatMap((s) => s.channels), ...this.links.filter((l) => l.members.includes(spec.id)).map((l) => l.id)])],
      linkTo,
      names: this.names,
      sets: sets.map((s) => ({ id: s.id, channels: [...s.channels], tuned: [...s.tuned], monitored: s.monitored, powered: s.powered })),
    };
    const context: UnitContext = {
      unit: info,
      procedure: this.scenario.procedure,
      parameters: this.scenario.parameters,
      hail: null,
      queued: [],
      exchanges: 0,
      awaiting: [],
      pendingReplies: {},
      done: [],
      seen: {},
      beliefs: {},
      ...(this.drill && this.drill.unit === spec.id ? { drill: { choices: [...this.drill.choices], then: this.drill.then ?? 'pause', next: 0 } } : {}),
    };
    const actor = createActor(machineOfContext(context), { input: context }) as unknown as Actor<UnitMachine>;
    const world: UnitWorld = {
      spec,
      sets,
      emitters: spec.emitters.map((e) => ({ id: e.id, type: e.type, mode: e.type === 'search-radar' ? 'search' : 'off', token: 0 })),
      workload: spec.crew.workload,
      languages: { ...spec.crew.languages },
      silent: false,
      judgesThreatening: spec.crew.judgesThreatening,
      actor,
      state: {},
      esm: new Map(),
    };
    this.units.set(spec.id, world);
    actor.on('*', (effect) => this.pendingEffects.push({ unit: spec.id, effect: effect as Effect }));
    actor.start();
    world.state = flattenState(actor.getSnapshot().value);
    for (const [region, value] of Object.entries(world.state)) {
      this.append({
        type: 'state',
        t: 0,
        unit: spec.id,
        from: `${region}.∅`,
        to: `${region}.${value}`,
        event: 'start',
        cause: { kind: 'start', ref: 'start' },
      });
    }
  }

  private pendingEffects: { unit: string; effect: Effect }[] = [];

  /** Send an event to a unit, log its state changes, then carry out what it decided. */
  private send(unitId: string, event: UnitEvent, cause: Cause): void {
    const u = this.units.get(unitId);
    if (!u) return;
    const before = u.state;
    const outer = this.pendingEffects;
    this.pendingEffects = [];
    u.actor.send(event);
    const effects = this.pendingEffects;
    this.pendingEffects = outer;
    const after = flattenState(u.actor.getSnapshot().value);
    u.state = after;
    for (const region of Object.keys(after)) {
      if (before[region] !== after[region]) {
        this.append({
          type: 'state',
          t: this.now,
          unit: unitId,
          from: `${region}.${before[region] ?? '∅'}`,
          to: `${region}.${after[region]}`,
          event: event.type,
          cause,
        });
      }
    }
    for (const e of effects) this.apply(e.unit, e.effect);
  }

  // ---- effects -----------------------------------------------------------------------------

  private apply(unitId: string, e: Effect): void {
    const u = this.units.get(unitId)!;
    switch (e.type) {
      case 'transmit':
        if (u.silent) {
          this.append({
            type: 'decision',
            t: this.now,
            unit: unitId,
            rule: e.msg.rule ?? null,
            decision: 'omitted',
            reason: `stays silent (what-if): would have sent ${e.msg.kind} to ${e.msg.to} on ${e.msg.channel}`,
            about: e.msg.to,
            cause: e.cause,
          });
          return;
        }
        this.transmit(unitId, e.msg, e.cause);
        return;
      case 'await-choice':
        this.pending ??= e.point;
        this.append({
          type: 'note',
          t: this.now,
          unit: unitId,
          text: `drill: waiting for the student's decision ${e.point.index + 1}: ${e.point.prompt}`,
          cause: e.cause,
        });
        return;
      case 'adjust':
        this.adjust(unitId, e.action, e.cause);
        return;
      case 'schedule':
        this.queue.push(this.now + e.afterS, {
          kind: 'timer',
          unit: unitId,
          event: { type: 'timer', name: e.timer, ref: e.ref, ...(e.cause.entry !== undefined ? { entry: e.cause.entry } : {}) },
        });
        return;
      case 'decision':
        this.append({
          type: 'decision',
          t: this.now,
          unit: unitId,
          rule: e.rule,
          decision: e.decision,
          reason: e.reason,
          ...(e.about ? { about: e.about } : {}),
          ...(e.drill ? { drill: e.drill } : {}),
          cause: e.cause,
        });
        return;
      case 'tune': {
        const set = u.sets.find((s) => s.id === e.radio);
        if (!set) return;
        if (e.tuned) set.tuned = [...e.tuned];
        if (e.powered !== undefined) set.powered = e.powered;
        if (e.monitored !== undefined) set.monitored = e.monitored;
        this.append({
          type: 'radio-set',
          t: this.now,
          unit: unitId,
          radio: set.id,
          powered: set.powered,
          tuned: [...set.tuned],
          monitored: set.monitored,
          cause: e.cause,
        });
        return;
      }
      case 'emitter': {
        const em = u.emitters.find((x) => x.id === e.emitter);
        if (!em) return;
        const previous = em.type === 'search-radar' ? 'search' : 'off';
        em.mode = e.mode;
        em.token++;
        if (e.target) em.target = e.target;
        else delete em.target;
        const entry = this.append({
          type: 'emission',
          t: this.now,
          unit: unitId,
          emitter: em.id,
          emitterType: em.type,
          mode: em.mode,
          ...(em.target ? { target: em.target } : {}),
          cause: e.cause,
        });
        if (e.forS) this.queue.push(this.now + e.forS, { kind: 'emitter-revert', unit: unitId, emitter: em.id, token: em.token });
        void previous;
        this.senseRadar({ kind: 'message', ref: `${unitId}/${em.id}`, entry });
        return;
      }
      case 'judge': {
        u.judgesThreatening = e.threatening;
        this.append({ type: 'judgement', t: this.now, unit: unitId, about: e.about, threatening: e.threatening, cause: e.cause });
        return;
      }
      case 'answered': {
        const tx = this.txById.get(e.tx);
        const reply = this.txById.get(e.by);
        if (!tx || !reply) return;
        this.append({ type: 'answered', t: this.now, tx: tx.id, unit: reply.from, stage: e.stage, by: reply.id, cause: e.cause });
        return;
      }
      case 'unanswered': {
        const txId = this.txByRef.get(`${e.exchange}#${e.attempt}`);
        const tx = txId ? this.txById.get(txId) : undefined;
        if (!tx) return;
        this.append({ type: 'unanswered', t: this.now, tx: tx.id, unit: tx.to, waitedS: round(this.now - tx.t), cause: e.cause });
        return;
      }
      case 'move':
        // The new track was joined to the unit's motion when the scenario was loaded.
        this.append({ type: 'note', t: this.now, unit: unitId, text: `changes course: ${e.action.note ?? 'new track from here'}`, cause: e.cause });
        return;
    }
  }

  private adjust(unitId: string, a: Extract<Effect, { type: 'adjust' }>['action'], cause: Cause): void {
    const u = this.units.get(unitId)!;
    switch (a.do) {
      case 'set-noise': {
        const set = u.sets.find((x) => x.id === a.radio);
        if (!set) return;
        if (a.noiseDb === null) delete set.noiseDb;
        else set.noiseDb = a.noiseDb;
        this.append({
          type: 'note',
          t: this.now,
          unit: unitId,
          text: `noise at set ${set.id} now ${a.noiseDb === null ? 'the environment floor' : `${a.noiseDb} dBm`}`,
          cause,
        });
        return;
      }
      case 'set-crew':
        if (a.workload !== undefined) u.workload = a.workload;
        if (a.languages) Object.assign(u.languages, a.languages);
        this.append({
          type: 'note',
          t: this.now,
          unit: unitId,
          text: `crew now: workload ${u.workload}, languages ${Object.entries(u.languages)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
          cause,
        });
        return;
      case 'set-link': {
        const link = this.links.find((l) => l.id === a.link);
        if (!link) return;
        if (a.available !== undefined) link.available = a.available;
        if (a.latencyS !== undefined) link.latencyS = a.latencyS;
        this.append({ type: 'note', t: this.now, unit: unitId, text: `${link.name} now ${link.available ? 'up' : 'down'}, delay ${link.latencyS} s`, cause });
        return;
      }
      case 'silence':
        u.silent = a.silent;
        this.append({ type: 'note', t: this.now, unit: unitId, text: a.silent ? 'stays silent from now on' : 'may transmit again', cause });
        return;
    }
  }

  private transmit(fromId: string, msg: import('../units/protocol').Outgoing, cause: Cause): void {
    const from = this.units.get(fromId)!;
    const proc = this.scenario.procedure;
    const recipients = msg.to === 'all' ? [...this.units.keys()].filter((id) => id !== fromId && this.units.get(id)!.sets.length > 0) : [msg.to];
    const target = msg.to === 'all' ? undefined : this.units.get(msg.to)?.spec;
    // On a link the message is addressed by the link itself; the name is enough.
    const onLink = this.links.some((l) => l.id === msg.channel);
    const addressee = msg.addressee ?? (target ? (onLink ? selfName(target) : addresseeFor(target, proc)) : 'ALL STATIONS');
    const ending = msg.needsReply ? proc.callFormat.ending : 'OUT';
    // A message sent without call signs (a drill's wrong answer) is the body alone.
    const opening = addressee ? `${addressee}, ${proc.callFormat.originatorPrefix} ${selfName(from.spec)}. ` : '';
    const text = `${opening}${msg.body} ${ending}.`.replace(/\s+/g, ' ');
    const id = `tx-${++this.txCounter}`;
    const tx: Transmission = {
      id,
      t: this.now,
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
      recipients,
    };
    this.transmissions.push(tx);
    this.txById.set(tx.id, tx);
    if (msg.exchange && msg.attempt) this.txByRef.set(`${msg.exchange}#${msg.attempt}`, id);
    const txEntry = this.append({ type: 'transmission', t: this.now, tx, cause });
    const fromView = this.view(fromId);
    for (const r of recipients) {
      const d = deliver(tx, fromView, this.view(r), this.links, this.env, this.random.fork(`${id}/${r}`));
      if (msg.to === 'all' && d.result.failedAt === 'in-range') continue; // "every unit in range" for calls to all
      const isRadio = findChannel(tx.channel) !== undefined;
      const at = this.now + (isRadio ? SPEAKING_TIME_S : d.latencyS);
      this.queue.push(at, { kind: 'deliver', tx, result: d.result, notUnderstood: d.notUnderstood, txEntry });
    }
  }

  private view(unitId: string): StationView {
    const u = this.units.get(unitId)!;
    const spec = u.spec;
    const pos = positionAt(this.scenario.motion[unitId]!, this.now);
    const height = spec.kind === 'aircraft' ? pos.altM : antennaHeightM(spec);
    const st = this.stationOf(unitId, u);
    const stations = this.allStations();
    const known = spec.crew.knownCallSigns;
    return {
      id: unitId,
      position: { ...pos, altM: height },
      antennaHeightM: height,
      sets: u.sets,
      links: st.links,
      workload: u.workload,
      languages: u.languages,
      hearsAs: spec.crew.hearsAs,
      identity: st.identity,
      // Only a call that gets as far as "is this for me?" reads the list: build it then.
      get knownStations() {
        return [...stations.filter((o) => o.id !== unitId), ...known.map((k) => ({ id: k.meaning, callSigns: [k.callSign] }))];
      },
    };
  }

  /** What a unit is called and which links it is on: fixed for the run, so worked out once. */
  private stationOf(unitId: string, u: UnitWorld): { identity: StationView['identity']; links: string[] } {
    let st = this.stations.get(unitId);
    if (!st) {
      st = {
        identity: { id: unitId, callSigns: identityCallSigns(u.spec), generic: genericCallSigns(u.spec, this.scenario.procedure) },
        links: this.links.filter((l) => l.members.includes(unitId)).map((l) => l.id),
      };
      this.stations.set(unitId, st);
    }
    // A fresh copy each time, as before, so no caller can change what the next one sees.
    return { identity: { id: st.identity.id, callSigns: [...st.identity.callSigns], generic: [...st.identity.generic!] }, links: [...st.links] };
  }

  /** Every unit as a station others may take a call to be for, in scenario order. */
  private allStations(): { id: string; callSigns: string[] }[] {
    return (this.stationList ??= [...this.units.values()].map((o) => ({ id: o.spec.id, callSigns: identityCallSigns(o.spec) })));
  }

  // ---- jobs --------------------------------------------------------------------------------

  private handle(job: Job): void {
    switch (job.kind) {
      case 'script': {
        const cause: Cause = { kind: 'script', ref: job.action.id, ...(job.entry !== undefined ? { entry: job.entry } : {}) };
        this.send(job.action.unit, { type: 'script', action: job.action }, cause);
        return;
      }
      case 'timer':
        this.send(job.unit, job.event, { kind: 'timer', ref: `${job.event.name}:${job.event.ref}` });
        return;
      case 'deliver': {
        const entry = this.append({
          type: 'reception',
          t: this.now,
          tx: job.tx.id,
          result: job.result,
          cause: { kind: 'message', ref: job.tx.id, entry: job.txEntry },
        });
        const understood = job.result.reached === 'understood';
        if (understood) this.fireScriptTriggers(job.tx.kind === 'report' ? 'report-received' : 'call-received', job.result.unit, job.tx.from);
        if (understood || job.notUnderstood) {
          this.send(
            job.result.unit,
            { type: 'call', tx: job.tx, understood, notUnderstood: job.notUnderstood, entry },
            { kind: 'message', ref: job.tx.id, entry },
          );
        }
        return;
      }
      case 'emitter-revert': {
        const u = this.units.get(job.unit)!;
        const em = u.emitters.find((x) => x.id === job.emitter);
        if (!em || em.token !== job.token) return;
        em.mode = em.type === 'search-radar' ? 'search' : 'off';
        delete em.target;
        em.token++;
        const entry = this.append({
          type: 'emission',
          t: this.now,
          unit: job.unit,
          emitter: em.id,
          emitterType: em.type,
          mode: em.mode,
          cause: { kind: 'timer', ref: `${job.unit}/${em.id} ends` },
        });
        this.senseRadar({ kind: 'timer', ref: `${job.unit}/${em.id}`, entry });
        return;
      }
      case 'pair':
        this.handlePair(job);
        return;
      case 'sense':
        this.senseRadar({ kind: 'sensor', ref: 'esm' });
        return;
    }
  }

  private queueGeometry(): void {
    const surfaces = this.scenario.units.filter((u) => u.kind === 'ship' || u.kind === 'vessel');
    // A closest approach at second T is known from the sample at T + 1: a run stopped early
    // (--until) looks one second past its end, so it logs what a full run logs up to then.
    const horizon = Math.min(this.until + 1, this.scenario.spec.durationS);
    for (const a of this.scenario.units.filter((u) => u.kind === 'aircraft')) {
      for (const s of surfaces) {
        if (s.nation === a.nation) continue;
        const evs = pairEvents(a.id, s.id, this.scenario.motion[a.id]!, this.scenario.motion[s.id]!, horizon, this.approachRangeM);
        for (const ev of evs)
          this.queue.push(ev.t, { kind: 'pair', aircraft: a.id, surface: s.id, what: ev.kind, groundM: ev.groundM, altitudeM: ev.altitudeM });
      }
    }
  }

  private handlePair(job: Extract<Job, { kind: 'pair' }>): void {
    const cause: Cause = { kind: 'sensor', ref: `range ${job.aircraft}–${job.surface}` };
    const km = (job.groundM / 1000).toFixed(1);
    if (job.what === 'closest') {
      const entry = this.append({
        type: 'proximity',
        t: this.now,
        unit: job.aircraft,
        other: job.surface,
        groundM: Math.round(job.groundM),
        altitudeM: Math.round(job.altitudeM),
        closest: true,
        cause,
      });
      const ship = this.units.get(job.surface)!;
      const norm = this.norms.find((n) => n.nation === ship.spec.nation);
      if (norm && ship.spec.kind === 'ship' && job.groundM < norm.minGroundM && job.altitudeM < norm.minAltitudeM && ship.judgesThreatening) {
        this.send(
          job.surface,
          {
            type: 'trigger.unsafe-approach',
            about: job.aircraft,
            detail: `${this.label(job.aircraft)} passed ${Math.round(job.groundM)} m away at ${Math.round(job.altitudeM)} m altitude, inside ${norm.label}`,
            says: `you passed ${Math.round(job.groundM)} m from us at ${Math.round(job.altitudeM)} m altitude`,
            entry,
          },
          { ...cause, entry },
        );
      }
      if (this.mayTrigger('range-below', job.aircraft)) this.fireScriptTriggers('range-below', job.aircraft, job.surface, job.groundM);
      return;
    }
    const entry = this.append({
      type: 'proximity',
      t: this.now,
      unit: job.aircraft,
      other: job.surface,
      groundM: Math.round(job.groundM),
      altitudeM: Math.round(job.altitudeM),
      closest: false,
      cause,
    });
    const c = { ...cause, entry };
    if (job.what === 'enter') {
      if (this.units.get(job.surface)!.spec.kind === 'ship')
        this.send(
          job.surface,
          { type: 'trigger.aircraft-approach', about: job.aircraft, detail: `${this.label(job.aircraft)} approaching, ${km} km`, entry },
          c,
        );
      this.send(job.aircraft, { type: 'trigger.contact', about: job.surface, detail: `${this.label(job.surface)} at ${km} km`, entry }, c);
    } else {
      if (this.units.get(job.surface)!.spec.kind === 'ship')
        this.send(job.surface, { type: 'trigger.opening', about: job.aircraft, detail: `${this.label(job.aircraft)} opening, ${km} km`, entry }, c);
      this.send(job.aircraft, { type: 'trigger.opening', about: job.surface, detail: `${this.label(job.surface)} astern, ${km} km`, entry }, c);
    }
  }

  /**
   * What each ESM receiver makes of the emitters around it. It classifies by the paint pattern
   * (brief 4.5 [S81]): a rotating search radar paints periodically, a radar held on the receiver
   * paints continuously and is read as fire control, whatever the emitter really is.
   *
   * Evaluating every receiver against every foreign emitter at every step is O(units²) per step.
   * What a receiver makes of a source changes only when the source's emitters change (their
   * tokens move) or when the pair crosses the radar horizon; a pair far from its horizon cannot
   * cross it for |distance − horizon| / (fastest speed of both) seconds. So each pair carries the
   * time until which its in-range verdict is certain and waits in a time bucket until then; a call
   * evaluates only the pairs that are due and those whose source's emitters changed, in the same
   * order (receiver, then source, then emitter) as the full loop, so the log is the same.
   */
  private senseRadar(cause: Cause): void {
    const ix = (this.senseIndex ??= this.buildSenseIndex());
    const t = this.now;
    const call = ++ix.calls;
    // Sources whose emitters changed since the last call: every receiver in range looks again.
    // Out of range nothing is seen whatever the emitters do, and the pair's time still holds.
    const due: number[] = [];
    for (let si = 0; si < ix.sources.length; si++) {
      const src = ix.sources[si]!;
      let version = 0;
      for (const em of src.radars) version += em.token;
      if (version === src.version) continue;
      src.version = version;
      for (const p of src.pairs) {
        if (ix.inRange[p] === 1 && ix.mark[p] !== call) {
          ix.mark[p] = call;
          due.push(p);
        }
      }
    }
    // Pairs whose in-range verdict may have changed by now (at the first call, all of them).
    if (ix.first) {
      ix.first = false;
      for (let p = 0; p < ix.until.length; p++) {
        if (ix.mark[p] !== call) {
          ix.mark[p] = call;
          due.push(p);
        }
      }
    } else ix.buckets.takeDue(t, ix.until, ix.mark, call, due);
    if (due.length === 0) return;
    // Pair numbers follow the full loop's order (receiver, then source).
    const order = Int32Array.from(due).sort();
    for (let i = 0; i < order.length; i++) this.sensePair(ix, order[i]!, cause);
  }

  private sensePair(ix: SenseIndex, p: number, cause: Cause): void {
    const r = ix.receivers[ix.receiverOf[p]!]!;
    const src = ix.sources[ix.sourceOf[p]!]!;
    const rid = r.id;
    const sid = src.id;
    const rPos = this.positionNow(ix, r.unit);
    const sPos = this.positionNow(ix, src.unit);
    const rHeight = r.aircraft ? rPos.altM : r.antennaM;
    // The great-circle distance from the chord between unit vectors: the same number as the
    // haversine up to rounding (micrometres), and cheaper. Only a pair within a metre of its
    // horizon needs the exact test, which is then the original one.
    const v = ix.vec;
    const a = 3 * r.unit;
    const b = 3 * src.unit;
    const dx = v[a]! - v[b]!;
    const dy = v[a + 1]! - v[b + 1]!;
    const dz = v[a + 2]! - v[b + 2]!;
    let groundM = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
    const approxHorizonM = horizonM(src.antennaM, rHeight);
    let inRange: boolean;
    if (groundM > approxHorizonM + SENSE_MARGIN_M) inRange = false;
    else if (groundM < approxHorizonM - SENSE_MARGIN_M) inRange = true;
    else {
      const horizonKm = r.aircraft ? nmToKm(combinedHorizonNm(src.antennaM, rHeight)) : ix.fixedHorizonKm[p]!;
      groundM = groundDistanceM(rPos, sPos);
      inRange = groundM / 1000 <= horizonKm;
    }
    // Until when this verdict cannot change, whatever the tracks do: the horizon stays between
    // the ones for the lowest and highest the receiver will be from now on.
    let lowM = approxHorizonM;
    let highM = lowM;
    if (r.aircraft) {
      if (r.boundsAt !== this.now) {
        [r.lowM, r.highM, r.climbMps] = this.heightsFromNow(r.motion);
        r.boundsAt = this.now;
      }
      lowM = horizonM(src.antennaM, r.lowM);
      highM = horizonM(src.antennaM, r.highM);
    }
    const room = groundM > highM ? groundM - highM - SENSE_MARGIN_M : groundM < lowM ? lowM - groundM - SENSE_MARGIN_M : 0;
    const speed = r.speed + src.speed;
    let until = room > 0 ? this.now + room / speed : this.now;
    if (r.aircraft && r.climbMps > 0 && rHeight > 0) {
      // A climbing or descending receiver moves its horizon: √ is concave, so over τ seconds at
      // most climb·τ/(2√h) outwards, and climb·τ/√h inwards (while climb·τ ≤ h), per √m of horizon.
      const k = HORIZON_NM_PER_SQRT_M * METRES_PER_NM;
      const root = Math.sqrt(rHeight);
      let tau = 0;
      if (groundM > approxHorizonM) tau = (groundM - approxHorizonM - SENSE_MARGIN_M) / (speed + (k * r.climbMps) / (2 * root));
      else if (groundM < approxHorizonM) tau = Math.min((approxHorizonM - groundM - SENSE_MARGIN_M) / (speed + (k * r.climbMps) / root), rHeight / r.climbMps);
      if (tau > 0) until = Math.max(until, this.now + tau);
    }
    // The altitude profile ahead often gives a later time than the extremes above (an aircraft
    // level now that climbs in twenty minutes); both are bounds, so the later one holds.
    if (r.aircraft) until = Math.max(until, this.profileUntil(r.motion, rHeight, src.antennaM, groundM, speed));
    ix.until[p] = until;
    const wasInRange = ix.inRange[p] === 1;
    ix.inRange[p] = inRange ? 1 : 0;
    // No call comes after the end of the run: a pair due only then is never due.
    if (until < this.until) ix.buckets.push(until, p);

    // What the receiver makes of each emitter depends only on the verdict and the emitters' modes
    // and targets: with neither changed since the pair was last taken up, nothing can change.
    if (wasInRange === inRange && ix.seenVersion[p] === src.version) return;
    ix.seenVersion[p] = src.version;
    const rw = r.world;
    for (let k = 0; k < src.radars.length; k++) {
      const em = src.radars[k]!;
      const key = src.keys[k]!;
      let pattern: 'periodic' | 'continuous' | 'none' = 'none';
      if (inRange && em.mode === 'search') pattern = 'periodic';
      if (inRange && em.mode === 'track' && em.target === rid) pattern = 'continuous';
      const classified = pattern === 'continuous' ? 'fire-control-radar' : pattern === 'periodic' ? 'search-radar' : '';
      const before = rw.esm.get(key) ?? '';
      if (classified === before) continue;
      if (classified) rw.esm.set(key, classified);
      else rw.esm.delete(key);
      const entry = this.append({
        type: 'detection',
        t: this.now,
        unit: rid,
        source: sid,
        emitter: em.id,
        actualType: em.type,
        classifiedAs: classified || before,
        pattern,
        on: classified !== '',
        cause,
      });
      // Most detections are search radars coming and going: the words are only for the two below.
      if (classified === 'fire-control-radar') {
        const dist = (slantDistanceM(rPos, sPos) / 1000).toFixed(1);
        this.send(
          rid,
          {
            type: 'trigger.fire-control-detected',
            about: sid,
            detail: `fire-control radar from ${this.label(sid)} held on ${this.label(rid)} at ${dist} km`,
            says: 'your fire-control radar is directed at us',
            entry,
          },
          { kind: 'sensor', ref: key, entry },
        );
        if (this.mayTrigger('fire-control-detected', rid)) this.fireScriptTriggers('fire-control-detected', rid, sid);
      } else if (before === 'fire-control-radar') {
        this.send(
          rid,
          { type: 'trigger.detection-ended', about: sid, detail: `${this.label(sid)}'s radar no longer held on ${this.label(rid)}`, entry },
          { kind: 'sensor', ref: key, entry },
        );
      }
      if (classified === 'search-radar' && this.mayTrigger('radar-detected', rid)) this.fireScriptTriggers('radar-detected', rid, sid);
    }
  }

  /**
   * Until when a pair whose receiver is an aircraft cannot cross the radar horizon, read from the
   * aircraft's altitude profile, which is known in advance: segment by segment (from now to the
   * next waypoint, and so on; level after the last), the horizon is at most the one at the
   * segment's higher end and at least the one at its lower end, and the ground distance closes
   * or opens at most `speed` m/s. The first segment where the gap could close gives the time.
   */
  private profileUntil(m: Motion, altNow: number, sourceM: number, groundM: number, speed: number): number {
    const ts = m.t;
    const now = this.now;
    const outside = groundM > horizonM(sourceM, altNow);
    let k = firstAfter(ts, now);
    let tA = now;
    let altA = altNow;
    for (; ; k++) {
      const last = k >= ts.length;
      const tB = last ? Infinity : ts[k]!;
      const altB = last ? altA : m.altM[k]!;
      const gap = outside
        ? groundM - horizonM(sourceM, Math.max(altA, altB)) - SENSE_MARGIN_M
        : horizonM(sourceM, Math.min(altA, altB)) - groundM - SENSE_MARGIN_M;
      if (gap <= 0) return tA;
      const cross = speed > 0 ? now + gap / speed : Infinity;
      if (cross <= tB) return Math.max(tA, cross);
      if (last) return Infinity;
      tA = tB;
      altA = altB;
    }
  }

  /**
   * Lowest and highest an aircraft will be from now to the end of its track (metres), and the
   * fastest it climbs or descends from now on (m/s).
   */
  private heightsFromNow(m: Motion): [number, number, number] {
    const ts = m.t;
    const n = ts.length;
    let suffix = this.suffixHeights.get(m);
    if (!suffix) {
      const lo = new Float64Array(n);
      const hi = new Float64Array(n);
      const climb = new Float64Array(n);
      for (let i = n - 1; i >= 0; i--) {
        lo[i] = i + 1 < n ? Math.min(m.altM[i]!, lo[i + 1]!) : m.altM[i]!;
        hi[i] = i + 1 < n ? Math.max(m.altM[i]!, hi[i + 1]!) : m.altM[i]!;
        // climb[i]: fastest vertical speed on segments i (from sample i to i + 1) onwards.
        if (i + 1 < n) {
          const dz = Math.abs(m.altM[i + 1]! - m.altM[i]!);
          const dt = ts[i + 1]! - ts[i]!;
          const v = dz === 0 ? 0 : dt > 0 ? dz / dt : Infinity;
          climb[i] = Math.max(v, i + 2 < n ? climb[i + 1]! : 0);
        }
      }
      suffix = { lo, hi, climb };
      this.suffixHeights.set(m, suffix);
    }
    const now = positionAt(m, this.now).altM;
    // First sample after now: the rest of the track is between now and the samples from there.
    const lo = firstAfter(ts, this.now);
    if (lo >= n) return [now, now, 0];
    // Safety margin on the climb rate for rounding.
    const climb = suffix.climb[Math.max(0, lo - 1)]! * (1 + 1e-9);
    return [Math.min(now, suffix.lo[lo]!), Math.max(now, suffix.hi[lo]!), climb];
  }

  /** Where a unit is now; computed once per unit per instant. */
  private positionNow(ix: SenseIndex, unit: number): Position {
    if (ix.posAt[unit] !== this.now || ix.pos[unit] === undefined) {
      const p = positionAt(this.scenario.motion[ix.ids[unit]!]!, this.now);
      ix.pos[unit] = p;
      ix.posAt[unit] = this.now;
      const lat = (p.lat * Math.PI) / 180;
      const lon = (p.lon * Math.PI) / 180;
      ix.vec[3 * unit] = Math.cos(lat) * Math.cos(lon);
      ix.vec[3 * unit + 1] = Math.cos(lat) * Math.sin(lon);
      ix.vec[3 * unit + 2] = Math.sin(lat);
    }
    return ix.pos[unit]!;
  }

  private buildSenseIndex(): SenseIndex {
    const ids = [...this.units.keys()];
    const worlds = [...this.units.values()];
    const sources: SenseSource[] = [];
    worlds.forEach((w, unit) => {
      const radars = w.emitters.filter((em) => em.type === 'search-radar' || em.type === 'fire-control-radar');
      if (radars.length === 0) return;
      const motion = this.scenario.motion[w.spec.id]!;
      sources.push({
        unit,
        id: w.spec.id,
        nation: w.spec.nation,
        radars,
        keys: radars.map((em) => `${w.spec.id}/${em.id}`),
        antennaM: antennaHeightM(w.spec),
        speed: maxSpeedMps(motion),
        version: -1,
        pairs: [],
      });
    });
    const receivers: SenseReceiver[] = [];
    const receiverOf: number[] = [];
    const sourceOf: number[] = [];
    const fixedHorizonKm: number[] = [];
    worlds.forEach((w, unit) => {
      if (!w.spec.emitters.some((e) => e.type === 'esm')) return;
      const motion = this.scenario.motion[w.spec.id]!;
      const aircraft = w.spec.kind === 'aircraft';
      const antennaM = antennaHeightM(w.spec);
      const ri = receivers.length;
      receivers.push({
        unit,
        id: w.spec.id,
        world: w,
        motion,
        aircraft,
        antennaM,
        speed: maxSpeedMps(motion),
        lowM: antennaM,
        highM: antennaM,
        climbMps: 0,
        boundsAt: NaN,
      });
      sources.forEach((src, si) => {
        if (src.unit === unit || src.nation === w.spec.nation) return;
        src.pairs.push(receiverOf.length);
        receiverOf.push(ri);
        sourceOf.push(si);
        fixedHorizonKm.push(aircraft ? NaN : nmToKm(combinedHorizonNm(src.antennaM, antennaM)));
      });
    });
    const n = receiverOf.length;
    return {
      ids,
      receivers,
      sources,
      receiverOf: Int32Array.from(receiverOf),
      sourceOf: Int32Array.from(sourceOf),
      fixedHorizonKm: Float64Array.from(fixedHorizonKm),
      until: new Float64Array(n).fill(-Infinity),
      mark: new Int32Array(n),
      inRange: new Uint8Array(n),
      seenVersion: new Float64Array(n).fill(-1),
      calls: 0,
      first: true,
      buckets: new Buckets(this.scenario.spec.environment.stepS),
      pos: new Array<Position | undefined>(ids.length),
      posAt: new Float64Array(ids.length).fill(NaN),
      vec: new Float64Array(3 * ids.length),
    };
  }

  /**
   * Whether any script action waits for this event on this unit. fireScriptTriggers looks through
   * the whole script; a sensor that fires thousands of times skips it when nothing can match.
   */
  private mayTrigger(event: string, unit: string): boolean {
    return this.listening.has(`${event}|${unit}`) || this.listening.has(`${event}|*`);
  }

  private fireScriptTriggers(event: string, unit: string, other?: string, rangeM?: number): void {
    for (const a of this.waitingOn.get(event) ?? []) {
      if (a.on.unit && a.on.unit !== unit) continue;
      if (a.on.other && a.on.other !== other) continue;
      if (event === 'range-below' && (rangeM === undefined || rangeM >= (a.on.rangeM ?? 0))) continue;
      if (this.firedTriggers.has(a.id)) continue;
      this.firedTriggers.add(a.id);
      this.append({
        type: 'note',
        t: this.now,
        unit: a.unit,
        text: `trigger of ${a.id} fired: ${event} at ${unit}${other ? ` (${other})` : ''}${a.on.afterS ? `; acts in ${a.on.afterS} s` : ''}`,
        cause: { kind: 'script', ref: a.id },
      });
      const entry = this.log.length ? this.log[this.log.length - 1]!.seq : undefined;
      this.queue.push(this.now + a.on.afterS, { kind: 'script', action: a, ...(entry !== undefined ? { entry } : {}) });
    }
  }

  /** A unit as people name it: "Gwanggaeto the Great (971)". */
  private label(id: string): string {
    const u = this.units.get(id)?.spec;
    return u ? `${u.name}${u.hull ? ` (${u.hull})` : ''}` : id;
  }

  private append<E extends Omit<LogEntry, 'seq'>>(e: E): number {
    const seq = this.log.length;
    this.log.push({ seq, ...e } as unknown as LogEntry);
    return seq;
  }
}

function flattenState(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = typeof v === 'string' ? v : (Object.keys(v as object)[0] ?? '');
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
