/**
 * One checker for scenario and procedure files, used by `npm run check` and by the app's editor,
 * so both always report the same problems. A scenario is checked under every account, since a
 * disputed fact can be valid in one account and impossible in another.
 */
import { inAccount, sortDiagnostics, type Diagnostic } from './diagnostics';
import { parseOf, parseYamlSource, shareParse } from './yaml-source';
import { loadScenario } from './scenario/load';
import { loadProcedureText, type FileText, type ProcedureSource } from './procedure/load';
import { checkSourceIds } from './sources/check';

export type FileKind = 'scenario' | 'procedure';

/** A procedure file has `rules:` or `extends:` and no `units:`. */
export function kindOf(text: string, file: string): FileKind {
  return kindOfValue(parseYamlSource(text, file).doc.value);
}

/** The kind of a file whose text is parsed already. */
export function kindOfValue(value: unknown): FileKind {
  const v = value as Record<string, unknown> | undefined;
  if (v && typeof v === 'object' && !('units' in v) && ('rules' in v || 'extends' in v || 'callFormat' in v)) return 'procedure';
  return 'scenario';
}

export function checkFile(given: FileText, procedures: ProcedureSource): Diagnostic[] {
  // One parse serves the file's kind, its source ids (the same under every account) and every load of it.
  const ft: FileText = given.parsed ? given : { ...given, parsed: shareParse(given.text, given.file, given.bytes, given.bytesAtLeast) };
  const { doc, diagnostics } = parseOf(ft);
  // A file that does not parse has no ids to walk; the loaders report why.
  const cited = diagnostics.some((d) => d.severity === 'error') ? [] : checkSourceIds(doc, ft.text);
  if (kindOfValue(doc.value) === 'procedure') return sortDiagnostics(dedupe([...loadProcedureText(ft, procedures).diagnostics, ...cited]));
  const first = loadScenario(ft, procedures, {});
  const all = [...first.diagnostics, ...cited];
  const raw = doc.value as { accounts?: unknown } | undefined;
  // When the accounts mapping itself or an account's whole value is wrong (a line indented into it),
  // its keys are not accounts: checking under each would only repeat that one mistake once per fact.
  const accountsBroken = first.diagnostics.some((d) => d.severity === 'error' && /^accounts(\.[^.[]+)?$/.test(d.path));
  const accounts = !accountsBroken && raw?.accounts && typeof raw.accounts === 'object' ? Object.keys(raw.accounts) : [];
  for (const account of accounts) {
    if (account === first.scenario?.account) continue;
    for (const d of loadScenario(ft, procedures, { account }).diagnostics) {
      // The same error at the same place under another account is the same mistake (a fact with no
      // values lacks every account's): said once.
      if (d.severity === 'error' && all.some((b) => b.severity === 'error' && b.code === d.code && b.line === d.line && b.col === d.col)) continue;
      // A problem that only one account's values cause says which account.
      all.push(first.diagnostics.some((b) => b.message === d.message) ? d : inAccount(d, account));
    }
  }
  return sortDiagnostics(dedupe(withoutKnockOns(all)));
}

/**
 * An account's key moved out of `accounts:` is reported once, as an unknown field; the facts that
 * give it a value ("has a value for rok, which is not an account") only follow from that.
 */
function withoutKnockOns(ds: Diagnostic[]): Diagnostic[] {
  const unknown = new Set(ds.filter((d) => d.code === 'checker.schema.unknown-field').map((d) => String(d.params?.['field'])));
  return ds.filter((d) => !(d.code === 'checker.fact.unknown-account' && unknown.has(String(d.params?.['account']))));
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
