/**
 * Checks that need the loaded scenario (positions over time, the resolved procedure), beyond
 * the schema and the reference checks. Everything here is a warning: a run still goes ahead,
 * since a scenario may set up a failure on purpose. Each warning says what will happen and how
 * to change the file if that is not what the author meant.
 *
 * - units never within radio range of anyone they must talk to (and, in lint-call-range.ts,
 *   scripted calls made while every listener is beyond the horizon);
 * - scripted calls on a channel the addressee has no set for (or only a set of the other
 *   modulation);
 * - a unit that can report to its headquarters only by radio (reports go over links), and, in
 *   lint-relay.ts, a unit the other side's headquarters would have to relay to without a link;
 * - script actions waiting (on:) for a sensor or range event that cannot happen;
 * - parameters: that name no parameter of the procedure, or that cannot take effect;
 * - procedure rules that can never fire in this scenario;
 * - units that call or may be called but have no call signs.
 *
 * The rule check mirrors how src/core/units/comms.ts and the engine (engine/engine.ts, sensing.ts) drive units;
 * when those change, change it with them.
 */
import { boundHere, inScope, isBound, plannedChannels } from '../procedure/duties';
import { crewLimits, hasNumbers, statedNorms } from '../analysis/norms';
import type { SourceDoc, DocPath } from '../yaml-source';
import { joinAs, type Diagnostic } from '../diagnostics';
import { explain, type Explanation, type ParamValue } from '../explain';
import { orNone } from '../yaml-source';
import { antennaHeightM, type Scenario } from './model';
import type { UnitSpec, ScriptAction } from './schema';
import { altAt, ByLatitude, firstSample, groundAt, sampleAlt, slantAt, startOf, type Samples } from './lint-samples';
import { findChannel, normaliseChannelId, signalChannel, type RadioChannel } from '../radio/channels';
import { declaredChannels, reachOf } from '../radio/declared';
import { combinedHorizonNm, linkBudget, nmToKm, RECEIVER_SENSITIVITY_DBM } from '../radio/propagation';
import { observes, parameterValue, type ResolvedRule } from '../procedure/load';
import { safeDistanceNormSchema, type TriggerEvent } from '../procedure/schema';
import { z } from 'zod';
import { areaTriggerNeverFires, entersDeclaredArea } from './lint-areas';
import { isAirborne, isAshore, traitsOf } from '../kinds';
import { lintConduct } from './lint-conduct';
import { lintCallSigns } from './lint-callsigns';
import { lintCallRange } from './lint-call-range';
import { lintRelay } from './lint-relay';
import { lintDescription } from './lint-description';
import { lintPhrases } from './lint-phrases';
import { lintFlightCalls } from './lint-flight-calls';
import { linkTable, type LinkTable } from './link-table';

/** The same default as the engine (10 nm), used when the procedure gives no approachRangeM. */
const DEFAULT_APPROACH_RANGE_M = 18_520;
/** Most samples taken along a run to find when two units are in range. */
const MAX_SAMPLES = 2000;

export function lintScenario(doc: SourceDoc, scenario: Scenario): Diagnostic[] {
  try {
    const lint = new Lint(doc, scenario);
    const reach = lint.reachability();
    return [
      ...lint.parameterOverrides(),
      ...lint.headquartersLinks(),
      ...lintRelay(doc, scenario),
      ...lint.callChannels(),
      ...lint.scriptTriggers(),
      ...lint.rules(reach),
      ...lint.guardWatches(),
      ...lint.radioRange(reach),
      ...lintCallRange(doc, scenario, lint.neverInRange),
      ...lintDescription(doc, scenario),
      ...lintConduct(doc, scenario),
      ...lintCallSigns(doc, scenario),
      ...lintPhrases(doc, scenario),
      ...lintFlightCalls(doc, scenario),
      ...lint.crewJudgement(),
      ...lint.outsideEveryRule(),
      ...lint.accountNorms(),
    ];
  } catch (e) {
    // These checks only advise; a fault in them must not stop a scenario from loading.
    return [doc.diagnostic([], 'warning', explain('checker.lint.crashed', { detail: (e as Error).message }))];
  }
}

/** What can happen in this scenario, found by following triggers to the rules they fire. */
interface Reach {
  /** "<trigger>@<unit>": this trigger can happen to this unit. */
  triggers: Set<string>;
  /** "<rule qid>@<unit>": this rule can act for this unit. */
  fires: Set<string>;
  /** Units that may make a call (scripted or by a hail rule). */
  hails: Set<string>;
  /** Units that may send a report to their headquarters. */
  reports: Set<string>;
  /** Headquarters that may contact their counterpart. */
  contacts: Set<string>;
  /** Units that may be called: unit → whether some such call is a safety call. */
  called: Map<string, { any: boolean; safety: boolean }>;
}

class Lint {
  private readonly units: UnitSpec[];
  private readonly byId: Map<string, UnitSpec>;
  private readonly script: ScriptAction[];
  private readonly rulesInForce: ResolvedRule[];
  private readonly times: number[];
  private readonly positions = new Map<string, Samples>();
  private readonly highest = new Map<string, number>();
  /** Script actions by the unit that carries them out, in script order. */
  private readonly scriptOf = new Map<string, ScriptAction[]>();
  /** Script actions that hold a radar on a unit (do: emit, mode: track), by target. */
  private readonly aimedAt = new Map<string, ScriptAction[]>();
  private readonly aircraftNotOf = new Map<string, UnitSpec[]>();
  private readonly aircraftNotOfByLatitude = new Map<string, ByLatitude<UnitSpec>>();
  private readonly applicable = new Map<ResolvedRule, UnitSpec[]>();
  private readonly ladderAimsAtNation = new Map<string, boolean>();
  /** Units radioRange warned about as never in range of anyone they must talk to. */
  readonly neverInRange = new Set<string>();
  /** The channels this scenario declares, beside the built-in ones. */
  private readonly declared: RadioChannel[];
  private readonly links: LinkTable;
  /** hailChannels by unit. */
  private readonly plans = new Map<string, string[]>();
  private readonly channels = new Map<string, RadioChannel | undefined>();

  constructor(
    private readonly doc: SourceDoc,
    private readonly s: Scenario,
  ) {
    this.units = s.units;
    this.byId = new Map(s.units.map((u) => [u.id, u]));
    this.script = s.spec.script;
    this.rulesInForce = s.procedure.rules;
    this.times = sampleTimes(s);
    this.declared = declaredChannels(s.spec.channels);
    this.links = linkTable(s.spec.links);
    for (const a of this.script) {
      const mine = this.scriptOf.get(a.unit) ?? [];
      mine.push(a);
      this.scriptOf.set(a.unit, mine);
      if (a.do === 'emit' && a.mode === 'track' && a.target !== undefined) {
        const at = this.aimedAt.get(a.target) ?? [];
        at.push(a);
        this.aimedAt.set(a.target, at);
      }
    }
  }

  private warn(path: DocPath, e: Explanation): Diagnostic {
    return this.doc.diagnostic(path, 'warning', e);
  }

  // ---- geometry ------------------------------------------------------------------------------

  /**
   * A unit's position at the sample times, with altM the antenna height the ladder uses, worked
   * out when a check asks for it. The sample times include every waypoint of every unit, so in a
   * thousand-unit exercise a table of all positions would be some ten million of each number
   * (240 MB), while the pair scans below skip most samples.
   */
  private track(id: string): Samples {
    let p = this.positions.get(id);
    if (!p) {
      const u = this.byId.get(id)!;
      // Every field from the start, the ones filled in later too: added as the scans first ask for
      // them, in whatever order, they gave the samples several shapes, and each new one threw away
      // the optimised scans (positionAt, groundAt, altAt).
      p = {
        m: this.s.motion[id]!,
        times: this.times,
        airborne: isAirborne(u),
        antennaM: antennaHeightM(u),
        start: undefined,
        box: undefined,
        topSpeedMps: undefined,
      };
      this.positions.set(id, p);
    }
    return p;
  }

  /**
   * The highest antenna or flight altitude of a unit over the samples, metres. Between its own
   * waypoints (all of them sample times) its altitude is interpolated linearly, so the highest
   * sample is the first, the last or one of its waypoints.
   */
  private maxAltM(id: string): number {
    let h = this.highest.get(id);
    if (h === undefined) {
      const p = this.track(id);
      if (!p.airborne) h = p.antennaM;
      else {
        const first = this.times[0]!;
        const last = this.times[this.times.length - 1]!;
        h = Math.max(altAt(p, first), altAt(p, last));
        for (const t of p.m.t) if (t >= first && t <= last) h = Math.max(h, altAt(p, t));
      }
      this.highest.set(id, h);
    }
    return h;
  }

  /** The first sample at which `hit` holds for two units, or -1 (lint-samples.ts). */
  private firstSample(a: string, b: string, reachM: number, hit: (i: number, groundM: number) => boolean): number {
    return firstSample(this.track(a), this.track(b), reachM, hit);
  }

  /** findChannel among the built-in and declared channels, by id as written: asked for every call and every unit's sets. */
  private channel(id: string): RadioChannel | undefined {
    if (!this.channels.has(id)) this.channels.set(id, findChannel(id, this.declared));
    return this.channels.get(id);
  }

  private linked(a: string, b: string): boolean {
    return this.links.linked(a, b);
  }

  /** The transmit power of a unit on each channel (its strongest set for it; 25 W if none). */
  private powers(from: UnitSpec, channels: RadioChannel[]): number[] {
    return channels.map((ch) => {
      const sets = from.radios.filter((r) => r.channels.includes(ch.id));
      return sets.length ? Math.max(...sets.map((r) => r.powerW)) : 25;
    });
  }

  /** Whether the two are ever in radio range on one of the channels, at a sample. */
  private everInRadioRange(from: UnitSpec, to: UnitSpec, channels: RadioChannel[]): boolean {
    const a = this.track(from.id);
    const b = this.track(to.id);
    const power = this.powers(from, channels);
    // Slant range is at least the ground distance, and the horizon grows with height.
    const reachKm = Math.max(...channels.map((ch) => reachOf(ch, this.maxAltM(from.id), this.maxAltM(to.id)).km));
    const hit = (i: number) => {
      const distanceKm = slantAt(a, b, i) / 1000;
      return channels.some((ch, c) => {
        // linkBudget's own horizon test, made first because it is cheap and usually decides.
        const horizonKm = reachOf(ch, sampleAlt(a, i), sampleAlt(b, i)).km;
        if (distanceKm > horizonKm) return false;
        const lb = budgetAt(ch, power[c]!, a, b, i, distanceKm, horizonKm);
        return lb.withinHorizon && lb.receivedDbm >= RECEIVER_SENSITIVITY_DBM;
      });
    };
    return this.firstSample(from.id, to.id, reachKm * 1000, hit) >= 0;
  }

  /** For two units never in radio range: the sample nearest to it, for the message. */
  private closestRadioApproach(
    from: UnitSpec,
    to: UnitSpec,
    channels: RadioChannel[],
  ): { t: number; distanceKm: number; horizonKm: number; receivedDbm: number } {
    const a = this.track(from.id);
    const b = this.track(to.id);
    const power = this.powers(from, channels);
    let best = { t: 0, distanceKm: Infinity, horizonKm: 0, receivedDbm: -Infinity, margin: Infinity };
    for (let i = 0; i < this.times.length; i++) {
      const distanceKm = slantAt(a, b, i) / 1000;
      channels.forEach((ch, c) => {
        // The margin is at least the distance beyond the horizon: skip the budget when that cannot beat the best.
        const horizonKm = reachOf(ch, sampleAlt(a, i), sampleAlt(b, i)).km;
        if (distanceKm - horizonKm >= best.margin) return;
        const lb = budgetAt(ch, power[c]!, a, b, i, distanceKm, horizonKm);
        const margin = Math.max(distanceKm - lb.horizonKm, RECEIVER_SENSITIVITY_DBM - lb.receivedDbm);
        if (margin < best.margin) best = { t: this.times[i]!, distanceKm, horizonKm: lb.horizonKm, receivedDbm: lb.receivedDbm, margin };
      });
    }
    return best;
  }

  /** Whether some sample has the two units closer than a ground range (and the first below an altitude). */
  private comesWithin(aircraft: string, ship: string, groundM: number, belowAltM = Infinity): boolean {
    const a = this.track(aircraft);
    return this.firstSample(aircraft, ship, groundM, (i, g) => g < groundM && sampleAlt(a, i) < belowAltM) >= 0;
  }

  // ---- procedure in this scenario --------------------------------------------------------------

  private applies(rule: ResolvedRule, u: UnitSpec): boolean {
    return isBound(u) && (rule.appliesTo as string[]).includes(u.kind) && inScope(rule, u) && boundHere(rule, u);
  }

  /** The units a rule applies to, in the scenario's order: reachability goes over them again each round. */
  private appliesTo(rule: ResolvedRule): UnitSpec[] {
    let list = this.applicable.get(rule);
    if (!list) this.applicable.set(rule, (list = this.units.filter((u) => this.applies(rule, u))));
    return list;
  }

  private canSend(u: UnitSpec): string[] {
    return [...new Set([...u.radios.flatMap((r) => r.channels.map(String)), ...this.links.linksOf(u.id)])];
  }

  /** The channels a call by this unit goes out on when the script names none (comms.ts hailPlan). */
  private hailChannels(u: UnitSpec): string[] {
    // The same for each of a unit's calls, and an aircraft makes a dozen an hour.
    let plan = this.plans.get(u.id);
    if (!plan) this.plans.set(u.id, (plan = [...new Set(plannedChannels(this.s.procedure, this.canSend(u)))]));
    return [...plan];
  }

  private hasEsm(u: UnitSpec): boolean {
    return u.emitters.some((e) => e.type === 'esm');
  }

  private judgesThreatening(u: UnitSpec): boolean {
    return u.crew.judgesThreatening !== false || (this.scriptOf.get(u.id) ?? []).some((a) => a.do === 'judge' && a.threatening);
  }

  /** The limits the crew judges a pass by, as the engine takes them (sensing.ts approach); a scripted judgement uses its side's norm. */
  private crewLimits(u: UnitSpec): { minGroundM?: number; minAltitudeM?: number; breachWhen?: 'both' | 'either'; label: string } | undefined {
    if (!this.judgesThreatening(u)) return undefined;
    const j = u.crew.judgesThreatening === false ? true : u.crew.judgesThreatening;
    return crewLimits(j, u, statedNorms(this.s), this.s.spec.date);
  }

  private approachRangeM(): number {
    const v = parameterValue<unknown>(this.s.procedure, 'approachRangeM', this.s.parameters, DEFAULT_APPROACH_RANGE_M);
    return typeof v === 'number' ? v : DEFAULT_APPROACH_RANGE_M;
  }

  private foreignAircraft(u: UnitSpec): UnitSpec[] {
    let list = this.aircraftNotOf.get(u.nation);
    if (!list) {
      list = this.units.filter((a) => isAirborne(a) && a.nation !== u.nation);
      this.aircraftNotOf.set(u.nation, list);
    }
    return list;
  }

  /**
   * Whether some aircraft of another nation comes within a ground range of a ship (and below an
   * altitude). Only those whose tracks' latitudes allow it are scanned; which one answers does
   * not matter, only whether any does.
   */
  private approached(ship: UnitSpec, groundM: number, belowAltM = Infinity): boolean {
    let index = this.aircraftNotOfByLatitude.get(ship.nation);
    if (!index) this.aircraftNotOfByLatitude.set(ship.nation, (index = new ByLatitude(this.foreignAircraft(ship), (a) => this.track(a.id))));
    return index.near(this.track(ship.id), groundM).some((a) => this.comesWithin(a.id, ship.id, groundM, belowAltM));
  }

  /** Whether a script action holds a radar on `target` from a unit of another nation (unit `by`, if given). */
  private radarAimedAt(target: UnitSpec, by?: string): boolean {
    if (this.ladderAimsAt(target, by)) return true;
    return (this.aimedAt.get(target.id) ?? []).some((a) => {
      if (a.do !== 'emit' || (by && a.unit !== by)) return false;
      const from = this.byId.get(a.unit);
      const em = from?.emitters.find((e) => e.id === a.emitter);
      return !!from && from.nation !== target.nation && (em?.type === 'search-radar' || em?.type === 'fire-control-radar');
    });
  }

  /** Whether a ladder step (procedure `step` rules) may point a radar at `target`: a unit of another nation it binds has one. */
  private ladderAimsAt(target: UnitSpec, by?: string): boolean {
    // By any unit: the answer is the same for every target of one nation, so found once per nation.
    if (by === undefined) {
      let aims = this.ladderAimsAtNation.get(target.nation);
      if (aims === undefined) this.ladderAimsAtNation.set(target.nation, (aims = this.ladderAimsBy(target)));
      return aims;
    }
    return this.ladderAimsBy(target, by);
  }

  private ladderAimsBy(target: UnitSpec, by?: string): boolean {
    return this.rulesInForce.some(
      (r) =>
        r.type === 'step' &&
        r.action.do === 'emit' &&
        r.action.mode === 'track' &&
        r.action.emitter !== 'eo-camera' &&
        this.units.some(
          (u) =>
            (!by || u.id === by) &&
            u.nation !== target.nation &&
            this.applies(r, u) &&
            u.emitters.some((e) => e.type === (r.action as { emitter: string }).emitter),
        ),
    );
  }

  /** Triggers the world itself raises (sensors, geometry), as the engine does. */
  private sensed(trigger: TriggerEvent, u: UnitSpec): boolean {
    switch (trigger) {
      case 'fire-control-detected':
        return this.hasEsm(u) && this.radarAimedAt(u);
      case 'aircraft-approach':
        return traitsOf(u).watchesApproaches && this.approached(u, this.approachRangeM());
      case 'unsafe-approach': {
        if (!traitsOf(u).watchesApproaches) return false;
        const norm = this.crewLimits(u);
        if (!norm) return false;
        // A norm breached by a pass closer or lower: either one sets the trigger off.
        if (norm.breachWhen === 'either')
          return (
            (norm.minGroundM !== undefined && this.approached(u, norm.minGroundM)) ||
            (norm.minAltitudeM !== undefined && this.approached(u, this.approachRangeM(), norm.minAltitudeM))
          );
        return this.approached(u, norm.minGroundM ?? Infinity, norm.minAltitudeM ?? Infinity);
      }
      // Raised for the unit that declared an area when another unit enters it.
      case 'area-entered':
        return entersDeclaredArea(this.s, u.id);
      // Raised by the radio and by reports, not by the world's geometry.
      case 'call-unanswered':
      case 'relay-received':
      case 'report-received':
        return false;
    }
  }

  reachability(): Reach {
    const r: Reach = { triggers: new Set(), fires: new Set(), hails: new Set(), reports: new Set(), contacts: new Set(), called: new Map() };
    const call = (to: string, safety: boolean) => {
      const c = r.called.get(to);
      if (!c) r.called.set(to, { any: true, safety });
      else if (safety) c.safety = true;
    };
    for (const u of this.units) {
      for (const t of ['fire-control-detected', 'aircraft-approach', 'unsafe-approach', 'area-entered'] as const)
        if (this.sensed(t, u)) r.triggers.add(`${t}@${u.id}`);
    }
    for (const a of this.script) {
      if (a.do === 'hail') {
        r.hails.add(a.unit);
        for (const to of a.to === 'all' ? this.units.filter((x) => x.id !== a.unit).map((x) => x.id) : [a.to]) call(to, a.safety);
      }
      if (a.do === 'report') {
        const u = this.byId.get(a.unit);
        if (u?.headquarters && this.linked(u.id, u.headquarters)) r.reports.add(u.id);
      }
    }
    // A hail rule calls every unit at sea of the other nations: the same units for every hailer
    // of one nation, so each nation's calls are made once (twice: as safety calls or not).
    const foreignCalled = new Set<string>();
    const callForeign = (u: UnitSpec, safety: boolean) => {
      const key = `${safety}:${u.nation}`;
      if (foreignCalled.has(key)) return;
      foreignCalled.add(key);
      for (const o of this.units) if (o.nation !== u.nation && !isAshore(o)) call(o.id, safety);
    };
    for (let changed = true; changed;) {
      changed = false;
      const add = (set: Set<string>, key: string) => {
        if (!set.has(key)) {
          set.add(key);
          changed = true;
        }
      };
      for (const u of this.units) if (r.hails.has(u.id)) add(r.triggers, `call-unanswered@${u.id}`);
      for (const u of this.units) {
        if (u.headquarters && r.reports.has(u.id)) add(r.triggers, `report-received@${u.headquarters}`);
      }
      for (const rule of this.rulesInForce) {
        for (const u of this.appliesTo(rule)) {
          const key = () => `${rule.qid}@${u.id}`;
          if ('when' in rule) {
            if (!(rule.when as string[]).some((t) => r.triggers.has(`${t}@${u.id}`))) continue;
            if (rule.type === 'hail') {
              if (!r.hails.has(u.id)) {
                r.hails.add(u.id);
                changed = true;
              }
              callForeign(u, rule.safety);
            }
            if (rule.type === 'report' && !(u.headquarters && this.linked(u.id, u.headquarters))) continue;
            if (rule.type === 'report') add(r.reports, u.id);
            if (rule.type === 'hq-contact') {
              if (!(u.counterpart && this.linked(u.id, u.counterpart))) continue;
              add(r.contacts, u.id);
              call(u.counterpart, true);
            }
            add(r.fires, key());
          } else if (rule.type === 'relay') {
            const asked = this.units.some((c) => c.counterpart === u.id && r.contacts.has(c.id));
            if (!asked) continue;
            add(r.fires, key());
            for (const own of this.units) if (own.headquarters === u.id && this.linked(own.id, u.id)) add(r.triggers, `relay-received@${own.id}`);
          }
        }
      }
    }
    for (const rule of this.rulesInForce) {
      for (const u of this.appliesTo(rule)) {
        const c = r.called.get(u.id);
        if (rule.type === 'guard') r.fires.add(`${rule.qid}@${u.id}`);
        if ((rule.type === 'reply' && c && (rule.calls === 'any' || c.safety)) || ((rule.type === 'say-again' || rule.type === 'clarify') && c))
          r.fires.add(`${rule.qid}@${u.id}`);
      }
    }
    return r;
  }

  // ---- headquarters ------------------------------------------------------------------------------

  /** Reports, headquarters contacts and relays go over links only (comms.ts uses linkTo). */
  headquartersLinks(): Diagnostic[] {
    const out: Diagnostic[] = [];
    this.units.forEach((u, i) => {
      if (!u.headquarters || this.linked(u.id, u.headquarters)) return;
      const hq = this.byId.get(u.headquarters);
      if (!hq) return;
      const shared = u.radios.flatMap((r) => r.channels).filter((c) => hq.radios.some((h) => h.channels.includes(c)));
      // With nothing shared at all, references.ts already warns.
      if (shared.length === 0) return;
      out.push(
        this.warn(['units', i, 'headquarters'], explain('checker.hq.radio-only', { unit: u.id, channels: [...new Set(shared)].map(String), hq: hq.id })),
      );
    });
    return out;
  }

  // ---- channels of scripted calls ------------------------------------------------------------------

  callChannels(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const linkIds = new Set(this.s.spec.links.map((l) => l.id));
    this.script.forEach((a, i) => {
      if (a.do !== 'hail' && a.do !== 'reply') return;
      const from = this.byId.get(a.unit);
      if (!from) return;
      const recipients = a.to === 'all' ? this.units.filter((u) => u.id !== a.unit && !isAshore(u)) : [this.byId.get(a.to)].filter((u): u is UnitSpec => !!u);
      if (recipients.length === 0) return;
      if (a.channel !== undefined) {
        const id = normaliseChannelId(a.channel);
        if (linkIds.has(id)) {
          const link = this.s.spec.links.find((l) => l.id === id)!;
          if (!link.members.includes(from.id))
            out.push(this.warn(['script', i, 'channel'], explain('checker.call.caller-not-in-link', { unit: from.id, link: id })));
          else if (!recipients.some((u) => link.members.includes(u.id)))
            out.push(this.warn(['script', i, 'channel'], explain('checker.call.addressee-not-in-link', { all: a.to === 'all', addressee: a.to, link: id })));
          return;
        }
        const ch = this.channel(id);
        // An unknown channel is an error, and a caller without a set for it a warning, in references.ts.
        if (!ch || !from.radios.some((r) => r.channels.includes(ch.id))) return;
        if (!recipients.some((u) => canReceive(u, ch)))
          out.push(
            this.warn(
              ['script', i, 'channel'],
              explain('checker.call.no-receiver', { problem: noReceiver(recipients, ch, a.to === 'all'), fix: fixFor(recipients, ch, a.to === 'all', from) }),
            ),
          );
        return;
      }
      const plan = a.do === 'hail' ? this.hailChannels(from) : [this.hailChannels(from)[0] ?? this.canSend(from)[0]].filter((c): c is string => !!c);
      const order = this.s.procedure.hailing.channels === 'priority' ? this.s.procedure.channelPriority : this.s.procedure.hailing.channels.map(String);
      if (plan.length === 0) {
        out.push(
          this.warn(
            ['script', i, 'do'],
            explain('checker.call.no-set-on-plan', { unit: from.id, procedure: this.s.procedure.id, order: orNone(order), action: a.do }),
          ),
        );
        return;
      }
      const usable = plan.filter((c) => {
        if (linkIds.has(c)) return recipients.some((u) => this.s.spec.links.find((l) => l.id === c)!.members.includes(u.id));
        const ch = this.channel(c);
        return !!ch && recipients.some((u) => canReceive(u, ch));
      });
      if (usable.length === 0) {
        out.push(
          this.warn(
            ['script', i, 'to'],
            explain('checker.call.plan-unreceivable', {
              action: a.do,
              unit: from.id,
              plan,
              procedure: this.s.procedure.id,
              all: a.to === 'all',
              addressee: a.to,
              count: plan.length,
              first: plan[0]!,
            }),
          ),
        );
      }
    });
    return out;
  }

  // ---- parameter overrides -----------------------------------------------------------------------------

  /** A scenario's parameters: override the procedure's by name; a name it does not have does nothing. */
  parameterOverrides(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const p = this.s.procedure;
    const known = Object.keys(p.parameters);
    for (const name of Object.keys(this.s.spec.parameters)) {
      if (!Object.hasOwn(p.parameters, name)) {
        out.push(this.warn(['parameters', name], explain('checker.parameter.unknown', { name, procedure: p.id, known: orNone(known) })));
        continue;
      }
    }
    // Norms a scenario states for itself have the shape of the procedure's (procedure/schema.ts).
    if ('safeDistanceNorms' in this.s.spec.parameters) {
      const parsed = z.array(safeDistanceNormSchema).safeParse(this.s.spec.parameters['safeDistanceNorms']);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          out.push(
            this.warn(
              ['parameters', 'safeDistanceNorms', ...(issue.path as (string | number)[])],
              explain('checker.parameter.bad-norm', { detail: issue.message }),
            ),
          );
    }
    return out;
  }

  // ---- script actions waiting for an event that never comes ------------------------------------------

  /** Sensor and geometry triggers of script actions (on:), as the engine raises them. */
  scriptTriggers(): Diagnostic[] {
    const out: Diagnostic[] = [];
    this.script.forEach((a, i) => {
      if (!a.on) return;
      const on = a.on;
      const at = (...p: string[]) => ['script', i, 'on', ...p];
      const pick = (id: string | undefined, all: UnitSpec[]) => (id ? all.filter((u) => u.id === id) : all);
      const quoted = (id: string | undefined): Explanation => (id ? explain('checker.paren-quoted', { id }) : explain('checker.empty'));
      const either = (us: UnitSpec[]) =>
        joinAs(
          'checker.join.or',
          us.map((u) => explain('checker.quoted', { id: u.id })),
        );
      switch (on.event) {
        case 'enters-area':
        case 'leaves-area': {
          const why = areaTriggerNeverFires(this.s, { event: on.event, ...(on.unit ? { unit: on.unit } : {}), ...(on.area ? { area: on.area } : {}) });
          if (why) out.push(this.warn(at('area'), why));
          return;
        }
        case 'range-below': {
          const unit = on.unit ? this.byId.get(on.unit) : undefined;
          const other = on.other ? this.byId.get(on.other) : undefined;
          if (unit && !isAirborne(unit)) {
            out.push(this.warn(at('unit'), explain('checker.trigger.range-below-not-aircraft', { unit: unit.id, kind: unit.kind })));
            return;
          }
          if (other && !traitsOf(other).surface) {
            out.push(this.warn(at('other'), explain('checker.trigger.range-below-not-ship', { unit: other.id, kind: other.kind })));
            return;
          }
          if (unit && other && unit.nation === other.nation) {
            out.push(this.warn(at('other'), explain('checker.trigger.range-below-same-nation', { unit: unit.id, other: other.id, nation: unit.nation })));
            return;
          }
          if (on.rangeM === undefined) return; // an error in references.ts
          const pairs = pick(on.unit, this.units.filter(isAirborne)).flatMap((ac) =>
            pick(
              on.other,
              this.units.filter((u) => traitsOf(u).surface),
            )
              .filter((s) => s.nation !== ac.nation)
              .map((s) => [ac, s] as const),
          );
          if (!pairs.some(([ac, s]) => this.comesWithin(ac.id, s.id, on.rangeM!))) {
            out.push(
              this.warn(
                at('rangeM'),
                explain('checker.trigger.range-never-closes', {
                  rangeM: on.rangeM,
                  other: on.other ? explain('checker.quoted', { id: on.other }) : explain('checker.trigger.any-foreign-ship'),
                  aircraft: on.unit ? explain('checker.trigger.aircraft-named', { unit: on.unit }) : explain('checker.empty'),
                }),
              ),
            );
          }
          return;
        }
        case 'fire-control-detected': {
          const esm = pick(on.unit, this.units).filter((u) => this.hasEsm(u));
          if (esm.length === 0) {
            out.push(this.warn(at(on.unit ? 'unit' : 'event'), explain('checker.trigger.fcd-no-esm', { named: !!on.unit, unit: on.unit ?? '' })));
          } else if (!esm.some((u) => this.radarAimedAt(u, on.other))) {
            out.push(this.warn(at('event'), explain('checker.trigger.fcd-no-radar', { other: quoted(on.other), targets: either(esm) })));
          }
          return;
        }
        case 'radar-detected': {
          const esm = pick(on.unit, this.units).filter((u) => this.hasEsm(u));
          if (esm.length === 0) {
            out.push(this.warn(at(on.unit ? 'unit' : 'event'), explain('checker.trigger.radar-no-esm', { named: !!on.unit, unit: on.unit ?? '' })));
            return;
          }
          const searching = (s: UnitSpec) =>
            s.emitters.some((e) => e.type === 'search-radar') || this.script.some((x) => x.do === 'emit' && x.unit === s.id && x.mode === 'search');
          const sources = pick(on.other, this.units).filter((s) => searching(s));
          const seen = esm.some((r) => sources.some((s) => s.nation !== r.nation && this.withinRadarHorizon(s, r)));
          if (!seen) {
            out.push(this.warn(at('event'), explain('checker.trigger.radar-none-in-horizon', { other: quoted(on.other), targets: either(esm) })));
          }
          return;
        }
        // Raised by what the radio delivers: the ladder decides, not the geometry checked here.
        case 'call-received':
        case 'report-received':
          return;
      }
    });
    return out;
  }

  /** As the engine's ESM: ground distance within the combined horizon of the radar and the receiver. */
  private withinRadarHorizon(source: UnitSpec, receiver: UnitSpec): boolean {
    const a = this.track(source.id);
    const b = this.track(receiver.id);
    const reachM = nmToKm(combinedHorizonNm(this.maxAltM(source.id), this.maxAltM(receiver.id))) * 1000;
    return this.firstSample(source.id, receiver.id, reachM, (i, g) => g / 1000 <= nmToKm(combinedHorizonNm(sampleAlt(a, i), sampleAlt(b, i)))) >= 0;
  }

  // ---- procedure rules that can never fire ------------------------------------------------------------

  rules(reach: Reach): Diagnostic[] {
    const out: Diagnostic[] = [];
    const own = (rule: ResolvedRule) => rule.origin === this.s.procedure.id && this.namedByPath();
    for (const rule of this.rulesInForce) {
      if (rule.type === 'avoid' || rule.type === 'content') continue; // judged by the analysis, not fired
      const applicable = this.appliesTo(rule);
      if (this.units.some((u) => reach.fires.has(`${rule.qid}@${u.id}`))) continue;
      const verdict = this.whyNot(rule, applicable, reach);
      if (!verdict.engaged && !own(rule)) continue;
      const remedy = own(rule)
        ? explain('checker.never-fires.remedy-own', { file: rule.file })
        : explain('checker.never-fires.remedy-inherited', { origin: rule.origin, rule: rule.id });
      out.push(
        this.warn(
          ['procedure'],
          explain('checker.never-fires', { rule: rule.qid, type: rule.type, reasons: joinAs('checker.join.semicolon', verdict.reasons), remedy }),
        ),
      );
    }
    return out;
  }

  /**
   * A guard rule asking for a watch that only a set the scenario has off (or unheard) could keep. The
   * run keeps the scenario's set as it is and records that the unit did not keep the watch
   * (comms.ts onStart); a set on and listened to is retuned to also watch, and is not warned.
   */
  guardWatches(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const rule of this.rulesInForce) {
      if (rule.type !== 'guard') continue;
      const channels = rule.channels === 'priority' ? this.s.procedure.channelPriority : rule.channels.map(String);
      this.units.forEach((u, i) => {
        if (!this.applies(rule, u) || !observes(rule, u)) return;
        const tuned = (r: UnitSpec['radios'][number]) => (r.tuned === null ? [] : Array.isArray(r.tuned) ? r.tuned : [r.tuned]).map(String);
        for (const c of channels) {
          const watching = u.radios.some((r) => r.powered && r.monitored && (tuned(r).includes(c) || r.channels.map(String).includes(c)));
          if (watching) continue;
          const ri = u.radios.findIndex((r) => r.channels.map(String).includes(c));
          if (ri < 0) continue;
          const r = u.radios[ri]!;
          const others = u.radios.some((x) => x !== r && x.channels.map(String).includes(c));
          out.push(
            this.warn(
              ['units', i, 'radios', ri],
              explain('checker.guard.watch-off', { rule: rule.qid, unit: u.id, channel: c, powered: r.powered, radio: r.id, others }),
            ),
          );
        }
      });
    }
    return out;
  }

  /** A crew told to judge by its side's norm, when its side had none with numbers on the date: nothing will fire. */
  crewJudgement(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const norms = statedNorms(this.s);
    const date = this.s.spec.date;
    this.units.forEach((u, i) => {
      if (u.crew.judgesThreatening !== true || !traitsOf(u).watchesApproaches) return;
      if (crewLimits(true, u, norms, date)) return;
      const later = norms
        .filter((n) => n.nation === u.nation && n.from > date && hasNumbers(n))
        .map((n) => explain('checker.crew.norm-from', { norm: n.id, from: n.from }));
      out.push(
        this.warn(
          ['units', i, 'crew', 'judgesThreatening'],
          explain('checker.crew.no-norm', {
            unit: u.id,
            nation: u.nation,
            date,
            later: later.length ? explain('checker.crew.later-norms', { norms: later }) : explain('checker.empty'),
          }),
        ),
      );
    });
    return out;
  }

  /** Units no rule of the procedure in force speaks of: their conduct, and conduct towards them, get no verdict. */
  outsideEveryRule(): Diagnostic[] {
    const rules = this.rulesInForce;
    if (!rules.length) return [];
    const out: Diagnostic[] = [];
    this.units.forEach((u, i) => {
      if (rules.some((r) => inScope(r, u))) return;
      out.push(
        this.warn(
          ['units', i],
          explain('checker.scope.outside-every-rule', {
            unit: u.id,
            service: u.service ?? u.kind,
            procedure: this.s.procedure.id,
            scope: this.s.procedure.scope ? this.s.procedure.scope.services : explain('checker.why.any-service'),
          }),
        ),
      );
    });
    return out;
  }

  /** An account's norms: list that names a norm the procedure does not state judges by nothing for it. */
  accountNorms(): Diagnostic[] {
    const known = statedNorms(this.s).map((n) => n.id);
    const out: Diagnostic[] = [];
    for (const [id, acc] of Object.entries(this.s.spec.accounts)) {
      (acc.norms ?? []).forEach((n, j) => {
        if (!known.includes(n))
          out.push(
            this.warn(
              ['accounts', id, 'norms', j],
              explain('checker.account.unknown-norm', {
                account: id,
                norm: n,
                procedure: this.s.procedure.id,
                states: known.length ? explain('checker.account.it-states', { norms: known }) : explain('checker.empty'),
              }),
            ),
          );
      });
    }
    return out;
  }

  /** The procedure in force is the file the scenario names by path: its own rules are the author's. */
  private namedByPath(): boolean {
    const named = this.s.spec.procedure.replace(/\\/g, '/');
    if (!/\/|\.ya?ml$/i.test(named)) return false;
    const tail = named.replace(/^(\.\.?\/)+/, '');
    return this.s.procedure.file.replace(/\\/g, '/').endsWith(tail);
  }

  /**
   * Why a rule cannot fire, and whether the scenario sets up the kind of situation it is about
   * ("engaged"): a two-ship scenario under CUES says nothing about fire-control radar, so the
   * CUES rule about it stays quiet; a scenario that gives a unit an ESM but never aims a radar at
   * it is warned.
   */
  private whyNot(rule: ResolvedRule, applicable: UnitSpec[], reach: Reach): { engaged: boolean; reasons: Explanation[] } {
    const kinds = [...(rule.appliesTo as string[])];
    if (applicable.length === 0) {
      return {
        engaged: false,
        reasons: [explain('checker.why.no-applicable', { kinds, services: rule.services ? [...rule.services] : explain('checker.why.any-service') })],
      };
    }
    const ids = (us: UnitSpec[]) => us.map((u) => u.id);
    switch (rule.type) {
      case 'guard':
        return { engaged: false, reasons: [explain('checker.why.guard-none')] };
      case 'reply':
      case 'say-again':
      case 'clarify': {
        const anyCall = reach.called.size > 0 || reach.contacts.size > 0;
        const safetyOnly = rule.type === 'reply' && rule.calls === 'safety';
        return {
          engaged: anyCall,
          reasons: [explain('checker.why.never-called', { safety: safetyOnly, units: ids(applicable) })],
        };
      }
      case 'relay': {
        const hqs = applicable.filter((u) => u.kind === 'headquarters');
        const askers = this.units.filter((c) => hqs.some((h) => c.counterpart === h.id));
        const reason =
          hqs.length === 0
            ? explain('checker.why.relay-no-hq')
            : askers.length === 0
              ? explain('checker.why.relay-no-counterpart', { hqs: ids(hqs) })
              : explain('checker.why.relay-never-contacted', { askers: ids(askers), hqs: ids(hqs) });
        return { engaged: hqs.length > 0, reasons: [reason] };
      }
      case 'report': {
        const withHq = applicable.filter((u) => u.headquarters);
        const linked = withHq.filter((u) => this.linked(u.id, u.headquarters!));
        if (withHq.length === 0) return { engaged: false, reasons: [explain('checker.why.report-no-hq')] };
        if (linked.length === 0)
          return {
            engaged: true,
            reasons: [explain('checker.why.report-no-link', { units: ids(withHq), count: withHq.length })],
          };
        return { engaged: true, reasons: rule.when.map((t) => this.triggerReason(t, linked).reason) };
      }
      case 'hq-contact': {
        const hqs = applicable.filter((u) => u.kind === 'headquarters');
        const paired = hqs.filter((u) => u.counterpart && this.linked(u.id, u.counterpart));
        if (hqs.length === 0) return { engaged: false, reasons: [explain('checker.why.contact-no-hq')] };
        if (paired.length === 0)
          return {
            engaged: true,
            reasons: [explain('checker.why.contact-no-counterpart', { hqs: ids(hqs), count: hqs.length })],
          };
        return { engaged: true, reasons: rule.when.map((t) => this.triggerReason(t, paired).reason) };
      }
      case 'hail':
      case 'announce': {
        const verdicts = rule.when.map((t) => this.triggerReason(t, applicable));
        return { engaged: verdicts.some((v) => v.engaged), reasons: verdicts.map((v) => v.reason) };
      }
      // Rules of what not to do: nothing has to happen for them to hold.
      case 'avoid':
        return { engaged: false, reasons: [] };
      // content: judged on the messages that are sent, nothing has to happen for it to hold.
      // step: a ladder's step fires on positions, which the run samples; the checker does not predict it.
      case 'content':
      case 'step':
        return { engaged: false, reasons: [] };
    }
  }

  /** Why a trigger never happens to any of these units, and whether the scenario sets it up at all. */
  private triggerReason(t: TriggerEvent, units: UnitSpec[]): { engaged: boolean; reason: Explanation } {
    const ids = (us: UnitSpec[]) => us.map((u) => u.id);
    switch (t) {
      case 'fire-control-detected': {
        const esm = units.filter((u) => this.hasEsm(u));
        const engaged =
          this.units.some((u) => this.hasEsm(u) || u.emitters.some((e) => e.type === 'fire-control-radar')) ||
          this.script.some((a) => a.do === 'emit' && a.mode === 'track');
        if (esm.length === 0)
          return {
            engaged,
            reason: explain('checker.why.fcd-no-esm', { units: ids(units) }),
          };
        return {
          engaged,
          reason: explain('checker.why.fcd-no-radar', { units: ids(esm), first: esm[0]!.id }),
        };
      }
      case 'unsafe-approach': {
        const ships = units.filter((u) => traitsOf(u).watchesApproaches);
        const threatened = ships.filter((u) => this.judgesThreatening(u));
        if (ships.length === 0) return { engaged: false, reason: explain('checker.why.unsafe-no-ship', { units: ids(units) }) };
        if (threatened.length === 0)
          return {
            engaged: false,
            reason: explain('checker.why.unsafe-no-judge', { units: ids(ships) }),
          };
        const limits = threatened.map((u) => ({ u, n: this.crewLimits(u) }));
        if (limits.every((x) => !x.n))
          return {
            engaged: true,
            reason: explain('checker.why.unsafe-no-norm', { nations: [...new Set(threatened.map((u) => u.nation))], date: this.s.spec.date }),
          };
        const detail = limits
          .filter((x) => x.n)
          .map(({ u, n }) =>
            explain('checker.why.limit', {
              unit: u.id,
              whose: 'nation' in n! ? explain('checker.why.nation-norm', { nation: String(n.nation) }) : explain('checker.why.crew-threshold'),
              ground: n!.minGroundM ?? '∞',
              altitude: n!.minAltitudeM ?? '∞',
            }),
          );
        return {
          engaged: true,
          reason: explain('checker.why.unsafe-never-inside', { limits: detail }),
        };
      }
      case 'aircraft-approach': {
        const ships = units.filter((u) => traitsOf(u).watchesApproaches);
        const pairs = ships.filter((u) => this.foreignAircraft(u).length > 0);
        if (ships.length === 0) return { engaged: false, reason: explain('checker.why.approach-no-ship', { units: ids(units) }) };
        if (pairs.length === 0) return { engaged: false, reason: explain('checker.why.approach-no-aircraft', { units: ids(ships) }) };
        return {
          engaged: true,
          reason: explain('checker.why.approach-never-close', { rangeM: this.approachRangeM(), units: ids(pairs) }),
        };
      }
      case 'call-unanswered':
        return {
          engaged: false,
          reason: explain('checker.why.call-unanswered', { units: ids(units) }),
        };
      case 'report-received': {
        const subs = this.units.filter((s) => units.some((h) => s.headquarters === h.id));
        const engaged = units.some((u) => u.kind === 'headquarters');
        if (subs.length === 0)
          return {
            engaged,
            reason: explain('checker.why.report-received-no-sub', { units: ids(units), count: units.length, first: units[0]!.id }),
          };
        const linked = subs.filter((s) => this.linked(s.id, s.headquarters!));
        if (linked.length === 0)
          return {
            engaged,
            reason: explain('checker.why.report-received-no-link', { units: ids(subs), count: subs.length }),
          };
        return {
          engaged,
          reason: explain('checker.why.report-received-never', { units: ids(linked), count: linked.length }),
        };
      }
      case 'relay-received': {
        const withHq = units.filter((u) => u.headquarters);
        return {
          engaged: withHq.length > 0,
          reason:
            withHq.length === 0
              ? explain('checker.why.relay-received-no-hq', { units: ids(units) })
              : explain('checker.why.relay-received-never', { units: ids(withHq) }),
        };
      }
      case 'area-entered': {
        const declaring = units.filter((u) => this.s.spec.areas.some((a) => a.declaredBy === u.id));
        return {
          engaged: declaring.length > 0,
          reason:
            declaring.length === 0
              ? explain('checker.why.area-no-declarer', { units: ids(units) })
              : explain('checker.why.area-never-entered', { units: ids(declaring) }),
        };
      }
    }
  }

  // ---- radio range ---------------------------------------------------------------------------------

  radioRange(reach: Reach): Diagnostic[] {
    const out: Diagnostic[] = [];
    const linkIds = new Set(this.s.spec.links.map((l) => l.id));
    const talkers = this.rulesInForce.filter((r) => r.type === 'hail' || r.type === 'announce');
    const withRadios = this.units.filter((x) => x.radios.length > 0);
    // Whom a unit's hail or announce rule has it call: every unit of another nation at sea with a radio.
    // With where each is at the first sample, to find one near the caller to try first.
    const callableNotOf = new Map<string, Callable>();
    const callable = (nation: string) => {
      let list = callableNotOf.get(nation);
      if (!list) {
        const units = withRadios.filter((o) => o.nation !== nation && !isAshore(o));
        const starts = units.map((o) => startOf(this.track(o.id)));
        const lat = Float64Array.from(starts, (p) => p.lat);
        list = { units, lat, lon: Float64Array.from(starts, (p) => p.lon), byLatitude: Int32Array.from(units.keys()).sort((a, b) => lat[a]! - lat[b]!) };
        callableNotOf.set(nation, list);
      }
      return list;
    };
    const whyScript = explain('checker.range.why-script');
    this.units.forEach((u, i) => {
      if (u.radios.length === 0) return;
      // Who it must talk to by radio, and why: by the script (on the channels it names), then by a rule.
      const must = new Map<string, { why: Explanation; channels: Set<string> }>();
      const need = (id: string, why: Explanation, channel?: string) => {
        if (id === u.id || !this.byId.has(id)) return;
        const e = must.get(id) ?? { why, channels: new Set<string>() };
        if (channel) e.channels.add(channel);
        must.set(id, e);
      };
      for (const a of this.scriptOf.get(u.id) ?? []) {
        if (a.do !== 'hail' && a.do !== 'reply') continue;
        const ch = a.channel !== undefined ? normaliseChannelId(a.channel) : undefined;
        if (ch && (linkIds.has(ch) || signalChannel(ch))) continue; // links are always in range; signals are no radio
        if (a.to === 'all') for (const x of withRadios) need(x.id, whyScript, ch);
        else need(a.to, whyScript, ch);
      }
      const rule = talkers.find((r) => reach.fires.has(`${r.qid}@${u.id}`));
      // Called by the rule and not by the script: in a large exercise that is most of the units, and
      // the first one tried is usually in range, so the list is only made when that one is not.
      const called = rule ? callable(u.nation) : undefined;
      let byRuleList: UnitSpec[] | undefined;
      const byRule = () => (byRuleList ??= called ? called.units.filter((o) => !must.has(o.id)) : []);
      if (must.size === 0 && (!called || called.units.length === 0)) return;
      const whyRule = rule ? explain('checker.range.why-rule', { rule: rule.qid }) : whyScript;
      const noChannels = new Set<string>();

      const ownChannels = [...new Set(u.radios.flatMap((r) => r.channels))];
      const channelsFor = (other: UnitSpec, m: { channels: Set<string> }): RadioChannel[] => {
        const shared = ownChannels.filter((c) => other.radios.some((r) => r.channels.includes(c)));
        const ids = m.channels.size ? [...m.channels] : shared.length ? shared : ownChannels;
        return ids.map((c) => this.channel(String(c))).filter((c): c is RadioChannel => !!c && !c.signal);
      };
      // In range of one of them is enough, so the order they are tried in changes only the time it
      // takes. Nearest first: in a large exercise that usually ends the search at once. The one
      // tried first is the nearest at the start on a flat chart (degrees of longitude shrunk by the
      // caller's latitude), cheap beside the haversine over every pair; the rest go by ground distance.
      const mine = this.track(u.id);
      const candidates = () => [
        ...[...must].map(([id, m]) => ({ other: this.byId.get(id)!, m })),
        ...byRule().map((other) => ({ other, m: { why: whyRule, channels: noChannels } })),
      ];
      let first: { other: UnitSpec; m: { why: Explanation; channels: Set<string> } } | undefined;
      let nearest = Infinity;
      const here = startOf(mine);
      const shrink = Math.cos((here.lat * Math.PI) / 180);
      const hereLat = here.lat;
      const hereLon = here.lon;
      // Products, not powers: the order only decides which unit is tried first, never what is said.
      for (const [id, m] of must) {
        const p = startOf(this.track(id));
        const dLat = p.lat - hereLat;
        const dLon = (p.lon - hereLon) * shrink;
        const d = dLat * dLat + dLon * dLon;
        if (d < nearest || !first) [first, nearest] = [{ other: this.byId.get(id)!, m }, d];
      }
      if (called) {
        const j = nearestAtStart(called, hereLat, hereLon, shrink, first ? nearest : Infinity, !first, must);
        if (j >= 0) first = { other: called.units[j]!, m: { why: whyRule, channels: noChannels } };
      }
      const firstChannels = channelsFor(first!.other, first!.m);
      if (firstChannels.length > 0 && this.everInRadioRange(u, first!.other, firstChannels)) return;
      const nearestFirst = candidates().map((c) => ({ ...c, d: groundAt(mine, this.track(c.other.id), 0) }));
      nearestFirst.sort((x, y) => x.d - y.d);
      for (const candidate of nearestFirst) {
        if (candidate.other === first!.other) continue; // tried above
        const { other, m } = candidate;
        const channels = channelsFor(other, m);
        if (channels.length > 0 && this.everInRadioRange(u, other, channels)) return;
      }
      for (const other of byRule()) must.set(other.id, { why: whyRule, channels: noChannels });

      const misses: Explanation[] = [];
      for (const [id, m] of must) {
        const channels = channelsFor(this.byId.get(id)!, m);
        if (channels.length === 0) continue;
        const c = this.closestRadioApproach(u, this.byId.get(id)!, channels);
        const closest = { unit: id, why: m.why, distanceKm: fmtKm(c.distanceKm), t: Math.round(c.t) };
        misses.push(
          c.distanceKm <= c.horizonKm
            ? explain('checker.range.miss-weak', { ...closest, dbm: c.receivedDbm.toFixed(0), sensitivity: RECEIVER_SENSITIVITY_DBM })
            : explain('checker.range.miss-far', { ...closest, horizonKm: fmtKm(c.horizonKm) }),
        );
      }
      if (misses.length === 0) return;
      const at = u.track ? ['units', i, 'track'] : u.position ? ['units', i, 'position'] : ['units', i, 'id'];
      this.neverInRange.add(u.id);
      out.push(this.warn(at, explain('checker.range.never', { unit: u.id, misses: joinAs('checker.join.semicolon', misses) })));
    });
    return out;
  }
}

/** The units a hail or announce rule has a unit call, with where each is at the first sample. */
interface Callable {
  units: UnitSpec[];
  lat: Float64Array;
  lon: Float64Array;
  /** Indexes into units, southernmost first. */
  byLatitude: Int32Array;
}

/**
 * The index of the callable unit nearest to a point on a flat chart (longitude shrunk by
 * `shrink`) and nearer than `nearest`, one the script does not call (it is a candidate on the
 * script's channels); -1 for none. With `any`, the nearest at whatever distance. Searched outwards
 * from the point's latitude, up and down, until the latitude alone is farther than the nearest
 * found: a 1,000-unit exercise would otherwise take half a million pairs. Which unit is tried first
 * only decides how soon radioRange ends its search, never what it says.
 */
function nearestAtStart(
  c: Callable,
  hereLat: number,
  hereLon: number,
  shrink: number,
  nearest: number,
  any: boolean,
  must: ReadonlyMap<string, unknown>,
): number {
  const { units, lat, lon, byLatitude } = c;
  const n = byLatitude.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lat[byLatitude[mid]!]! < hereLat) lo = mid + 1;
    else hi = mid;
  }
  let up = lo;
  let down = lo - 1;
  let found = -1;
  while (up < n || down >= 0) {
    const upGap = up < n ? lat[byLatitude[up]!]! - hereLat : Infinity;
    const downGap = down >= 0 ? hereLat - lat[byLatitude[down]!]! : Infinity;
    const gap = Math.min(upGap, downGap);
    if ((found >= 0 || !any) && gap * gap >= nearest) break;
    const j = down < 0 || (up < n && upGap <= downGap) ? byLatitude[up++]! : byLatitude[down--]!;
    const dLat = lat[j]! - hereLat;
    const dLon = (lon[j]! - hereLon) * shrink;
    const d = dLat * dLat + dLon * dLon;
    if ((d < nearest || (any && found < 0)) && !must.has(units[j]!.id)) {
      nearest = d;
      found = j;
    }
  }
  return found;
}

/** The link budget from `a` to `b` on a channel at sample `i`, the horizon already worked out. */
function budgetAt(ch: RadioChannel, powerW: number, a: Samples, b: Samples, i: number, distanceKm: number, horizonKm: number) {
  return linkBudget({ distanceKm, txHeightM: sampleAlt(a, i), rxHeightM: sampleAlt(b, i), freqMHz: ch.freqMHz, band: ch.band, powerW, horizonKm });
}

function canReceive(u: UnitSpec, ch: RadioChannel): boolean {
  return u.radios.some((r) => r.channels.includes(ch.id) && r.modulation === ch.modulation);
}

function noReceiver(recipients: UnitSpec[], ch: RadioChannel, all: boolean): Explanation {
  if (all) return explain('checker.call.none-can-receive-all', { modulation: ch.modulation, channel: ch.id });
  const u = recipients[0]!;
  const wrong = u.radios.find((r) => r.channels.includes(ch.id));
  if (wrong)
    return explain('checker.call.wrong-modulation-set', {
      unit: u.id,
      radio: wrong.id,
      channel: ch.id,
      modulation: wrong.modulation,
      channelModulation: ch.modulation,
    });
  const sets: ParamValue = u.radios.length
    ? joinAs(
        'checker.join.semicolon',
        u.radios.map((r) => explain('checker.call.radio-set', { radio: r.id, channels: r.channels.map(String) })),
      )
    : explain('checker.call.no-radios');
  return explain('checker.call.no-set-for', { unit: u.id, channel: ch.id, sets });
}

function fixFor(recipients: UnitSpec[], ch: RadioChannel, all: boolean, from: UnitSpec): Explanation {
  if (all) return explain('checker.call.fix-all', { modulation: ch.modulation, channel: ch.id });
  const u = recipients[0]!;
  const mine = new Set(from.radios.flatMap((r) => r.channels));
  const common = u.radios
    .filter((r) => r.channels.some((c) => mine.has(c) && findChannel(String(c))?.modulation === r.modulation))
    .flatMap((r) => r.channels.filter((c) => mine.has(c)));
  const alt = common.length ? explain('checker.call.both-have', { channels: [...new Set(common)].map(String) }) : explain('checker.empty');
  return explain('checker.call.fix-one', { unit: u.id, alt, modulation: ch.modulation, channel: ch.id });
}

function fmtKm(km: number): string {
  return km >= 100 ? km.toFixed(0) : km.toFixed(1);
}

/** A grid over the run, plus every waypoint time, so closest approaches are not missed. */
function sampleTimes(s: Scenario): number[] {
  const d = s.spec.durationS;
  const step = Math.max(s.spec.environment.stepS, d / MAX_SAMPLES);
  const ts = new Set<number>();
  for (let t = 0; t < d; t += step) ts.add(t);
  ts.add(d);
  for (const m of Object.values(s.motion)) for (const t of m.t) if (t >= 0 && t <= d) ts.add(t);
  return [...ts].sort((a, b) => a - b);
}
