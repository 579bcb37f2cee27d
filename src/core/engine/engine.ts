/**
 * The discrete-event engine's scheduler. It owns the clock, the queue, the seeded random source
 * and the append-only log; it runs one XState actor per unit and carries out their effects in the
 * world. What happens between units is worked out by the parts, which return it as data for the
 * scheduler to log and pass on: sensing.ts (approach range, radar), transmit.ts (what a call says
 * and what the radio ladder makes of it), scripts.ts (script actions waiting for an event).
 * Nothing here reads the wall clock; the same inputs give the same log.
 */
import { createRandom, type Random } from '../rng';
import type { Cause, EntryOf, LadderResult, LogEntry, Transmission } from '../log';
import type { Scenario } from '../scenario/model';
import type { UnitSpec } from '../scenario/schema';
import { DEFAULT_RADIO_ENVIRONMENT, linkOf, type RadioSetState } from '../radio/ladder';
import { declaredChannels } from '../radio/declared';
import { isoToUnixS } from '../radio/sun';
import { signalsOf } from '../radio/signal-gear';
import { machineOfContext } from '../units';
import type { DecisionPoint, Effect, Outgoing, UnitContext, UnitEvent, UnitInfo } from '../units/protocol';
import { parameterValue } from '../procedure/load';
import { EventQueue } from './queue';
import { approach, approachJobs, DEFAULT_APPROACH_RANGE_M, senseIndex, senseRadar, type Sensed, type SenseIndex } from './sensing';
import { spokenName } from '../radio/callsign';
import { attributionOf, compose, overhearings, receptions, stations, type Stations } from './transmit';
import { firedText, scriptBook, setOff, type ScriptBook } from './scripts';
import { UNNUMBERED, type Happening, type Job, type SafeDistanceNorm, type SensedEvent, type UnitWorld, type World } from './world';
import { senseAreas, type AreaWatch } from './areas';
import { areasOf } from '../areas/areas';
import { contentVerdicts } from '../content/check';
import { phrasebookOf, vocabulariesOf } from './phrases';
import { flightJobs, flightEntry } from './flight';
import { climb, ladderClimbers, type Climber } from './ladders';
import { explain, unitRef } from '../explain';
import { contentWhy } from './content-why';
import { Mind, StatePaths } from './mind';
import { round, wholeAsInteger } from '../radio/figures';
import { scriptCause } from '../units/comms';
import { linkTable } from '../scenario/link-table';

export interface RunOptions {
  seed?: number;
  until?: number;
  /** A student plays this unit: its procedural decisions come from the choices. */
  drill?: { unit: string; choices: string[]; then?: 'pause' | 'follow' | 'silence' };
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

export function runScenario(scenario: Scenario, opts: RunOptions = {}): Run {
  return new Engine(scenario, opts).run();
}

class Engine {
  private readonly w: World;
  private readonly units = new Map<string, UnitWorld>();
  private readonly minds = new Map<string, Mind>();
  private readonly log: LogEntry[] = [];
  private readonly transmissions: Transmission[] = [];
  private readonly queue = new EventQueue<Job>();
  private readonly random: Random;
  private readonly seed: number;
  private readonly drill: RunOptions['drill'];
  private pending: DecisionPoint | null = null;
  private txCounter = 0;
  /**
   * Transmissions on record, the run's nth call ("tx-n") at n − 1: replies and missed replies name
   * the call they answer. An array, not a map by id: the ids are numbered in order, so the
   * number finds the call with no id hashed and no map of fifteen thousand entries grown.
   */
  private readonly calls: CallRecord[] = [];
  /**
   * "exchange#attempt" → the call keyed last under it, for a wait that ran out. A timer waiting
   * for an answer finds all it needs in that one record: a look-up each in four maps by strings
   * (the put-off stage three deep) was most of what the engine itself spent on a timer.
   */
  private readonly txByRef = new Map<string, CallRecord>();
  private readonly book: ScriptBook;
  private readonly stations: Stations = stations();
  /** Built at the first sensing. */
  private senseIndex: SenseIndex | undefined;
  /** How the crew names every unit; one object shared by all unit contexts. */
  private readonly names: Readonly<Record<string, string>>;
  /** How messages name every unit on the air; shared like names. */
  private readonly callNames: Readonly<Record<string, string>>;
  /** Each unit's service, where stated; one object shared by all unit contexts. */
  private readonly services: Readonly<Record<string, string>>;
  /** Which unit was inside which area at the last sample. */
  private readonly areaWatch: AreaWatch = new Map();
  /** Each unit's known vocabularies, where its file states them; undefined when none does. */
  private readonly vocabularies: Readonly<Record<string, string[]>> | undefined;
  /** Units with an escalation ladder, and where each stands (units/escalation.ts). */
  private climbers: Climber[] = [];
  private readonly statePaths = new StatePaths();
  /** Calls answered, as "exchange#attempt", for the ladders' repeats. */
  private readonly answeredRefs = new Set<string>();

  constructor(
    private readonly scenario: Scenario,
    opts: RunOptions,
  ) {
    this.drill = opts.drill;
    this.seed = opts.seed ?? scenario.spec.seed;
    this.random = createRandom(this.seed);
    const e = scenario.spec.environment;
    this.w = {
      scenario,
      units: this.units,
      links: scenario.spec.links.map((l) => ({
        id: l.id,
        name: l.name,
        members: l.members,
        available: l.available,
        latencyS: l.latencyS,
        language: l.language,
      })),
      env: {
        ...DEFAULT_RADIO_ENVIRONMENT,
        noiseFloorDbm: e.noiseFloorDbm,
        requiredSnrDb: e.requiredSnrDb,
        clearSnrDb: e.clearSnrDb,
        understandAt: e.understandAt,
        channels: declaredChannels(scenario.spec.channels),
        signals: { visibilityKm: e.visibilityKm, seaState: e.seaState, startUnixS: isoToUnixS(scenario.spec.start) },
        ...phrasebookOf(scenario),
      },
      norms: parameterValue<SafeDistanceNorm[]>(scenario.procedure, 'safeDistanceNorms', scenario.parameters, []),
      approachRangeM: parameterValue(scenario.procedure, 'approachRangeM', scenario.parameters, DEFAULT_APPROACH_RANGE_M),
      linkTable: linkTable(scenario.spec.links),
      areas: areasOf(scenario.spec),
      now: 0,
      emitterChanges: 0,
      until: Math.min(opts.until ?? scenario.spec.durationS, scenario.spec.durationS),
    };
    this.book = scriptBook(scenario.script);
    this.names = Object.freeze(Object.fromEntries(scenario.units.map((u) => [u.id, u.name])));
    this.callNames = Object.freeze(Object.fromEntries(scenario.units.map((u) => [u.id, spokenName(u, scenario.procedure)])));
    this.services = Object.freeze(Object.fromEntries(scenario.units.flatMap((u) => (u.service ? [[u.id, u.service]] : []))));
    this.vocabularies = vocabulariesOf(scenario);
  }

  /** The cause of everything at the start: one object, not one for each unit's state (2,000 at 1,000 units). */
  private readonly start: Cause = { kind: 'start', ref: 'start' };
  /** The cause of what each sweep of the sensors finds: one object for the run, not one for each sweep. */
  private readonly esm: Cause = { kind: 'sensor', ref: 'esm' };

  run(): Run {
    const w = this.w;
    const start = this.start;
    for (const spec of this.scenario.units) this.createUnit(spec);
    for (const [id, u] of this.units) {
      for (const s of u.sets)
        this.append({
          seq: UNNUMBERED,
          type: 'radio-set',
          t: 0,
          unit: id,
          radio: s.id,
          powered: s.powered,
          tuned: [...s.tuned],
          monitored: s.monitored,
          cause: start,
        });
      for (const em of u.emitters)
        if (em.mode !== 'off')
          this.append({ seq: UNNUMBERED, type: 'emission', t: 0, unit: id, emitter: em.id, emitterType: em.type, mode: em.mode, cause: start });
    }
    for (const [id] of this.units) this.send(id, { type: 'start' }, start);
    this.climbers = ladderClimbers(w);
    for (const a of this.scenario.script) if (a.atS !== undefined) this.queue.push(a.atS, { kind: 'script', action: a });
    // A take-off is logged before what the aircraft meets at that moment.
    for (const { t, job } of flightJobs(this.scenario)) this.queue.push(t, job);
    for (const { t, job } of approachJobs(w)) this.queue.push(t, job);
    const step = this.scenario.spec.environment.stepS;
    for (let t = 0; t <= w.until; t += step) this.queue.push(t, { kind: 'sense' });

    for (;;) {
      if (this.pending) break;
      const t = this.queue.peekTime();
      if (t === undefined || t > w.until) break;
      const item = this.queue.popItem();
      w.now = wholeAsInteger(t);
      this.handle(item);
    }
    const finalStates: Record<string, Record<string, string>> = {};
    for (const [id, m] of this.minds) {
      finalStates[id] = { ...m.state };
      m.actor.stop();
    }
    const durationS = this.pending ? w.now : w.until;
    return {
      scenario: this.scenario,
      seed: this.seed,
      durationS,
      log: this.log,
      transmissions: this.transmissions,
      norms: w.norms,
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
      ...(spec.answers === false ? { answers: false } : {}),
      canSend: [...new Set([...sets.flatMap((s) => s.channels), ...this.w.linkTable.linksOf(spec.id), ...signalsOf(spec)])],
      linkTo: this.w.linkTable.partners(spec.id),
      names: this.names,
      callNames: this.callNames,
      services: this.services,
      ...(this.vocabularies ? { vocabularies: this.vocabularies } : {}),
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
    const world: UnitWorld = {
      spec,
      sets,
      emitters: spec.emitters.map((e) => ({ id: e.id, type: e.type, mode: e.type === 'search-radar' ? 'search' : 'off', token: 0 })),
      workload: spec.crew.workload,
      languages: { ...spec.crew.languages },
      silent: false,
      judgesThreatening: spec.crew.judgesThreatening,
    };
    this.units.set(spec.id, world);
    const mind = new Mind(machineOfContext(context), context);
    this.minds.set(spec.id, mind);
    mind.start();
    for (const [region, value] of Object.entries(mind.state)) {
      this.append({
        seq: UNNUMBERED,
        type: 'state',
        t: 0,
        unit: spec.id,
        from: this.statePaths.of(region, '∅'),
        to: this.statePaths.of(region, value),
        event: 'start',
        cause: this.start,
      });
    }
  }

  /**
   * Send an event to a unit, log its state changes, then carry out what it decided. Each unit
   * has its own outbox, taken whole right after its step: carrying out one effect may send to
   * other units (a radar switched on is sensed at once), whose effects then stay theirs.
   */
  private send(unitId: string, event: UnitEvent, cause: Cause): void {
    const m = this.minds.get(unitId);
    if (!m) return;
    const before = m.state;
    if (!m.hand(event)) return;
    const effects = m.takeOutbox();
    const after = m.state;
    // The same object when no region moved (mind.ts): nothing to log.
    if (after !== before)
      for (const region in after) {
        if (before[region] !== after[region]) {
          this.append({
            seq: UNNUMBERED,
            type: 'state',
            t: this.w.now,
            unit: unitId,
            from: this.statePaths.of(region, before[region] ?? '∅'),
            to: this.statePaths.of(region, after[region]!),
            event: event.type,
            cause,
          });
        }
      }
    for (const e of effects) this.apply(unitId, e);
  }

  // ---- effects -----------------------------------------------------------------------------

  private apply(unitId: string, e: Effect): void {
    const u = this.units.get(unitId)!;
    switch (e.type) {
      case 'transmit':
        if (u.silent) {
          this.append({
            seq: UNNUMBERED,
            type: 'decision',
            t: this.w.now,
            unit: unitId,
            rule: e.msg.rule ?? null,
            decision: 'omitted',
            reason: `stays silent (what-if): would have sent ${e.msg.kind} to ${e.msg.to} on ${e.msg.channel}`,
            why: explain('ladder.engine.silent', { kind: e.msg.kind, to: unitRef(e.msg.to), channel: e.msg.channel }),
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
          seq: UNNUMBERED,
          type: 'note',
          t: this.w.now,
          unit: unitId,
          text: `drill: waiting for the student's decision ${e.point.index + 1}: ${e.point.prompt}`,
          why: explain('ladder.engine.drill-waiting', { n: e.point.index + 1, prompt: e.point.promptWhy ?? e.point.prompt }),
          cause: e.cause,
        });
        return;
      case 'adjust':
        this.adjust(unitId, e.action, e.cause);
        return;
      case 'schedule': {
        const event: Extract<UnitEvent, { type: 'timer' }> = { type: 'timer', name: e.timer, ref: e.ref };
        if (e.cause.entry !== undefined) event.entry = e.cause.entry;
        this.queue.push(this.w.now + e.afterS, { kind: 'timer', unit: unitId, event });
        return;
      }
      case 'decision': {
        // Key by key in the log's order, not with a spread of a small object for each optional
        // key: a decision is logged for nearly every call of the run.
        const entry = {
          seq: UNNUMBERED,
          type: 'decision',
          t: this.w.now,
          unit: unitId,
          rule: e.rule,
          decision: e.decision,
          reason: e.reason,
        } as EntryOf<'decision'>;
        if (e.why) entry.why = e.why;
        if (e.about) entry.about = e.about;
        if (e.drill) entry.drill = e.drill;
        entry.cause = e.cause;
        this.append(entry);
        return;
      }
      case 'tune': {
        const set = u.sets.find((s) => s.id === e.radio);
        if (!set) return;
        if (e.tuned) set.tuned = [...e.tuned];
        if (e.powered !== undefined) set.powered = e.powered;
        if (e.monitored !== undefined) set.monitored = e.monitored;
        this.append({
          seq: UNNUMBERED,
          type: 'radio-set',
          t: this.w.now,
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
        em.mode = e.mode;
        em.token++;
        this.w.emitterChanges++;
        if (e.target) em.target = e.target;
        else delete em.target;
        const entry = this.append({
          seq: UNNUMBERED,
          type: 'emission',
          t: this.w.now,
          unit: unitId,
          emitter: em.id,
          emitterType: em.type,
          mode: em.mode,
          ...(em.target ? { target: em.target } : {}),
          cause: e.cause,
        });
        if (e.forS) this.queue.push(this.w.now + e.forS, { kind: 'emitter-revert', unit: unitId, emitter: em.id, token: em.token });
        this.senseRadar({ kind: 'message', ref: `${unitId}/${em.id}`, entry });
        return;
      }
      case 'judge': {
        // A crew given its own thresholds judges by them whenever it judges at all.
        const own = u.spec.crew.judgesThreatening;
        u.judgesThreatening = e.threatening ? (typeof own === 'object' ? own : true) : false;
        this.append({ seq: UNNUMBERED, type: 'judgement', t: this.w.now, unit: unitId, about: e.about, threatening: e.threatening, cause: e.cause });
        return;
      }
      case 'answered': {
        const tx = this.callNamed(e.tx)?.tx;
        const reply = this.callNamed(e.by)?.tx;
        if (!tx || !reply) return;
        this.answeredRefs.add(`${tx.exchange}#${tx.attempt}`);
        this.append({ seq: UNNUMBERED, type: 'answered', t: this.w.now, tx: tx.id, unit: reply.from, stage: e.stage, by: reply.id, cause: e.cause });
        return;
      }
      case 'unanswered': {
        const tx = this.txByRef.get(`${e.exchange}#${e.attempt}`)?.tx;
        if (!tx) return;
        this.append({ seq: UNNUMBERED, type: 'unanswered', t: this.w.now, tx: tx.id, unit: tx.to, waitedS: round(this.w.now - tx.t, 1), cause: e.cause });
        return;
      }
      case 'move':
        // The new track was joined to the unit's motion when the scenario was loaded.
        this.append({
          seq: UNNUMBERED,
          type: 'note',
          t: this.w.now,
          unit: unitId,
          text: `changes course: ${e.action.note ?? 'new track from here'}`,
          why: explain('ladder.engine.course', { note: e.action.note ?? explain('ladder.engine.new-track') }),
          cause: e.cause,
        });
        return;
      case 'conduct': {
        const a = e.action;
        this.append({
          seq: UNNUMBERED,
          type: 'conduct',
          t: this.w.now,
          unit: unitId,
          act: a.act,
          target: a.target,
          ...(a.forS ? { forS: a.forS } : {}),
          cause: e.cause,
        });
        return;
      }
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
          seq: UNNUMBERED,
          type: 'note',
          t: this.w.now,
          unit: unitId,
          text: `noise at set ${set.id} now ${a.noiseDb === null ? 'the environment floor' : `${a.noiseDb} dBm`}`,
          why: a.noiseDb === null ? explain('ladder.engine.noise-floor', { set: set.id }) : explain('ladder.engine.noise', { set: set.id, noiseDb: a.noiseDb }),
          cause,
        });
        return;
      }
      case 'set-crew':
        if (a.workload !== undefined) u.workload = a.workload;
        if (a.languages) Object.assign(u.languages, a.languages);
        this.append({
          seq: UNNUMBERED,
          type: 'note',
          t: this.w.now,
          unit: unitId,
          text: `crew now: workload ${u.workload}, languages ${Object.entries(u.languages)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
          why: explain('ladder.engine.crew', {
            workload: u.workload,
            languages: Object.entries(u.languages).map(([k, v]) => `${k} ${v}`),
          }),
          cause,
        });
        return;
      case 'set-link': {
        const link = linkOf(this.w.links, a.link);
        if (!link) return;
        if (a.available !== undefined) link.available = a.available;
        if (a.latencyS !== undefined) link.latencyS = a.latencyS;
        this.append({
          seq: UNNUMBERED,
          type: 'note',
          t: this.w.now,
          unit: unitId,
          text: `${link.name} now ${link.available ? 'up' : 'down'}, delay ${link.latencyS} s`,
          why: explain('ladder.engine.link', { link: link.name, up: link.available ? 'up' : 'down', s: link.latencyS }),
          cause,
        });
        return;
      }
      case 'silence':
        u.silent = a.silent;
        this.append({
          seq: UNNUMBERED,
          type: 'note',
          t: this.w.now,
          unit: unitId,
          text: a.silent ? 'stays silent from now on' : 'may transmit again',
          why: explain(a.silent ? 'ladder.engine.silenced' : 'ladder.engine.unsilenced'),
          cause,
        });
        return;
    }
  }

  /** Key a message: the transmission is logged now, and each recipient's verdict queued for when it stands. */
  private transmit(fromId: string, msg: Outgoing, cause: Cause): void {
    const tx = compose(this.w, fromId, msg, `tx-${++this.txCounter}`);
    this.transmissions.push(tx);
    const record = new CallRecord(tx);
    this.calls.push(record);
    if (msg.exchange && msg.attempt) {
      const ref = `${msg.exchange}#${msg.attempt}`;
      // Timers put off stay put off for the call now keyed under the same ref.
      record.putOff = this.txByRef.get(ref)?.putOff;
      this.txByRef.set(ref, record);
    }
    // The call this one answers: it is heard by the time its last reception stands.
    const answered = tx.inReplyTo ? this.callNamed(tx.inReplyTo) : undefined;
    const txEntry = this.append({ seq: UNNUMBERED, type: 'transmission', t: this.w.now, tx, cause });
    this.judgeContent(tx, txEntry);
    for (const r of receptions(this.w, this.stations, tx, this.random)) {
      this.queue.push(r.at, { kind: 'deliver', tx, result: r.result, notUnderstood: r.notUnderstood, txEntry });
      if (answered) answered.replyHeardAt = Math.max(r.at, answered.replyHeardAt ?? r.at);
    }
    for (const r of overhearings(this.w, this.stations, tx, this.random)) this.queue.push(r.at, { kind: 'overhear', tx, result: r.result, txEntry });
  }

  /** The call on record with this id, undefined for an id that names none. */
  private callNamed(id: string): CallRecord | undefined {
    const n = txNumber(id);
    const call = n > 0 && n <= this.calls.length ? this.calls[n - 1] : undefined;
    return call && call.tx.id === id ? call : undefined;
  }

  /** The procedure's content rules on what the sender said: met or short, the sender's decision, logged with the message. */
  private judgeContent(tx: Transmission, txEntry: number): void {
    const sender = this.units.get(tx.from)!.spec;
    for (const v of contentVerdicts(this.scenario.procedure, sender, tx, (id) => this.callNamed(id)?.tx)) {
      this.append({
        seq: UNNUMBERED,
        type: 'decision',
        t: this.w.now,
        unit: tx.from,
        rule: v.rule.qid,
        decision: v.missing.length ? 'omitted' : 'done',
        reason: `${v.reason} (${tx.id})`,
        why: explain('ladder.with-tx', { reason: contentWhy(v), tx: tx.id }),
        about: tx.to,
        cause: { kind: 'message', ref: tx.id, entry: txEntry },
      });
    }
  }

  // ---- jobs --------------------------------------------------------------------------------

  private handle(job: Job): void {
    switch (job.kind) {
      case 'script': {
        const cause: Cause = job.entry === undefined ? scriptCause(job.action) : { kind: 'script', ref: job.action.id, entry: job.entry };
        this.send(job.action.unit, { type: 'script', action: job.action }, cause);
        return;
      }
      case 'timer': {
        // A caller hearing the answer begin neither gives up nor calls again over it: its wait
        // ends after whatever else happens at that moment (an answer keyed now) and, if an answer
        // is on the air, once it has been heard (or not), so "no answer" never stands beside it.
        if (job.event.name === 'reply-timeout' || job.event.name === 'hail-next') {
          const { unit, event } = job;
          const awaited = this.txByRef.get(event.ref);
          // Only a timer whose ref has a call on record is ever put off.
          const stage = awaited ? awaited.stage(unit, event.name) : 0;
          const heardAt = awaited?.replyHeardAt;
          if (stage === 0 && awaited) {
            awaited.setStage(unit, event.name, 1);
            this.queue.push(this.w.now, job);
            return;
          }
          if (stage === 1 && heardAt !== undefined && heardAt >= this.w.now) {
            awaited!.setStage(unit, event.name, 2);
            this.queue.push(heardAt, job);
            return;
          }
          if (stage !== 0) awaited!.setStage(unit, event.name, 0);
        }
        // Joined, not a template: a template makes a long ref a tree of its pieces, kept with the
        // cause (6,600 strings more among the 20,000 timer causes of the 1,000-unit hour); a join makes one.
        this.send(job.unit, job.event, { kind: 'timer', ref: [job.event.name, job.event.ref].join(':') });
        return;
      }
      case 'overhear': {
        const entry = this.append({
          seq: UNNUMBERED,
          type: 'overheard',
          t: this.w.now,
          tx: job.tx.id,
          result: job.result,
          cause: { kind: 'message', ref: job.tx.id, entry: job.txEntry },
        });
        this.attribute(job.tx, job.result, entry);
        return;
      }
      case 'deliver': {
        const entry = this.append({
          seq: UNNUMBERED,
          type: 'reception',
          t: this.w.now,
          tx: job.tx.id,
          result: job.result,
          cause: { kind: 'message', ref: job.tx.id, entry: job.txEntry },
        });
        const understood = job.result.reached === 'understood';
        this.attribute(job.tx, job.result, entry);
        if (understood) this.fireScriptTriggers(job.tx.kind === 'report' ? 'report-received' : 'call-received', job.result.unit, job.tx.from);
        if (understood || job.notUnderstood) {
          // The unit's decisions on the call take the same cause as its state changes: one object,
          // not a copy made in comms.ts (7,200 of them in the 1,000-unit hour).
          const cause: Cause = { kind: 'message', ref: job.tx.id, entry };
          const call: Extract<UnitEvent, { type: 'call' }> = { type: 'call', tx: job.tx, understood, notUnderstood: job.notUnderstood, entry, cause };
          if (job.result.evidence.phrase && job.notUnderstood) call.unknownPhrase = job.result.evidence.phrase;
          this.send(job.result.unit, call, cause);
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
        this.w.emitterChanges++;
        const entry = this.append({
          seq: UNNUMBERED,
          type: 'emission',
          t: this.w.now,
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
        this.happen(approach(this.w, job));
        return;
      case 'sense':
        this.senseRadar(this.esm);
        for (const h of senseAreas(this.w, this.areaWatch)) this.happen(h);
        for (const c of this.climbers) for (const e of climb(this.w, c, this.answeredRefs)) this.apply(c.unit.id, e);
        return;
      case 'flight':
        this.append(flightEntry(this.scenario, job, this.w.now));
        return;
    }
  }

  /** A listener that made out a call with no "THIS IS" puts it to someone (or nobody): log whom. */
  private attribute(tx: Transmission, result: LadderResult, entry: number): void {
    if (tx.identified !== false || result.reached !== 'understood') return;
    const a = attributionOf(this.w, tx, result.unit);
    this.append({
      seq: UNNUMBERED,
      type: 'attributed',
      t: this.w.now,
      unit: result.unit,
      tx: tx.id,
      to: a.to,
      why: a.why,
      explanation: a.explanation,
      cause: { kind: 'message', ref: tx.id, entry },
    });
  }

  private senseRadar(cause: Cause): void {
    senseRadar(this.w, (this.senseIndex ??= senseIndex(this.w)), cause, this.sensed);
  }

  /** Radar sensing's hand-over (sensing.ts Sensed), made once for the run. */
  private readonly sensed: Sensed = {
    detected: (entry) => {
      this.append(entry);
    },
    happened: (h) => this.happen(h),
  };

  /** Log what a sensor found, tell the units of it, then offer it to the script. */
  private happen(h: Happening): void {
    const entry = this.append(h.entry);
    // Spreading the events, of a dozen shapes, went through V8's slow generic copy for every tell.
    // Units told of one thing (a ship and the aircraft approaching it) share its cause: the same three fields.
    let told: Cause | undefined;
    let toldOf: Cause | undefined;
    for (const t of h.tell) {
      const event = t.event as SensedEvent;
      event.entry = entry;
      if (t.cause !== toldOf) told = { kind: (toldOf = t.cause).kind, ref: t.cause.ref, entry };
      this.send(t.unit, event, told!);
    }
    for (const s of h.scripts) this.fireScriptTriggers(s.event, s.unit, s.other, s.rangeM, s.area);
  }

  private fireScriptTriggers(event: string, unit: string, other?: string, rangeM?: number, area?: string): void {
    for (const a of setOff(this.book, event, unit, other, rangeM, area)) {
      const fired = firedText(a, event, unit, other);
      const entry = this.append({
        seq: UNNUMBERED,
        type: 'note',
        t: this.w.now,
        unit: a.unit,
        text: fired.text,
        why: fired.why,
        cause: { kind: 'script', ref: a.id },
      });
      this.queue.push(this.w.now + a.on.afterS, { kind: 'script', action: a, entry });
    }
  }

  /**
   * Numbers an entry and logs it. Entries are made with `seq: UNNUMBERED` as their first key, as
   * every entry's key order has it, so the entry itself goes into the log, not a copy of it.
   */
  private append(e: LogEntry): number {
    e.seq = this.log.length;
    this.log.push(e);
    return e.seq;
  }
}

/**
 * A transmission on record: replies and missed replies name the call they answer, and a caller's
 * timers wait on it.
 */
class CallRecord {
  /** When the last reception of a reply to this call stands, once a reply is on the air. */
  replyHeardAt: number | undefined = undefined;
  /**
   * Timers put off for an answer to this call's ref, by unit and timer: 1 past the moment's
   * other events, 2 until a reply on the air is heard; absent when not (or no longer) put off.
   * Shared with the call keyed before under the same ref. A few at most: a list.
   */
  putOff: { unit: string; timer: string; stage: 1 | 2 }[] | undefined = undefined;

  constructor(readonly tx: Transmission) {}

  stage(unit: string, timer: string): 0 | 1 | 2 {
    const list = this.putOff;
    if (list) for (const p of list) if (p.unit === unit && p.timer === timer) return p.stage;
    return 0;
  }

  setStage(unit: string, timer: string, stage: 0 | 1 | 2): void {
    const list = (this.putOff ??= []);
    const i = list.findIndex((p) => p.unit === unit && p.timer === timer);
    if (stage === 0) {
      if (i >= 0) list.splice(i, 1);
    } else if (i >= 0) list[i]!.stage = stage;
    else list.push({ unit, timer, stage });
  }
}

/** n of a transmission id "tx-n" (transmit numbers them), without making a string; 0 for an id not of that form. */
function txNumber(id: string): number {
  let n = 0;
  for (let i = 3; i < id.length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    n = n * 10 + digit;
  }
  return n;
}
