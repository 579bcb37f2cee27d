import type { Explanation } from './explain';
import { byCodePoint } from './order';

/** A problem found in a scenario or procedure file, with where it is and how to fix it. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  severity: Severity;
  message: string;
  /** The message as data (src/i18n renders it in each language); `message` is its English rendering. */
  code?: string;
  params?: Explanation['params'];
  /** Path inside the document, e.g. units[2].radios[0].tuned; empty for whole-file problems. */
  path: string;
}

/** The contract's one-line form: `path:line:col: error|warning: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
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
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InvalidInputError';
  }
}
