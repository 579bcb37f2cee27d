/** What every command over one scenario file does first: flags, --help, the file, the seed. */
import { langOr, parseArgs, wantsHelp, type Flags, type OptionSpec, type Parsed } from './args';
import { displayPath, UnreadableFile } from './files';
import { inertJson, isUnreadable, printable, readInput, writeOutput } from './io';
import type { FileText } from '../core/procedure/load';
import { MAX_SEED } from '../core/rng';
import { t, type Lang } from '../i18n';

export type { Flags };

/** A command: its arguments (after the command's name) in, its exit status out. */
export type Command = (argv: string[]) => number | Promise<number>;

/** A message on stderr; what it quotes from a file cannot drive the terminal. */
export function fail(msg: string): number {
  process.stderr.write(printable(msg) + '\n');
  return 1;
}

/** The command's usage (a `cli.usage.*` code) in the language --lang asks for, English if it asks for none we have. */
export function usageIn(argv: readonly string[], code: string): string {
  return t(langOr(argv), code);
}

/**
 * A command's arguments parsed against its options, or the exit status when there is nothing to
 * run: with -h/--help the usage on stdout and 0 (and nothing read or written, whatever else the
 * line says); an option it does not take, or one missing its value, the error and the usage on
 * stderr and 2.
 */
export function commandArgs(argv: readonly string[], usageCode: string, spec: OptionSpec): Parsed | { exit: number } {
  const usage = usageIn(argv, usageCode);
  if (wantsHelp(argv)) {
    process.stdout.write(usage + '\n');
    return { exit: 0 };
  }
  const parsed = parseArgs(argv, spec);
  if ('error' in parsed) {
    fail(`${parsed.error}\n${usage}`);
    return { exit: parsed.status };
  }
  return parsed;
}

/** Parsed flags, the reader's language and the scenario path, or the exit code when there is nothing to run. */
export function scenarioCommand(
  argv: string[],
  usageCode: string,
  spec: OptionSpec,
): { path: string; flags: Flags; lists: Record<string, string[]>; file: FileText; lang: Lang } | { exit: number } {
  const parsed = commandArgs(argv, usageCode, spec);
  if ('exit' in parsed) return parsed;
  const { positional, flags, lists, lang } = parsed;
  if (positional.length !== 1) return { exit: fail(`${t(lang, 'cli.one-scenario')}\n${usageIn(argv, usageCode)}`) };
  const path = positional[0]!;
  const file = readInput(path, displayPath(path), lang);
  if (isUnreadable(file)) return { exit: fail(`${displayPath(path)}:1:1: error: ${file.problem}`) };
  return { path, flags, lists, file, lang };
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
/**
 * Writes a command's output to --out or stdout, made inert for a terminal: JSON escaped as JSON,
 * CSV and text with control characters shown as escapes (CSV keeps its CRLF record ends).
 * `kind` true is the older spelling of 'json'.
 */
export function emit(out: string, flags: Flags, inputs: readonly string[], kind: boolean | 'json' | 'csv' | 'text' = 'text', lang: Lang = 'en'): number {
  const as = kind === true ? 'json' : kind === false ? 'text' : kind;
  const safe = as === 'json' ? inertJson(out) : as === 'csv' ? printable(out.replace(/\r\n/g, '\n')).replace(/\n/g, '\r\n') : printable(out);
  if (typeof flags['out'] === 'string') {
    const problem = writeOutput(flags['out'], safe, inputs, lang);
    return problem ? fail(problem) : 0;
  }
  process.stdout.write(safe);
  return 0;
}

/** Runs a command: a path it could not read is a message, and an unexpected error is one line, not a stack trace. */
export async function runCommand(main: Command, argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    if (e instanceof UnreadableFile) return fail(e.message);
    fail(t(langOr(argv), 'cli.internal-error', { message: (e as Error).message ?? String(e) }));
    if (process.env['ENCOUNTER_SIM_DEBUG']) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 1;
  }
}
