/**
 * The discrete-event engine. It owns the clock and the seeded random source, runs one XState
 * actor per unit, carries out their effects in the world (radio, radar, links), and writes the
 * append-only log. Nothing here reads the wall clock; the same inputs give the same log.
 */
import { createActor, type Actor } from 'xstate';
import { createRandom, type Random } from '../rng';
import { groundDistanceM, slantDistanceM } from '../geo';
import type { Scenario, Action } from '../scenario/load';
import { antennaHeightM } from '../scenario/load';
import { positionAt } from '../scenario/motion';
import type { UnitSpec } from '../scenario/schema';
import { findChannel } from '../radio/channels';
import { deliver, DEFAULT_RADIO_ENVIRONMENT, type LinkState, type RadioEnvironment, type RadioSetState, type StationView } from '../radio/ladder';
import { addresseeFor, genericCallSigns, identityCallSigns, selfName } from '../radio/callsign';
import { combinedHorizonNm, nmToKm } from '../radio/propagation';
import { machines } from '../units';
import type { UnitMachine } from '../units/unit-machine';
import type { DecisionPoint, Effect, UnitContext, UnitEvent, UnitInfo } from '../units/protocol';
import { parameterValue } from '../procedure/load';
import { EventQueue } from './queue';
import { pairEvents } from './geometry';
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

  constructor(private readonly scenario: Scenario, opts: RunOptions) {
    this.drill = opts.drill;
    this.seed = opts.seed ?? scenario.spec.seed;
    this.random = createRandom(this.seed);
    this.until = Math.min(opts.until ?? scenario.spec.durationS, scenario.spec.durationS);
    const e = scenario.spec.environment;
    this.env = { ...DEFAULT_RADIO_ENVIRONMENT, noiseFloorDbm: e.noiseFloorDbm, requiredSnrDb: e.requiredSnrDb, clearSnrDb: e.clearSnrDb, understandAt: e.understandAt };
    this.links = scenario.spec.links.map((l) => ({ id: l.id, name: l.name, members: l.members, available: l.available, latencyS: l.latencyS, language: l.language }));
    this.norms = parameterValue<SafeDistanceNorm[]>(scenario.procedure, 'safeDistanceNorms', scenario.parameters, []);
    this.approachRangeM = parameterValue(scenario.procedure, 'approachRangeM', scenario.parameters, DEFAULT_APPROACH_RANGE_M);
  }

  run(): Run {
    const start: Cause = { kind: 'start', ref: 'start' };
    for (const spec of this.scenario.units) this.createUnit(spec);
    for (const [id, u] of this.units) {
      for (const s of u.sets) this.append({ type: 'radio-set', t: 0, unit: id, radio: s.id, powered: s.powered, tuned: [...s.tuned], monitored: s.monitored, cause: start });
      for (const em of u.emitters) if (em.mode !== 'off') this.append({ type: 'emission', t: 0, unit: id, emitter: em.id, emitterType: em.type, mode: em.mode, cause: start });
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
    return { scenario: this.scenario, seed: this.seed, durationS, log: this.log, transmissions: this.transmissions, norms: this.norms, finalStates, pending: this.pending };
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
    for (const other of this.scenario.units) {
      if (other.id === spec.id) continue;
      const l = this.scenario.spec.links.find((x) => x.members.includes(spec.id) && x.members.includes(other.id));
      if (l) linkTo[other.id] = l.id;
    }
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
      sets: sets.map((s) => ({ id: s.id, channels: [...s.channels], tuned: [...s.tuned], monitored: s.monitored, powered: s.powered })),
    };
    const context: UnitContext = {
      unit: info,
      procedure: this.scenario.procedure,
      parameters: this.scenario.parameters,
      hail: null,
      exchanges: 0,
      awaiting: [],
      pendingReplies: {},
      done: [],
      seen: {},
      beliefs: {},
      ...(this.drill && this.drill.unit === spec.id ? { drill: { choices: [...this.drill.choices], then: this.drill.then ?? 'pause', next: 0 } } : {}),
    };
    const actor = createActor(machines[spec.kind], { input: context }) as unknown as Actor<UnitMachine>;
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
      this.append({ type: 'state', t: 0, unit: spec.id, from: `${region}.∅`, to: `${region}.${value}`, event: 'start', cause: { kind: 'start', ref: 'start' } });
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
        this.append({ type: 'state', t: this.now, unit: unitId, from: `${region}.${before[region] ?? '∅'}`, to: `${region}.${after[region]}`, event: event.type, cause });
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
          this.append({ type: 'decision', t: this.now, unit: unitId, rule: e.msg.rule ?? null, decision: 'omitted', reason: `stays silent (what-if): would have sent ${e.msg.kind} to ${e.msg.to} on ${e.msg.channel}`, about: e.msg.to, cause: e.cause });
          return;
        }
        this.transmit(unitId, e.msg, e.cause);
        return;
      case 'await-choice':
        this.pending ??= e.point;
        this.append({ type: 'note', t: this.now, unit: unitId, text: `drill: waiting for the student's decision ${e.point.index + 1}: ${e.point.prompt}`, cause: e.cause });
        return;
      case 'adjust':
        this.adjust(unitId, e.action, e.cause);
        return;
      case 'schedule':
        this.queue.push(this.now + e.afterS, { kind: 'timer', unit: unitId, event: { type: 'timer', name: e.timer, ref: e.ref, ...(e.cause.entry !== undefined ? { entry: e.cause.entry } : {}) } });
        return;
      case 'decision':
        this.append({ type: 'decision', t: this.now, unit: unitId, rule: e.rule, decision: e.decision, reason: e.reason, ...(e.about ? { about: e.about } : {}), ...(e.drill ? { drill: e.drill } : {}), cause: e.cause });
        return;
      case 'tune': {
        const set = u.sets.find((s) => s.id === e.radio);
        if (!set) return;
        if (e.tuned) set.tuned = [...e.tuned];
        if (e.powered !== undefined) set.powered = e.powered;
        if (e.monitored !== undefined) set.monitored = e.monitored;
        this.append({ type: 'radio-set', t: this.now, unit: unitId, radio: set.id, powered: set.powered, tuned: [...set.tuned], monitored: set.monitored, cause: e.cause });
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
        const entry = this.append({ type: 'emission', t: this.now, unit: unitId, emitter: em.id, emitterType: em.type, mode: em.mode, ...(em.target ? { target: em.target } : {}), cause: e.cause });
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
        const tx = this.transmissions.find((x) => x.id === e.tx);
        const reply = this.transmissions.find((x) => x.id === e.by);
        if (!tx || !reply) return;
        this.append({ type: 'answered', t: this.now, tx: tx.id, unit: reply.from, stage: e.stage, by: reply.id, cause: e.cause });
        return;
      }
      case 'unanswered': {
        const txId = this.txByRef.get(`${e.exchange}#${e.attempt}`);
        const tx = txId ? this.transmissions.find((x) => x.id === txId) : undefined;
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
        this.append({ type: 'note', t: this.now, unit: unitId, text: `noise at set ${set.id} now ${a.noiseDb === null ? 'the environment floor' : `${a.noiseDb} dBm`}`, cause });
        return;
      }
      case 'set-crew':
        if (a.workload !== undefined) u.workload = a.workload;
        if (a.languages) Object.assign(u.languages, a.languages);
        this.append({ type: 'note', t: this.now, unit: unitId, text: `crew now: workload ${u.workload}, languages ${Object.entries(u.languages).map(([k, v]) => `${k} ${v}`).join(', ')}`, cause });
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
    const knownStations = [
      ...[...this.units.values()].filter((o) => o.spec.id !== unitId).map((o) => ({ id: o.spec.id, callSigns: identityCallSigns(o.spec) })),
      ...spec.crew.knownCallSigns.map((k) => ({ id: k.meaning, callSigns: [k.callSign] })),
    ];
    return {
      id: unitId,
      position: { ...pos, altM: height },
      antennaHeightM: height,
      sets: u.sets,
      links: this.links.filter((l) => l.members.includes(unitId)).map((l) => l.id),
      workload: u.workload,
      languages: u.languages,
      hearsAs: spec.crew.hearsAs,
      identity: { id: unitId, callSigns: identityCallSigns(spec), generic: genericCallSigns(spec, this.scenario.procedure) },
      knownStations,
    };
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
        const entry = this.append({ type: 'reception', t: this.now, tx: job.tx.id, result: job.result, cause: { kind: 'message', ref: job.tx.id, entry: job.txEntry } });
        const understood = job.result.reached === 'understood';
        if (understood) this.fireScriptTriggers(job.tx.kind === 'report' ? 'report-received' : 'call-received', job.result.unit, job.tx.from);
        if (understood || job.notUnderstood) {
          this.send(job.result.unit, { type: 'call', tx: job.tx, understood, notUnderstood: job.notUnderstood, entry }, { kind: 'message', ref: job.tx.id, entry });
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
        const entry = this.append({ type: 'emission', t: this.now, unit: job.unit, emitter: em.id, emitterType: em.type, mode: em.mode, cause: { kind: 'timer', ref: `${job.unit}/${em.id} ends` } });
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
    for (const a of this.scenario.units.filter((u) => u.kind === 'aircraft')) {
      for (const s of surfaces) {
        if (s.nation === a.nation) continue;
        const evs = pairEvents(a.id, s.id, this.scenario.motion[a.id]!, this.scenario.motion[s.id]!, this.until, this.approachRangeM);
        for (const ev of evs) this.queue.push(ev.t, { kind: 'pair', aircraft: a.id, surface: s.id, what: ev.kind, groundM: ev.groundM, altitudeM: ev.altitudeM });
      }
    }
  }

  private handlePair(job: Extract<Job, { kind: 'pair' }>): void {
    const cause: Cause = { kind: 'sensor', ref: `range ${job.aircraft}–${job.surface}` };
    const km = (job.groundM / 1000).toFixed(1);
    if (job.what === 'closest') {
      const entry = this.append({ type: 'proximity', t: this.now, unit: job.aircraft, other: job.surface, groundM: Math.round(job.groundM), altitudeM: Math.round(job.altitudeM), closest: true, cause });
      const ship = this.units.get(job.surface)!;
      const norm = this.norms.find((n) => n.nation === ship.spec.nation);
      if (norm && ship.spec.kind === 'ship' && job.groundM < norm.minGroundM && job.altitudeM < norm.minAltitudeM && ship.judgesThreatening) {
        this.send(job.surface, { type: 'trigger.unsafe-approach', about: job.aircraft, detail: `${this.label(job.aircraft)} passed ${Math.round(job.groundM)} m away at ${Math.round(job.altitudeM)} m altitude, inside ${norm.label}`, says: `you passed ${Math.round(job.groundM)} m from us at ${Math.round(job.altitudeM)} m altitude`, entry }, { ...cause, entry });
      }
      this.fireScriptTriggers('range-below', job.aircraft, job.surface, job.groundM);
      return;
    }
    const entry = this.append({ type: 'proximity', t: this.now, unit: job.aircraft, other: job.surface, groundM: Math.round(job.groundM), altitudeM: Math.round(job.altitudeM), closest: false, cause });
    const c = { ...cause, entry };
    if (job.what === 'enter') {
      if (this.units.get(job.surface)!.spec.kind === 'ship') this.send(job.surface, { type: 'trigger.aircraft-approach', about: job.aircraft, detail: `${this.label(job.aircraft)} approaching, ${km} km`, entry }, c);
      this.send(job.aircraft, { type: 'trigger.contact', about: job.surface, detail: `${this.label(job.surface)} at ${km} km`, entry }, c);
    } else {
      if (this.units.get(job.surface)!.spec.kind === 'ship') this.send(job.surface, { type: 'trigger.opening', about: job.aircraft, detail: `${this.label(job.aircraft)} opening, ${km} km`, entry }, c);
      this.send(job.aircraft, { type: 'trigger.opening', about: job.surface, detail: `${this.label(job.surface)} astern, ${km} km`, entry }, c);
    }
  }

  /**
   * What each ESM receiver makes of the emitters around it. It classifies by the paint pattern
   * (brief 4.5 [S81]): a rotating search radar paints periodically, a radar held on the receiver
   * paints continuously and is read as fire control, whatever the emitter really is.
   */
  private senseRadar(cause: Cause): void {
    for (const [rid, r] of this.units) {
      if (!r.spec.emitters.some((e) => e.type === 'esm')) continue;
      const rPos = positionAt(this.scenario.motion[rid]!, this.now);
      for (const [sid, s] of this.units) {
        if (sid === rid || s.spec.nation === r.spec.nation) continue;
        const sPos = positionAt(this.scenario.motion[sid]!, this.now);
        const horizonKm = nmToKm(combinedHorizonNm(antennaHeightM(s.spec), r.spec.kind === 'aircraft' ? rPos.altM : antennaHeightM(r.spec)));
        const inRange = groundDistanceM(rPos, sPos) / 1000 <= horizonKm;
        for (const em of s.emitters) {
          if (em.type !== 'search-radar' && em.type !== 'fire-control-radar') continue;
          const key = `${sid}/${em.id}`;
          let pattern: 'periodic' | 'continuous' | 'none' = 'none';
          if (inRange && em.mode === 'search') pattern = 'periodic';
          if (inRange && em.mode === 'track' && em.target === rid) pattern = 'continuous';
          const classified = pattern === 'continuous' ? 'fire-control-radar' : pattern === 'periodic' ? 'search-radar' : '';
          const before = r.esm.get(key) ?? '';
          if (classified === before) continue;
          if (classified) r.esm.set(key, classified);
          else r.esm.delete(key);
          const entry = this.append({ type: 'detection', t: this.now, unit: rid, source: sid, emitter: em.id, actualType: em.type, classifiedAs: classified || before, pattern, on: classified !== '', cause });
          const dist = (slantDistanceM(rPos, sPos) / 1000).toFixed(1);
          const src = this.label(sid);
          if (classified === 'fire-control-radar') {
            this.send(rid, { type: 'trigger.fire-control-detected', about: sid, detail: `fire-control radar from ${src} held on ${this.label(rid)} at ${dist} km`, says: 'your fire-control radar is directed at us', entry }, { kind: 'sensor', ref: key, entry });
            this.fireScriptTriggers('fire-control-detected', rid, sid);
          } else if (before === 'fire-control-radar') {
            this.send(rid, { type: 'trigger.detection-ended', about: sid, detail: `${src}'s radar no longer held on ${this.label(rid)}`, entry }, { kind: 'sensor', ref: key, entry });
          }
          if (classified === 'search-radar') this.fireScriptTriggers('radar-detected', rid, sid);
        }
      }
    }
  }

  private fireScriptTriggers(event: string, unit: string, other?: string, rangeM?: number): void {
    for (const a of this.scenario.script) {
      if (!a.on || a.on.event !== event) continue;
      if (a.on.unit && a.on.unit !== unit) continue;
      if (a.on.other && a.on.other !== other) continue;
      if (event === 'range-below' && (rangeM === undefined || rangeM >= (a.on.rangeM ?? 0))) continue;
      if (this.firedTriggers.has(a.id)) continue;
      this.firedTriggers.add(a.id);
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
      out[k] = typeof v === 'string' ? v : Object.keys(v as object)[0] ?? '';
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
