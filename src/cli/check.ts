/**
 * encounter-sim check <file.yaml>... [--format text|json] [--lang en|ja|ko]
 * text (the default): each problem as `path:line:col: error[ES2001]: message`, then the source
 * line with a caret under the column (src/cli/diagnostic-output.ts); every problem in one run.
 * json: one array of every problem, each with file, line, col, severity, its stable error code
 * (docs/errors.md), the message code and params, a suggestion where there is one, path and the
 * English message: the same bytes whatever --lang says.
 * Exit 1 if any file has an error.
 */
import { checkFile, kindOfValue } from '../core/check';
import { shareParse } from '../core/yaml-source';
import { loadProcedureText } from '../core/procedure/load';
import { coverageSummary } from '../core/format/markdown';
import type { Diagnostic } from '../core/diagnostics';
import { diskSource, renderDiagnostic } from './diagnostic-output';
import { diskProcedures, displayPath } from './files';
import { inertJson, isUnreadable, printable, readInput, toStderrAfterStdout } from './io';
import { commandArgs, fail, formatOption } from './common';
import { t } from '../i18n';

const OPTIONS = { format: 'value' } as const;

/** A problem as the JSON output gives it: position and data first, the English sentence last. */
function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  return {
    file: d.file,
    line: d.line,
    col: d.col,
    severity: d.severity,
    ...(d.errorCode !== undefined ? { errorCode: d.errorCode } : {}),
    ...(d.code !== undefined ? { code: d.code } : {}),
    ...(d.params !== undefined ? { params: d.params } : {}),
    ...(d.account !== undefined ? { account: d.account } : {}),
    ...(d.path ? { path: d.path } : {}),
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
    message: d.message,
  };
}

export async function check(argv: string[]): Promise<number> {
  const parsed = commandArgs(argv, 'cli.usage.check', OPTIONS);
  if ('exit' in parsed) return parsed.exit;
  const { positional: files, lang, flags } = parsed;
  const format = formatOption(flags, ['text', 'json'], lang);
  if (typeof format !== 'string') return fail(format.error);
  if (files.length === 0) {
    process.stderr.write(t(lang, 'cli.usage.check') + '\n');
    return 1;
  }
  const json = format === 'json';
  const all: Record<string, unknown>[] = [];
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    // JSON is for programs: its messages are English whatever --lang says.
    const ft = readInput(f, displayPath(f), json ? 'en' : lang);
    if (isUnreadable(ft)) {
      // Reported like any other problem, and the next file is still checked.
      if (json) all.push({ file: displayPath(f), line: 1, col: 1, severity: 'error', message: ft.problem });
      else process.stdout.write(printable(`${displayPath(f)}:1:1: error: ${ft.problem}`) + '\n');
      errors++;
      continue;
    }
    const source = diskSource([ft]);
    const parsed = shareParse(ft.text, ft.file, ft.bytes, ft.bytesAtLeast);
    for (const d of checkFile({ ...ft, parsed }, diskProcedures)) {
      if (json) all.push(jsonDiagnostic(d));
      else process.stdout.write(renderDiagnostic(d, lang, source) + '\n');
      if (d.severity === 'error') errors++;
      else warnings++;
    }
    // What of its source document a procedure models, beside its problems.
    const p = kindOfValue(parsed.doc.value) === 'procedure' ? loadProcedureText({ ...ft, parsed }, diskProcedures).procedure : undefined;
    if (p) await toStderrAfterStdout(printable(`${ft.file}: ${coverageSummary(p, lang)}`) + '\n');
  }
  if (json) process.stdout.write(inertJson(JSON.stringify(all, null, 2)) + '\n');
  await toStderrAfterStdout(t(lang, 'cli.check.summary', { files: files.length, errors, warnings }) + '\n');
  return errors > 0 ? 1 : 0;
}
