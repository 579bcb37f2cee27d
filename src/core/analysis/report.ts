/**
 * The JSON report of ../shared/contracts.md, built from a run. Key order and number formatting
 * are fixed, so the same run gives the same bytes.
 */
import type { Run } from '../engine/engine';
import { findBreakdowns, type Breakdown } from './breakdowns';
import { outcomes, type Outcome } from './outcomes';
import { withContent } from './content';
import { scorecard, type ComplianceLine } from './compliance';
import { explain, type Explanation } from '../explain';
import { t, type Lang } from '../../i18n';
import { stageIndex, type MessageContent, type Stage } from '../log';
import { discussion, type DiscussionItem } from './norms';
import { groundsOf, type Assumption, type Grounds } from './assumptions';
import { ladderOutcomes, type LadderOutcome, type StepOutcome } from './escalation';
import { entriesOf } from './entries';

export interface ReportRecipient {
  unit: string;
  reached: Stage | null;
  failedAt: Stage | null;
  cause: string | null;
  /** The cause as data (a message code and its parameters), beside the English `cause`. */
  causeCode?: string;
  causeParams?: Explanation['params'];
  heardAs?: string;
  /** When the failure is held against another unit than the recipient: the sender whose message said too little. */
  attributedTo?: string;
}

/** A breakdown as the JSON report writes it (compare's JSON writes the same). */
export interface ReportBreakdown {
  id: string;
  t: number;
  kind: string;
  unit: string;
  transmission: string | null;
  stage: Stage | null;
  rule: string | null;
  cause: string;
  explanation: string;
  /** The explanation as data: a message code and its parameters (src/i18n renders them in each language). */
  code?: string;
  params?: Explanation['params'];
  /** The unit that answers for the breakdown, where the analysis can tell (an unknown phrase: the sender or the listener). */
  attributedTo?: string;
  /** For a distance violation: the norm breached, whose it is and its words. */
  norm?: { id: string; owner: string; label: string };
}

/**
 * A fact as the report writes it, agreed or disputed, in the shape ../shared/contracts.md sketches
 * (id, question, value, disputed, byAccount, sources) with what a reader needs to tell the
 * account's word from the scenario's assumption after it.
 */
export interface ReportFact {
  id: string;
  /** The question a disputed fact answers; an agreed fact's statement. */
  question: string;
  /** The value in this run's account; null for an agreed fact. */
  value: unknown;
  disputed: boolean;
  byAccount: Record<string, unknown>;
  /** Every source id cited for the fact, in order of first mention. */
  sources: string[];
  row: string | null;
  /** Why this account's value is an assumption, or null when the account states it. */
  assumed: string | null;
  assumedIn: Record<string, string>;
  sourcesByAccount: Record<string, string[]>;
  note: string | null;
}

/** An assumption as the report writes it: the core's own record, field for field. */
export type ReportAssumption = Assumption;

export interface Report {
  scenario: string;
  title: string;
  account: string | null;
  procedure: string;
  seed: number;
  start: string;
  durationS: number;
  units: { id: string; name: string; nation: string; kind: string }[];
  transmissions: {
    id: string;
    t: number;
    from: string;
    to: string;
    channel: string;
    kind: string;
    inReplyTo?: string;
    text: string;
    recipients: ReportRecipient[];
    /** What the message said besides its words, element by element, where it said any. */
    content?: MessageContent;
    /** Stations the call was not for that listen to others' calls (`overhears: true`), and how far it got with them. */
    overheardBy?: { unit: string; reached: Stage | null; cause: string | null }[];
    /** Only for a call with no "THIS IS": whom each station that made it out put it to (null: nobody), and why. */
    attributedBy?: { unit: string; to: string | null; why: string }[];
  }[];
  breakdowns: ReportBreakdown[];
  /** `evidenceCode`/`evidenceParams`: the evidence as data, beside the English `evidence`. */
  compliance: { rule: string; status: string; evidence: string; evidenceCode?: string; evidenceParams?: Explanation['params'] }[];
  summary: { transmissions: number; exchangesCompleted: number; breakdowns: number; firstBreakdownT: number | null };
  facts: ReportFact[];
  assumptions: ReportAssumption[];
  /** Norms and rules that give no verdict in this run (later than its date, or without numbers), for discussion. */
  discussion: { kind: string; id: string; owner: string | null; from: string | null; text: string; code?: string; params?: Explanation['params'] }[];
  /** Set when the procedure comes into force after the scenario's date: the run is a what-if the trainer chose. */
  whatIf: WhatIf | null;
  /** Procedures bound to some units beside the one in force (scenario or account `procedures:`); present only when there are any. */
  bound?: { procedure: string; boundTo: { nations?: string[]; services?: string[]; units?: string[] }[] }[];
  /** Escalation ladders (procedure `step` rules): each step taken or not, and why. Present only when a ladder binds some unit. */
  ladders?: ReportLadder[];
}

/** A step of a ladder as the report writes it: the English `cause`, and the cause as data where the analysis wrote it. */
export type ReportStep = Omit<StepOutcome, 'why'> & { causeCode?: string; causeParams?: Explanation['params'] };
export type ReportLadder = Omit<LadderOutcome, 'steps'> & { steps: ReportStep[] };

export interface WhatIf {
  procedure: string;
  inForceFrom: string;
  scenarioDate: string;
}

export interface Analysis {
  run: Run;
  outcomes: Outcome[];
  breakdowns: Breakdown[];
  compliance: ComplianceLine[];
  exchangesCompleted: number;
  discussion: DiscussionItem[];
  whatIf: WhatIf | null;
  ladders: LadderOutcome[];
}

export function analyse(run: Run): Analysis {
  const outs = withContent(run, outcomes(run.log));
  const breakdowns = findBreakdowns(run, outs);
  const compliance = scorecard(run, breakdowns);
  const completed = new Set<string>();
  // Whether it failed first: most did, and only a completed one's call is read (a call lies elsewhere on the heap).
  for (let i = 0; i < outs.length; i++) if (outs[i]!.failedAt === null && outs[i]!.tx.needsReply) completed.add(outs[i]!.tx.exchange);
  return {
    run,
    outcomes: outs,
    breakdowns,
    compliance,
    exchangesCompleted: completed.size,
    discussion: discussion(run.scenario, run.log, run.norms),
    whatIf: run.scenario.procedure.whatIf ?? null,
    ladders: ladderOutcomes(run),
  };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function buildReport(a: Analysis): Report {
  const { run } = a;
  const s = run.scenario;
  const overheard = new Map<string, { unit: string; reached: Stage | null; cause: string | null }[]>();
  for (const e of entriesOf(run.log, 'overheard')) {
    const list = overheard.get(e.tx) ?? [];
    // Past `heard` the listener had the call; that it was not for it is no failure.
    const heard = stageIndex(e.result.reached) >= stageIndex('heard');
    list.push({ unit: e.result.unit, reached: e.result.reached, cause: heard ? null : e.result.cause });
    overheard.set(e.tx, list);
  }
  const attributed = new Map<string, { unit: string; to: string | null; why: string }[]>();
  for (const e of entriesOf(run.log, 'attributed')) {
    const list = attributed.get(e.tx);
    const one = { unit: e.unit, to: e.to, why: e.why };
    if (list) list.push(one);
    else attributed.set(e.tx, [one]);
  }
  const byTx = new Map<string, Outcome[]>();
  for (const o of a.outcomes) {
    const list = byTx.get(o.tx.id);
    if (list) list.push(o);
    else byTx.set(o.tx.id, [o]);
  }
  return {
    scenario: s.spec.id,
    title: s.spec.title,
    account: s.account,
    procedure: s.procedure.id,
    seed: run.seed,
    start: s.spec.start,
    durationS: run.durationS,
    units: s.units.map((u) => ({ id: u.id, name: u.name, nation: u.nation, kind: u.kind })),
    transmissions: run.transmissions.map((tx) => ({
      id: tx.id,
      t: r1(tx.t),
      from: tx.from,
      to: tx.to,
      channel: tx.channel,
      kind: tx.kind,
      ...(tx.inReplyTo ? { inReplyTo: tx.inReplyTo } : {}),
      text: tx.text,
      recipients: (byTx.get(tx.id) ?? []).map((o) => ({
        unit: o.unit,
        reached: o.reached,
        failedAt: o.failedAt,
        cause: o.cause,
        ...(o.why ? { causeCode: o.why.code, causeParams: o.why.params } : {}),
        ...(o.heardAs ? { heardAs: o.heardAs } : {}),
        ...(o.attributedTo ? { attributedTo: o.attributedTo } : {}),
      })),
      ...(tx.content ? { content: tx.content } : {}),
      ...(overheard.has(tx.id) ? { overheardBy: overheard.get(tx.id)! } : {}),
      ...(tx.identified === false ? { attributedBy: attributed.get(tx.id) ?? [] } : {}),
    })),
    breakdowns: a.breakdowns.map(breakdownJson),
    compliance: a.compliance.map((c) => ({
      rule: c.rule,
      status: c.status,
      evidence: c.evidence,
      ...(c.why ? { evidenceCode: c.why.code, evidenceParams: c.why.params } : {}),
    })),
    summary: {
      transmissions: run.transmissions.length,
      exchangesCompleted: a.exchangesCompleted,
      breakdowns: a.breakdowns.length,
      firstBreakdownT: a.breakdowns.length ? r1(a.breakdowns[0]!.t) : null,
    },
    discussion: a.discussion.map((d) => ({
      kind: d.kind,
      id: d.id,
      owner: d.owner,
      from: d.from,
      text: d.text,
      ...(d.why ? { code: d.why.code, params: d.why.params } : {}),
    })),
    whatIf: a.whatIf,
    ...groundsJson(groundsOf(a)),
    ...(s.procedure.bound?.length ? { bound: s.procedure.bound.map((b) => ({ procedure: b.id, boundTo: b.boundTo })) } : {}),
    ...(a.ladders.length ? { ladders: a.ladders.map(ladderJson) } : {}),
  };
}

/** A ladder as the report writes it: each step's cause in English, with `causeCode`/`causeParams` beside it where the analysis wrote it. */
function ladderJson(l: LadderOutcome): ReportLadder {
  return {
    ...l,
    steps: l.steps.map(({ why, ...x }) => ({
      ...x,
      ...(x.t !== null ? { t: r1(x.t) } : {}),
      ...(why ? { causeCode: why.code, causeParams: why.params } : {}),
    })),
  };
}

/** The facts and assumptions arrays, in a fixed key order. */
export function groundsJson(g: Grounds): { facts: ReportFact[]; assumptions: ReportAssumption[] } {
  const facts: ReportFact[] = [
    ...g.agreed.map((f) => ({
      id: f.id,
      question: f.statement,
      value: null,
      disputed: false,
      byAccount: {},
      sources: [...f.sources],
      row: null,
      assumed: null,
      assumedIn: {},
      sourcesByAccount: {},
      note: f.note,
    })),
    ...g.disputed.map((f) => ({
      id: f.id,
      question: f.question,
      value: f.value,
      disputed: true,
      byAccount: f.values,
      sources: [...new Set(Object.values(f.sources).flat())],
      row: f.row,
      assumed: f.assumed,
      assumedIn: f.assumedIn,
      sourcesByAccount: f.sources,
      note: f.note,
    })),
  ];
  const assumptions = g.assumptions.map((x) => ({ id: x.id, value: x.value, unit: x.unit, label: x.label, why: x.why, origin: x.origin, sources: x.sources }));
  return { facts, assumptions };
}

export function breakdownJson(b: Breakdown): ReportBreakdown {
  return {
    id: b.id,
    t: r1(b.t),
    kind: b.kind,
    unit: b.unit,
    transmission: b.transmission,
    stage: b.stage,
    rule: b.rule,
    cause: b.cause,
    explanation: b.explanation,
    ...(b.why ? { code: b.why.code, params: b.why.params } : {}),
    ...(b.attributedTo ? { attributedTo: b.attributedTo } : {}),
    ...(b.norm ? { norm: { id: b.norm, owner: b.normOwner ?? '', label: b.normLabel ?? '' } } : {}),
  };
}

/** The what-if as data: the procedure came into force after the scenario's date. */
export function whatIfExplanation(w: WhatIf): Explanation {
  return explain('analysis.what-if', { procedure: w.procedure, from: w.inForceFrom, date: w.scenarioDate });
}

/** One line for a debrief when the run is a what-if: the procedure came into force after the scenario's date. */
export function whatIfLine(w: WhatIf, lang: Lang = 'en'): string {
  const e = whatIfExplanation(w);
  return t(lang, e.code, e.params);
}
