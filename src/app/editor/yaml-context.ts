/**
 * Where the cursor is in a YAML document, best effort and without a full parse (the text is
 * usually broken while someone types): the path of the mapping or value under the cursor, read
 * from the indentation and "- " markers of the lines above, plus any flow collection ({ … } or
 * [ … ]) open on the cursor's own line.
 */
import { flowDepth } from './lint';

export type Segment = string | number;

export interface CursorContext {
  /** Typing a key of the mapping at `path`, or the value at `path`. */
  kind: 'key' | 'value';
  path: Segment[];
  /** The partial word under the cursor starts here; `prefix` is that partial word. */
  from: number;
  prefix: string;
  /** Inside a flow collection on this line. */
  flow: boolean;
  /** Column (0-based) where a key at this level starts, for inserting nested blocks. */
  column: number;
  /** Keys of this mapping already written on the cursor's line (flow mappings). */
  flowKeys: string[];
  /** The line starts a sequence item right before the partial word ("- na|"). */
  afterDash: boolean;
}

interface Frame {
  col: number;
  seg: Segment;
  item: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#{}[\],'"&*!|>%@`][^#]*?)\s*:(?:\s+|$)/;
const DASH = /^-(?:\s+|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(#.*)?$/;

function unquote(k: string): string {
  if (k.startsWith('"') && k.endsWith('"')) return k.slice(1, -1).replace(/\\(.)/g, '$1');
  if (k.startsWith("'") && k.endsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k.trim();
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const isBlankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);

/** Applies a line's "- " markers and leading key to the frame stack; returns what follows. */
function structure(stack: Frame[], line: string, consumeKey = true): { col: number; rest: string; key: string | null; keyCol: number; dashes: number } {
  let col = indentOf(line);
  let rest = line.slice(col);
  let dashes = 0;
  for (let m = DASH.exec(rest); m; m = DASH.exec(rest)) {
    while (stack.length && stack[stack.length - 1]!.col > col) stack.pop();
    const top = stack[stack.length - 1];
    let index = 0;
    if (top && top.item && top.col === col) {
      index = (top.seg as number) + 1;
      stack.pop();
    }
    stack.push({ col, seg: index, item: true });
    dashes++;
    col += m[0].length;
    rest = rest.slice(m[0].length);
    if (!m[0].trim() && m[0].length === 1) break; // "-" at the end of the line
  }
  if (!consumeKey) return { col, rest, key: null, keyCol: col, dashes };
  const k = KEY.exec(rest);
  if (!k) return { col, rest, key: null, keyCol: col, dashes };
  while (stack.length && stack[stack.length - 1]!.col >= col) stack.pop();
  const key = unquote(k[1]!);
  stack.push({ col, seg: key, item: false });
  return { col, rest: rest.slice(k[0].length), key, keyCol: col, dashes };
}

/** The frame stack for the structure above `lineIndex` (0-based), and whether that line continues a block scalar or a flow collection. */
function framesBefore(lines: string[], lineIndex: number): { stack: Frame[]; scalarAbove: number | null; flowOpen: number } {
  const stack: Frame[] = [];
  let scalarAbove: number | null = null; // content of a block scalar is indented more than this
  let flowOpen = 0;
  for (let i = 0; i < lineIndex; i++) {
    const line = lines[i]!;
    if (flowOpen > 0) {
      flowOpen = Math.max(0, flowOpen + netBrackets(line));
      continue;
    }
    if (isBlankOrComment(line)) continue;
    const ind = indentOf(line);
    if (scalarAbove !== null) {
      if (ind > scalarAbove) continue;
      scalarAbove = null;
    }
    if (line.startsWith('---') || line.startsWith('...')) {
      stack.length = 0;
      continue;
    }
    const r = structure(stack, line);
    if (r.key !== null && BLOCK_SCALAR.test(r.rest.trim())) scalarAbove = r.keyCol;
    else flowOpen = flowDepth(r.rest);
  }
  return { stack, scalarAbove, flowOpen };
}

/** Openers minus closers of flow collections on a line, ignoring quoted text and comments. */
function netBrackets(line: string): number {
  let n = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (ch === '[' || ch === '{') n++;
    else if (ch === ']' || ch === '}') n--;
  }
  return n;
}

interface FlowFrame {
  type: 'map' | 'seq';
  /** Segment of this collection in its parent (null for the outermost). */
  seg: Segment | null;
  key: string | null;
  expectingKey: boolean;
  index: number;
  keys: string[];
  /** Offset in `text` where the current token starts. */
  tokenStart: number;
}

/** Reads a flow collection prefix ("{ id: a, mo" or "[x, y"); null when nothing is open at the end. */
function flowContext(text: string): { segs: Segment[]; kind: 'key' | 'value'; tokenStart: number; keys: string[] } | null {
  const frames: FlowFrame[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote && text[i - 1] !== '\\') quote = null;
      continue;
    }
    const top = frames[frames.length - 1];
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') {
      const seg: Segment | null = top ? (top.type === 'map' ? (top.key ?? '') : top.index) : null;
      frames.push({ type: ch === '{' ? 'map' : 'seq', seg, key: null, expectingKey: ch === '{', index: 0, keys: [], tokenStart: i + 1 });
    } else if (ch === '}' || ch === ']') {
      frames.pop();
      if (!frames.length) return null;
    } else if (ch === ',' && top) {
      if (top.type === 'map') {
        top.key = null;
        top.expectingKey = true;
      } else top.index++;
      top.tokenStart = i + 1;
    } else if (ch === ':' && top?.type === 'map' && top.expectingKey && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) {
      top.key = unquote(text.slice(top.tokenStart, i));
      top.keys.push(top.key);
      top.expectingKey = false;
      top.tokenStart = i + 1;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return null;
  }
  if (!frames.length) return null;
  const top = frames[frames.length - 1]!;
  const segs = frames.slice(1).map((f) => f.seg!) as Segment[];
  if (top.type === 'map' && top.expectingKey) return { segs, kind: 'key', tokenStart: top.tokenStart, keys: top.keys };
  if (top.type === 'map') return { segs: [...segs, top.key ?? ''], kind: 'value', tokenStart: top.tokenStart, keys: top.keys };
  return { segs: [...segs, top.index], kind: 'value', tokenStart: top.tokenStart, keys: [] };
}

/** Skips blanks at `start` in `text`; returns the index of the first non-blank. */
function skipBlanks(text: string, start: number): number {
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/**
 * The context at offset `pos` of `text`. Returns null inside comments, block scalars' text, or
 * where no key or value can be typed (e.g. after a value's end).
 */
export function cursorContext(text: string, pos: number): CursorContext | null {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop(); // the empty piece after the last newline before the cursor line
  const lineIndex = lines.length;
  const prefixText = text.slice(lineStart, pos);
  const before = framesBefore(lines, lineIndex);
  const stack = before.stack;
  if (before.flowOpen > 0) return null; // inside a flow collection spanning lines: not followed
  // Text of a block scalar (description: >) is prose, not keys.
  if (before.scalarAbove !== null && indentOf(prefixText) > before.scalarAbove) return null;

  if (/^\s*#/.test(prefixText)) return null;
  if (prefixText.trim() === '') {
    const col = prefixText.length;
    while (stack.length && stack[stack.length - 1]!.col >= col) stack.pop();
    return { kind: 'key', path: stack.map((f) => f.seg), from: pos, prefix: '', flow: false, column: col, flowKeys: [], afterDash: false };
  }

  const r = structure(stack, prefixText, false);
  const afterDash = r.dashes > 0;
  const rest = r.rest;
  const restStart = pos - rest.length;
  const path = () => stack.map((f) => f.seg);

  // A flow collection open at the cursor: "{ id: a, mo", "channels: [\"156.8\", 12".
  const key = KEY.exec(rest);
  const flowFrom = key ? key[0].length : 0;
  const flowText = rest.slice(flowFrom);
  if (flowDepth(flowText) > 0) {
    const f = flowContext(flowText);
    if (!f) return null;
    if (key) {
      while (stack.length && stack[stack.length - 1]!.col >= r.col) stack.pop();
    }
    const base = key ? [...path(), unquote(key[1]!)] : path();
    const tokenStart = skipBlanks(flowText, f.tokenStart);
    const from = restStart + flowFrom + tokenStart;
    const prefix = text.slice(from, pos);
    if (f.kind === 'key' && !/^[\w$.-]*$/.test(prefix)) return null;
    return { kind: f.kind, path: [...base, ...f.segs], from, prefix, flow: true, column: r.col, flowKeys: f.keys, afterDash };
  }

  if (key) {
    // "key: partial-value"
    while (stack.length && stack[stack.length - 1]!.col >= r.col) stack.pop();
    const valueText = rest.slice(key[0].length);
    if (/#/.test(valueText) && /\s#/.test(` ${valueText}`)) return null;
    if (/^[|>]/.test(valueText)) return null;
    return {
      kind: 'value',
      path: [...path(), unquote(key[1]!)],
      from: pos - valueText.length,
      prefix: valueText,
      flow: false,
      column: r.col,
      flowKeys: [],
      afterDash,
    };
  }

  // A partial key (or, after "- ", possibly a scalar item).
  if (!/^["']?[\w$./-]*$/.test(rest)) return null;
  while (stack.length && stack[stack.length - 1]!.col >= r.col && !(afterDash && stack[stack.length - 1]!.item && stack[stack.length - 1]!.col < r.col))
    stack.pop();
  return { kind: 'key', path: path(), from: restStart, prefix: rest, flow: false, column: r.col, flowKeys: [], afterDash };
}
