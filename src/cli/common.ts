/** What every command over one scenario file does first: flags, --help, the file, the seed. */
import { langOf, parseArgs } from './args';
import { displayPath, UnreadableFile } from './files';
import { inertJson, isUnreadable, printable, readInput, writeOutput } from './io';
import type { FileText } from '../core/procedure/load';
import { MAX_SEED } from '../core/rng';
import { t, type Lang } from '../i18n';

export type Flags = Record<string, string | true>;

/** A message on stderr; what it quotes from a file cannot drive the terminal. */
export function fail(msg: string): number {
  process.stderr.write(printable(msg) + '\n');
  return 1;
}

/** The command's usage (a `cli.usage.*` code) in the language --lang asks for, English if it asks for none we have. */
export function usageIn(argv: readonly string[], code: string): string {
  const lang = langOf(argv);
  return t(typeof lang === 'string' ? lang : 'en', code);
}

/** Parsed flags, the reader's language and the scenario path, or the exit code when there is nothing to run. */
export function scenarioCommand(
  argv: string[],
  usageCode: string,
  valued: string[],
  booleans: string[],
): { path: string; flags: Flags; file: FileText; lang: Lang } | { exit: number } {
  const usage = usageIn(argv, usageCode);
  const parsed = parseArgs(argv, valued, [...booleans, 'help']);
  if ('error' in parsed) return { exit: fail(`${parsed.error}\n${usage}`) };
  const { positional, flags, lang } = parsed;
  if (flags['help']) {
    process.stdout.write(usage + '\n');
    return { exit: 0 };
  }
  if (positional.length !== 1) return { exit: fail(`${t(lang, 'cli.one-scenario')}\n${usage}`) };
  const path = positional[0]!;
  const file = readInput(path, displayPath(path), lang);
  if (isUnreadable(file)) return { exit: fail(`${displayPath(path)}:1:1: error: ${file.problem}`) };
  return { path, flags, file, lang };
}

/** --format among the allowed values, the first being the default. */
export function formatOption(flags: Flags, allowed: string[], lang: Lang = 'en'): string | { error: string } {
  const format = (flags['format'] ?? allowed[0]) as string;
  if (!allowed.includes(format))
    return { error: t(lang, 'cli.format', { allowed: allowed.slice(0, -1).join(', '), last: allowed[allowed.length - 1]!, value: format }) };
  return format;
}

/** --account, --procedure and --seed as load and run options. */
export function runOptions(flags: Flags, lang: Lang = 'en'): { account?: string; procedure?: string; seed?: number } | { error: string } {
  const seed = flags['seed'] !== undefined ? Number(flags['seed']) : undefined;
  if (seed !== undefined && !seedOk(seed)) return { error: seedError(flags['seed'], lang) };
  return {
    ...(typeof flags['account'] === 'string' ? { account: flags['account'] } : {}),
    ...(typeof flags['procedure'] === 'string' ? { procedure: flags['procedure'] } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}

export function seedOk(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

export function seedError(value: unknown, lang: Lang): string {
  return t(lang, 'cli.seed', { max: MAX_SEED, value: String(value) });
}

/**
 * A command's output: to `--out` (never over an input, written whole) or to stdout. Text a file
 * supplied is made inert for the terminal: escapes shown as \x1B, and JSON's own escapes for JSON.
 */
export function emit(out: string, flags: Flags, inputs: readonly string[], json = false, lang: Lang = 'en'): number {
  const safe = json ? inertJson(out) : printable(out);
  if (typeof flags['out'] === 'string') {
    const problem = writeOutput(flags['out'], safe, inputs, lang);
    return problem ? fail(problem) : 0;
  }
  process.stdout.write(safe);
  return 0;
}

/** Runs a command's main: a path it could not read is a message, and an unexpected error is one line, not a stack trace. */
export function runCommand(main: (argv: string[]) => number): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UnreadableFile) process.exitCode = fail(e.message);
    else {
      const lang = langOf(process.argv.slice(2));
      process.exitCode = fail(t(typeof lang === 'string' ? lang : 'en', 'cli.internal-error', { message: (e as Error).message ?? String(e) }));
      if (process.env['ENCOUNTER_SIM_DEBUG']) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    }
  }
}
