/**
 * The JSON report of ../shared/contracts.md, built from a run. Key order and number formatting
 * are fixed, so the same run gives the same bytes.
 */
import type { Run } from '../engine/engine';
import { findBreakdowns, type Breakdown } from './breakdowns';
import { outcomes, type Outcome } from './outcomes';
import { scorecard, type ComplianceLine } from './compliance';
import type { Stage } from '../log';

export interface ReportRecipient {
  unit: string;
  reached: Stage | null;
  failedAt: Stage | null;
  cause: string | null;
  heardAs?: string;
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
}

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
    /** Stations the call was not for that listen to others' calls (`overhears: true`), and how far it got with them. */
    overheardBy?: { unit: string; reached: Stage | null; cause: string | null }[];
  }[];
  breakdowns: ReportBreakdown[];
  compliance: { rule: string; status: string; evidence: string }[];
  summary: { transmissions: number; exchangesCompleted: number; breakdowns: number; firstBreakdownT: number | null };
}

export interface Analysis {
  run: Run;
  outcomes: Outcome[];
  breakdowns: Breakdown[];
  compliance: ComplianceLine[];
  exchangesCompleted: number;
}

export function analyse(run: Run): Analysis {
  const outs = outcomes(run.log);
  const breakdowns = findBreakdowns(run, outs);
  const compliance = scorecard(run, breakdowns);
  const completed = new Set(outs.filter((o) => o.tx.needsReply && o.failedAt === null).map((o) => o.tx.exchange));
  return { run, outcomes: outs, breakdowns, compliance, exchangesCompleted: completed.size };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function buildReport(a: Analysis): Report {
  const { run } = a;
  const s = run.scenario;
  const overheard = new Map<string, { unit: string; reached: Stage | null; cause: string | null }[]>();
  for (const e of run.log) {
    if (e.type !== 'overheard') continue;
    const list = overheard.get(e.tx) ?? [];
    // Past `heard` the listener had the call; that it was not for it is no failure.
    const heard = e.result.reached !== null && ['heard', 'understood', 'acknowledged', 'acted-on'].includes(e.result.reached);
    list.push({ unit: e.result.unit, reached: e.result.reached, cause: heard ? null : e.result.cause });
    overheard.set(e.tx, list);
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
        ...(o.heardAs ? { heardAs: o.heardAs } : {}),
      })),
      ...(overheard.has(tx.id) ? { overheardBy: overheard.get(tx.id)! } : {}),
    })),
    breakdowns: a.breakdowns.map(breakdownJson),
    compliance: a.compliance.map((c) => ({ rule: c.rule, status: c.status, evidence: c.evidence })),
    summary: {
      transmissions: run.transmissions.length,
      exchangesCompleted: a.exchangesCompleted,
      breakdowns: a.breakdowns.length,
      firstBreakdownT: a.breakdowns.length ? r1(a.breakdowns[0]!.t) : null,
    },
  };
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
  };
}
