/**
 * Flow collections written as JSON on one line (`- {"id":"vuhf","channels":["121.5","243.0"]}`),
 * read without the YAML parser. A generated exercise is mostly such lines: the 1,000-unit one has
 * some 14,000, and js-yaml reads their quoted strings a character at a time, the largest part of
 * its parse (issue 19). The quick parse (yaml-quick.ts) hands js-yaml the text with each of them
 * blanked out to a plain word of the same length, and puts the values read here in their places.
 *
 * Only a narrow JSON is taken, one that both YAML libraries surely read as this value: strings of
 * printable characters without escapes, numbers of plain digits, true, false, null, no repeated
 * key. A line with anything else is left as it is, for js-yaml to read as before.
 */
import type { NodeStarts } from './yaml-kept';
import { isDigit } from './order';

/** One JSON flow collection: where it is, its value, its node starts, its nesting depth. */
export interface JsonFlow {
  start: number;
  end: number;
  value: unknown;
  nodes: NodeStarts;
  depth: number;
}

/** What stands in for a JSON flow collection in the text js-yaml reads: a plain word. */
export const BLANK = 'x';

/**
 * The JSON flow collections of `text`, in order: each the first `{` or `[` of its line, after
 * nothing but indentation, `- ` and a `key: `, and followed by nothing but spaces or a comment.
 */
export function jsonFlows(text: string): JsonFlow[] {
  const found: JsonFlow[] = [];
  const n = text.length;
  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const at = bracketAfterPrefix(text, lineStart, lineEnd);
    if (at >= 0) {
      const reader = new JsonReader(text, lineEnd);
      const flow = reader.collection(at);
      if (flow !== undefined && restIsBlank(text, reader.pos, lineEnd)) found.push(flow);
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

/**
 * The offset of the `{` or `[` a line's value starts with, or -1. Only letters, digits, `_`, `-`,
 * `:` and spaces may come before it, each bracket after a space or at the start of the line; the
 * parse then checks that js-yaml saw a plain scalar exactly there.
 */
function bracketAfterPrefix(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) return i === from || text.charCodeAt(i - 1) === 32 ? i : -1;
    // space, '-', ':', '_', digits, letters
    const word = c === 32 || c === 45 || c === 58 || c === 95 || isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
    if (!word) return -1;
  }
  return -1;
}

/** Nothing but spaces to the end of the line, or spaces and then a comment. */
function restIsBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) return i > from && text.charCodeAt(i - 1) === 32;
    if (c !== 32) return false;
  }
  return true;
}

/** Deepest nesting a JSON flow collection may have; deeper ones are left to js-yaml. */
const MAX_DEPTH = 16;
/** Longest key js-yaml is let read as a key (yaml-quick.ts keyOf's limit). */
const MAX_KEY = 1000;
/** Most digits before and after the point: a number both libraries surely read as the same double. */
const MAX_DIGITS = 15;

/** What a read outside the narrow JSON gives. */
const NOT_JSON = Symbol('not JSON');

/**
 * Reads one JSON value at a time from `pos`: the value, with its node starts left in `nodes`, or
 * NOT_JSON for anything outside the narrow JSON. Fourteen thousand lines of a large exercise
 * come here, so a value is returned bare, not wrapped with its nodes.
 */
class JsonReader {
  pos = 0;
  nodes: NodeStarts = {};
  private depth = 0;
  private deepest = 0;

  constructor(
    private readonly text: string,
    private readonly end: number,
  ) {}

  collection(at: number): JsonFlow | undefined {
    this.pos = at;
    const value = this.value();
    if (value === NOT_JSON) return undefined;
    return { start: at, end: this.pos, value, nodes: this.nodes, depth: this.deepest };
  }

  private spaces(): void {
    while (this.pos < this.end && this.text.charCodeAt(this.pos) === 32) this.pos++;
  }

  private value(): unknown {
    const at = this.pos;
    const c = this.text.charCodeAt(at);
    if (c === 123) return this.mapping(at);
    if (c === 91) return this.list(at);
    this.nodes = { at };
    if (c === 34) return this.string();
    if (c === 45 || isDigit(c)) return this.number(at);
    for (const [word, value] of WORDS) {
      if (this.text.startsWith(word, at)) {
        this.pos = at + word.length;
        return this.endsWord() ? value : NOT_JSON;
      }
    }
    return NOT_JSON;
  }

  /** A plain word ends at a space, a comma or a closing bracket. */
  private endsWord(): boolean {
    const d = this.text.charCodeAt(this.pos);
    return this.pos >= this.end || d === 32 || d === 44 || d === 93 || d === 125;
  }

  /** -?(0|[1-9][0-9]*)(\.[0-9]+)?, at most MAX_DIGITS digits each side, not minus zero. */
  private number(at: number): unknown {
    let i = at;
    if (this.text.charCodeAt(i) === 45) i++;
    const whole = i;
    while (i < this.end && isDigit(this.text.charCodeAt(i))) i++;
    const wholeDigits = i - whole;
    if (wholeDigits === 0 || wholeDigits > MAX_DIGITS || (wholeDigits > 1 && this.text.charCodeAt(whole) === 48)) return NOT_JSON;
    if (this.text.charCodeAt(i) === 46) {
      const fraction = ++i;
      while (i < this.end && isDigit(this.text.charCodeAt(i))) i++;
      if (i === fraction || i - fraction > MAX_DIGITS) return NOT_JSON;
    }
    this.pos = i;
    if (!this.endsWord()) return NOT_JSON;
    const n = Number(this.text.slice(at, i));
    return Object.is(n, -0) ? NOT_JSON : n;
  }

  /** A double-quoted string without escapes, of printable characters; pos ends past its closing quote. */
  private string(): unknown {
    const from = this.pos + 1;
    for (let i = from; i < this.end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return this.text.slice(from, i);
      }
      // Backslashes (escapes), control characters, DEL and C1 controls, the byte-order mark, line
      // and paragraph separators and surrogates are left to js-yaml.
      if (c === 92 || c < 32 || (c >= 127 && c < 160) || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff) || c > 0xfffd)
        return NOT_JSON;
    }
    return NOT_JSON;
  }

  private enter(): boolean {
    this.depth++;
    if (this.depth > this.deepest) this.deepest = this.depth;
    this.pos++;
    this.spaces();
    return this.depth <= MAX_DEPTH;
  }

  private mapping(at: number): unknown {
    if (!this.enter()) return NOT_JSON;
    const value: Record<string, unknown> = {};
    const pairs: NonNullable<NodeStarts['pairs']> = [];
    const nodes: NodeStarts = { at, pairs };
    if (this.text.charCodeAt(this.pos) === 125) this.pos++;
    else
      for (;;) {
        const keyAt = this.pos;
        if (this.text.charCodeAt(keyAt) !== 34) return NOT_JSON;
        const key = this.string();
        // As yaml-quick.ts keyOf: no quote of either kind in a key, no __proto__; and no repeated key.
        if (typeof key !== 'string' || key.length > MAX_KEY || key.includes("'") || key === '__proto__' || Object.hasOwn(value, key)) return NOT_JSON;
        if (this.text.charCodeAt(this.pos) !== 58) return NOT_JSON;
        this.pos++;
        this.spaces();
        const item = this.value();
        if (item === NOT_JSON) return NOT_JSON;
        value[key] = item;
        pairs.push([key, keyAt, this.nodes]);
        const closed = this.afterItem(125);
        if (closed === undefined) return NOT_JSON;
        if (closed) break;
      }
    this.depth--;
    this.nodes = nodes;
    return value;
  }

  private list(at: number): unknown {
    if (!this.enter()) return NOT_JSON;
    const value: unknown[] = [];
    const items: (NodeStarts | null)[] = [];
    const nodes: NodeStarts = { at, items };
    if (this.text.charCodeAt(this.pos) === 93) this.pos++;
    else
      for (;;) {
        const item = this.value();
        if (item === NOT_JSON) return NOT_JSON;
        value.push(item);
        items.push(this.nodes);
        const closed = this.afterItem(93);
        if (closed === undefined) return NOT_JSON;
        if (closed) break;
      }
    this.depth--;
    this.nodes = nodes;
    return value;
  }

  /** After an item: true past the closing bracket, false past a comma, undefined for anything else. */
  private afterItem(close: number): boolean | undefined {
    this.spaces();
    const c = this.text.charCodeAt(this.pos);
    this.pos++;
    if (c === close) return true;
    if (c !== 44) return undefined;
    this.spaces();
    // A comma before the closing bracket is YAML, not JSON.
    const d = this.text.charCodeAt(this.pos);
    return d === 93 || d === 125 ? undefined : false;
  }
}

const WORDS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/**
 * `text` with each JSON flow collection blanked out to a one-letter plain word (js-yaml reads a
 * long word a character at a time too), and the way back from its offsets to the text's.
 */
export class Blanked {
  readonly text: string;
  /** Where each flow collection's blank starts in the blanked text, in order. */
  readonly starts: number[] = [];
  /** Where each blank ends in the blanked text, and how far the text after it lies further on. */
  private readonly ends: number[] = [];
  private readonly shifts: number[] = [];
  private k = -1;

  constructor(
    text: string,
    readonly flows: readonly JsonFlow[],
  ) {
    const parts: string[] = [];
    let from = 0;
    let length = 0;
    for (const f of flows) {
      parts.push(text.slice(from, f.start), BLANK);
      length += f.start - from;
      this.starts.push(length);
      length += BLANK.length;
      this.ends.push(length);
      this.shifts.push(f.end - length);
      from = f.end;
    }
    parts.push(text.slice(from));
    this.text = parts.join('');
  }

  /** The offset in the text of an offset in the blanked text outside the blanks (or at a blank's start). */
  original(at: number): number {
    // Asked in document order, near the last offset asked: a cursor, not a search.
    while (this.k + 1 < this.ends.length && this.ends[this.k + 1]! <= at) this.k++;
    while (this.k >= 0 && this.ends[this.k]! > at) this.k--;
    return this.k < 0 ? at : at + this.shifts[this.k]!;
  }
}
