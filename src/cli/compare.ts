/**
 * encounter-sim compare <scenario.yaml> --a key=value... --b key=value...
 *                    [--account id] [--procedure id|path] [--seed n] [--format text|json|md] [--out file] [--lang en|ja|ko]
 * Runs the scenario twice (keys: account, procedure, seed; --account/--procedure/--seed set both
 * sides) and says what differs: facts, findings in both or in one, and, for two accounts, the
 * disputed facts each finding rests on (one more run per fact and side). Exit 0 when both runs completed; 1 on invalid input
 * (diagnostics on stderr, nothing on stdout).
 */
import { simulate, formatDiagnostic, type Analysis } from '../core';
import { compareRuns } from '../core/compare/compare';
import { rerunner } from '../core/compare/grounds';
import { comparisonReport, formatComparisonMarkdown, formatComparisonText } from '../core/compare/output';
import { parseSide, sameSettings, type SideSettings } from '../core/compare/sides';
import { diskProcedures } from './files';
import type { FileText } from '../core/procedure/load';
import { emit, fail, formatOption, runOptions, scenarioCommand, usageIn } from './common';
import { t, type Lang } from '../i18n';

const OPTIONS = { a: 'repeated', b: 'repeated', account: 'value', procedure: 'value', seed: 'value', format: 'value', out: 'value' } as const;

export function compare(argv: string[]): number {
  const usage = usageIn(argv, 'cli.usage.compare');
  const cmd = scenarioCommand(argv, 'cli.usage.compare', OPTIONS);
  if ('exit' in cmd) return cmd.exit;
  const { path, flags, lang } = cmd;
  const taken = { values: cmd.lists };
  const format = formatOption(flags, ['text', 'json', 'md'], lang);
  if (typeof format !== 'string') return fail(format.error);
  const options = runOptions(flags, lang);
  if ('error' in options) return fail(options.error);
  const base: SideSettings = options;
  if (!taken.values['a']!.length && !taken.values['b']!.length) return fail(`${t(lang, 'cli.compare.no-sides')}\n${usage}`);
  const a = parseSide('a', taken.values['a']!, base);
  if ('error' in a) return fail(a.error);
  const b = parseSide('b', taken.values['b']!, base);
  if ('error' in b) return fail(b.error);
  if (sameSettings(a, b)) process.stderr.write(t(lang, 'cli.compare.same-settings') + '\n');

  const file = cmd.file;
  const ra = run(file, a, 'A', lang);
  const rb = run(file, b, 'B', lang);
  if (!ra || !rb) return 1;
  // Which findings rest on a disputed fact: A's settings serve both re-runs, as flipping asks only when A and B differ in account alone.
  const c = compareRuns(ra, rb, rerunner(file, diskProcedures, { ...(a.procedure ? { procedure: a.procedure } : {}), seed: ra.run.seed }));
  const out =
    format === 'json'
      ? JSON.stringify(comparisonReport(c), null, 2) + '\n'
      : format === 'md'
        ? `# ${c.title}\n\n${formatComparisonMarkdown(c, 2, { lang })}`
        : formatComparisonText(c, { lang });
  return emit(out, flags, [path], format === 'json', lang);
}

const warned = new Set<string>();

function run(file: FileText, s: SideSettings, label: string, lang: Lang): Analysis | undefined {
  const r = simulate(file, diskProcedures, {
    ...(s.account ? { account: s.account } : {}),
    ...(s.procedure ? { procedure: s.procedure } : {}),
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
  });
  for (const d of r.diagnostics) {
    if (d.severity !== 'warning') continue;
    const line = formatDiagnostic(d, { lang });
    if (!warned.has(line)) fail(line);
    warned.add(line);
  }
  if (!r.analysis) {
    fail(t(lang, 'cli.compare.could-not-start', { label, settings: describe(s, lang) }));
    for (const d of r.diagnostics) if (d.severity === 'error') fail(formatDiagnostic(d, { lang }));
    return undefined;
  }
  return r.analysis;
}

function describe(s: SideSettings, lang: Lang): string {
  return (
    [
      s.account ? t(lang, 'cli.settings.account', { id: s.account }) : '',
      s.procedure ? t(lang, 'cli.settings.procedure', { id: s.procedure }) : '',
      s.seed !== undefined ? t(lang, 'cli.settings.seed', { seed: s.seed }) : '',
    ]
      .filter(Boolean)
      .join(', ') || t(lang, 'cli.settings.defaults')
  );
}
