/**
 * What the engine's parts share: the world at the scheduler's clock, the jobs that wait on that
 * clock, and what a part hands back when something happened. The scheduler (engine.ts) owns the
 * world and alone moves the clock, writes the log and tells units; sensing, transmission and
 * scripts read the world and return what happened as data, so none of them calls back into the
 * scheduler or into each other.
 */
import type { Cause, EntryOf, LadderResult, Transmission } from '../log';
import type { LinkState, RadioEnvironment, RadioSetState } from '../radio/ladder';
import type { Action, Scenario } from '../scenario/model';
import type { UnitSpec } from '../scenario/schema';
import type { SenseTrigger, UnitEvent } from '../units/protocol';
import type { Area } from '../areas/geometry';
import type { LinkTable } from '../scenario/link-table';

// A side's safe-distance norm as of a date (procedure/schema.ts states its shape); how a crew
// judges a pass threatening.
export type { SafeDistanceNorm, ThreatJudgement } from '../analysis/norms';
import type { SafeDistanceNorm, ThreatJudgement } from '../analysis/norms';

export interface EmitterState {
  id: string;
  type: string;
  mode: 'off' | 'search' | 'track' | 'slewed';
  target?: string;
  /** Moves at every change of mode or target, so sensing and timed reverts can tell a change happened. */
  token: number;
}

/** One unit's equipment and people as they stand now: what the unit's effects change and the parts read. */
export interface UnitWorld {
  spec: UnitSpec;
  sets: RadioSetState[];
  emitters: EmitterState[];
  workload: number;
  languages: Record<string, number>;
  silent: boolean;
  judgesThreatening: ThreatJudgement;
}

export interface World {
  readonly scenario: Scenario;
  /** In the scenario's unit order, which every loop over units keeps. */
  readonly units: ReadonlyMap<string, UnitWorld>;
  readonly links: LinkState[];
  /** Who is on which link: fixed for the run (an action changes a link's state, never its members). */
  readonly linkTable: LinkTable;
  readonly env: RadioEnvironment;
  /** Every side's norms as the procedure states them; which one judges what is analysis/norms.ts's. */
  readonly norms: SafeDistanceNorm[];
  readonly approachRangeM: number;
  /** The scenario's areas, times in seconds (none when the scenario declares none). */
  readonly areas?: readonly Area[];
  /** Simulated seconds: only the scheduler moves it. */
  now: number;
  /** Changes of any emitter's mode or target so far (each moves its token too): sensing looks at sources again only when this moved. */
  emitterChanges: number;
  /** The run stops after this time (the scenario's end, or --until). */
  readonly until: number;
}

/** What waits in the queue for its time. */
export type Job =
  | { kind: 'script'; action: Action; entry?: number }
  | { kind: 'timer'; unit: string; event: Extract<UnitEvent, { type: 'timer' }> }
  | { kind: 'deliver'; tx: Transmission; result: LadderResult; notUnderstood: boolean; txEntry: number }
  | { kind: 'overhear'; tx: Transmission; result: LadderResult; txEntry: number }
  | { kind: 'emitter-revert'; unit: string; emitter: string; token: number }
  | {
      kind: 'pair';
      aircraft: string;
      surface: string;
      what: 'enter' | 'leave' | 'closest';
      groundM: number;
      altitudeM: number;
      /** What the pair's entries give as their cause: one object for all of the pair's events. */
      cause: Cause;
    }
  | { kind: 'sense' }
  /** An aircraft takes off or lands (scenario/presence.ts). */
  | { kind: 'flight'; unit: string; what: 'took-off' | 'landed' };

/** The seq of an entry until the engine logs it (engine.ts append numbers it). */
export const UNNUMBERED = -1;

export type SensedEvent = Extract<UnitEvent, { type: `trigger.${SenseTrigger}` }>;

/** A unit to be told of what was sensed; the scheduler adds the log entry it follows from. */
export interface Tell {
  unit: string;
  /** Made for this tell alone: the scheduler writes the entry into it rather than copy it. */
  event: Omit<SensedEvent, 'entry'>;
  cause: Omit<Cause, 'entry'>;
}

/** A script event (on: in the scenario) something that happened may set off. */
export interface ScriptEvent {
  event: string;
  unit: string;
  other?: string;
  rangeM?: number;
  /** For enters-area and leaves-area: the area's id. */
  area?: string;
}

/**
 * Something a sensor found, as data: the scheduler logs the entry, then tells the units in order
 * (each told of that entry), then offers the script events to the script, in that order.
 */
export interface Happening {
  /** Made with `seq: UNNUMBERED` first of its keys, as in every entry; the engine numbers it as it logs it. */
  entry: EntryOf<'detection'> | EntryOf<'proximity'> | EntryOf<'note'>;
  tell: readonly Tell[];
  scripts: readonly ScriptEvent[];
}
