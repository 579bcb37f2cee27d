/**
 * npm run paths -- <scenario.yaml> [--account id] [--procedure id|path] [--seed n] [--all] [--cap n]
 *                  [--format text|json] [--out file]
 * Every way a call exchange can go under the procedure in force, built from the procedure's
 * data, with the way each exchange of the run went marked. Exit 0; 1 on invalid input.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { simulate, formatDiagnostic } from '../core';
import { DEFAULT_CAP, pathsForRun } from '../core/paths/paths';
import { formatPathsText, pathsReport } from '../core/paths/format';
import { diskProcedures, readText } from './files';
import { parseArgs } from './args';

const USAGE = 'usage: npm run paths -- <scenario.yaml> [--account <id>] [--procedure <id|path>] [--seed <n>] [--all] [--cap <n>] [--format text|json] [--out <file>]';

function main(argv: string[]): number {
  const parsed = parseArgs(argv, ['account', 'procedure', 'seed', 'format', 'out', 'cap'], ['all', 'help']);
  if ('error' in parsed) return fail(`${parsed.error}\n${USAGE}`);
  const { positional, flags } = parsed;
  if (flags['help']) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positional.length !== 1) return fail(`give exactly one scenario file\n${USAGE}`);
  const path = positional[0]!;
  if (!existsSync(path)) return fail(`${path}: no such file`);
  const format = (flags['format'] ?? 'text') as string;
  if (!['text', 'json'].includes(format)) return fail(`--format must be text or json, not "${format}"`);
  const seed = flags['seed'] !== undefined ? Number(flags['seed']) : undefined;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) return fail(`--seed must be a whole number ≥ 0, not "${flags['seed']}"`);
  const cap = flags['cap'] !== undefined ? Number(flags['cap']) : DEFAULT_CAP;
  if (!Number.isInteger(cap) || cap < 1) return fail(`--cap must be a whole number ≥ 1, not "${flags['cap']}"`);

  const result = simulate(readText(path), diskProcedures, {
    ...(typeof flags['account'] === 'string' ? { account: flags['account'] } : {}),
    ...(typeof flags['procedure'] === 'string' ? { procedure: flags['procedure'] } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  for (const d of result.diagnostics) if (d.severity === 'warning') process.stderr.write(formatDiagnostic(d) + '\n');
  if (!result.analysis) {
    for (const d of result.diagnostics) if (d.severity === 'error') process.stderr.write(formatDiagnostic(d) + '\n');
    return 1;
  }
  const a = result.analysis;
  const s = a.run.scenario;
  const header = { title: s.spec.title, account: s.account, procedure: s.procedure.id, seed: a.run.seed };
  const rp = pathsForRun(a, { cap });
  const all = flags['all'] === true;
  const out = format === 'json' ? JSON.stringify(pathsReport(header, rp, { all }), null, 2) + '\n' : formatPathsText(header, rp, { all });
  if (typeof flags['out'] === 'string') writeFileSync(flags['out'], out);
  else process.stdout.write(out);
  return 0;
}

function fail(msg: string): number {
  process.stderr.write(msg + '\n');
  return 1;
}

process.exitCode = main(process.argv.slice(2));
