/**
 * encounter-sim paths <scenario.yaml> [--account id] [--procedure id|path] [--seed n] [--all] [--cap n]
 *                  [--format text|json] [--out file] [--lang en|ja|ko]
 * Every way a call exchange can go under the procedure in force, built from the procedure's
 * data, with the way each exchange of the run went marked. Exit 0; 1 on invalid input.
 */
import { simulate, formatDiagnostic } from '../core';
import { DEFAULT_CAP, pathsForRun } from '../core/paths/paths';
import { formatPathsText, pathsReport } from '../core/paths/output';
import { diskProcedures } from './files';
import { emit, fail, formatOption, runOptions, scenarioCommand } from './common';
import { t } from '../i18n';

const OPTIONS = { account: 'value', procedure: 'value', seed: 'value', format: 'value', out: 'value', cap: 'value', all: 'switch' } as const;

export function paths(argv: string[]): number {
  const cmd = scenarioCommand(argv, 'cli.usage.paths', OPTIONS);
  if ('exit' in cmd) return cmd.exit;
  const { path, flags, lang } = cmd;
  const format = formatOption(flags, ['text', 'json'], lang);
  if (typeof format !== 'string') return fail(format.error);
  const options = runOptions(flags, lang);
  if ('error' in options) return fail(options.error);
  const cap = flags['cap'] !== undefined ? Number(flags['cap']) : DEFAULT_CAP;
  if (!Number.isInteger(cap) || cap < 1) return fail(t(lang, 'cli.cap', { value: String(flags['cap']) }));

  const result = simulate(cmd.file, diskProcedures, options);
  for (const d of result.diagnostics) if (d.severity === 'warning') fail(formatDiagnostic(d, { lang }));
  if (!result.analysis) {
    for (const d of result.diagnostics) if (d.severity === 'error') fail(formatDiagnostic(d, { lang }));
    return 1;
  }
  const a = result.analysis;
  const s = a.run.scenario;
  const header = { title: s.spec.title, account: s.account, procedure: s.procedure.id, seed: a.run.seed };
  const rp = pathsForRun(a, { cap });
  const all = flags['all'] === true;
  const out = format === 'json' ? JSON.stringify(pathsReport(header, rp, { all }), null, 2) + '\n' : formatPathsText(header, rp, { all, lang });
  return emit(out, flags, [path], format === 'json', lang);
}
