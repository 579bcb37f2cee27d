/**
 * One checker for scenario and procedure files, used by `npm run check` and by the app's editor,
 * so both always report the same problems. A scenario is checked under every account, since a
 * disputed fact can be valid in one account and impossible in another.
 */
import { inAccount, sortDiagnostics, type Diagnostic } from './diagnostics';
import { parseYamlSource } from './yaml-source';
import { loadScenario } from './scenario/load';
import { loadProcedureText, type FileText, type ProcedureSource } from './procedure/load';
import { checkSourceIds } from './sources/check';

export type FileKind = 'scenario' | 'procedure';

/** A procedure file has `rules:` or `extends:` and no `units:`. */
export function kindOf(text: string, file: string): FileKind {
  return kindOfValue(parseYamlSource(text, file).doc.value);
}

function kindOfValue(value: unknown): FileKind {
  const v = value as Record<string, unknown> | undefined;
  if (v && typeof v === 'object' && !('units' in v) && ('rules' in v || 'extends' in v || 'callFormat' in v)) return 'procedure';
  return 'scenario';
}

export function checkFile(ft: FileText, procedures: ProcedureSource): Diagnostic[] {
  // One parse serves the file's kind, its accounts and its source ids, which are the same under every account.
  const { doc, diagnostics } = parseYamlSource(ft.text, ft.file, ft.bytes, ft.bytesAtLeast);
  // A file that does not parse has no ids to walk; the loaders report why.
  const cited = diagnostics.some((d) => d.severity === 'error') ? [] : checkSourceIds(doc, ft.text);
  if (kindOfValue(doc.value) === 'procedure') return sortDiagnostics(dedupe([...loadProcedureText(ft, procedures).diagnostics, ...cited]));
  const first = loadScenario(ft, procedures, {});
  const all = [...first.diagnostics, ...cited];
  const raw = doc.value as { accounts?: unknown } | undefined;
  const accounts = raw?.accounts && typeof raw.accounts === 'object' ? Object.keys(raw.accounts) : [];
  for (const account of accounts) {
    if (account === first.scenario?.account) continue;
    for (const d of loadScenario(ft, procedures, { account }).diagnostics) {
      // A problem that only one account's values cause says which account.
      all.push(first.diagnostics.some((b) => b.message === d.message) ? d : inAccount(d, account));
    }
  }
  return sortDiagnostics(dedupe(all));
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.line}:${d.col}:${d.severity}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
