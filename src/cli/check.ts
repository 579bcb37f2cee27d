/**
 * npm run check -- <file.yaml>...
 * One line per problem, `path:line:col: error|warning: message`, every problem in one run;
 * exit 1 if any file has an error.
 */
import { existsSync } from 'node:fs';
import { checkFile, kindOf } from '../core/check';
import { loadProcedureText } from '../core/procedure/load';
import { coverageSummary } from '../core/format/markdown';
import { formatDiagnostic } from '../core/diagnostics';
import { diskProcedures, readText, displayPath } from './files';

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: npm run check -- <file.yaml>...\n');
    return 1;
  }
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    if (!existsSync(f)) {
      process.stdout.write(`${displayPath(f)}:1:1: error: no such file\n`);
      errors++;
      continue;
    }
    const ft = readText(f);
    for (const d of checkFile(ft, diskProcedures)) {
      process.stdout.write(formatDiagnostic(d) + '\n');
      if (d.severity === 'error') errors++;
      else warnings++;
    }
    // What of its source document a procedure models, beside its problems.
    const p = kindOf(ft.text, ft.file) === 'procedure' ? loadProcedureText(ft, diskProcedures).procedure : undefined;
    if (p) process.stderr.write(`${ft.file}: ${coverageSummary(p)}\n`);
  }
  process.stderr.write(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
