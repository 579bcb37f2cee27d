/**
 * The sweep worker's work, as plain functions (no worker globals), so tests run exactly what a
 * worker runs, in-process. Loads the scenario once per procedure with the app's bundled
 * procedures and runs a range of run indices with the core's runRange: run i gets the same
 * variation and seed as run i of `npm run sweep`, whoever runs it.
 */
import { loadScenario, type Scenario } from '../../core/scenario/load';
import type { FileText } from '../../core/procedure/load';
import { runRange, summarise, type ProcedureSummary, type RunRecord } from '../../core/sweep/sweep';
import { DEFAULT_VARY, VARIATIONS, type VarySpec } from '../../core/sweep/vary';
import { bundledProcedures } from '../catalog';

export interface SweepJob {
  file: FileText;
  account: string | null;
  /** Procedure ids, in the order their summaries are shown. */
  procedures: string[];
  runs: number;
  seed: number;
  vary: VarySpec[];
}

/** Sent to a worker: the job and the run ranges it does. */
export interface SweepTask {
  p: number;
  from: number;
  to: number;
}

export type FromWorker = { type: 'done'; p: number; records: RunRecord[] } | { type: 'error'; message: string } | { type: 'finished' };

/** What `npm run sweep` varies when --vary is not given. */
export const DEFAULT_VARY_SPECS: VarySpec[] = DEFAULT_VARY.map((name) => ({ name, amount: VARIATIONS[name].defaultAmount }));

export function loadSweepScenarios(job: Pick<SweepJob, 'file' | 'account' | 'procedures'>): Scenario[] | { error: string } {
  const out: Scenario[] = [];
  for (const procedure of job.procedures) {
    const r = loadScenario(job.file, bundledProcedures, { ...(job.account ? { account: job.account } : {}), procedure });
    if (!r.scenario)
      return {
        error: r.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.message)
          .join('; '),
      };
    out.push(r.scenario);
  }
  return out;
}

/** One worker's share: the tasks, run in order. */
export function runTasks(
  scenarios: Scenario[],
  job: Pick<SweepJob, 'seed' | 'vary'>,
  tasks: readonly SweepTask[],
  onDone: (p: number, records: RunRecord[]) => void,
): void {
  for (const t of tasks) onDone(t.p, runRange(scenarios[t.p]!, { seed: job.seed, vary: job.vary }, t.from, t.to));
}

/** Splits the runs of every procedure into chunks (small, for a smooth progress bar) dealt round-robin to `workers`. */
export function planTasks(job: Pick<SweepJob, 'runs' | 'procedures'>, workers: number): SweepTask[][] {
  const n = Math.max(1, workers);
  const chunk = Math.max(1, Math.min(10, Math.ceil(job.runs / (n * 8))));
  const all: SweepTask[] = [];
  for (let p = 0; p < job.procedures.length; p++)
    for (let from = 0; from < job.runs; from += chunk) all.push({ p, from, to: Math.min(job.runs, from + chunk) });
  const out: SweepTask[][] = Array.from({ length: n }, () => []);
  all.forEach((t, i) => out[i % n]!.push(t));
  return out.filter((x) => x.length);
}

/** Sums up the records per procedure, as the CLI does. */
export function summariseSweep(scenarios: Scenario[], records: RunRecord[][]): ProcedureSummary[] {
  const names = Object.fromEntries(scenarios[0]!.units.map((u) => [u.id, u.name]));
  return scenarios.map((s, p) => summarise(s.procedure, records[p]!, names));
}
