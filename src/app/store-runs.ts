/**
 * The runs the views ask for besides the main one: a what-if, a drill, a comparison. Only the
 * store (this module and store.ts) and the sweep's workers call the core's run functions; a view
 * sends an intent and reads the result from the store. A broken input or an engine fault becomes
 * a diagnostic in the run's slice, and the last good run stays.
 */
import { simulate } from '../core';
import type { Analysis } from '../core/analysis/report';
import { analyse } from '../core/analysis/report';
import { compareRuns, type Comparison } from '../core/compare/compare';
import { rerunner } from '../core/compare/grounds';
import type { Diagnostic } from '../core/diagnostics';
import { runDrill, type DrillResult } from '../core/drill/drill';
import { boundBy } from '../core/procedure/duties';
import type { Scenario } from '../core/scenario/load';
import { runScenario } from '../core/engine/engine';
import { applyWhatIfs, describeChange, type WhatIf } from '../core/whatif/whatif';
import { bundledProcedures } from './catalog';

/** A what-if that ran: the changes, the run they changed and the new run against it. */
export interface WhatIfRun {
  changes: WhatIf[];
  original: Analysis;
  analysis: Analysis;
  comparison: Comparison;
  /** What the main view says it shows while the what-if is on screen. */
  label: string;
}

export interface WhatIfState {
  /** The last what-if that ran; a later one that fails leaves it in place. */
  last: WhatIfRun | null;
  problems: Diagnostic[];
}

/** decide: a decision is open; feedback: the answer is scored; done: the summary; error: the drill could not run. */
export type DrillPhase = 'decide' | 'feedback' | 'done' | 'error';

export interface DrillSession {
  unit: string;
  choices: string[];
  /** The drill run with the choices so far (the last good one when the latest failed). */
  result: DrillResult | null;
  /**
   * Once the drill run is complete: the same drill with every decision answered as the procedure
   * asks, which the summary measures the student's breakdowns against (breakdownsFromAnswers).
   */
  followed: Analysis | null;
  phase: DrillPhase;
  problems: Diagnostic[];
}

export interface ComparisonSide {
  account: string | null;
  procedure: string;
}

export interface MadeComparison {
  a: Analysis;
  b: Analysis;
  comparison: Comparison;
  /** Side B's settings as picked. */
  side: ComparisonSide;
}

export interface ComparisonState {
  /** Side B as last asked for: a new run on screen is compared with it again. */
  side: ComparisonSide;
  /** The last comparison that ran; kept when a later side B fails to run. */
  made: MadeComparison | null;
  problems: Diagnostic[];
}

/** An engine fault or a refused input, as the problems panels show them. */
export function fault(file: string, message: string): Diagnostic {
  return { file, line: 1, col: 1, severity: 'error', path: '', message };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs the scenario of `original` with the changes applied, same seed, and compares. */
export function makeWhatIf(original: Analysis, changes: WhatIf[], seed: number, file: string): WhatIfRun | Diagnostic[] {
  if (!changes.length) return [fault(file, 'No changes to run.')];
  try {
    const analysis = analyse(runScenario(applyWhatIfs(original.run.scenario, changes), { seed }));
    const label = `What-if: ${changes.map(describeChange).join('; ')}`;
    return { changes, original, analysis, comparison: compareRuns(original, analysis), label };
  } catch (e) {
    return [fault(file, `the what-if stopped with an internal error: ${messageOf(e)}. The last good run stays on screen.`)];
  }
}

/** The drill run with `choices` answered so far; it pauses at the next decision. */
export function makeDrill(original: Analysis, unit: string, choices: string[], seed: number, file: string): DrillResult | Diagnostic[] {
  try {
    return runDrill(original.run.scenario, { unit, choices, then: 'pause' }, { seed });
  } catch (e) {
    return [fault(file, messageOf(e))];
  }
}

const followedRuns = new WeakMap<Scenario, Map<string, DrillResult>>();

/** The drill of `unit` with every decision answered as the procedure asks (made once per unit and seed). */
export function makeFollowed(original: Analysis, unit: string, seed: number, file: string): DrillResult | Diagnostic[] {
  try {
    const sc = original.run.scenario;
    let made = followedRuns.get(sc);
    if (!made) followedRuns.set(sc, (made = new Map()));
    const key = `${unit}|${seed}`;
    let r = made.get(key);
    if (!r) made.set(key, (r = runDrill(sc, { unit, choices: [], then: 'follow' }, { seed })));
    return r;
  } catch (e) {
    return [fault(file, messageOf(e))];
  }
}

const defaultUnits = new WeakMap<Analysis, string | null>();
const DEFAULT_TRIES = 4;

/**
 * The unit the drill offers first: of the units the procedure binds, the one most often called in
 * the run with a call that asks for an answer (scenario order among equals) that has a decision
 * to make. Being called is where the procedure asks most of a unit (whether to answer, on which
 * channel, in which words), and a unit with no decision would end the drill before it starts.
 * Whether a unit has one costs a run answered as the procedure asks (kept: it is the run the
 * summary measures against), so candidates are tried in that order until one has, once per run on
 * screen. Null when none of those tried has a decision. Nothing here looks at a unit's nation.
 */
export function defaultDrillUnit(original: Analysis, seed: number): string | null {
  const known = defaultUnits.get(original);
  if (known !== undefined) return known;
  const sc = original.run.scenario;
  const calls = new Map<string, number>();
  for (const tx of original.run.transmissions) if (tx.needsReply) calls.set(tx.to, (calls.get(tx.to) ?? 0) + 1);
  const called = (id: string) => calls.get(id) ?? 0;
  const candidates = sc.units.filter((u) => boundBy(sc.procedure, u)).sort((a, b) => called(b.id) - called(a.id));
  let found: string | null = null;
  // A few tries at most: each is a whole run, and a scenario of many units where none of the most
  // called has a decision is better served by the picker's first unit than by a long wait.
  for (const u of candidates.slice(0, DEFAULT_TRIES)) {
    const r = makeFollowed(original, u.id, seed, '');
    if (!Array.isArray(r) && r.decisions.length > 0) {
      found = u.id;
      break;
    }
  }
  defaultUnits.set(original, found);
  return found;
}

/**
 * Side B: the same scenario text and seed as A, under B's account and procedure. When only the
 * account differs, the re-runs of the fact test share B's procedure, which is then A's.
 */
export function makeComparison(a: Analysis, source: { file: string; text: string }, side: ComparisonSide): MadeComparison | Diagnostic[] {
  try {
    const result = simulate(source, bundledProcedures, {
      ...(side.account ? { account: side.account } : {}),
      ...(side.procedure ? { procedure: side.procedure } : {}),
      seed: a.run.seed,
    });
    if (!result.analysis) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      return errors.length ? errors : [fault(source.file, 'Side B could not run.')];
    }
    // Each finding is tested against the disputed facts by re-running A's and B's account with one fact changed.
    const rerun = rerunner(source, bundledProcedures, { ...(side.procedure ? { procedure: side.procedure } : {}), seed: a.run.seed });
    return { a, b: result.analysis, comparison: compareRuns(a, result.analysis, rerun), side };
  } catch (e) {
    return [fault(source.file, `side B stopped with an internal error: ${messageOf(e)}`)];
  }
}

/**
 * A unit's name without its parenthesis, as format.ts's shortName gives it (format.ts imports the
 * store's types, so the store does not import it back).
 */
const shortName = (a: Analysis, id: string) => (a.run.scenario.units.find((u) => u.id === id)?.name ?? id).replace(/\s*\(.*\)\s*$/, '');

/** What the main view says while it shows the drill run, by where the student is. */
export function drillLabel(original: Analysis | null, session: DrillSession): string {
  const r = session.result;
  const who = original ? shortName(original, session.unit) : session.unit;
  if (!r) return `Drill as ${who}`;
  const n = r.decisions.length;
  if (session.phase === 'decide') return `Drill as ${who}: decision ${n + 1}`;
  if (session.phase === 'feedback') return `Drill as ${who}: after decision ${n}${r.pending ? `, up to decision ${n + 1}` : ''}`;
  return `Drill as ${who}: finished, ${r.score.right} of ${r.score.total} right`;
}

/** Where the playhead goes with the drill run: the open decision, or the one just answered. */
export function drillPlayhead(session: DrillSession): number {
  const r = session.result;
  if (!r) return 0;
  if (session.phase === 'decide') return r.analysis.run.durationS;
  return r.decisions[r.decisions.length - 1]?.t ?? 0;
}

/** The comparison to show or export for `current`, or null when it was made for another run. */
export function comparisonFor(made: MadeComparison | null | undefined, current: Analysis | null): MadeComparison | null {
  return made && current && made.a === current ? made : null;
}
