/**
 * encounter-sim debrief <scenario.yaml> [--account id] [--procedure id|path] [--seed n]
 *                    [--compare key=value]... [--format html|md] [--out file] [--lang en|ja|ko]
 * Writes the debrief of one run: a single self-contained HTML file (default) or Markdown.
 * --compare runs the scenario again with those settings changed (keys: account, procedure,
 * seed) and adds the comparison. Exit 0; 1 on invalid input (diagnostics on stderr).
 */
import { simulate, formatDiagnostic, type Analysis } from '../core';
import { compareRuns } from '../core/compare/compare';
import { rerunner } from '../core/compare/grounds';
import { parseSide, type SideSettings } from '../core/compare/sides';
import { debriefHtml } from '../core/debrief/html';
import { debriefMarkdown } from '../core/debrief/markdown';
import { diskProcedures } from './files';
import type { FileText } from '../core/procedure/load';
import { emit, fail, formatOption, runOptions, scenarioCommand } from './common';
import { t, type Lang } from '../i18n';

const OPTIONS = { compare: 'repeated', account: 'value', procedure: 'value', seed: 'value', format: 'value', out: 'value' } as const;

export function debrief(argv: string[]): number {
  const cmd = scenarioCommand(argv, 'cli.usage.debrief', OPTIONS);
  if ('exit' in cmd) return cmd.exit;
  const { path, flags, lang } = cmd;
  const format = formatOption(flags, ['html', 'md'], lang);
  if (typeof format !== 'string') return fail(format.error);
  const mine = runOptions(flags, lang);
  if ('error' in mine) return fail(mine.error);
  const pairs = cmd.lists['compare']!;
  const other = pairs.length ? parseSide('compare', pairs, mine) : undefined;
  if (other && 'error' in other) return fail(other.error);

  const file = cmd.file;
  const a = run(file, mine, 'cli.debrief.run-failed', lang);
  if (!a) return 1;
  let comparison;
  if (other) {
    const b = run(file, other, 'cli.debrief.comparison-failed', lang);
    if (!b) return 1;
    // As npm run compare: each finding tested against the disputed facts when the runs differ in account alone.
    comparison = compareRuns(a, b, rerunner(file, diskProcedures, { ...(mine.procedure ? { procedure: mine.procedure } : {}), seed: a.run.seed }));
  }
  const out = format === 'md' ? debriefMarkdown(a, comparison, { lang }) : debriefHtml(a, comparison ? { comparison, lang } : { lang });
  const written = emit(out, flags, [path], false, lang);
  if (written === 0 && typeof flags['out'] === 'string') fail(t(lang, 'cli.wrote', { file: flags['out'] }));
  return written;
}

/** `failed` is the `cli.debrief.*` message saying which run could not start. */
function run(file: FileText, s: SideSettings, failed: string, lang: Lang): Analysis | undefined {
  const r = simulate(file, diskProcedures, {
    ...(s.account ? { account: s.account } : {}),
    ...(s.procedure ? { procedure: s.procedure } : {}),
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
  });
  for (const d of r.diagnostics) if (d.severity === 'warning') fail(formatDiagnostic(d, { lang }));
  if (!r.analysis) {
    fail(t(lang, failed));
    for (const d of r.diagnostics) if (d.severity === 'error') fail(formatDiagnostic(d, { lang }));
    return undefined;
  }
  return r.analysis;
}
