/**
 * Every source id a scenario or procedure file cites must be in the project's index, so a reader
 * can look it up: ids in `sources:` lists (top level, accounts, facts per account, script actions,
 * assumptions, rows not modelled, rules, parameters, coverage, practice) and bracketed citations
 * like "[S12]" in notes, labels and comments. Each unknown id is an error at its own line and
 * column. An id the brief cites without an address is known: its entry says that no address is.
 */
import { diagnosticAt, joinAs, type Diagnostic } from '../diagnostics';
import { explain, type Explanation } from '../explain';
import { pathToString, type DocPath, type SourceDoc } from '../yaml-source';
import { closeSourceIds, sourceEntry, SOURCES_DOC, SOURCES_FILE } from './registry';
import { lineStarts } from '../lines';

const ID = /^S\d+$/;
/** "[S12]" or "[S4, S5]" in free text; the ids inside are checked one by one. */
const CITATION = /\[S\d+(?:\s*[,;]\s*S\d+)*\]/g;

interface Cited {
  id: string;
  line: number;
  col: number;
  path: string;
}

/** `doc` is the parsed `text`; ids in lists are found through it, citations in the text itself. */
export function checkSourceIds(doc: SourceDoc, text: string): Diagnostic[] {
  if (doc.value === undefined) return [];
  const file = doc.file;
  const listed = listedIds(doc);
  const at = new Set(listed.map((c) => `${c.line}:${c.col}`));
  const inText = citedInText(text).filter((c) => !at.has(`${c.line}:${c.col}`));
  return [...listed, ...inText].flatMap((c) => problemWith(c, file));
}

function problemWith(c: Cited, file: string): Diagnostic[] {
  if (sourceEntry(c.id)) return [];
  return [diagnosticAt({ file, line: c.line, col: c.col, path: c.path }, 'error', unknownSource(c.id))];
}

export function unknownSource(id: string): Explanation {
  const close = suggestionsFor(id);
  const guess = close.length
    ? explain('checker.source.did-you-mean', { ids: close.length > 1 ? joinAs('checker.join.or', [close.slice(0, -1), close.at(-1)!]) : close[0]! })
    : explain('checker.empty');
  return explain('checker.source.unknown', { id, guess, suggested: close.length > 0, doc: SOURCES_DOC, file: SOURCES_FILE });
}

function suggestionsFor(id: string): string[] {
  const unpadded = id.replace(/^S0+(?=\d)/, 'S');
  if (unpadded !== id && sourceEntry(unpadded)) return [unpadded];
  return closeSourceIds(id).slice(0, 3);
}

/** Ids in `sources:` lists, and in `sources: { account: [...] }` of facts. */
function listedIds(doc: SourceDoc): Cited[] {
  const out: Cited[] = [];
  const add = (id: unknown, path: DocPath) => {
    if (typeof id !== 'string' || !ID.test(id)) return; // the schema reports malformed ids
    const { line, col } = doc.locate(path);
    out.push({ id, line, col, path: pathToString(path) });
  };
  const walk = (v: unknown, path: DocPath, depth: number) => {
    if (depth > 64 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], depth + 1));
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      // Values of facts, parameters and assumptions are the author's data, not the file's structure.
      if (k === 'value' || k === 'values') continue;
      if (k !== 'sources') walk(x, [...path, k], depth + 1);
      else if (Array.isArray(x)) x.forEach((id, i) => add(id, [...path, k, i]));
      else if (x && typeof x === 'object')
        for (const [account, ids] of Object.entries(x)) if (Array.isArray(ids)) ids.forEach((id, i) => add(id, [...path, k, account, i]));
    }
  };
  walk(doc.value, [], 0);
  return out;
}

/** Bracketed citations anywhere in the text (strings and comments), at their exact column. */
function citedInText(text: string): Cited[] {
  const out: Cited[] = [];
  const starts = lineStarts(text);
  const position = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
  for (const m of text.matchAll(CITATION)) {
    for (const id of m[0].matchAll(/S\d+/g)) out.push({ id: id[0], ...position(m.index + id.index), path: '' });
  }
  return out;
}
