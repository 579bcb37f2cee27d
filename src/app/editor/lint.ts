/**
 * The checker's diagnostics (1-based line:col, as `npm run check` prints them) as document ranges
 * for @codemirror/lint. A diagnostic in another file (e.g. the procedure a scenario names) is
 * pinned to the first line with the file named in the message, so nothing the checker says is
 * dropped. Pure: works on anything with CodeMirror's Text line API.
 */
import type { Diagnostic } from '../../core/diagnostics';
import { lineStarts } from '../../core/lines';
import { wordsIn, type Words } from '../said';

export interface LineInfo {
  from: number;
  to: number;
  text: string;
}

/** What the mapping needs from a document: CodeMirror's Text satisfies it. */
export interface DocLines {
  readonly lines: number;
  readonly length: number;
  line(n: number): LineInfo;
}

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
  /** Where the checker put it, for lists: "file:line:col". */
  source: string;
  diagnostic: Diagnostic;
}

/** A DocLines over a plain string (lines split on \n, as CodeMirror does). */
export function linesOf(text: string): DocLines {
  const starts = lineStarts(text);
  return {
    lines: starts.length,
    length: text.length,
    line(n) {
      const from = starts[n - 1]!;
      const next = starts[n];
      const to = next === undefined ? text.length : next - 1;
      return { from, to, text: text.slice(from, to) };
    },
  };
}

/** Offset of a 1-based line:col, clamped into the document. */
export function offsetOf(doc: DocLines, line: number, col: number): number {
  const ln = doc.line(Math.min(Math.max(1, Math.floor(line) || 1), doc.lines));
  const c = Math.max(1, Math.floor(col) || 1);
  return Math.min(ln.from + c - 1, ln.to);
}

/**
 * End of the token that starts at `from` on its line: a quoted string to its closing quote, or a
 * plain scalar up to the next flow separator (, ] }) or comment, without trailing blanks.
 */
export function tokenEnd(doc: DocLines, from: number, lineNo: number): number {
  const ln = doc.line(lineNo);
  const rest = ln.text.slice(from - ln.from);
  let n: number;
  const q = rest[0];
  if (q === '"' || q === "'") {
    let i = 1;
    while (i < rest.length && !(rest[i] === q && rest[i - 1] !== '\\')) i++;
    n = Math.min(i + 1, rest.length);
  } else if (q === '{' || q === '[') {
    n = rest.replace(/\s+(#.*)?$/, '').length;
  } else {
    const inFlow = flowDepth(ln.text.slice(0, from - ln.from)) > 0;
    const m = (inFlow ? /^[^,\]}#]*/ : /^(?:[^#]|#(?<!\s#))*/).exec(rest);
    n = (m?.[0] ?? '').replace(/\s+$/, '').length;
    // "key: value": a diagnostic at a key marks the key only.
    const colon = /^([^:]*?):(\s|$)/.exec(rest.slice(0, n));
    if (colon && colon[1]!.length > 0) n = colon[1]!.length;
  }
  return from + Math.max(n, 0);
}

/** How many flow collections ({ or [) are open at the end of `prefix`, ignoring quoted text. */
export function flowDepth(prefix: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix[i]!;
    if (quote) {
      if (ch === quote && prefix[i - 1] !== '\\') quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(prefix[i - 1]!))) break;
    else if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && depth > 0) depth--;
  }
  return depth;
}

/** `w`: the author's language; each message from the checker's code when it has one, else its English. */
export function toEditorDiagnostics(diags: readonly Diagnostic[], doc: DocLines, file: string, w: Words = wordsIn('en')): EditorDiagnostic[] {
  return diags.map((diag) => {
    const d = { ...diag, message: w.problem(diag) };
    const source = `${d.file}:${d.line}:${d.col}`;
    if (d.file !== file) {
      const first = doc.line(1);
      return {
        from: first.from,
        to: first.to,
        severity: d.severity,
        message: w('app-tools.editor.in-file', { source, message: d.message }),
        source,
        diagnostic: diag,
      };
    }
    const lineNo = Math.min(Math.max(1, d.line), doc.lines);
    const from = offsetOf(doc, d.line, d.col);
    let to = tokenEnd(doc, from, lineNo);
    const ln = doc.line(lineNo);
    // Nothing to underline (end of line, or a blank line): mark the line's text, or one character.
    if (to <= from) {
      const textFrom = ln.from + (ln.text.length - ln.text.trimStart().length);
      if (ln.text.trim() && from >= ln.to) return { from: textFrom, to: ln.to, severity: d.severity, message: d.message, source, diagnostic: diag };
      to = Math.min(from + 1, doc.length);
    }
    return { from, to, severity: d.severity, message: d.message, source, diagnostic: diag };
  });
}
