/**
 * YAML with source positions. Every check reports `file:line:col`, so the parsed value travels
 * with a locator that turns a yamlDoc path (units[2].radios[0]) back into a line and column.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { diagnosticAt, joinAs, type Diagnostic, type Severity } from './diagnostics';
import { explain, type Explanation, type ParamValue } from './explain';
import { CATALOG, english, t } from '../i18n';
import { rootYamlProblems, yamlProblem } from './yaml-plain';
import { scanFlowBrackets } from './yaml-flow';
import { closest } from './suggest';
import { MAX_FILE_BYTES, groupDigits } from './limits';
import { parseQuickly } from './yaml-quick';
import type { NodeStarts, ParsedBefore } from './yaml-kept';

export type DocPath = readonly (string | number)[];

export interface SourceDoc {
  file: string;
  value: unknown;
  /** Line and column of the node at a path, or of its nearest existing ancestor. */
  locate(path: DocPath, keyRatherThanValue?: boolean): { line: number; col: number };
  /** A diagnostic at the node of `path`; its English `message` is the explanation's. */
  diagnostic(path: DocPath, severity: Severity, e: Explanation): Diagnostic;
}

export function pathToString(path: DocPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : String(p)), '');
}

// The file size limit follows from the unit limit; both live in limits.ts.
export { MAX_FILE_BYTES, groupDigits };

/**
 * Deepest nesting of mappings and lists a file may have. Real scenario and procedure files need
 * about six levels; a runaway structure thousands deep would only exhaust the stack further on.
 */
export const MAX_NESTING_DEPTH = 64;

/** Size of the text as UTF-8 bytes, which is what the limit counts. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export type { NodeStarts, ParsedBefore } from './yaml-kept';

let parsedBefore: ((text: string, file: string) => ParsedBefore | undefined) | undefined;

/** Where parseYamlSource first asks for a parse kept from before; undefined: parse every time. */
export function useParsedBefore(lookup: ((text: string, file: string) => ParsedBefore | undefined) | undefined): void {
  parsedBefore = lookup;
}

/** What a parse kept from before needs: undefined when `text` does not parse with no problem. */
export function parsedForLater(text: string): ParsedBefore | undefined {
  const { diagnostics, parse } = parseWithNodes(text, '');
  if (diagnostics.length > 0 || !parse) return undefined;
  return { value: parse.value, nodes: nodeStarts(parse.yamlDoc.contents), lineStarts: [...parse.lineCounter.lineStarts] };
}

function nodeStarts(node: unknown): NodeStarts | null {
  if (node === null || node === undefined) return null;
  const at = rangeStart(node);
  const out: NodeStarts = at === undefined ? {} : { at };
  if (isMap(node)) out.pairs = node.items.map((p) => [isScalar(p.key) ? String(p.key.value) : null, rangeStart(p.key), nodeStarts(p.value)]);
  else if (isSeq(node)) out.items = node.items.map((item) => nodeStarts(item));
  return out;
}

export function parseYamlSource(text: string, file: string, sizeOnDisk?: number, atLeast = false): SourceParse {
  const before = sizeOnDisk === undefined ? parsedBefore?.(text, file) : undefined;
  if (before) return { doc: docFromBefore(file, before), diagnostics: [] };
  const { doc, diagnostics } = parseWithNodes(text, file, sizeOnDisk, atLeast, true);
  return { doc, diagnostics };
}

/** A text parsed: the document, and the problems the parse found. */
export interface SourceParse {
  doc: SourceDoc;
  diagnostics: Diagnostic[];
}

/**
 * A text's parse made once for several loaders of it: checking a scenario reads it for its kind
 * and source ids and loads it once per account, each a parse of seconds for a large exercise.
 * It is used only for the very text and file it was made from, so a file text copied with its
 * text changed is parsed again.
 */
export interface SharedParse extends SourceParse {
  text: string;
  file: string;
}

export function shareParse(text: string, file: string, sizeOnDisk?: number, atLeast = false): SharedParse {
  return { text, file, ...parseYamlSource(text, file, sizeOnDisk, atLeast) };
}

/**
 * The parse of a file text: the one it carries when that is of the same text and file, else a
 * new one. Sharing is safe because nothing writes into a parsed document (every loader builds
 * its own values from `doc.value`); each caller gets its own list of problems to add to.
 */
export function parseOf(ft: { file: string; text: string; bytes?: number; bytesAtLeast?: boolean; parsed?: SharedParse }): SourceParse {
  const p = ft.parsed;
  if (p && p.text === ft.text && p.file === ft.file) return { doc: p.doc, diagnostics: [...p.diagnostics] };
  return parseYamlSource(ft.text, ft.file, ft.bytes, ft.bytesAtLeast);
}

/**
 * parseYamlSource's parse, with the yaml library's document when it got that far. With `quick`, a
 * plain text is read by the quick parse (yaml-quick.ts) and the yaml library parses only what it
 * declines, every text with a problem among them.
 */
function parseWithNodes(
  text: string,
  file: string,
  sizeOnDisk?: number,
  atLeast = false,
  quick = false,
): { doc: SourceDoc; diagnostics: Diagnostic[]; parse?: { value: unknown; yamlDoc: Document.Parsed; lineCounter: LineCounter } } {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  // Under a third of the limit in characters is under it in bytes: no need to count.
  const bytes = sizeOnDisk ?? (text.length * 3 <= MAX_FILE_BYTES ? text.length : utf8Bytes(text));
  if (bytes > MAX_FILE_BYTES) {
    const d = wholeFile(file, 1, 1, 'error', explain('checker.file.too-large', { atLeast, bytes: atLeast ? MAX_FILE_BYTES : bytes, limit: MAX_FILE_BYTES }));
    return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [d] };
  }
  const encoding = encodingProblem(text);
  if (encoding) return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [wholeFile(file, 1, 1, 'error', encoding)] };
  // The quick parse stops at the nesting limit itself (js-yaml's maxDepth), so only a text it
  // declines needs the scan that keeps the yaml library from recursing past it.
  const read = quick ? parseQuickly(text, MAX_NESTING_DEPTH) : undefined;
  if (read) return { doc: docFromBefore(file, read), diagnostics };
  const deepFlow = flowDeeperThan(text, MAX_NESTING_DEPTH);
  // The parser would recurse once per bracket and run out of stack before it could say where.
  if (deepFlow !== undefined) {
    const before = text.slice(0, deepFlow);
    const line = before.split('\n').length;
    const col = deepFlow - before.lastIndexOf('\n');
    return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [wholeFile(file, line, col, 'error', nestingMessage())] };
  }
  let yamlDoc: Document.Parsed;
  try {
    yamlDoc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    const d = wholeFile(file, 1, 1, 'error', explain('checker.yaml.unreadable', { detail: (e as Error).message }));
    return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [d] };
  }
  // One root per mistake: the parser's knock-on errors after it are dropped (see yaml-plain.ts).
  for (const root of rootYamlProblems(text, yamlDoc.errors)) {
    const pos = lineCounter.linePos(root.offset);
    diagnostics.push(wholeFile(file, pos.line, pos.col, 'error', root.e));
  }
  for (const w of yamlDoc.warnings) {
    const pos = lineCounter.linePos(w.pos[0]);
    diagnostics.push(wholeFile(file, pos.line, pos.col, 'warning', yamlProblem(w.code, w.message)));
  }
  let value: unknown = undefined;
  const tooDeep = yamlDoc.errors.length === 0 ? deeperThan(yamlDoc.contents, MAX_NESTING_DEPTH) : undefined;
  if (tooDeep) {
    const pos = lineCounter.linePos(tooDeep.range?.[0] ?? 0);
    diagnostics.push(wholeFile(file, Math.max(1, pos.line), Math.max(1, pos.col), 'error', nestingMessage()));
  } else if (yamlDoc.errors.length === 0) {
    try {
      value = yamlDoc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      diagnostics.push(wholeFile(file, 1, 1, 'error', explain('checker.yaml.syntax', { detail: (e as Error).message })));
    }
  }
  return { doc: makeDoc(file, value, yamlDoc, lineCounter), diagnostics, parse: { value, yamlDoc, lineCounter } };
}

/**
 * The first node below `limit` levels of mappings and lists. The recursion stops at `limit`, so
 * it never goes deeper than that however deep the document is. It visits the last item first
 * (a pair's value before its key), the order of the stack it once used, so that of several
 * nodes too deep the same one is reported.
 */
function deeperThan(node: unknown, limit: number, depth = 0): Node | undefined {
  if (!isMap(node) && !isSeq(node)) return undefined;
  if (depth >= limit) return node as Node;
  const items = node.items as unknown[];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    const found = isPair(item) ? (deeperThan(item.value, limit, depth + 1) ?? deeperThan(item.key, limit, depth + 1)) : deeperThan(item, limit, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function wholeFile(file: string, line: number, col: number, severity: Severity, e: Explanation): Diagnostic {
  return diagnosticAt({ file, line, col, path: '' }, severity, e);
}

function nestingMessage(): Explanation {
  return explain('checker.file.too-deep', { limit: MAX_NESTING_DEPTH });
}

/**
 * Offset of the first flow bracket (`[` or `{`) that opens more than `limit` levels deep, outside
 * quotes and comments; undefined when there is none. A cheap scan before the parser sees the text.
 */
function flowDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  let found: number | undefined;
  scanFlowBrackets(text, text.length, (i, opens) => {
    if (!opens) {
      if (depth > 0) depth--;
      return false;
    }
    if (++depth <= limit) return false;
    found = i;
    return true;
  });
  return found;
}

/** A file saved as UTF-16 (a byte-order mark, or a NUL between letters) reads as nonsense in UTF-8: say so instead. */
function encodingProblem(text: string): Explanation | undefined {
  const head = text.slice(0, 200);
  if (head.startsWith('\uFFFD\uFFFD') || head.includes('\u0000')) return explain('checker.file.not-utf8');
  return undefined;
}

function makeDoc(file: string, value: unknown, yamlDoc: Document.Parsed | null, lc: LineCounter): SourceDoc {
  return sourceDoc(file, value, (path, key) => (yamlDoc ? offsetAt(yamlDoc.contents, YAML_NODES, path, key) : undefined), lc);
}

/** A SourceDoc of a parse kept from before: the same walk as makeDoc's, over the node starts the parse kept. */
function docFromBefore(file: string, before: ParsedBefore): SourceDoc {
  const lc = new LineCounter();
  // A copy, not a line at a time: a large exercise has tens of thousands of lines.
  lc.lineStarts = before.lineStarts.slice();
  return sourceDoc(file, before.value, (path, key) => offsetAt(before.nodes, KEPT_NODES, path, key), lc);
}

/**
 * What locate needs of a parsed node, so that one walk serves the yaml library's nodes and the
 * node starts a kept parse holds: where a node starts, a mapping's pair by key (where the key
 * starts, and its value), a list's item by index.
 */
interface NodeAccess<N> {
  start(node: N): number | undefined;
  /** Undefined when `node` is not a mapping; null when it is one without `key`. */
  pair(node: N, key: string): { keyAt: number | undefined; value: N } | null | undefined;
  /** Undefined when `node` is not a list; null past its end. */
  item(node: N, index: number): { value: N } | null | undefined;
}

const YAML_NODES: NodeAccess<unknown> = {
  start: rangeStart,
  pair(node, key) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    return pair ? { keyAt: rangeStart(pair.key), value: pair.value } : null;
  },
  item(node, index) {
    if (!isSeq(node)) return undefined;
    return index in node.items ? { value: node.items[index] } : null;
  },
};

const KEPT_NODES: NodeAccess<NodeStarts | null> = {
  start: (node) => node?.at,
  pair(node, key) {
    if (!node?.pairs) return undefined;
    const pair = node.pairs.find((p) => p[0] !== null && p[0] === key);
    return pair ? { keyAt: pair[1], value: pair[2] } : null;
  },
  item(node, index) {
    if (!node?.items) return undefined;
    return index in node.items ? { value: node.items[index]! } : null;
  },
};

/**
 * Offset of the node at `path` (its key's, with `keyRatherThanValue`), or of the nearest ancestor
 * the path reaches; undefined for a document with no root node.
 */
function offsetAt<N>(root: N, nodes: NodeAccess<N>, path: DocPath, keyRatherThanValue: boolean): number | undefined {
  let node = root;
  let best = nodes.start(node);
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const pair = nodes.pair(node, String(key));
    if (pair === null) break;
    if (pair) {
      if (i === path.length - 1 && keyRatherThanValue) return pair.keyAt ?? best;
      node = pair.value;
      best = nodes.start(node) ?? pair.keyAt ?? best;
      continue;
    }
    const item = typeof key === 'number' ? nodes.item(node, key) : undefined;
    if (!item) break;
    node = item.value;
    best = nodes.start(node) ?? best;
  }
  return best;
}

function sourceDoc(file: string, value: unknown, offsetOf: (path: DocPath, keyRatherThanValue: boolean) => number | undefined, lc: LineCounter): SourceDoc {
  const locate = (path: DocPath, keyRatherThanValue = false) => {
    const best = offsetOf(path, keyRatherThanValue);
    if (best === undefined) return { line: 1, col: 1 };
    const p = lc.linePos(best);
    return { line: p.line, col: p.col };
  };
  return {
    file,
    value,
    locate,
    diagnostic(path, severity, e) {
      const { line, col } = locate(path);
      return diagnosticAt({ file, line, col, path: pathToString(path) }, severity, e);
    },
  };
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as Node | undefined)?.range;
  return r ? r[0] : undefined;
}

/** Zod issues as diagnostics, each at the offending node; unknown keys point at the key itself. */
export function zodDiagnostics(doc: SourceDoc, error: z.ZodError, prefix: DocPath = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const missing = missingFields(error.issues, prefix);
  // A misspelt key is one mistake, not two: the field it was meant to be is "missing" only because
  // of it, so that knock-on error is folded into the unknown field's, which names the right spelling.
  const folded = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = [...prefix, ...(issue.path as (string | number)[])];
    for (const k of issue.keys) {
      const here = missing.get(pathToString(path)) ?? [];
      const meant = closest(k, here) ?? closest(k, KNOWN_FIELDS);
      if (meant !== undefined && here.includes(meant)) folded.add(pathToString([...path, meant]));
      const { line, col } = doc.locate([...path, k], true);
      out.push(
        diagnosticAt(
          { file: doc.file, line, col, path: pathToString([...path, k]) },
          'error',
          explain('checker.schema.unknown-field', { field: k, hint: didYouMean(meant) }),
        ),
      );
    }
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (folded.has(pathToString(path))) continue;
    out.push(doc.diagnostic(path, 'error', describeIssue(issue, path)));
  }
  return out;
}

/** Fields the schema wants and the file lacks, by the path of the mapping that lacks them. */
function missingFields(issues: readonly z.core.$ZodIssue[], prefix: DocPath): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const key = path[path.length - 1];
    const absent = (issue as { input?: unknown }).input === undefined;
    if (!absent || typeof key !== 'string' || (issue.code !== 'invalid_type' && issue.code !== 'invalid_value' && issue.code !== 'invalid_union')) continue;
    const parent = pathToString(path.slice(0, -1));
    out.set(parent, [...(out.get(parent) ?? []), key]);
  }
  return out;
}

const KNOWN_FIELDS = [
  'id',
  'title',
  'date',
  'start',
  'durationS',
  'location',
  'sources',
  'procedure',
  'seed',
  'environment',
  'accounts',
  'facts',
  'links',
  'units',
  'script',
  'name',
  'nation',
  'kind',
  'service',
  'hull',
  'callSigns',
  'platform',
  'radios',
  'emitters',
  'crew',
  'headquarters',
  'counterpart',
  'track',
  'position',
  'modulation',
  'channels',
  'tuned',
  'powered',
  'monitored',
  'powerW',
  'noiseDb',
  'type',
  'slavedTo',
  'rotationS',
  'languages',
  'workload',
  'hearsAs',
  'knownCallSigns',
  'judgesThreatening',
  'knowsOf',
  'unit',
  'at',
  'on',
  'do',
  'emitter',
  'mode',
  'target',
  'forS',
  'to',
  'channel',
  'text',
  'addressee',
  'safety',
  'radio',
  'threatening',
  'rules',
  'parameters',
  'callFormat',
  'hailing',
  'practice',
  'extends',
  'members',
  'latencyS',
  'available',
  'question',
  'values',
  'note',
  'lat',
  'lon',
  'altM',
  'bearingDeg',
  'rangeM',
  'from',
  't',
  'antennaHeightM',
  'speedKt',
];

/** A list of ids for a message, or the word "none" in the reader's language when it is empty. */
export function orNone(items: Iterable<string>): ParamValue {
  const list = [...items];
  return list.length ? list : explain('checker.none');
}

/** ` (did you mean "x"?)` for a near name, or nothing: for messages with a `hint` parameter. */
export function didYouMean(best: string | undefined): Explanation {
  return best === undefined ? explain('checker.empty') : explain('checker.did-you-mean', { name: best });
}

// Kept here for the lint modules that import it beside didYouMean.
export { editDistance } from './suggest';

/**
 * A zod issue in the checker's words. The English it renders is what the checker has always said
 * (zod's own words for the rarer issues); when a zod message is not one the catalog knows, it is
 * passed on as written (`checker.schema.other`), still with its path.
 */
function describeIssue(issue: z.core.$ZodIssue, path: DocPath): Explanation {
  const where: ParamValue = pathToString(path) || explain('checker.the-file');
  const got = (issue as { input?: unknown }).input;
  const other = explain('checker.schema.other', { path: where, detail: issue.message });
  switch (issue.code) {
    case 'invalid_type':
      if (got === undefined) return explain('checker.schema.required', { path: where, expected: issue.expected });
      return explain('checker.schema.wrong-type', { path: where, expected: issue.expected, received: describeValue(got) });
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      if (got === undefined) return explain('checker.schema.required', { path: where, expected: joinAs('checker.join.or', options) });
      const near =
        typeof got === 'string'
          ? closest(
              got,
              issue.values.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      return explain('checker.schema.one-of', { path: where, options, hint: didYouMean(near) });
    }
    case 'too_small':
      if (issue.origin === 'array') return explain('checker.schema.too-few-items', { path: where, minimum: String(issue.minimum) });
      if (issue.origin === 'string') return explain('checker.schema.empty-text', { path: where });
      return explain('checker.schema.too-small', { path: where, inclusive: !!issue.inclusive, minimum: String(issue.minimum), got: gotValue(got) });
    case 'too_big':
      return explain('checker.schema.too-big', { path: where, inclusive: !!issue.inclusive, maximum: String(issue.maximum), got: gotValue(got) });
    case 'invalid_union': {
      const disc = (issue as { note?: string }).note;
      if (disc === 'No matching discriminator') return unknownVariant(issue, where);
      if (disc) return explain('checker.schema.other', { path: where, detail: disc });
      return issue.message === 'Invalid input' ? explain('checker.schema.invalid', { path: where }) : other;
    }
    case 'custom':
    case 'invalid_format':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'unrecognized_keys': {
      const rule = ruleCodeOf(issue.message);
      if (rule) return explain(rule, { path: where });
      const known = zodDefault(issue, where);
      return known && english(known) === english(other) ? known : other;
    }
  }
}

/**
 * A `do:` (or another discriminator) that names no variant: the action as written, the nearest
 * action, and every action, instead of zod's "No matching discriminator".
 */
function unknownVariant(issue: z.core.$ZodIssue, where: ParamValue): Explanation {
  const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
  const input = (issue as { input?: unknown }).input;
  const value = input && typeof input === 'object' && discriminator ? (input as Record<string, unknown>)[discriminator] : undefined;
  const names = (options ?? []).filter((o): o is string => typeof o === 'string');
  if (discriminator !== 'do' || typeof value !== 'string' || names.length === 0) return explain('checker.schema.no-matching-discriminator', { path: where });
  return explain('checker.schema.unknown-action', { action: value, hint: didYouMean(closest(value, names)), actions: names });
}

/** zod's default words for the rarer issues, as catalog codes. */
function zodDefault(issue: z.core.$ZodIssue, where: ParamValue): Explanation | undefined {
  switch (issue.code) {
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue) return explain('checker.schema.pattern', { path: where, pattern: String(issue.pattern) });
      return undefined;
    case 'invalid_key':
      return explain('checker.schema.invalid-key', { path: where, origin: issue.origin });
    case 'invalid_element':
      return explain('checker.schema.invalid-element', { path: where, origin: issue.origin });
    case 'custom':
      return issue.message === 'Invalid input' ? explain('checker.schema.invalid', { path: where }) : undefined;
    // Said in the checker's own words by describeIssue; zod's are never shown.
    case 'invalid_type':
    case 'invalid_union':
    case 'invalid_value':
    case 'not_multiple_of':
    case 'too_big':
    case 'too_small':
    case 'unrecognized_keys':
      return undefined;
  }
}

function gotValue(v: unknown): Explanation {
  return v === undefined ? explain('checker.empty') : explain('checker.schema.got', { value: describeValue(v) });
}

/** Placeholder for the path in a schema rule's English words (see schemaRule). */
const RULE_PATH = '\u0001';

/**
 * The words a schema gives zod for a rule of its own (a pattern, a refinement): the English of
 * `code` without its `path: ` lead. The checker finds the code again from these words, so the
 * diagnostic carries the rule's code and renders in every language.
 */
export function schemaRule(code: string): string {
  return t('en', code, { path: RULE_PATH }).slice(`${RULE_PATH}: `.length);
}

let ruleCodes: Map<string, string> | undefined;

function ruleCodeOf(message: string): string | undefined {
  if (!ruleCodes) {
    ruleCodes = new Map();
    for (const code of Object.keys(CATALOG.en)) if (code.startsWith('checker.format.')) ruleCodes.set(schemaRule(code), code);
  }
  return ruleCodes.get(message);
}

function describeValue(v: unknown): Explanation {
  if (v === null) return explain('checker.value.null');
  if (Array.isArray(v)) return explain('checker.value.list');
  if (typeof v === 'object') return explain('checker.value.mapping');
  if (typeof v === 'string') return explain('checker.value.text', { text: v.length > 30 ? v.slice(0, 30) + '…' : v });
  if (typeof v === 'number') return explain('checker.value.number', { value: String(v) });
  return explain('checker.value.other', { type: typeof v, value: String(v) });
}
