/**
 * What became of each escalation ladder (procedure `step` rules): for every unit a ladder binds and
 * every unit it concerned, each step taken (how often, first when, and the condition that held with
 * its numbers), not taken (its condition never held, or the step before was never finished),
 * omitted in practice, impossible, set aside as later than the scenario's date, or taken out of
 * order (its act, a radar pointed say, done by script before the steps that should come first).
 * Acts CUES asks commanders to avoid are judged apart, by the breakdowns' violations, whoever
 * ordered them.
 */
import type { Run } from '../engine/engine';
import type { EntryOf } from '../log';
import { laddersOf, type Ladder, type StepRule } from '../units/escalation';
import { conditionWords } from '../procedure/conditions';
import { boundHere } from '../procedure/duties';
import { parameterValue } from '../procedure/load';
import { MAX_REPEATS } from '../procedure/schema';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';
import { reasonOf } from './clauses';
import { entriesOf } from './entries';
import { groupBy } from '../group-by';

export type StepStatus = 'taken' | 'not-taken' | 'omitted' | 'cannot' | 'set-aside' | 'out-of-order';

export interface StepOutcome {
  rule: string;
  title: string;
  status: StepStatus;
  /** Times the step was taken, and the times it asks for (its parameter's value where it names one). */
  taken: number;
  of: number;
  /** First time it was taken (or omitted, or done out of order); null when it never was. */
  t: number | null;
  cause: string;
  /** The cause as data where the analysis wrote it (not a decision's own reason); `cause` is its English. */
  why?: Explanation;
}

export interface LadderOutcome {
  unit: string;
  /** The unit the ladder was climbed towards; null when its first step never held for any. */
  about: string | null;
  ladder: string;
  procedure: string;
  steps: StepOutcome[];
}

export function ladderOutcomes(run: Run): LadderOutcome[] {
  const s = run.scenario;
  const later = (s.procedure.laterRules ?? []).filter((r): r is StepRule => r.type === 'step');
  // Each unit's decisions and emissions, in log order, gathered once: asked per unit and per step,
  // a pass over the whole log each time made the analysis quadratic in the units a ladder binds.
  const decisions = groupBy(
    entriesOf(run.log, 'decision').filter((e) => e.rule !== null),
    (e) => e.unit,
  );
  const emissions = groupBy(entriesOf(run.log, 'emission'), (e) => e.unit);
  const out: LadderOutcome[] = [];
  for (const unit of s.units) {
    for (const ladder of laddersOf(s.procedure, unit)) {
      const qids = new Set(ladder.steps.map((r) => r.qid));
      const mine = (decisions.get(unit.id) ?? []).filter((d) => qids.has(d.rule!));
      // By the unit each was about, in the order first met (the order the outcomes are listed in).
      const byAbout = groupBy(mine, (d) => d.about ?? null);
      const abouts = [...byAbout.keys()];
      const set = later.filter((r) => r.ladder === ladder.id && boundHere(r, unit) && r.origin === ladder.steps[0]!.origin);
      for (const about of abouts.length ? abouts : [null])
        out.push({
          unit: unit.id,
          about,
          ladder: ladder.id,
          procedure: ladder.steps[0]!.origin,
          steps: stepsOf(run, unit.id, about, ladder, mine, byAbout.get(about) ?? [], set, emissions.get(unit.id) ?? []),
        });
    }
  }
  return out;
}

function stepsOf(
  run: Run,
  unit: string,
  about: string | null,
  ladder: Ladder,
  /** The unit's decisions on this ladder's steps. */
  mine: EntryOf<'decision'>[],
  /** Those of them about `about`. */
  mineAbout: EntryOf<'decision'>[],
  later: StepRule[],
  emissions: readonly EntryOf<'emission'>[],
): StepOutcome[] {
  const steps: StepOutcome[] = [];
  ladder.steps.forEach((step, i) => {
    const ds = mineAbout.filter((d) => d.rule === step.qid);
    const done = ds.filter((d) => d.decision === 'done');
    const base = { rule: step.qid, title: step.title, of: timesOf(run, step) };
    const early = outOfOrder(unit, about, step, ladder.steps.slice(0, i), mine, emissions);
    const prev = steps[i - 1];
    if (early) steps.push({ ...base, status: 'out-of-order', taken: done.length, t: early.t, cause: english(early.why), why: early.why });
    else if (done.length) steps.push({ ...base, status: 'taken', taken: done.length, t: done[0]!.t, ...causeOf(run, done[0]!) });
    else if (ds.length) steps.push({ ...base, status: ds[0]!.decision === 'cannot' ? 'cannot' : 'omitted', taken: 0, t: ds[0]!.t, ...causeOf(run, ds[0]!) });
    else {
      // The condition is the procedure's own words (procedure/conditions.ts), quoted as they are.
      const why =
        !prev || prev.status !== 'taken' || prev.taken >= prev.of
          ? explain(prev ? 'analysis.ladders.never-held-after' : 'analysis.ladders.never-held', {
              ...(prev ? { step: i } : {}),
              condition: conditionWords(step.trigger, (n) => numberParameter(run, n)),
            })
          : explain('analysis.ladders.unfinished', { step: i, rule: prev.rule, taken: prev.taken, of: prev.of });
      steps.push({ ...base, status: 'not-taken', taken: 0, t: null, cause: english(why), why });
    }
  });
  for (const step of later) {
    const why = explain('analysis.ladders.set-aside', { from: String(step.from), date: run.scenario.spec.date });
    steps.push({ rule: step.qid, title: step.title, status: 'set-aside', of: timesOf(run, step), taken: 0, t: null, cause: english(why), why });
  }
  return steps;
}

/** A decision's reason: the engine's English, and its data (units named) where the engine gives it. */
function causeOf(run: Run, d: EntryOf<'decision'>): Pick<StepOutcome, 'cause' | 'why'> {
  const r = reasonOf(d);
  return typeof r === 'string' ? { cause: d.reason } : { cause: d.reason, why: r };
}

function numberParameter(run: Run, name: string): number | undefined {
  const v = parameterValue<unknown>(run.scenario.procedure, name, run.scenario.parameters, undefined);
  return typeof v === 'number' ? v : undefined;
}

/** The repeats a step asks for: its number, or the value of the parameter it names. */
function timesOf(run: Run, step: StepRule): number {
  if (typeof step.repeat === 'number') return step.repeat;
  const v = parameterValue<unknown>(run.scenario.procedure, step.repeat, run.scenario.parameters, 1);
  return typeof v === 'number' ? Math.min(MAX_REPEATS, v) : 1;
}

/**
 * An emit step's act (that emitter type in that mode at the unit concerned) done otherwise than by
 * the step, before every earlier step was first taken: the ladder was climbed out of order.
 */
function outOfOrder(
  unit: string,
  about: string | null,
  step: StepRule,
  before: StepRule[],
  mine: EntryOf<'decision'>[],
  /** The unit's own emissions, in log order. */
  emissions: readonly EntryOf<'emission'>[],
): { t: number; why: Explanation } | undefined {
  const a = step.action;
  if (a.do !== 'emit' || !before.length) return undefined;
  const act = emissions.find(
    (e) => e.emitterType === a.emitter && e.mode === a.mode && (about === null || e.target === about) && !(e.cause.kind === 'rule' && e.cause.ref === step.qid),
  );
  if (!act) return undefined;
  const missing = before.filter((b) => !mine.some((d) => d.rule === b.qid && d.decision === 'done' && d.t <= act.t));
  if (!missing.length) return undefined;
  return {
    t: act.t,
    why: explain(act.target ? 'analysis.ladders.out-of-order-on' : 'analysis.ladders.out-of-order', {
      unit: unitRef(unit),
      emitter: act.emitter,
      mode: a.mode,
      ...(act.target ? { target: unitRef(act.target) } : {}),
      at: Math.round(act.t),
      causeKind: act.cause.kind,
      causeRef: act.cause.ref,
      missing: missing.map((m) => m.qid),
    }),
  };
}
