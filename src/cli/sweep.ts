/**
 * npm run sweep -- <scenario.yaml> --runs N [--vary noise,set-noise,attention,proficiency,links]
 *                  [--procedure id|path]... [--account id] [--seed n] [--workers n]
 *                  [--format text|json] [--out file] [--lang en|ja|ko]
 * Runs the scenario N times per procedure with seeded variation, on worker threads (one per core
 * by default), and prints the probability of each outcome with its 95% Wilson interval. Progress
 * goes to stderr. Run i gets the same variation and seed whatever the number of workers, so the
 * output is identical for any --workers. Exit 0; 1 on invalid input.
 *
 * This file is also the worker's entry: a worker thread loads it through tsx's loader.
 */
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { formatDiagnostic, type Diagnostic } from '../core';
import { loadScenario, type Scenario } from '../core/scenario/load';
import type { FileText } from '../core/procedure/load';
import { runRange, summarise, type ProcedureSummary, type RunRecord } from '../core/sweep/sweep';
import { DEFAULT_VARY, parseVary, type VarySpec } from '../core/sweep/vary';
import { formatSweepText, sweepReport, type SweepHeader } from '../core/sweep/output';
import { takeRepeated } from '../core/compare/sides';
import { diskProcedures, displayPath } from './files';
import { MAX_SEED } from '../core/rng';
import { emit, seedError, usageIn } from './common';
import { isUnreadable, printable, readInput } from './io';
import { parseArgs } from './args';
import { t, type Lang } from '../i18n';

const WORKER_KIND = 'encounter-sim-sweep';

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

interface WorkerInput {
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

function startWorker(input: WorkerInput): Worker {
  // Node 20 does not apply `--import` loaders to a worker's own entry file, so the worker starts
  // as a tiny script that registers tsx and then imports this file.
  const code = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
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

function workerMain(input: WorkerInput): void {
  const port = parentPort!;
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

// ---- the command ---------------------------------------------------------------------------------

/** A progress bar on a terminal; a plain line every tenth of the way otherwise. */
function progress(stream: NodeJS.WriteStream, started: number, lang: Lang) {
  let lastDraw = 0;
  let lastTenth = -1;
  return {
    update(done: number, total: number, procedure: string) {
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      if (stream.isTTY) {
        const now = performance.now();
        if (done < total && now - lastDraw < 100) return;
        lastDraw = now;
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
        const filled = Math.round((done / total) * width);
        stream.write(
          `\rsweep [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${((done / total) * 100).toFixed(0).padStart(3)}% ${secs} s ${procedure}\x1b[K`,
        );
        if (done === total) stream.write('\n');
        return;
      }
      const tenth = Math.floor((done / total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(t(lang, 'cli.sweep.progress', { done, total, percent: tenth * 10, secs, procedure }) + '\n');
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const usage = usageIn(argv, 'cli.usage.sweep');
  const taken = takeRepeated(argv, ['procedure']);
  if (taken.error) return fail(`${taken.error}\n${usage}`);
  const parsed = parseArgs(taken.rest, ['runs', 'vary', 'account', 'seed', 'workers', 'format', 'out'], ['help']);
  if ('error' in parsed) return fail(`${parsed.error}\n${usage}`);
  const { positional, flags, lang } = parsed;
  if (flags['help']) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  if (positional.length !== 1) return fail(`${t(lang, 'cli.one-scenario')}\n${usage}`);
  const path = positional[0]!;
  const file = readInput(path, displayPath(path), lang);
  if (isUnreadable(file)) return fail(`${displayPath(path)}:1:1: error: ${file.problem}`);
  const runs = Number(flags['runs']);
  if (flags['runs'] === undefined || !Number.isInteger(runs) || runs < 1 || runs > 1_000_000)
    return fail(`${flags['runs'] === undefined ? t(lang, 'cli.runs') : t(lang, 'cli.runs-not', { value: String(flags['runs']) })}\n${usage}`);
  const seed = flags['seed'] !== undefined ? Number(flags['seed']) : undefined;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)) return fail(seedError(flags['seed'], lang));
  const workers = flags['workers'] !== undefined ? Number(flags['workers']) : undefined;
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64))
    return fail(t(lang, 'cli.workers', { value: String(flags['workers']) }));
  const format = (flags['format'] ?? 'text') as string;
  if (!['text', 'json'].includes(format)) return fail(t(lang, 'cli.format', { allowed: 'text', last: 'json', value: format }));
  const varyText = typeof flags['vary'] === 'string' ? flags['vary'] : DEFAULT_VARY.join(',');
  const vary = parseVary(varyText === 'none' ? '' : varyText);
  if ('error' in vary) return fail(vary.error);

  const job: SweepJob = {
    file,
    procedures: taken.values['procedure']!,
    runs,
    vary,
    ...(typeof flags['account'] === 'string' ? { account: flags['account'] } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
  const check = loadForSweep(job);
  if ('diagnostics' in check) {
    for (const d of check.diagnostics) if (d.severity === 'error') fail(formatDiagnostic(d, { lang }));
    return 1;
  }
  for (const d of check.warnings) fail(formatDiagnostic(d, { lang }));
  const started = performance.now();
  const bar = progress(process.stderr, started, lang);
  const result = await runSweep(job, { ...(workers !== undefined ? { workers } : {}), onProgress: (d, t, p) => bar.update(d, t, p) });
  if ('diagnostics' in result) return 1;
  const secs = (performance.now() - started) / 1000;
  const total = runs * result.summaries.length;
  const took = { total, secs: secs.toFixed(1), workers: result.workers };
  process.stderr.write(t(lang, result.workers === 0 ? 'cli.sweep.done-here' : 'cli.sweep.done-workers', took) + '\n');
  const out =
    format === 'json'
      ? JSON.stringify(sweepReport(result.header, result.summaries), null, 2) + '\n'
      : formatSweepText(result.header, result.summaries, { lang });
  return emit(out, flags, [path], format === 'json', lang);
}

function fail(msg: string): number {
  process.stderr.write(printable(msg) + '\n');
  return 1;
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMainThread && isEntry) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${printable(err instanceof Error ? err.message : String(err))}\n`);
      process.exitCode = 1;
    },
  );
} else if (!isMainThread && (workerData as WorkerInput | undefined)?.kind === WORKER_KIND) {
  workerMain(workerData as WorkerInput);
}
