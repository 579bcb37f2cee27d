/**
 * Breakdowns of a run: ladder stages not reached, rules nobody acted on (omissions), and actions
 * the procedure says to avoid (violations). Each comes with words a trainer can read aloud.
 */
import { selector } from '../radio/selector';
import type { Run } from '../engine/engine';
import type { EntryOf, LogEntry, Stage } from '../log';
import { rulesOfType, type ResolvedRule } from '../procedure/load';
import { binds, inScope } from '../procedure/duties';
import type { SafeDistanceNorm } from '../engine/world';
import type { UnitSpec } from '../scenario/schema';
import { hasNumbers, inForceOn, normNumbers, normSpeaksOf, passInside, selectNorms } from './norms';
import { outcomes, type Outcome } from './outcomes';
import { byCodePoint } from '../order';
import { conductViolations } from './conduct';
import { withContent } from './content';
import { identityBreakdowns } from './identity';
import { signalChannel } from '../radio/channels';
import { signalExplanation } from './signal-breakdown';
import { phraseWords } from './phrasing';
import { explain, unitRef, type Explanation, type ParamValue } from '../explain';
import { english, type SayContext } from '../../i18n';
import { entriesOf } from './entries';
import { unitsContext } from '../format/words';

import type { Breakdown } from './breakdown';
export type { Breakdown, BreakdownKind } from './breakdown';

const unitsById = new WeakMap<Run, Map<string, { name: string; nation: string }>>();

/** A run's units by id, built once per run: breakdowns name units thousands of times. */
function unitOf(run: Run, id: string): { name: string; nation: string } | undefined {
  return unitsOf(run).get(id);
}

function unitsOf(run: Run): Map<string, { name: string; nation: string }> {
  let m = unitsById.get(run);
  if (!m) {
    m = new Map();
    // The first unit with an id wins, as find() did.
    for (const u of run.scenario.units) if (!m.has(u.id)) m.set(u.id, u);
    unitsById.set(run, m);
  }
  return m;
}

export function unitName(run: Run, id: string): string {
  return unitOf(run, id)?.name ?? id;
}

/**
 * Units named as the English words always named them (the scenario's `name`), for the English kept
 * beside each explanation. The same context as the rest of the analysis names units with (one per
 * list of units): with a context of its own in each kind of finding, the words' renderer met a new
 * function where it asks for a name, and V8 threw its optimised code away each time.
 */
export function namesOf(run: Run): SayContext {
  return unitsContext(run.scenario.units);
}

const unit = unitRef;

/** A breakdown's id until all are found and put in order. */
const UNNUMBERED = '';

export function findBreakdowns(run: Run, outs: Outcome[] = withContent(run, outcomes(run.log))): Breakdown[] {
  // Made with their id first and numbered once in order: copying 12,000 of them to put the id in front cost more than making them.
  const list: Breakdown[] = [];
  // A shortfall a recipient met on the ladder is told there, against the sender; not twice.
  const told = new Set<string>();
  // Counted loops over the outcomes and decisions (15,000 each at 1,000 units): an unoptimised for…of makes an object a step.
  for (let i = 0; i < outs.length; i++) {
    const o = outs[i]!;
    if (o.failedAt) list.push(ladderBreakdown(run, o, o.failedAt, outs));
    if (o.attributedTo) told.add(`${o.tx.id}/${o.rule}`);
  }
  const decisions = entriesOf(run.log, 'decision');
  for (let i = 0; i < decisions.length; i++) {
    const e = decisions[i]!;
    if ((e.decision === 'omitted' || e.decision === 'cannot') && e.rule && !told.has(`${e.cause.ref}/${e.rule}`)) list.push(omission(run, e));
  }
  for (const b of [...violations(run), ...conductViolations(run), ...identityBreakdowns(run)]) list.push({ id: UNNUMBERED, ...b });
  list.sort((a, b) => a.t - b.t || a.entry - b.entry || byCodePoint(a.kind, b.kind));
  for (let i = 0; i < list.length; i++) list[i]!.id = `b-${i + 1}`;
  return list;
}

const kindSelectors = new Map<string, string>();

/** A call's kind as a select key, worked out once per kind rather than by a regular expression for each of thousands of breakdowns. */
function kindSelector(kind: string): string {
  let key = kindSelectors.get(kind);
  if (key === undefined) kindSelectors.set(kind, (key = selector(kind)));
  return key;
}

function ladderBreakdown(run: Run, o: Outcome, failedAt: Stage, outs: readonly Outcome[]): Breakdown {
  const to = unit(o.unit);
  const from = unit(o.tx.from);
  const what =
    o.tx.kind === 'hail'
      ? explain('ladder.breakdown.what.call', { from, channel: o.tx.channel })
      : explain('ladder.breakdown.what.message', { from, kind: kindSelector(o.tx.kind), channel: o.tx.channel });
  const cause = o.cause ?? 'unknown';
  const why = o.why ?? cause;
  let explanation: Explanation;
  switch (failedAt) {
    case 'transmitted':
      explanation = explain('ladder.breakdown.transmitted', { what, cause: why });
      break;
    case 'in-range':
      explanation = explain('ladder.breakdown.in-range', { what, to, cause: why });
      break;
    case 'receivable':
      explanation = explain('ladder.breakdown.receivable', { what, to, channel: o.tx.channel, cause: why });
      break;
    case 'heard':
      explanation = explain('ladder.breakdown.heard', { what, to, cause: why });
      break;
    case 'understood':
      explanation =
        o.ladder.evidence.described !== undefined && o.ladder.evidence.described === o.cause
          ? explain('ladder.breakdown.understood.described', { what, to, cause: why })
          : o.heardAs
            ? explain('ladder.breakdown.understood.heard-as', { what, to, heardAs: o.heardAs, cause: why })
            : plainUnderstood(what, to, why, phraseWords(o, outs));
      break;
    case 'acknowledged':
      explanation = explain('ladder.breakdown.acknowledged', { what, to, from, cause: why });
      break;
    case 'acted-on':
      explanation = o.attributedTo
        ? explain('ladder.breakdown.acted-on.attributed', { what, to, cause: why, holder: unit(o.attributedTo), rule: o.rule ?? 'undefined' })
        : explain('ladder.breakdown.acted-on', { what, to, cause: why });
  }
  const signal = signalChannel(o.tx.channel);
  if (signal) explanation = signalExplanation(signal, o.tx.from, o.unit, failedAt, why);
  // Who the shortfall belongs to, when not the unit it happened to: the sender of a message that
  // said too little (a content rule), or of words outside the agreed vocabularies.
  const holder = o.attributedTo ?? o.ladder.attributedTo;
  return ladderFound(o, failedAt, cause, english(explanation, namesOf(run)), explanation, o.heardAs, holder);
}

/**
 * A ladder breakdown, written out whole for each set of optional fields (heardAs, then
 * attributedTo, after the rest): set one by one after it was made, they gave a third of the
 * 12,000 breakdowns at 1,000 units a new shape and a store for the extra fields.
 */
function ladderFound(
  o: Outcome,
  stage: Stage,
  cause: string,
  explanation: string,
  why: Explanation,
  heardAs: string | undefined,
  attributedTo: string | undefined,
): Breakdown {
  const t = o.settledAt;
  // Who is held to it: the recipient where the call died, or the sender whose message said too little.
  const unit = o.attributedTo ?? o.unit;
  const transmission = o.tx.id;
  const rule = o.rule ?? null;
  // The unit where the call died first: that is the one a trainer wants to inspect.
  const units = [o.unit, o.tx.from];
  const entry = o.settledBy;
  const evidence = o.ladder.evidence;
  const id = UNNUMBERED;
  const kind = 'ladder';
  if (heardAs)
    return attributedTo
      ? { id, t, kind, unit, transmission, stage, rule, cause, explanation, why, units, entry, evidence, heardAs, attributedTo }
      : { id, t, kind, unit, transmission, stage, rule, cause, explanation, why, units, entry, evidence, heardAs };
  return attributedTo
    ? { id, t, kind, unit, transmission, stage, rule, cause, explanation, why, units, entry, evidence, attributedTo }
    : { id, t, kind, unit, transmission, stage, rule, cause, explanation, why, units, entry, evidence };
}

/** The plain breakdown at understood, its parameters listed rather than spread in (four thousand at 1,000 units). */
function plainUnderstood(what: Explanation, to: { unit: string }, cause: ParamValue, words: { blame: Explanation; recovered: Explanation }): Explanation {
  return explain('ladder.breakdown.understood', { what, to, cause, blame: words.blame, recovered: words.recovered });
}

function omission(run: Run, e: EntryOf<'decision'>): Breakdown {
  const rule = run.scenario.procedure.rules.find((r) => r.qid === e.rule);
  const title = rule?.title ?? e.rule ?? 'a rule';
  const params = { who: unit(e.unit), title, rule: String(e.rule), reason: e.why ?? e.reason };
  const why = explain(e.decision === 'cannot' ? 'ladder.breakdown.omission.cannot' : 'ladder.breakdown.omission', params);
  // The reason from its data where the log gives it, so its units are named too; else the log's words.
  const explanation = english(why, namesOf(run));
  return {
    id: UNNUMBERED,
    t: e.t,
    kind: 'omission',
    unit: e.unit,
    transmission: null,
    stage: null,
    rule: e.rule,
    cause: e.reason,
    explanation,
    why,
    units: [e.unit, ...(e.about && e.about !== '*' ? [e.about] : [])],
    entry: e.seq,
  };
}

function violations(run: Run): Omit<Breakdown, 'id'>[] {
  const out: Omit<Breakdown, 'id'>[] = [];
  const avoid = rulesOfType(run.scenario.procedure, 'avoid');
  const nation = (id: string) => unitOf(run, id)?.nation;
  const fcRule = avoid.find((r) => r.action === 'fire-control-on-encountered');
  const closeRule = avoid.find((r) => r.action === 'close-approach');
  const spec = specsOf(run);
  for (const e of entriesOf(run.log, 'emission')) {
    if (fcRule && e.emitterType === 'fire-control-radar' && e.mode === 'track' && e.target && nation(e.target) !== nation(e.unit)) {
      // A rule judges only units it binds, and only conduct towards units in its scope.
      const by = spec.get(e.unit);
      if (!by || !binds(fcRule, by) || !inScope(fcRule, spec.get(e.target))) continue;
      const cause = explain('ladder.breakdown.fire-control.cause', { emitter: e.emitter, target: unit(e.target) });
      const why = explain('ladder.breakdown.fire-control', {
        unit: unit(e.unit),
        emitter: e.emitter,
        target: unit(e.target),
        title: fcRule.title,
        rule: fcRule.qid,
        item: fcRule.item ?? '',
      });
      out.push({
        t: e.t,
        kind: 'violation',
        unit: e.unit,
        transmission: null,
        stage: null,
        rule: fcRule.qid,
        cause: english(cause),
        explanation: english(why, namesOf(run)),
        why,
        causeWhy: cause,
        units: [e.unit, e.target],
        entry: e.seq,
      });
    }
  }
  if (closeRule) out.push(...distanceViolations(run, closeRule));
  return out;
}

const specsByRun = new WeakMap<Run, Map<string, UnitSpec>>();

function specsOf(run: Run): Map<string, UnitSpec> {
  let m = specsByRun.get(run);
  if (!m) {
    m = new Map();
    for (const u of run.scenario.units) if (!m.has(u.id)) m.set(u.id, u);
    specsByRun.set(run, m);
  }
  return m;
}

/**
 * Passes judged by the norms that judge this run (analysis/norms.ts): the account's, or every
 * side's in force on the date, each speaking of passes by or near its own side's units. One
 * violation per aircraft, unit and norm, at its closest pass inside the norm, so a figure-8
 * pattern does not bury the list; the count of passes inside is in the cause.
 */
function distanceViolations(run: Run, rule: ResolvedRule): Omit<Breakdown, 'id'>[] {
  const spec = specsOf(run);
  const date = run.scenario.spec.date;
  const { judging } = selectNorms(run.scenario, run.norms);
  const groups = new Map<string, { e: EntryOf<'proximity'>; n: SafeDistanceNorm; passes: number }>();
  for (const e of entriesOf(run.log, 'proximity')) {
    if (!e.closest) continue;
    const a = spec.get(e.unit);
    const b = spec.get(e.other);
    if (!a || !b || !binds(rule, a) || !inScope(rule, b)) continue;
    for (const n of judging) {
      if (!normSpeaksOf(n, a, b) || !passInside(n, e.groundM, e.altitudeM)) continue;
      const key = `${e.unit}/${e.other}/${n.id}`;
      const g = groups.get(key);
      if (!g) groups.set(key, { e, n, passes: 1 });
      else {
        g.passes++;
        if (e.groundM < g.e.groundM) g.e = e;
      }
    }
  }
  return [...groups.values()].map(({ e, n, passes }) => {
    const a = spec.get(e.unit)!;
    const b = spec.get(e.other)!;
    // Every other norm in force that speaks of the pass: where one finds it outside, say so.
    const others = run.norms.filter((o) => o !== n && inForceOn(o, date) && normSpeaksOf(o, a, b) && hasNumbers(o) && !passInside(o, e.groundM, e.altitudeM));
    const norms = others
      .map((o): Explanation => explain('ladder.breakdown.distance.norm', { nation: o.nation, norm: o.id, label: o.label }))
      .reduce<Explanation | null>((list, x) => (list ? explain('ladder.breakdown.distance.norms', { list, next: x }) : x), null);
    const verdict = norms ? explain('ladder.breakdown.distance.verdict', { norms }) : explain('ladder.empty');
    const cause = explain('ladder.breakdown.distance.cause', {
      groundM: e.groundM,
      altitudeM: e.altitudeM,
      nation: n.nation,
      norm: n.id,
      numbers: normNumbers(n),
      from: n.from,
      passes,
    });
    const why = explain('ladder.breakdown.distance', {
      unit: unit(e.unit),
      other: unit(e.other),
      groundM: e.groundM,
      altitudeM: e.altitudeM,
      nation: n.nation,
      norm: n.id,
      label: n.label,
      verdict,
    });
    return {
      t: e.t,
      kind: 'violation' as const,
      unit: e.unit,
      transmission: null,
      stage: null,
      rule: rule.qid,
      cause: english(cause),
      explanation: english(why, namesOf(run)),
      why,
      causeWhy: cause,
      units: [e.unit, e.other],
      entry: e.seq,
      norm: n.id,
      normOwner: n.nation,
      normLabel: n.label,
    };
  });
}

/** Entries the UI and reports count as events a trainer steps through. */
export function isEvent(e: LogEntry): boolean {
  return e.type !== 'radio-set' || e.cause.kind !== 'start';
}
