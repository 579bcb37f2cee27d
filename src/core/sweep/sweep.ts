/**
 * Many runs of one scenario with seeded variation, summed up as the probability of each outcome
 * with a 95% Wilson interval. Run i always gets the same variation and the same engine seed,
 * whoever runs it: the CLI spreads runs over worker threads and still gets identical results.
 */
import { createRandom } from '../rng';
import { explain, type Explanation } from '../explain';
import type { Scenario } from '../scenario/load';
import { runScenario } from '../engine/engine';
import { analyse } from '../analysis/report';
import { LADDER, type Stage } from '../log';
import { varyScenario, type VarySpec } from './vary';

export interface SweepSettings {
  runs: number;
  /** Base seed: every run's variation and engine seed derive from it and the run's index. */
  seed: number;
  vary: VarySpec[];
}

/** How one exchange of calls ended: completed, or the stage where its last call stopped. */
export type ExchangeEnd = 'completed' | Stage | 'unfinished';

export interface RunRecord {
  index: number;
  seed: number;
  /** Hail exchanges, in the order they began. */
  exchanges: { from: string; to: string; end: ExchangeEnd }[];
  /** Ladder stages at which at least one message broke down. */
  stages: Stage[];
  /** Rules the scorecard shows as violated. */
  violated: string[];
  breakdowns: number;
}

/** The engine seed of run `index`. */
export function runSeed(seed: number, index: number): number {
  return Math.floor(createRandom(seed).fork(`run ${index}`).next() * 2 ** 32) >>> 0;
}

export function runOnce(base: Scenario, settings: Pick<SweepSettings, 'seed' | 'vary'>, index: number): RunRecord {
  const scenario = varyScenario(base, settings.vary, createRandom(settings.seed).fork(`vary ${index}`));
  const seed = runSeed(settings.seed, index);
  const a = analyse(runScenario(scenario, { seed }));
  const byTx = new Map(a.outcomes.filter((o) => o.unit === o.tx.to).map((o) => [o.tx.id, o]));
  const calls = new Map<string, { from: string; to: string; txs: string[] }>();
  for (const tx of a.run.transmissions) {
    if (tx.kind !== 'hail' || tx.to === 'all') continue;
    const x = calls.get(tx.exchange) ?? { from: tx.from, to: tx.to, txs: [] };
    x.txs.push(tx.id);
    calls.set(tx.exchange, x);
  }
  const exchanges = [...calls.values()].map(({ from, to, txs }) => {
    const outs = txs.map((id) => byTx.get(id));
    const last = outs[outs.length - 1];
    const end: ExchangeEnd = outs.some((o) => o && o.failedAt === null) ? 'completed' : last ? last.failedAt! : 'unfinished';
    return { from, to, end };
  });
  const stages = LADDER.filter((s) => a.breakdowns.some((b) => b.kind === 'ladder' && b.stage === s));
  return {
    index,
    seed,
    exchanges,
    stages,
    violated: a.compliance.filter((c) => c.status === 'violated').map((c) => c.rule),
    breakdowns: a.breakdowns.length,
  };
}

export function runRange(base: Scenario, settings: Pick<SweepSettings, 'seed' | 'vary'>, from: number, to: number): RunRecord[] {
  const out: RunRecord[] = [];
  for (let i = from; i < to; i++) out.push(runOnce(base, settings, i));
  return out;
}

// ---- summing up ------------------------------------------------------------------------------

export const Z95 = 1.959963984540054;

/** Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, z = Z95): { lo: number; hi: number } {
  if (n === 0) return { lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 and n the bounds are exactly 0 and 1; rounding must not put the rate outside its interval.
  return { lo: k === 0 ? 0 : Math.max(0, Math.min(p, centre - half)), hi: k === n ? 1 : Math.min(1, Math.max(p, centre + half)) };
}

export interface Rate {
  /** Stable id: "exchange-completed", "exchange:p1>ddg971", "stage:heard", "rule:cues-2014/answer-calls". */
  id: string;
  label: string;
  /** `label` as data, for the reader's language. */
  why: Explanation;
  k: number;
  n: number;
  rate: number;
  lo: number;
  hi: number;
}

function rate(id: string, label: string, why: Explanation, k: number, n: number): Rate {
  const { lo, hi } = wilson(k, n);
  return { id, label, why, k, n, rate: n ? k / n : 0, lo, hi };
}

export interface ProcedureSummary {
  procedure: string;
  title: string;
  runs: number;
  /** Every call exchange made in the run completed (and at least one was made). */
  completed: Rate;
  /** Nobody made a call. */
  noCall: Rate;
  /** Per caller → recipient: the first exchange between them completed, over the runs in which it was made. */
  exchanges: Rate[];
  /** A message (call, reply, report) broke down at this stage, for each stage of the ladder. */
  stages: Rate[];
  /** The scorecard shows the rule violated, for each rule of the procedure. */
  rules: Rate[];
}

export function summarise(
  procedure: { id: string; title: string; rules: { qid: string; title: string }[] },
  records: readonly RunRecord[],
  names: Record<string, string> = {},
): ProcedureSummary {
  const n = records.length;
  const name = (id: string) => names[id] ?? id;
  const made = records.filter((r) => r.exchanges.length > 0);
  const completed = made.filter((r) => r.exchanges.every((x) => x.end === 'completed')).length;
  const pairs: string[] = [];
  for (const r of records) for (const x of r.exchanges) if (!pairs.includes(`${x.from}>${x.to}`)) pairs.push(`${x.from}>${x.to}`);
  const exchanges = pairs.map((p) => {
    const [from, to] = p.split('>') as [string, string];
    const firsts = records.flatMap((r) => r.exchanges.filter((x) => x.from === from && x.to === to).slice(0, 1));
    return rate(
      `exchange:${p}`,
      `${name(from)} → ${name(to)}: call answered`,
      explain('analysis.sweep.row.exchange', { from: name(from), to: name(to) }),
      firsts.filter((x) => x.end === 'completed').length,
      firsts.length,
    );
  });
  return {
    procedure: procedure.id,
    title: procedure.title,
    runs: n,
    completed: rate('exchange-completed', 'every call exchange completed', explain('analysis.sweep.row.completed'), completed, n),
    noCall: rate('no-call', 'nobody made a call', explain('analysis.sweep.row.no-call'), n - made.length, n),
    exchanges,
    stages: LADDER.map((s) =>
      rate(
        `stage:${s}`,
        `a message stopped at ${s}`,
        explain('analysis.sweep.row.stage', { stage: explain(`terms.stage.${s}`) }),
        records.filter((r) => r.stages.includes(s)).length,
        n,
      ),
    ),
    rules: procedure.rules.map((rule) =>
      rate(
        `rule:${rule.qid}`,
        `${rule.qid} violated`,
        explain('analysis.sweep.row.rule', { rule: rule.qid }),
        records.filter((r) => r.violated.includes(rule.qid)).length,
        n,
      ),
    ),
  };
}
