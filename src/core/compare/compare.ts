/**
 * Two runs of one scenario side by side (account A against B, procedure X against Y, or any two
 * runs): the disputed facts that differ and the rows the scenario leaves out, the first moment the
 * logs part, each finding as in both accounts, only in A or only in B with the disputed facts it
 * rests on, the passes judged differently, and the calls that got to a different stage. Two
 * analyses in, data out; testing findings against the facts re-runs the scenario (grounds.ts).
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';
import type { Outcome } from '../analysis/outcomes';
import type { LogEntry, Stage, Transmission } from '../log';
import { describeEntry } from '../format/describe';
import { explain, type Explanation } from '../explain';
import { english } from '../../i18n';
import { unitsCtx } from '../debrief/words';
import type { Run } from '../engine/engine';
import type { NotModelledSpec } from '../scenario/schema';
import { breakdownKey } from './key';
import { findingsOf, pairBreakdowns, type Finding } from './findings';
import { testGrounds, type Grounds, type Rerun } from './grounds';
import { verdictDifferences, type VerdictDifference } from './verdicts';

export { breakdownKey };
export type { Finding, Grounds, Rerun, VerdictDifference };

export interface RunSide {
  account: string | null;
  accountTitle: string | null;
  procedure: string;
  procedureTitle: string;
  seed: number;
  /** "account jp · procedure practice-2018 · seed 1": the settings that tell the runs apart first. */
  label: string;
  /** The settings the label names, so it can be said in another language (phrases.sideLabel). */
  labelKeys: LabelKey[];
}

export interface FactDifference {
  id: string;
  question: string;
  row?: string;
  a: unknown;
  b: unknown;
  /** Where the scenario supplied the value an account does not state: why (facts.*.assumed). */
  assumedA?: string;
  assumedB?: string;
}

export interface EntryDifference {
  t: number;
  /** Log entries at the point of divergence; null when that run's log had already ended. */
  a: LogEntry | null;
  b: LogEntry | null;
  /** The entries in words. */
  aSays: string;
  bSays: string;
  /** The same as data where the comparison wrote the words itself (the log ended, a unit chose to do nothing). */
  aWhy?: Explanation;
  bWhy?: Explanation;
}

export interface BreakdownPair {
  key: string;
  a: Breakdown;
  b: Breakdown;
}

export interface CallRef {
  tx: string;
  t: number;
  from: string;
  to: string;
  channel: string;
  kind: string;
  attempt: number;
  /** The call in words: "JMSDF P-1 → Gwanggaeto the Great on 121.5 (hail #2)". */
  words: string;
  /** The same as data (`words` is its English). */
  why: Explanation;
}

export interface StageAt {
  tx: string;
  t: number;
  reached: Stage | null;
  failedAt: Stage | null;
  cause: string | null;
  /** The cause as data, when the analysis gave it (`cause` is its English). */
  causeWhy?: Explanation;
  heardAs?: string;
}

export interface TransmissionDifference {
  call: CallRef;
  recipient: string;
  recipientName: string;
  a: StageAt;
  b: StageAt;
}

export interface RunTotals {
  transmissions: number;
  exchangesCompleted: number;
  breakdowns: number;
  firstBreakdownT: number | null;
}

export interface Comparison {
  scenario: string;
  title: string;
  start: string;
  a: RunSide;
  b: RunSide;
  /** The facts the scenario models: those the two runs give differently, and how many they give alike. */
  facts: { differ: FactDifference[]; same: number };
  /** Rows of the dispute the scenario does not model, and why: the facts above are not the whole dispute. */
  notModelled: NotModelledSpec[];
  /** First log entry that differs in content (sequence numbers and cause links aside). */
  firstDivergence: EntryDifference | null;
  /** The same, counting only what was said and heard: calls, receptions, answers, waits. */
  firstRadioDivergence: EntryDifference | null;
  breakdowns: { onlyA: Breakdown[]; onlyB: Breakdown[]; both: BreakdownPair[] };
  /** Every breakdown of either run once, in order of time: in both, only in A or only in B, and what it rests on. */
  findings: Finding[];
  /** Whether the findings were tested against the disputed facts, and why not. */
  grounds: Grounds;
  /** Closest passes both runs record alike and judge differently. */
  verdicts: VerdictDifference[];
  transmissions: { differ: TransmissionDifference[]; onlyA: CallRef[]; onlyB: CallRef[] };
  totals: { a: RunTotals; b: RunTotals };
  /** Unit names by id, from both runs. */
  names: Record<string, string>;
}

const RADIO_TYPES = new Set<LogEntry['type']>(['transmission', 'reception', 'answered', 'unanswered']);

/**
 * `rerun` runs the scenario again under one account with a fact changed (grounds.rerunner): given,
 * and when the runs differ only in account, each finding says which disputed facts it rests on.
 */
export function compareRuns(a: Analysis, b: Analysis, rerun?: Rerun): Comparison {
  const sa = a.run.scenario;
  const sb = b.run.scenario;
  const names: Record<string, string> = {};
  for (const u of [...sb.units, ...sa.units]) names[u.id] = u.name;
  const [labelA, labelB, labelKeys] = labels(a, b);
  const facts = factDifferences(a, b);
  const pairing = pairBreakdowns(a, b);
  const findings = findingsOf(a, b, pairing);
  const grounds = testGrounds(a, b, findings, facts.differ, rerun);
  return {
    scenario: sa.spec.id,
    title: sa.spec.title,
    start: sa.spec.start,
    a: side(a, labelA, labelKeys),
    b: side(b, labelB, labelKeys),
    facts,
    notModelled: sa.spec.notModelled ?? [],
    firstDivergence: firstDifference(a.run, b.run, () => true),
    firstRadioDivergence: firstDifference(a.run, b.run, (e) => RADIO_TYPES.has(e.type)),
    breakdowns: {
      onlyA: pairing.onlyA,
      onlyB: pairing.onlyB,
      both: pairing.pairs.map(([x, y]) => ({ key: breakdownKey(a, x), a: x, b: y })),
    },
    findings,
    grounds,
    verdicts: verdictDifferences(a, b),
    transmissions: transmissionDifferences(a, b),
    totals: { a: totals(a), b: totals(b) },
    names,
  };
}

function side(x: Analysis, label: string, labelKeys: LabelKey[]): RunSide {
  const s = x.run.scenario;
  return {
    account: s.account,
    accountTitle: s.account ? (s.spec.accounts[s.account]?.title ?? null) : null,
    procedure: s.procedure.id,
    procedureTitle: s.procedure.title,
    seed: x.run.seed,
    label,
    labelKeys,
  };
}

/** Labels that name what differs first; when nothing differs, the full settings. */
type LabelKey = 'account' | 'procedure' | 'seed';

function labels(a: Analysis, b: Analysis): [string, string, LabelKey[]] {
  const parts = (x: Analysis) => ({
    account: `account ${x.run.scenario.account ?? 'none'}`,
    procedure: `procedure ${x.run.scenario.procedure.id}`,
    seed: `seed ${x.run.seed}`,
  });
  const pa = parts(a);
  const pb = parts(b);
  const keys = (['account', 'procedure', 'seed'] as const).filter((k) => pa[k] !== pb[k]);
  const use = keys.length ? keys : (['account', 'procedure', 'seed'] as const);
  return [use.map((k) => pa[k]).join(' · '), use.map((k) => pb[k]).join(' · '), [...use]];
}

/** Why the scenario supplied this fact's value for the run's account, when the account does not state it. */
function assumedIn(x: Analysis, id: string): string | undefined {
  const s = x.run.scenario;
  return s.account ? s.spec.facts[id]?.assumed?.[s.account] : undefined;
}

function factDifferences(a: Analysis, b: Analysis): Comparison['facts'] {
  const fb = new Map(b.run.scenario.facts.map((f) => [f.id, f]));
  const assumed = (id: string) => {
    const [x, y] = [assumedIn(a, id), assumedIn(b, id)];
    return { ...(x ? { assumedA: x } : {}), ...(y ? { assumedB: y } : {}) };
  };
  const differ: FactDifference[] = [];
  let same = 0;
  for (const f of a.run.scenario.facts) {
    const other = fb.get(f.id);
    const bv = other ? other.value : undefined;
    if (stable(f.value) === stable(bv)) {
      same++;
      continue;
    }
    differ.push({ id: f.id, question: f.question, ...(f.row ? { row: f.row } : {}), a: f.value, b: bv, ...assumed(f.id) });
  }
  for (const f of b.run.scenario.facts) {
    if (a.run.scenario.facts.some((x) => x.id === f.id)) continue;
    differ.push({ id: f.id, question: f.question, ...(f.row ? { row: f.row } : {}), a: undefined, b: f.value, ...assumed(f.id) });
  }
  return { differ, same };
}

/** JSON with sorted keys, so two equal values compare equal whatever their key order. */
export function stable(v: unknown): string {
  if (v === undefined) return 'undefined';
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      return Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)));
    }
    return x;
  });
}

/** An entry's content: what happened and why, without its position in the log. */
function content(e: LogEntry): string {
  const { seq: _seq, cause, ...rest } = e;
  const { entry: _entry, ...why } = cause;
  return stable({ ...rest, cause: why });
}

function firstDifference(ra: Run, rb: Run, keep: (e: LogEntry) => boolean): EntryDifference | null {
  const la = ra.log.filter(keep);
  const lb = rb.log.filter(keep);
  const n = Math.max(la.length, lb.length);
  for (let i = 0; i < n; i++) {
    const ea = la[i] ?? null;
    const eb = lb[i] ?? null;
    if (ea && eb && content(ea) === content(eb)) continue;
    const t = Math.min(ea?.t ?? Infinity, eb?.t ?? Infinity);
    const [wa, wb] = [ea ? wordsWhy(ra, ea) : ended(ra), eb ? wordsWhy(rb, eb) : ended(rb)];
    return {
      t,
      a: ea,
      b: eb,
      aSays: ea ? words(ra, ea) : english(wa!),
      bSays: eb ? words(rb, eb) : english(wb!),
      ...(wa ? { aWhy: wa } : {}),
      ...(wb ? { bWhy: wb } : {}),
    };
  }
  return null;
}

const ended = (run: Run) => explain('debrief.compare.log-ended', { s: run.durationS });

/** An entry the timeline leaves out, in words the comparison writes itself (the rest are describeEntry's). */
function wordsWhy(run: Run, e: LogEntry): Explanation | undefined {
  if (e.type !== 'decision' || describeEntry(run, e) !== null) return undefined;
  return explain(e.rule ? 'debrief.compare.does-nothing.rule' : 'debrief.compare.does-nothing', {
    unit: { unit: e.unit },
    ...(e.rule ? { rule: e.rule } : {}),
    reason: e.reason,
  });
}

/** Every entry in words, including the ones the timeline leaves out. */
export function words(run: Run, e: LogEntry): string {
  const d = describeEntry(run, e);
  if (d !== null) return d.trim();
  const why = wordsWhy(run, e);
  return why ? english(why, unitsCtx(run.scenario.units)) : e.type;
}

function callRef(run: Run, tx: Transmission): CallRef {
  const name = (id: string) => run.scenario.units.find((u) => u.id === id)?.name ?? id;
  return {
    tx: tx.id,
    t: tx.t,
    from: tx.from,
    to: tx.to,
    channel: tx.channel,
    kind: tx.kind,
    attempt: tx.attempt,
    words: `${name(tx.from)} → ${tx.to === 'all' ? 'all stations' : name(tx.to)} on ${tx.channel} (${tx.kind}${tx.attempt > 1 ? ` #${tx.attempt}` : ''})`,
    why: explain(tx.to === 'all' ? 'debrief.compare.call.all' : 'debrief.compare.call', {
      from: { unit: tx.from },
      ...(tx.to === 'all' ? {} : { to: { unit: tx.to } }),
      channel: tx.channel,
      kind: tx.kind,
      attempt: tx.attempt,
    }),
  };
}

/** Calls are the same call when the same unit makes the same kind of call to the same unit on the same channel, the n-th time. */
function keyedCalls(run: Run): Map<string, Transmission> {
  const seen = new Map<string, number>();
  const out = new Map<string, Transmission>();
  for (const tx of run.transmissions) {
    const base = `${tx.from}|${tx.to}|${tx.kind}|${tx.channel}|${tx.attempt}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(`${base}|${n}`, tx);
  }
  return out;
}

function stageAt(o: Outcome): StageAt {
  return {
    tx: o.tx.id,
    t: o.tx.t,
    reached: o.reached,
    failedAt: o.failedAt,
    cause: o.cause,
    ...(o.why ? { causeWhy: o.why } : {}),
    ...(o.heardAs ? { heardAs: o.heardAs } : {}),
  };
}

function transmissionDifferences(a: Analysis, b: Analysis): Comparison['transmissions'] {
  const ka = keyedCalls(a.run);
  const kb = keyedCalls(b.run);
  const outcomesOf = (x: Analysis) => {
    const m = new Map<string, Outcome>();
    for (const o of x.outcomes) m.set(`${o.tx.id}/${o.unit}`, o);
    return m;
  };
  const oa = outcomesOf(a);
  const ob = outcomesOf(b);
  const differ: TransmissionDifference[] = [];
  const onlyA: CallRef[] = [];
  for (const [k, txa] of ka) {
    const txb = kb.get(k);
    if (!txb) {
      onlyA.push(callRef(a.run, txa));
      continue;
    }
    const recipients = [...new Set([...txa.recipients, ...txb.recipients])];
    for (const r of recipients) {
      const xa = oa.get(`${txa.id}/${r}`);
      const xb = ob.get(`${txb.id}/${r}`);
      if (!xa || !xb) continue; // still in the air at the end, or out of range of a call to all
      if (xa.reached === xb.reached && xa.failedAt === xb.failedAt) continue;
      differ.push({
        call: callRef(a.run, txa),
        recipient: r,
        recipientName: a.run.scenario.units.find((u) => u.id === r)?.name ?? r,
        a: stageAt(xa),
        b: stageAt(xb),
      });
    }
  }
  const onlyB = [...kb].filter(([k]) => !ka.has(k)).map(([, tx]) => callRef(b.run, tx));
  return { differ, onlyA, onlyB };
}

function totals(x: Analysis): RunTotals {
  return {
    transmissions: x.run.transmissions.length,
    exchangesCompleted: x.exchangesCompleted,
    breakdowns: x.breakdowns.length,
    firstBreakdownT: x.breakdowns.length ? x.breakdowns[0]!.t : null,
  };
}
