/**
 * encounter-sim sweep <scenario.yaml> --runs N [--vary noise,set-noise,attention,proficiency,links]
 *                  [--procedure id|path]... [--account id] [--seed n] [--workers n]
 *                  [--format text|json] [--out file] [--lang en|ja|ko]
 * Runs the scenario N times per procedure with seeded variation, on worker threads (one per core
 * by default), and prints the probability of each outcome with its 95% Wilson interval. Progress
 * goes to stderr. Run i gets the same variation and seed whatever the number of workers, so the
 * output is identical for any --workers. Exit 0; 1 on invalid input.
 */
import { formatDiagnostic } from '../core';
import { DEFAULT_VARY, parseVary } from '../core/sweep/vary';
import { formatSweepText, sweepReport } from '../core/sweep/output';
import { MAX_SEED } from '../core/rng';
import { displayPath } from './files';
import { commandArgs, emit, fail, seedError, usageIn } from './common';
import { isUnreadable, readInput } from './io';
import { loadForSweep, runSweep, type SweepJob } from './sweep-run';
import { t, type Lang } from '../i18n';

export { loadForSweep, runSweep, type SweepJob, type SweepOptions, type SweepResult } from './sweep-run';

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

const OPTIONS = {
  procedure: 'repeated',
  runs: 'value',
  vary: 'value',
  account: 'value',
  seed: 'value',
  workers: 'value',
  format: 'value',
  out: 'value',
} as const;

export async function sweep(argv: string[]): Promise<number> {
  const usage = usageIn(argv, 'cli.usage.sweep');
  const parsed = commandArgs(argv, 'cli.usage.sweep', OPTIONS);
  if ('exit' in parsed) return parsed.exit;
  const { positional, flags, lang } = parsed;
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
    procedures: parsed.lists['procedure']!,
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
