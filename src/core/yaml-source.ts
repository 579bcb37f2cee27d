/**
 * YAML with source positions. Every check reports `file:line:col`, so the parsed value travels
 * with a locator that turns a yamlDoc path (units[2].radios[0]) back into a line and column.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Severity } from './diagnostics';

export type DocPath = readonly (string | number)[];

export interface SourceDoc {
  file: string;
  value: unknown;
  /** Line and column of the node at a path, or of its nearest existing ancestor. */
  locate(path: DocPath, keyRatherThanValue?: boolean): { line: number; col: number };
  diagnostic(path: DocPath, severity: Severity, message: string): Diagnostic;
}

export function pathToString(path: DocPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : String(p)), '');
}

/** Limit for any file the tools accept: bigger inputs are refused with a message, not parsed. */
export const MAX_FILE_BYTES = 2_000_000;

/**
 * Deepest nesting of mappings and lists a file may have. Real scenario and procedure files need
 * about six levels; a runaway structure thousands deep would only exhaust the stack further on.
 */
export const MAX_NESTING_DEPTH = 64;

/** 1234567 → "1,234,567", the same everywhere (toLocaleString depends on the machine). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

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

export function parseYamlSource(text: string, file: string, sizeOnDisk?: number, atLeast = false): { doc: SourceDoc; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  // Under a third of the limit in characters is under it in bytes: no need to count.
  const bytes = sizeOnDisk ?? (text.length * 3 <= MAX_FILE_BYTES ? text.length : utf8Bytes(text));
  if (bytes > MAX_FILE_BYTES) {
    const d = {
      file,
      line: 1,
      col: 1,
      severity: 'error' as const,
      path: '',
      message: `file is ${atLeast ? 'more than ' : ''}${groupDigits(atLeast ? MAX_FILE_BYTES : bytes)} bytes; the limit is ${groupDigits(MAX_FILE_BYTES)} bytes. Split the scenario into smaller ones (fewer units or a shorter span each), or remove long notes and unused material.`,
    };
    return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [d] };
  }
  const encoding = encodingProblem(text);
  if (encoding)
    return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [{ file, line: 1, col: 1, severity: 'error', path: '', message: encoding }] };
  const deepFlow = flowDeeperThan(text, MAX_NESTING_DEPTH);
  // The parser would recurse once per bracket and run out of stack before it could say where.
  if (deepFlow !== undefined) {
    const before = text.slice(0, deepFlow);
    const line = before.split('\n').length;
    const col = deepFlow - before.lastIndexOf('\n');
    return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [{ file, line, col, severity: 'error', path: '', message: nestingMessage() }] };
  }
  let yamlDoc: Document.Parsed;
  try {
    yamlDoc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    const d = { file, line: 1, col: 1, severity: 'error' as const, path: '', message: `could not read YAML: ${(e as Error).message}` };
    return { doc: makeDoc(file, undefined, null, lineCounter), diagnostics: [d] };
  }
  for (const err of [...yamlDoc.errors, ...yamlDoc.warnings]) {
    const pos = lineCounter.linePos(err.pos[0]);
    diagnostics.push({
      file,
      line: pos.line,
      col: pos.col,
      severity: yamlDoc.errors.includes(err as never) ? 'error' : 'warning',
      path: '',
      message:
        err.code === 'MULTIPLE_DOCS'
          ? 'a second YAML document starts here (a line "---"): a scenario or a procedure is one document. Remove the "---" and what follows it, or put it in a file of its own'
          : `YAML: ${firstLine(err.message)}${hintFor(err.code)}`,
    });
  }
  let value: unknown = undefined;
  const tooDeep = yamlDoc.errors.length === 0 ? deeperThan(yamlDoc.contents, MAX_NESTING_DEPTH) : undefined;
  if (tooDeep) {
    const pos = lineCounter.linePos(tooDeep.range?.[0] ?? 0);
    diagnostics.push({
      file,
      line: Math.max(1, pos.line),
      col: Math.max(1, pos.col),
      severity: 'error',
      path: '',
      message: nestingMessage(),
    });
  } else if (yamlDoc.errors.length === 0) {
    try {
      value = yamlDoc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      diagnostics.push({ file, line: 1, col: 1, severity: 'error', path: '', message: `YAML: ${(e as Error).message}` });
    }
  }
  return { doc: makeDoc(file, value, yamlDoc, lineCounter), diagnostics };
}

/** The first node below `limit` levels of mappings and lists, walked without recursion. */
function deeperThan(root: unknown, limit: number): Node | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth >= limit) return node as Node;
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          stack.push({ node: item.key, depth: depth + 1 });
          stack.push({ node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function nestingMessage(): string {
  return `nested more than ${MAX_NESTING_DEPTH} levels deep here; scenario and procedure files need only a few levels. Check for brackets that do not close or indentation that runs away.`;
}

/**
 * Offset of the first flow bracket (`[` or `{`) that opens more than `limit` levels deep, outside
 * quotes and comments; undefined when there is none. A cheap scan before the parser sees the text.
 */
function flowDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    const prev = i === 0 ? '\n' : text[i - 1]!;
    if (c === '#' && /\s/.test(prev)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** A file saved as UTF-16 (a byte-order mark, or a NUL between letters) reads as nonsense in UTF-8: say so instead. */
function encodingProblem(text: string): string | undefined {
  const head = text.slice(0, 200);
  if (head.startsWith('\uFFFD\uFFFD') || head.includes('\u0000'))
    return 'the file is not UTF-8 text (it looks like UTF-16, as some Windows editors save it): save it again as UTF-8 (in VS Code: "Save with Encoding", UTF-8)';
  return undefined;
}

function hintFor(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return ' (remove one of the two keys)';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return ' (check the indentation: children are indented two spaces more than their parent)';
    case 'TAB_AS_INDENT':
      return ' (use spaces, not tabs, to indent)';
    case 'MULTIPLE_DOCS':
      return '';
    default:
      return '';
  }
}

function makeDoc(file: string, value: unknown, yamlDoc: Document.Parsed | null, lc: LineCounter): SourceDoc {
  const locate = (path: DocPath, keyRatherThanValue = false) => {
    if (!yamlDoc) return { line: 1, col: 1 };
    let node: unknown = yamlDoc.contents;
    let best: number | undefined = rangeStart(node);
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        const isLast = i === path.length - 1;
        if (isLast && keyRatherThanValue) {
          best = rangeStart(pair.key) ?? best;
          break;
        }
        node = pair.value;
        best = rangeStart(node) ?? rangeStart(pair.key) ?? best;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (node === undefined) break;
        best = rangeStart(node) ?? best;
      } else break;
    }
    if (best === undefined) return { line: 1, col: 1 };
    const p = lc.linePos(best);
    return { line: p.line, col: p.col };
  };
  return {
    file,
    value,
    locate,
    diagnostic(path, severity, message) {
      const { line, col } = locate(path);
      return { file, line, col, severity, message, path: pathToString(path) };
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
  for (const issue of error.issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const { line, col } = doc.locate([...path, k], true);
        out.push({
          file: doc.file,
          line,
          col,
          severity: 'error',
          path: pathToString([...path, k]),
          message: `unknown field "${k}"${suggest(k)}; remove it or check its spelling`,
        });
      }
      continue;
    }
    out.push(doc.diagnostic(path, 'error', describeIssue(issue, path)));
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

function suggest(k: string): string {
  let best: string | undefined;
  let bestD = 3;
  for (const f of KNOWN_FIELDS) {
    const d = editDistance(k.toLowerCase(), f.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = f;
    }
  }
  return best && best !== k ? ` (did you mean "${best}"?)` : '';
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

function describeIssue(issue: z.core.$ZodIssue, path: DocPath): string {
  const where = pathToString(path) || 'the file';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected;
      if ((issue as { input?: unknown }).input === undefined) return `${where} is required (expected ${expected})`;
      return `${where}: expected ${expected}, got ${describeValue((issue as { input?: unknown }).input)}`;
    }
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small': {
      const got = (issue as { input?: unknown }).input;
      if (issue.origin === 'array') return `${where} needs at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return `${where} cannot be empty`;
      return `${where} must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}${got !== undefined ? ` (got ${describeValue(got)})` : ''}`;
    }
    case 'too_big': {
      const got = (issue as { input?: unknown }).input;
      return `${where} must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}${got !== undefined ? ` (got ${describeValue(got)})` : ''}`;
    }
    case 'invalid_union': {
      const disc = (issue as { note?: string }).note;
      if (disc) return `${where}: ${disc}`;
      return `${where}: ${issue.message}`;
    }
    // zod's own words are clear enough for these.
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return `${where}: ${issue.message}`;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text "${v.length > 30 ? v.slice(0, 30) + '…' : v}"`;
  if (typeof v === 'number') return String(v);
  return `${typeof v} ${String(v)}`;
}
