/**
 * npm run check -- <file.yaml>... [--lang en|ja|ko]
 * Each problem as `path:line:col: error[ES2001]: message`, then the source line with a caret under
 * the column (src/cli/diagnostic-output.ts); every problem in one run;
 * exit 1 if any file has an error.
 */
import { checkFile, kindOf } from '../core/check';
import { loadProcedureText } from '../core/procedure/load';
import { coverageSummary } from '../core/format/markdown';
import { diskSource, renderDiagnostic } from './diagnostic-output';
import { diskProcedures, displayPath } from './files';
import { isUnreadable, printable, readInput } from './io';
import { fail, runCommand, usageIn } from './common';
import { parseArgs } from './args';
import { t } from '../i18n';

function main(argv: string[]): number {
  const usage = usageIn(argv, 'cli.usage.check');
  const parsed = parseArgs(argv, [], []);
  if ('error' in parsed) return fail(`${parsed.error}\n${usage}`);
  const { positional: files, lang } = parsed;
  if (files.length === 0) {
    process.stderr.write(usage + '\n');
    return 1;
  }
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    const ft = readInput(f, displayPath(f), lang);
    if (isUnreadable(ft)) {
      // Reported like any other problem, and the next file is still checked.
      process.stdout.write(printable(`${displayPath(f)}:1:1: error: ${ft.problem}`) + '\n');
      errors++;
      continue;
    }
    const source = diskSource([ft]);
    for (const d of checkFile(ft, diskProcedures)) {
      process.stdout.write(renderDiagnostic(d, lang, source) + '\n');
      if (d.severity === 'error') errors++;
      else warnings++;
    }
    // What of its source document a procedure models, beside its problems.
    const p = kindOf(ft.text, ft.file) === 'procedure' ? loadProcedureText(ft, diskProcedures).procedure : undefined;
    if (p) process.stderr.write(printable(`${ft.file}: ${coverageSummary(p, lang)}`) + '\n');
  }
  process.stderr.write(t(lang, 'cli.check.summary', { files: files.length, errors, warnings }) + '\n');
  return errors > 0 ? 1 : 0;
}

runCommand(main);
