/**
 * The sweep itself, for the command and for the app's tests: runs a scenario N times per
 * procedure with seeded variation, on worker threads (one per core by default). Run i gets the
 * same variation and seed whatever the number of workers, so the result is identical for any
 * number of workers.
 *
 * A worker thread runs sweep-worker: the built one (build/cli/sweep-worker.js) beside the built
 * command line, so no worker compiles TypeScript; from the source (tests, tsx), through tsx.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { formatDiagnostic, type Diagnostic } from '../core';
import { loadScenario, type Scenario } from '../core/scenario/load';
import type { FileText } from '../core/procedure/load';
import { runRange, summarise, type ProcedureSummary, type RunRecord } from '../core/sweep/sweep';
import type { VarySpec } from '../core/sweep/vary';
import type { SweepHeader } from '../core/sweep/output';
import { diskProcedures } from './files';

export const WORKER_KIND = 'encounter-sim-sweep';

/** True in the built command line (scripts/build-cli.mjs defines it); undefined when running from the source. */
declare global {
  var __ENCOUNTER_SIM_BUILT__: boolean | undefined;
}

export interface SweepJob {
  file: FileText;
  account?: string;
  /** Procedure ids or paths; empty: the scenario's own. */
  procedures: string[];
  runs: number;
  /** Default: the scenario's seed. */
  seed?: number;
  vary: VarySpec[];
}

export interface SweepResult {
  header: SweepHeader;
  summaries: ProcedureSummary[];
  /** Per procedure, one record per run, in run order. */
  records: RunRecord[][];
  workers: number;
}

export interface SweepOptions {
  /** Worker threads; 0 runs everything on this thread. Default: one per core. */
  workers?: number;
  onProgress?: (done: number, total: number, procedure: string) => void;
}

/** Loads the scenario once per procedure; diagnostics instead when any cannot run. */
export function loadForSweep(
  job: Pick<SweepJob, 'file' | 'account' | 'procedures'>,
): { scenarios: Scenario[]; warnings: Diagnostic[] } | { diagnostics: Diagnostic[] } {
  const refs = job.procedures.length ? job.procedures : [undefined];
  const scenarios: Scenario[] = [];
  const warnings: Diagnostic[] = [];
  for (const procedure of refs) {
    const r = loadScenario(job.file, diskProcedures, { ...(job.account ? { account: job.account } : {}), ...(procedure ? { procedure } : {}) });
    if (!r.scenario) return { diagnostics: r.diagnostics };
    for (const d of r.diagnostics) if (d.severity === 'warning' && !warnings.some((w) => formatDiagnostic(w) === formatDiagnostic(d))) warnings.push(d);
    scenarios.push(r.scenario);
  }
  return { scenarios, warnings };
}

/** Runs the sweep; the result does not depend on the number of workers. */
export async function runSweep(job: SweepJob, opts: SweepOptions = {}): Promise<SweepResult | { diagnostics: Diagnostic[] }> {
  const loaded = loadForSweep(job);
  if ('diagnostics' in loaded) return loaded;
  const { scenarios } = loaded;
  const seed = job.seed ?? scenarios[0]!.spec.seed;
  const settings = { seed, vary: job.vary };
  const total = job.runs * scenarios.length;
  const records: RunRecord[][] = scenarios.map(() => new Array<RunRecord>(job.runs));
  let done = 0;
  const workers = Math.max(0, Math.min(opts.workers ?? availableParallelism(), Math.ceil(total / 4)));
  const chunk = Math.max(1, Math.min(25, Math.ceil(job.runs / Math.max(1, workers * 8))));
  const tasks: { p: number; from: number; to: number }[] = [];
  for (let p = 0; p < scenarios.length; p++) for (let from = 0; from < job.runs; from += chunk) tasks.push({ p, from, to: Math.min(job.runs, from + chunk) });
  const store = (p: number, list: RunRecord[]) => {
    for (const r of list) records[p]![r.index] = r;
    done += list.length;
    opts.onProgress?.(done, total, scenarios[p]!.procedure.id);
  };

  if (workers === 0) {
    for (const t of tasks) store(t.p, runRange(scenarios[t.p]!, settings, t.from, t.to));
  } else {
    await runOnWorkers(
      workers,
      { kind: WORKER_KIND, file: job.file, account: job.account ?? null, procedures: job.procedures, seed, vary: job.vary },
      tasks,
      store,
    );
  }

  const s0 = scenarios[0]!;
  const names = Object.fromEntries(s0.units.map((u) => [u.id, u.name]));
  return {
    header: { scenario: s0.spec.id, title: s0.spec.title, account: s0.account, seed, runs: job.runs, vary: job.vary },
    summaries: scenarios.map((s, p) => summarise(s.procedure, records[p]!, names)),
    records,
    workers,
  };
}

export interface WorkerInput {
  kind: typeof WORKER_KIND;
  file: FileText;
  account: string | null;
  procedures: string[];
  seed: number;
  vary: VarySpec[];
}

type ToWorker = { type: 'task'; p: number; from: number; to: number };
type FromWorker = { type: 'ready' } | { type: 'done'; p: number; records: RunRecord[] } | { type: 'error'; message: string };

/** The URL of tsx's ESM loader API, so a worker thread can run this TypeScript file. */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
  }
}

/** node:worker_threads, loaded when a sweep starts its threads: loading it costs every other command a few milliseconds. */
function workerThreads(): typeof WorkerThreads {
  return createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
}

function startWorker(input: WorkerInput): Worker {
  const { Worker } = workerThreads();
  if (globalThis.__ENCOUNTER_SIM_BUILT__) return new Worker(new URL('./sweep-worker.js', import.meta.url), { workerData: input });
  // From the source: Node 20 does not apply `--import` loaders to a worker's own entry file, so
  // the worker starts as a tiny script that registers tsx and then imports the worker's module.
  const entry = new URL('./sweep-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData: input });
}

function runOnWorkers(
  n: number,
  input: WorkerInput,
  tasks: { p: number; from: number; to: number }[],
  store: (p: number, records: RunRecord[]) => void,
): Promise<void> {
  return new Promise((resolveAll, reject) => {
    const queue = [...tasks];
    let running = n;
    let failed = false;
    const pool: Worker[] = [];
    const finish = (w: Worker) => {
      void w.terminate();
      if (--running === 0 && !failed) resolveAll();
    };
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(err);
    };
    const next = (w: Worker) => {
      const t = queue.shift();
      if (!t) return finish(w);
      w.postMessage({ type: 'task', ...t } satisfies ToWorker);
    };
    for (let i = 0; i < n; i++) {
      const w = startWorker(input);
      pool.push(w);
      w.on('message', (m: FromWorker) => {
        if (m.type === 'error') return fail(new Error(`sweep worker: ${m.message}`));
        if (m.type === 'done') store(m.p, m.records);
        next(w);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0 && !failed && queue.length) fail(new Error(`sweep worker stopped with code ${code}`));
      });
    }
  });
}

/** A worker thread's life: load the scenario once per procedure, then run the ranges it is sent. */
export function workerMain(input: WorkerInput): void {
  const port = workerThreads().parentPort!;
  const loaded = loadForSweep({ file: input.file, procedures: input.procedures, ...(input.account ? { account: input.account } : {}) });
  if ('diagnostics' in loaded) {
    port.postMessage({ type: 'error', message: loaded.diagnostics.map(formatDiagnostic).join('\n') } satisfies FromWorker);
    return;
  }
  const settings = { seed: input.seed, vary: input.vary };
  port.on('message', (m: ToWorker) => {
    try {
      port.postMessage({ type: 'done', p: m.p, records: runRange(loaded.scenarios[m.p]!, settings, m.from, m.to) } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker);
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
