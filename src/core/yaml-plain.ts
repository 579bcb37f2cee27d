/**
 * YAML syntax errors said once, in plain words, with the likely fix. One slip (a tab, a line
 * indented wrongly, a bracket in an unquoted value) makes the parser report errors on every line
 * after it, in its own terms ("Implicit keys need to be on a single line"). The author needs the
 * first cause and what to type, so this finds the root of them and words it; the rest are knock-on
 * errors and are dropped (they go away with the root, and a later real slip is reported on the
 * next check).
 */
import { explain, type Explanation } from './explain';
import { scanFlowBrackets } from './yaml-flow';

/** One parser error, as the yaml library gives it: its code, offset and English message. */
export interface ParserError {
  code: string;
  pos: [number, number];
  message: string;
}

export interface YamlRoot {
  /** Offset in the text of the column to point at. */
  offset: number;
  e: Explanation;
}

/**
 * The parser's error codes the checker words in its own way when no plainer cause is found (each
 * in every language); the parser's English sentence (`detail`) is quoted beside them.
 */
const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'checker.yaml.duplicate-key',
  BAD_INDENT: 'checker.yaml.bad-indent',
  MISSING_CHAR: 'checker.yaml.missing-char',
  TAB_AS_INDENT: 'checker.yaml.tab-indent',
  BLOCK_AS_IMPLICIT_KEY: 'checker.yaml.block-as-key',
  MULTILINE_IMPLICIT_KEY: 'checker.yaml.multiline-key',
  UNEXPECTED_TOKEN: 'checker.yaml.unexpected-token',
  BAD_SCALAR_START: 'checker.yaml.bad-scalar-start',
  BAD_ALIAS: 'checker.yaml.bad-alias',
};

export function yamlProblem(code: string, detail: string): Explanation {
  if (code === 'MULTIPLE_DOCS') return explain('checker.yaml.multiple-docs');
  return explain(YAML_CODES[code] ?? 'checker.yaml.syntax', { detail: firstLine(detail) });
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The errors worth showing: a duplicate key is a mistake of its own, each one shown; any other
 * error is the root of those after it, so only the first is shown, in the plainest words found.
 */
export function rootYamlProblems(text: string, errors: readonly ParserError[]): YamlRoot[] {
  const structural = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (structural.length === 0) return errors.map((e) => ({ offset: e.pos[0], e: yamlProblem(e.code, e.message) }));
  const first = structural.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const docs = structural.find((e) => e.code === 'MULTIPLE_DOCS');
  if (docs) return [{ offset: docs.pos[0], e: yamlProblem(docs.code, docs.message) }];
  const tab = structural.find((e) => e.code === 'TAB_AS_INDENT');
  if (tab) return [{ offset: tabOffset(text, tab.pos[0]), e: explain('checker.yaml.tab') }];
  const at = first.pos[0];
  // Indentation is the likely cause only of the errors a misplaced line gives.
  const layout = LAYOUT_CODES.has(first.code) ? (misindented(text, at) ?? indentedUnderValue(text, at)) : undefined;
  return [bracketInValue(text, at) ?? unclosed(text, first) ?? layout ?? { offset: at, e: yamlProblem(first.code, first.message) }];
}

const LAYOUT_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

interface Line {
  number: number; // 1-based
  start: number; // offset of its first character
  text: string;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { number: text.slice(0, start).split('\n').length, start, text: text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '') };
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const [i, t] of text.split('\n').entries()) {
    out.push({ number: i + 1, start, text: t.replace(/\r$/, '') });
    start += t.length + 1;
  }
  return out;
}

/** The first tab in the leading whitespace of the line the parser complained about. */
function tabOffset(text: string, offset: number): number {
  const line = lineAt(text, offset);
  const lead = /^[ \t]*/.exec(line.text)![0];
  const i = lead.indexOf('\t');
  return i < 0 ? offset : line.start + i;
}

/**
 * A value with a bracket in it, unquoted, inside a mapping written on one line (`{ note: see
 * [S43], … }`): there `[` and `]` open and close a list, so the value breaks apart. Looked for on
 * the line of the first error and the line before it.
 */
function bracketInValue(text: string, offset: number): YamlRoot | undefined {
  const here = lineAt(text, offset);
  const candidates = here.start > 0 ? [here, lineAt(text, here.start - 1)] : [here];
  for (const line of candidates) {
    if (!line.text.includes('{')) continue;
    // key: value, where the value does not start with a quote and has a bracket with words around it.
    const re = /([A-Za-z][\w-]*):[ \t]+(?!["'])((?:[^,{}[\]\n]*\[[^\]\n]*\][^,{}\n]*))/g;
    for (const m of line.text.matchAll(re)) {
      const value = m[2]!.trimEnd();
      // A value that is a list and nothing else (`sources: [S43]`) is fine.
      if (/^\[[^\]]*\]$/.test(value)) continue;
      const col = m.index! + m[0].length - m[2]!.length;
      return { offset: line.start + col, e: explain('checker.yaml.unquoted-bracket', { key: m[1]!, fix: `'${value.replace(/'/g, "''")}'` }) };
    }
  }
  return undefined;
}

/** Leading spaces, and whether the line is a list item (`- `) rather than a key. */
function shape(t: string): { indent: number; item: boolean } | undefined {
  if (/^\s*(#.*)?$/.test(t) || /^(---|\.\.\.)(\s|$)/.test(t)) return undefined;
  const indent = /^ */.exec(t)![0].length;
  return { indent, item: /^-(\s|$)/.test(t.slice(indent)) };
}

/**
 * A line indented so that it belongs to no list or mapping above it (a unit's line moved two
 * spaces left, a key a space too far right). The lines that enclose the line before it (each
 * indented less than the last) are where it could belong; the nearest of them of the same kind
 * (list item or key) is the one it most likely meant to line up with.
 */
function misindented(text: string, offset: number): YamlRoot | undefined {
  const all = lines(text);
  const bad = lineAt(text, offset);
  const s = shape(bad.text);
  if (!s) return undefined;
  let limit = Infinity;
  for (let i = bad.number - 2; i >= 0 && limit > 0; i--) {
    const p = shape(all[i]!.text);
    if (!p || p.indent >= limit) continue;
    limit = p.indent;
    // A list item lines up with a list item; a key with a key, or with the first key of an item (`- id: x`).
    if (s.item && !p.item) continue;
    const expected = !s.item && p.item ? firstKeyIndent(all[i]!.text) : p.indent;
    if (expected === s.indent) return undefined;
    return {
      offset: bad.start + s.indent,
      e: explain('checker.yaml.indent', { found: s.indent, expected, line: all[i]!.number }),
    };
  }
  return undefined;
}

function firstKeyIndent(t: string): number {
  return /^ *- +/.exec(t)?.[0].length ?? -1;
}

/**
 * A key indented further than the keys beside it, under a line that already has its value
 * (`- id: ship-b` then `      name: …`): the parser blames the line above; the fault is this one.
 */
function indentedUnderValue(text: string, offset: number): YamlRoot | undefined {
  const all = lines(text);
  const above = lineAt(text, offset);
  const m = /^( *(?:- +)?)[^\s#][^:#]*:[ \t]+[^\s#]/.exec(above.text);
  if (!m) return undefined;
  const next = all.slice(above.number).find((l) => shape(l.text) !== undefined);
  const s = next && shape(next.text);
  if (!next || !s || s.item || s.indent <= m[1]!.length) return undefined;
  return { offset: next.start + s.indent, e: explain('checker.yaml.indent', { found: s.indent, expected: m[1]!.length, line: above.number }) };
}

/**
 * A `[` or `{` that never closes (`title: [unclosed`): the parser notices only lines later, where the
 * block goes on. Points at the bracket that is still open where the parser gave up.
 */
function unclosed(text: string, err: ParserError): YamlRoot | undefined {
  const wanted = /end with an? ([\]}])/.exec(err.message)?.[1];
  if (!wanted) return undefined;
  const open: number[] = [];
  scanFlowBrackets(text, err.pos[0], (i, opens) => {
    if (opens) open.push(i);
    else open.pop();
  });
  const at = open.pop();
  if (at === undefined) return undefined;
  const bracket = text[at]!;
  return { offset: at, e: explain('checker.yaml.unclosed', { bracket, close: bracket === '[' ? ']' : '}' }) };
}
