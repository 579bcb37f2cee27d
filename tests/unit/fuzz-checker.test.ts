// The checker under fire: mutated versions of every shipped scenario and procedure (keys deleted,
// wrong types, bad references, huge numbers, unicode, deep nesting, truncated text, duplicated
// keys). checkFile must never throw, never hang, and every diagnostic must say where and what.
// CI runs a short budget; `npm run fuzz` (FUZZ_RUNS=20000) runs the long one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { checkFile } from '../../src/core/check';
import { MAX_NESTING_DEPTH, parseYamlSource } from '../../src/core/yaml-source';
import { MAX_FILE_BYTES, MAX_UNITS, checkUnitCount, groupDigits } from '../../src/core/limits';
import { diskProcedures, ROOT } from '../../src/cli/files';
import type { Diagnostic } from '../../src/core/diagnostics';

/** Total mutated cases across all files for the long run (npm run fuzz); 0 for CI's short budget. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 0);
const LONG_TIMEOUT_MS = RUNS ? 24 * 3600_000 : 600_000;
/** One case may take this long at most (a hang shows up as a failure, not a stuck run). */
const CASE_LIMIT_MS = 2000;
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_181_220);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? yamlFiles(p) : d.name.endsWith('.yaml') ? [p] : [];
  });
}

const FILES = [...yamlFiles(join(ROOT, 'scenarios')), ...yamlFiles(join(ROOT, 'procedures'))].map((p) => ({
  name: relative(ROOT, p),
  // The file keeps its real place, so relative procedure paths still resolve.
  path: relative(process.cwd(), p) || p,
  text: readFileSync(p, 'utf8'),
}));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every path into a value, the root included. */
function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function getAt(v: Json, p: Path): Json {
  let cur: Json = v;
  for (const k of p) cur = (cur as Record<string | number, Json>)[k] ?? null;
  return cur;
}

function setAt(v: Json, p: Path, value: Json | undefined): Json {
  if (p.length === 0) return value ?? null;
  const copy = structuredClone(v);
  let cur = copy as Record<string | number, Json>;
  for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  const last = p[p.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

/** Values a careless or hostile author might write. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -1e308,
    2 ** 53 + 1,
    1e-320,
    '',
    ' ',
    'ddg971',
    'nobody',
    '$no-such-fact',
    '$stir-mode',
    '156.8',
    '999.9',
    '6:04',
    '99:99',
    'all',
    [],
    {},
    [null],
    { id: null },
  ),
  fc.double({ noNaN: true }).map((x) => x as Json),
  fc.integer().map((x) => x as Json),
  fc.string({ unit: 'binary', maxLength: 40 }).map((x) => x as Json),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((x) => x as Json),
  fc.string({ maxLength: 12 }).map((x) => [x] as Json),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 3 }) as fc.Arbitrary<Json>,
);

function nest(value: Json, depth: number, asMap: boolean): Json {
  let v = value;
  for (let i = 0; i < depth; i++) v = asMap ? { a: v } : [v];
  return v;
}

/** Mutations of the parsed value (the file is written out again after them). */
type ValueMutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'rename-id'; pick: number; suffix: string }
  | { kind: 'nest'; pick: number; depth: number; asMap: boolean };
/** Mutations of the text itself. */
type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'indent'; line: number; by: number };
type Mutation = ValueMutation | TextMutation;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('rename-id' as const), pick: fc.nat(), suffix: fc.constantFrom('x', '-gone', 'É', ' ', '') }),
  fc.record({ kind: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 400 }), asMap: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('insert-text' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('\t', ': ', '- ', '{', '[', '"', "'", '&a ', '*a', '!!binary ', '---\n', '\n  x: 1\n', '\u0000', '\uFEFF', '\u202E'),
    ),
  }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function applyText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'duplicate-line': {
      const i = m.line % lines.length;
      return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n');
    }
    case 'delete-line': {
      const i = m.line % lines.length;
      return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    }
    case 'insert-text': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'indent': {
      const i = m.line % lines.length;
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

function applyValue(value: Json, m: ValueMutation): Json {
  const all = paths(value);
  const pick = (n: number) => all[n % all.length]!;
  switch (m.kind) {
    case 'delete': {
      const p = pick(m.pick);
      return p.length ? setAt(value, p, undefined) : value;
    }
    case 'replace':
      return setAt(value, pick(m.pick), m.value);
    case 'rename-id': {
      // A reference that no longer resolves: change one string value that looks like an id.
      const ids = all.filter((p) => typeof getAt(value, p) === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(getAt(value, p) as string));
      if (ids.length === 0) return value;
      const p = ids[m.pick % ids.length]!;
      return setAt(value, p, `${getAt(value, p) as string}${m.suffix}`);
    }
    case 'nest': {
      const p = pick(m.pick);
      return setAt(value, p, nest(getAt(value, p), m.depth, m.asMap));
    }
  }
}

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    if (m.kind === 'delete' || m.kind === 'replace' || m.kind === 'rename-id' || m.kind === 'nest') {
      let v: Json;
      try {
        v = parse(t) as Json;
      } catch {
        continue; // an earlier text mutation broke the YAML: keep it broken
      }
      if (v === null || typeof v !== 'object') continue;
      t = stringify(applyValue(v, m), { aliasDuplicateObjects: false, lineWidth: 0 });
    } else t = applyText(t, m);
  }
  return t;
}

function checkDiagnostics(ds: Diagnostic[]): void {
  for (const d of ds) {
    expect(Number.isInteger(d.line) && d.line >= 1, `line of ${JSON.stringify(d)}`).toBe(true);
    expect(Number.isInteger(d.col) && d.col >= 1, `col of ${JSON.stringify(d)}`).toBe(true);
    expect(typeof d.message === 'string' && d.message.trim().length > 0, `message of ${JSON.stringify(d)}`).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
  }
}

function timedCheck(file: string, text: string): Diagnostic[] {
  const t0 = performance.now();
  let ds: Diagnostic[];
  try {
    ds = checkFile({ file, text }, diskProcedures);
  } catch (e) {
    throw new Error(`checkFile threw on a mutated ${file}: ${(e as Error).stack}\n--- input ---\n${text.slice(0, 2000)}`, { cause: e });
  }
  const ms = performance.now() - t0;
  if (ms > CASE_LIMIT_MS)
    throw new Error(`checkFile took ${ms.toFixed(0)} ms (limit ${CASE_LIMIT_MS}) on a mutated ${file}\n--- input ---\n${text.slice(0, 2000)}`);
  return ds;
}

describe('checking mutated scenario and procedure files', () => {
  it('has shipped files to mutate', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(FILES.map((f) => [f.name, f] as const))(
    '%s: never throws, never hangs, and says where each problem is',
    (_name, f) => {
      // The December 2018 scenario is checked under every account, so it costs the most per case.
      const runs = RUNS ? Math.ceil(RUNS / FILES.length) : f.text.length > 10_000 ? 25 : 80;
      checkDiagnostics(timedCheck(f.path, f.text));
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
          checkDiagnostics(timedCheck(f.path, mutate(f.text, ms)));
        }),
        { numRuns: runs, seed: SEED, endOnFailure: true },
      );
    },
    LONG_TIMEOUT_MS,
  );

  it(
    'survives arbitrary text',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
          checkDiagnostics(timedCheck('random.yaml', text));
        }),
        { numRuns: RUNS ? Math.ceil(RUNS / FILES.length) : 150, seed: SEED },
      );
    },
    LONG_TIMEOUT_MS,
  );
});

describe('found by the long fuzz run', () => {
  // `npm run fuzz` found checkFile throwing "Cannot use 'in' operator to search for 'default' in j"
  // when a fact's values was a plain word; load.ts now leaves that to the schema's message.
  it('a fact whose values is a word is reported, not thrown', () => {
    const text = `id: x
title: X
date: "2024-01-01"
start: "2024-01-01T00:00:00Z"
durationS: 60
location: { name: a, lat: 1, lon: 1 }
procedure: cues-2014
accounts: { jp: { title: J } }
facts:
  f: { question: q, values: j }
units: [{ id: a, name: A, nation: JP, kind: ship, position: { lat: 1, lon: 1 } }]
`;
    checkDiagnostics(timedCheck('fact-values.yaml', text));
  });
});

describe('limits', () => {
  it('refuses a file over the size limit with a message saying the limit and what to do', () => {
    const big = `id: big\ntitle: Big\nnote: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    const ds = checkFile({ file: 'big.yaml', text: big }, diskProcedures);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 1, col: 1, severity: 'error' });
    expect(ds[0]!.message).toContain(`limit is ${groupDigits(MAX_FILE_BYTES)} bytes`);
    expect(ds[0]!.message).toMatch(/split/i);
  });

  it('counts bytes, not characters: text of many-byte characters over the limit is refused', () => {
    const text = `id: wide\ntitle: "${'海'.repeat(Math.ceil(MAX_FILE_BYTES / 3) + 10)}"\n`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    const { diagnostics } = parseYamlSource(text, 'wide.yaml');
    expect(diagnostics[0]?.message).toContain(`limit is ${groupDigits(MAX_FILE_BYTES)} bytes`);
  });

  it('refuses nesting deeper than the limit, at the place it gets too deep', () => {
    const deep = `id: deep\nunits: ${'['.repeat(MAX_NESTING_DEPTH + 5)}1${']'.repeat(MAX_NESTING_DEPTH + 5)}\n`;
    const ds = checkFile({ file: 'deep.yaml', text: deep }, diskProcedures);
    expect(ds.some((d) => d.severity === 'error' && /nested more than 64 levels deep/.test(d.message) && d.line === 2)).toBe(true);
    checkDiagnostics(ds);
  });

  it('refuses block nesting deeper than the limit once, at the last branch that gets too deep', () => {
    const branch = (name: string, depth: number) =>
      `${name}:\n` + Array.from({ length: depth - 1 }, (_, d) => `${'  '.repeat(d + 1)}k${d + 1}:\n`).join('') + `${'  '.repeat(depth)}leaf: 1\n`;
    const text = branch('a', MAX_NESTING_DEPTH + 2) + branch('b', MAX_NESTING_DEPTH + 3);
    const { diagnostics } = parseYamlSource(text, 'deep.yaml');
    expect(diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[132, 129, 'checker.file.too-deep']]);
  });

  it('refuses more units than the limit and says what to do', () => {
    const doc = parseYamlSource(`units:\n${Array.from({ length: 3 }, (_, i) => `  - id: u${i}\n`).join('')}`, 'few.yaml').doc;
    expect(checkUnitCount(doc, 3)).toEqual([]);
    const over = checkUnitCount(doc, 2);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ file: 'few.yaml', line: 2, col: 3, severity: 'error', path: 'units' });
    expect(over[0]!.message).toMatch(/3 units; the limit is 2/);
    expect(over[0]!.message).toMatch(/split/i);
    expect(MAX_UNITS).toBe(5000);
  });

  it('lets a scenario at the unit limit through and ignores files without a unit list', () => {
    expect(checkUnitCount(parseYamlSource('id: x\n', 'p.yaml').doc)).toEqual([]);
    expect(checkUnitCount(parseYamlSource('units: 3\n', 'p.yaml').doc)).toEqual([]);
    const many = `units:\n${'  - {}\n'.repeat(MAX_UNITS)}`;
    expect(checkUnitCount(parseYamlSource(many, 'many.yaml').doc)).toEqual([]);
    expect(checkUnitCount(parseYamlSource(many + '  - {}\n', 'many.yaml').doc)[0]!.message).toMatch(/5,001 units; the limit is 5,000/);
  });
});
