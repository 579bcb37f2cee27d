/**
 * npm run sim -- <scenario.yaml> [--account id] [--procedure id|path] [--seed n] [--until s]
 *                [--format text|json|jsonl|md|html] [--log] [--out file] [--fail-on-breakdown] [--verbose] [--lang en|ja|ko]
 * --lang sets the language of the words for a person (text, md, html, messages); json and jsonl do not change with it.
 * --verbose adds to the text timeline the decisions that needed no action, for debugging rules.
 * jsonl writes the run's log, one entry a line after a header line; --log adds it to json as `log`.
 * Exit 0 when the run completed; 1 on invalid input (diagnostics on stderr, nothing on stdout);
 * 3 with --fail-on-breakdown when any breakdown occurred.
 */
import { simulate, buildReport, formatDiagnostic } from '../core';
import { diskSource, renderDiagnostic } from './diagnostic-output';
import { diskProcedures } from './files';
import { emit, fail, formatOption, runCommand, runOptions, scenarioCommand } from './common';
import { formatText } from '../core/format/text';
import { formatMarkdown } from '../core/format/markdown';
import { formatJsonl, logLine } from '../core/format/jsonl';
import { debriefHtml } from '../core/debrief/html';
import { t } from '../i18n';

function main(argv: string[]): number {
  const cmd = scenarioCommand(argv, 'cli.usage.sim', ['account', 'procedure', 'seed', 'until', 'format', 'out'], ['fail-on-breakdown', 'verbose', 'log']);
  if ('exit' in cmd) return cmd.exit;
  const { path, flags, lang } = cmd;
  const format = formatOption(flags, ['text', 'json', 'jsonl', 'md', 'html'], lang);
  if (typeof format !== 'string') return fail(format.error);
  const options = runOptions(flags, lang);
  if ('error' in options) return fail(options.error);
  const until = flags['until'] !== undefined ? Number(flags['until']) : undefined;
  if (until !== undefined && !(until >= 0)) return fail(t(lang, 'cli.until', { value: String(flags['until']) }));

  const result = simulate(cmd.file, diskProcedures, { ...options, ...(until !== undefined ? { until } : {}) });
  for (const d of result.diagnostics) if (d.severity === 'warning') fail(formatDiagnostic(d, { lang }));
  if (!result.analysis) {
    // A bad file: each error with its source line and a caret, as check shows it.
    const source = diskSource([cmd.file]);
    for (const d of result.diagnostics) if (d.severity === 'error') fail(renderDiagnostic(d, lang, source));
    return 1;
  }
  const a = result.analysis;
  const out =
    format === 'json'
      ? JSON.stringify(flags['log'] === true ? { ...buildReport(a), log: a.run.log.map(logLine) } : buildReport(a), null, 2) + '\n'
      : format === 'jsonl'
        ? formatJsonl(a)
        : format === 'md'
          ? formatMarkdown(a, { lang })
          : format === 'html'
            ? debriefHtml(a, { lang })
            : formatText(a, { verbose: flags['verbose'] === true, lang });
  const written = emit(out, flags, [path], format === 'json' || format === 'jsonl', lang);
  if (written !== 0) return written;
  return flags['fail-on-breakdown'] && a.breakdowns.length > 0 ? 3 : 0;
}

runCommand(main);
