/**
 * The quick parse: js-yaml's event parser reads a text that is plain YAML several times faster
 * than the yaml library builds its document, and says where every node starts. A 1,000-unit
 * exercise (1.5 MB) parses in about 0.2 s instead of 1.3 s (issue 19). Plain: no tags, anchors,
 * aliases, directives, second documents, empty values, tabs, carriage returns, numbers past a
 * double or block indentation indicators, and keys that are words.
 *
 * It gives the same value and the same node starts as the yaml library's parse or nothing: for
 * anything it declines, or any text js-yaml refuses, yaml-source.ts parses with the yaml library
 * as before, so every problem in a file is still found and worded the one way (yaml-plain.ts).
 * tests/unit/yaml-quick.test.ts holds the two parses equal, on every YAML file in the project
 * and on generated and mangled texts.
 */
import { constructFromEvents, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import type { NodeStarts, ParsedBefore } from './yaml-kept';
import { lineStarts } from './lines';
import { BLANK, Blanked, jsonFlows } from './yaml-json';

const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const POP = 6;
const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;

/**
 * A plain key that the core schema might read as something other than a string (null, a
 * boolean, a number): the two libraries turn such keys into property names differently, so
 * they are left to the yaml library. Broad on purpose: declining costs time, not correctness.
 */
const NOT_A_WORD_KEY = /^(?:$|[-+.~0-9]|(?:null|true|false)$)/i;

/** A `---` in column 1, after nothing but blank and comment lines. */
const DOCUMENT_START = /^(?:[ \t]*(?:#[^\n]*)?\n)*---(?:[ \t\r\n]|$)/;

type Frame = { ns: NodeStarts; key: string | undefined; keyAt: number | undefined; map: boolean };

/**
 * The value, node starts and line starts of `text`, or undefined when the quick parse declines
 * it or js-yaml refuses it. `maxDepth` is the nesting depth from which the yaml library's parse
 * must report the nesting instead (yaml-source.ts MAX_NESTING_DEPTH).
 */
export function parseQuickly(text: string, maxDepth: number): ParsedBefore | undefined {
  // The two libraries differ on where a tab may stand and on a carriage return inside a plain
  // scalar folded over lines; a text with either is left to the yaml library.
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const flows = jsonFlows(text);
  if (flows.length > 0) {
    // Only what js-yaml reads of the blanked text exactly as the text says it is taken; anything
    // else (a blank swallowed by a block scalar, one read as a key) and js-yaml reads the text as it is.
    const blanked = new Blanked(text, flows);
    const read = readEvents(blanked.text, maxDepth, blanked);
    if (read) return { ...read, lineStarts: lineStarts(text) };
  }
  const read = readEvents(text, maxDepth);
  return read && { ...read, lineStarts: lineStarts(text) };
}

/**
 * Where the JSON flow collections went in a parse of the blanked text: the next one to meet (the
 * events come in the text's order), and for each the keys and indexes that lead to it from the root.
 */
interface Placed {
  blanked: Blanked;
  next: number;
  paths: (string | number)[][];
}

function readEvents(text: string, maxDepth: number, blanked?: Blanked): Omit<ParsedBefore, 'lineStarts'> | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth });
  } catch {
    return undefined;
  }
  const placed: Placed | undefined = blanked && { blanked, next: 0, paths: [] };
  const nodes = nodeStartsOf(events, text, maxDepth, placed);
  if (nodes === undefined || (placed && placed.next !== blanked!.flows.length)) return undefined;
  let docs: unknown[];
  try {
    docs = constructFromEvents(events, { source: text });
  } catch {
    return undefined;
  }
  if (docs.length !== 1) return undefined;
  return { value: placed ? putBack(docs[0], placed) : docs[0], nodes };
}

/** The value with each blank's word replaced by the JSON flow collection it stands for. */
function putBack(root: unknown, placed: Placed): unknown {
  const { flows } = placed.blanked;
  for (let i = 0; i < flows.length; i++) {
    const path = placed.paths[i]!;
    if (path.length === 0) return flows[i]!.value;
    let holder = root as Record<string | number, unknown>;
    for (let k = 0; k < path.length - 1; k++) holder = holder[path[k]!] as Record<string | number, unknown>;
    holder[path[path.length - 1]!] = flows[i]!.value;
  }
  return root;
}

/** The root's node starts; undefined for a text the quick parse declines. */
function nodeStartsOf(events: Event[], text: string, maxDepth: number, placed?: Placed): NodeStarts | null | undefined {
  const first = events[0];
  if (!first || first.type !== DOCUMENT || first.directives.length > 0 || first.explicitEnd) return undefined;
  // js-yaml also takes an indented `---` for the start of the document; the yaml library reads it as text.
  if (first.explicitStart && !DOCUMENT_START.test(text)) return undefined;
  const stack: Frame[] = [];
  let root: NodeStarts | null | undefined;
  let documents = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === DOCUMENT) {
      if (++documents > 1) return undefined;
      continue;
    }
    if (e.type === POP) {
      stack.pop();
      continue;
    }
    if (e.type !== SCALAR && e.type !== MAPPING && e.type !== SEQUENCE) return undefined;
    if (e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
    const parent = stack[stack.length - 1];
    if (parent?.map && parent.key === undefined) {
      // A key: a scalar that is a word.
      // (The yaml library refuses an implicit key over 1,024 characters; js-yaml need not.)
      if (e.type !== SCALAR || e.valueStart < 0 || e.valueEnd - e.valueStart > 1000) return undefined;
      if (placed && placed.blanked.starts[placed.next] === e.valueStart) return undefined;
      const key = keyOf(text, e);
      if (key === undefined) return undefined;
      parent.key = key;
      const keyAt = scalarStart(text, e);
      parent.keyAt = placed && keyAt !== undefined ? placed.blanked.original(keyAt) : keyAt;
      continue;
    }
    // An empty value: the yaml library places it after the indicator before it, which the
    // events do not say; such texts are rare and left to the yaml library.
    const at = e.type === SCALAR ? scalarStart(text, e) : e.start;
    if (at === undefined || (e.type === SCALAR && e.style === PLAIN && overflows(text, e))) return undefined;
    const flow = placed && e.type === SCALAR && placed.blanked.starts[placed.next] === at ? placed.blanked.flows[placed.next] : undefined;
    const start = placed ? placed.blanked.original(at) : at;
    // Made whole, not grown a field at a time: a large exercise has some 200,000 of them.
    const ns: NodeStarts = flow ? flow.nodes : e.type === MAPPING ? { at: start, pairs: [] } : e.type === SEQUENCE ? { at: start, items: [] } : { at: start };
    if (flow) {
      // The blank read as one plain word, all of it, and the collection no deeper than the text's limit allows (with room to spare).
      if ((e as ScalarEvent).style !== PLAIN || (e as ScalarEvent).valueEnd !== at + BLANK.length || stack.length + flow.depth + 4 >= maxDepth)
        return undefined;
      placed!.next++;
    }
    if (!parent) root = ns;
    else if (parent.map) {
      parent.ns.pairs!.push([parent.key!, parent.keyAt, ns]);
      parent.key = undefined;
    } else parent.ns.items!.push(ns);
    if (flow) placed!.paths.push(stack.map((f) => (f.map ? f.ns.pairs![f.ns.pairs!.length - 1]![0]! : f.ns.items!.length - 1)));
    if (e.type !== SCALAR) {
      if (stack.length + 1 >= maxDepth) return undefined;
      stack.push({ ns, key: undefined, keyAt: undefined, map: e.type === MAPPING });
    }
  }
  return documents === 1 ? (root ?? null) : undefined;
}

/**
 * A plain number too large for a double: the yaml library reads it as Infinity, js-yaml keeps it as
 * text. Such texts go to the yaml library (as does any plain value of over 300 characters that
 * starts like a number).
 */
function overflows(text: string, e: ScalarEvent): boolean {
  const c = text.charCodeAt(e.valueStart);
  // '+', '-', '.', '0'–'9'
  if (!(c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57))) return false;
  if (e.valueEnd - e.valueStart > 300) return true;
  // Under 300 characters only an exponent or an "Infinity" reaches a double's limit; most values
  // in a large exercise are short numbers, read here without a copy of their text.
  let exponentOrInfinity = false;
  for (let i = e.valueStart; i < e.valueEnd; i++) {
    const d = text.charCodeAt(i);
    // 'e', 'E', 'I'
    if (d === 101 || d === 69 || d === 73) {
      exponentOrInfinity = true;
      break;
    }
  }
  if (!exponentOrInfinity) return false;
  const n = parseFloat(text.slice(e.valueStart, e.valueEnd));
  return (n === Infinity || n === -Infinity) && !/^[-+]?\.inf$/i.test(text.slice(e.valueStart, e.valueEnd));
}

/**
 * False for a key NOT_A_WORD_KEY surely does not match, tested without it: one that starts with a
 * letter other than n, t or f (any case). Most keys of a large exercise do.
 */
function mayNotBeAWord(key: string): boolean {
  const c = key.charCodeAt(0) | 0x20;
  return !(c >= 97 && c <= 122) || c === 110 || c === 116 || c === 102;
}

function keyOf(text: string, e: ScalarEvent): string | undefined {
  if (e.style === PLAIN) {
    const key = text.slice(e.valueStart, e.valueEnd);
    // A plain key on one line is its text; one folded over lines is left to the yaml library.
    if ((mayNotBeAWord(key) && NOT_A_WORD_KEY.test(key)) || key === '__proto__' || key.includes('\n') || key.includes('\r')) return undefined;
    return key;
  }
  if (e.style === SINGLE_QUOTED || e.style === DOUBLE_QUOTED) {
    const raw = text.slice(e.valueStart, e.valueEnd);
    // Escapes and folded lines are left to the yaml library; most quoted keys have neither.
    if (/[\\'\n\r"]/.test(raw) || raw === '__proto__') return undefined;
    return raw;
  }
  return undefined;
}

/**
 * Where the yaml library says a scalar starts: at its opening quote, at a block scalar's `|` or
 * `>`; undefined for an empty one.
 */
function scalarStart(text: string, e: ScalarEvent): number | undefined {
  if (e.valueStart < 0) return undefined;
  if (e.style === PLAIN) return e.valueStart;
  if (e.style === SINGLE_QUOTED || e.style === DOUBLE_QUOTED) return e.valueStart - 1;
  return blockHeader(text, e.valueStart);
}

/** A block scalar's header: its indicator, then chomping and indentation, a comment or nothing. */
const BLOCK_HEADER = /(?:^|[ \t])([|>])([-+0-9]*)[ \t]*(?:#.*)?$/;

/**
 * The `|` or `>` of the block scalar whose content starts at `contentStart`: on the nearest line
 * above that ends in a block header (the lines between, if any, are blank). Undefined, so left to
 * the yaml library, for a header with an indentation indicator (`|1`): the two libraries keep a
 * line of spaces past that indentation differently.
 */
function blockHeader(text: string, contentStart: number): number | undefined {
  let end = text.lastIndexOf('\n', contentStart - 1);
  while (end >= 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const m = BLOCK_HEADER.exec(line);
    if (m) return /[0-9]/.test(m[2]!) ? undefined : start + m.index + m[0].indexOf(m[1]!);
    if (line.trim() !== '') return undefined;
    end = start - 1;
  }
  return undefined;
}
