/**
 * A diagnostic as a terminal shows it, like rustc and tsc: the one-line form
 * (`file:line:col: error[ES2001]: message`), then the source line and a caret under the column, so
 * an author sees the mistake without opening the file. Scripts read the first line (or
 * `check --format json`); the excerpt is for people.
 */
import { readFileSync } from 'node:fs';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics';
import type { Lang } from '../i18n';
import { printable } from './io';
import { lineStarts } from '../core/lines';

/** The text of a file a diagnostic names: the one given when it is that file, else read from disk. */
export type SourceLookup = (file: string) => string | undefined;

export function diskSource(known: { file: string; text: string }[] = []): SourceLookup {
  const cache = new Map<string, string | undefined>(known.map((k) => [k.file, k.text]));
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(file, 'utf8'));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

export function renderDiagnostic(d: Diagnostic, lang: Lang | undefined, source: SourceLookup): string {
  const head = printable(formatDiagnostic(d, { lang }));
  const text = source(d.file);
  const shown = text === undefined ? undefined : excerpt(text, d.line, d.col);
  return shown ? `${head}\n${shown}` : head;
}

/**
 * The line and a caret under its column. A tab shows as one space so the caret (which counts
 * characters, as the column does) stays under it.
 */
export function excerpt(text: string, line: number, col: number): string | undefined {
  const src = lineOf(text, line);
  // No line, or an empty one (a file refused unread, for its size, has no text): nothing to show.
  if (src === undefined || src.trim() === '') return undefined;
  const shown = printable(src.replace(/\r$/, '').replace(/\t/g, ' '));
  // Very long lines (a minified file) are cut around the column.
  const from = Math.max(0, col - 1 - 60);
  const cut = shown.length > 120 ? shown.slice(from, from + 120) : shown;
  const caretAt = shown.length > 120 ? col - 1 - from : col - 1;
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  return `${pad} |\n${gutter} | ${cut}\n${pad} | ${' '.repeat(Math.max(0, caretAt))}^`;
}

/**
 * Where each line of the last text asked about starts. A check of a large exercise can print
 * hundreds of warnings for one file; splitting the whole text for each was most of the time
 * `check` took to print them.
 */
let lines: { text: string; starts: number[] } | undefined;

/** Line `line` (1-based) of `text`, without its newline; undefined past the end. */
function lineOf(text: string, line: number): string | undefined {
  if (lines?.text !== text) lines = { text, starts: lineStarts(text) };
  const start = lines.starts[line - 1];
  if (start === undefined) return undefined;
  const next = lines.starts[line];
  return text.slice(start, next === undefined ? text.length : next - 1);
}
