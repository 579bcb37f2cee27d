/** What every command over one scenario file does first: flags, --help, the file, the seed. */
import { existsSync } from 'node:fs';
import { parseArgs } from './args';

export type Flags = Record<string, string | true>;

export function fail(msg: string): number {
  process.stderr.write(msg + '\n');
  return 1;
}

/** Parsed flags and the scenario path, or the exit code when there is nothing to run. */
export function scenarioCommand(argv: string[], usage: string, valued: string[], booleans: string[]): { path: string; flags: Flags } | { exit: number } {
  const parsed = parseArgs(argv, valued, [...booleans, 'help']);
  if ('error' in parsed) return { exit: fail(`${parsed.error}\n${usage}`) };
  const { positional, flags } = parsed;
  if (flags['help']) {
    process.stdout.write(usage + '\n');
    return { exit: 0 };
  }
  if (positional.length !== 1) return { exit: fail(`give exactly one scenario file\n${usage}`) };
  const path = positional[0]!;
  if (!existsSync(path)) return { exit: fail(`${path}: no such file`) };
  return { path, flags };
}

/** --format among the allowed values, the first being the default. */
export function formatOption(flags: Flags, allowed: string[]): string | { error: string } {
  const format = (flags['format'] ?? allowed[0]) as string;
  if (!allowed.includes(format)) return { error: `--format must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not "${format}"` };
  return format;
}

/** --account, --procedure and --seed as load and run options. */
export function runOptions(flags: Flags): { account?: string; procedure?: string; seed?: number } | { error: string } {
  const seed = flags['seed'] !== undefined ? Number(flags['seed']) : undefined;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) return { error: `--seed must be a whole number ≥ 0, not "${flags['seed']}"` };
  return {
    ...(typeof flags['account'] === 'string' ? { account: flags['account'] } : {}),
    ...(typeof flags['procedure'] === 'string' ? { procedure: flags['procedure'] } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}
