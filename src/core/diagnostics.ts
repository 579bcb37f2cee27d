import { explain, isExplanation, type Explanation, type ParamValue } from './explain';
import { errorCodeOf } from './error-codes';
import { english, say, t, type Lang } from '../i18n';
import { byCodePoint } from './order';

/** A problem found in a scenario or procedure file, with where it is and how to fix it. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  severity: Severity;
  /** The English rendering of `code` and `params` (and of `account`), as the contract's one-line form shows it. */
  message: string;
  /**
   * The message as data: a `checker.*` code, stable across releases, that src/i18n renders in each
   * language. Every diagnostic the core makes has both (diagnosticAt); they stay optional only for
   * the app's own problems (a run that crashed), which are not the checker's.
   */
  code?: string;
  params?: Explanation['params'];
  /** The stable code docs/errors.md documents (ES1001…), for warnings too; absent for the app's own problems. */
  errorCode?: string;
  /** The name the message suggests ("did you mean …"), for an editor's quick fix or a script. */
  suggestion?: string;
  /** Set when only this account's values cause the problem (a scenario is checked under every account). */
  account?: string;
  /** Path inside the document, e.g. units[2].radios[0].tuned; empty for whole-file problems. */
  path: string;
}

/**
 * Items joined as a sentence joins them, as nested explanations, so each language words the
 * joint: `checker.join.semicolon` ("a; b; c"), `checker.join.or` ("a or b or c").
 */
export function joinAs(code: string, items: readonly ParamValue[]): ParamValue {
  if (items.length === 0) return explain('checker.empty');
  return items.slice(0, -1).reduceRight<ParamValue>((rest, first) => explain(code, { first, rest }), items[items.length - 1]!);
}

/** A diagnostic whose English `message` is rendered from its code, so the two never disagree. */
export function diagnosticAt(where: { file: string; line: number; col: number; path: string }, severity: Severity, e: Explanation): Diagnostic {
  const d: Diagnostic = { file: where.file, line: where.line, col: where.col, severity, message: english(e), code: e.code, params: e.params, path: where.path };
  const errorCode = errorCodeOf(e.code);
  if (errorCode) d.errorCode = errorCode;
  const suggestion = suggestionIn(e);
  if (suggestion !== undefined) d.suggestion = suggestion;
  return d;
}

/** The name a `checker.did-you-mean` nested anywhere in the explanation offers. */
function suggestionIn(v: ParamValue): string | undefined {
  if (Array.isArray(v)) {
    for (const x of v as readonly ParamValue[]) {
      const s = suggestionIn(x);
      if (s !== undefined) return s;
    }
    return undefined;
  }
  if (!isExplanation(v)) return undefined;
  if (v.code === 'checker.did-you-mean' && typeof v.params['name'] === 'string') return v.params['name'];
  for (const p of Object.values(v.params)) {
    const s = suggestionIn(p);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** The same problem, caused only by one account's values: the message says which account. */
export function inAccount(d: Diagnostic, account: string): Diagnostic {
  return { ...d, account, message: t('en', 'checker.in-account', { problem: problemOf(d), account }) };
}

function problemOf(d: Diagnostic): Explanation {
  return d.code === undefined ? explain('checker.as-written', { text: d.message }) : explain(d.code, d.params ?? {});
}

/** The message in the reader's language (English is `message` itself). */
export function diagnosticMessage(d: Diagnostic, lang: Lang = 'en'): string {
  if (lang === 'en' || d.code === undefined) return d.message;
  const problem = problemOf(d);
  return d.account === undefined ? say(lang, problem) : t(lang, 'checker.in-account', { problem, account: d.account });
}

/**
 * The contract's one-line form: `path:line:col: error[ES2001]: message` (the stable code in
 * brackets, as rustc writes it; a problem without one has none). Only the message is in the
 * reader's language: the words `error` and `warning` stay English in every language, so editors,
 * CI annotations and scripts that parse this form read every reader's output alike.
 */
export function formatDiagnostic(d: Diagnostic, options?: { lang?: Lang } | number): string {
  // A number is the index that `diagnostics.map(formatDiagnostic)` passes: English, as before.
  const lang = typeof options === 'object' ? options.lang : undefined;
  const code = d.errorCode ? `[${d.errorCode}]` : '';
  return `${d.file}:${d.line}:${d.col}: ${d.severity}${code}: ${diagnosticMessage(d, lang)}`;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line || a.col - b.col || byCodePoint(a.message, b.message));
}

/** Thrown by loaders when a file cannot be used; carries every problem found. */
export class InvalidInputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'InvalidInputError';
  }
}
