/**
 * The quick parse (js-yaml's events) against the yaml library's parse: wherever the quick parse
 * gives an answer, the yaml library parses the same text with no error or warning, to the same
 * value, with every node, key and line starting at the same offset. A text the quick parse
 * declines goes to the yaml library, so a decline is never wrong, only slower; the files the
 * project ships must not be declined.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_NESTING_DEPTH } from '../../src/core/yaml-source';
import { parseQuickly } from '../../src/core/yaml-quick';
import { agrees } from './yaml-agrees';
import { generateScenario } from '../../src/core/synthetic/generate';

const ROOT = join(__dirname, '..', '..');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

describe('the quick parse', () => {
  it('reads every shipped scenario and procedure as the yaml library does, declining none', () => {
    const files = yamlFilesUnder('scenarios');
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) expect(agrees(readFileSync(f, 'utf8')), f).toBe('same');
  });

  it('reads a generated exercise as the yaml library does', () => {
    expect(agrees(generateScenario({ units: 40, durationS: 600, seed: 3 }).yaml)).toBe('same');
  });

  it('agrees or declines on every test fixture, hostile ones included', () => {
    for (const f of yamlFilesUnder('tests/fixtures')) agrees(readFileSync(f, 'utf8'));
  });

  it('declines what it leaves to the yaml library: tags, anchors, other documents, directives, empty values, numbers past a double, block indentation indicators, keys that are not words', () => {
    for (const text of [
      'a: !!str 1\n',
      'a: &x 1\nb: *x\n',
      'a: 1\n---\nb: 2\n',
      '%YAML 1.1\n---\na: yes\n',
      '1: one\n',
      'null: none\n',
      '? [a, b]\n: c\n',
      '__proto__: { polluted: true }\n',
      'a:\nb: 1\n',
      '- \n- 2\n',
      'v: 1.8e308\n',
      'v: |1\n  \n',
      'v: -309e400\n',
      `v: ${'9'.repeat(400)}\n`,
      'v: 1E999\n',
      'v: -2e+400\n',
      'True: yes\n',
      'NULL: none\n',
      'False: no\n',
      '',
    ])
      expect(agrees(text), JSON.stringify(text)).toBe('declined');
  });

  it('declines nesting past the limit before going deep, so the yaml library can say where', () => {
    for (const text of [
      '['.repeat(100_000),
      'a: '.concat('['.repeat(70), ']'.repeat(70)),
      Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
    ])
      expect(parseQuickly(text, MAX_NESTING_DEPTH)).toBeUndefined();
  });

  it('puts a block scalar at its indicator and a quoted one at its quote', () => {
    const text = 'a: |  # note > here\n\n  line\nb: "q"\nd: >-\n  folded\n';
    const quick = parseQuickly(text, MAX_NESTING_DEPTH)!;
    const at = (key: string) => quick.nodes!.pairs!.find((p) => p[0] === key)![2]!.at;
    expect(at('a')).toBe(text.indexOf('|'));
    expect(at('b')).toBe(text.indexOf('"q"'));
    expect(at('d')).toBe(text.indexOf('>-'));
    expect(agrees(text)).toBe('same');
  });

  it('agrees or declines on generated documents and on the same documents mangled, accepting most whole ones', () => {
    const runs = Number(process.env.QUICK_RUNS ?? 400);
    const read = { whole: 0, mangled: 0 };
    fc.assert(
      fc.property(documentText(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MANGLERS)), { minLength: 1, maxLength: 3 }), (text, edits) => {
        if (agrees(text) === 'same') read.whole++;
        let mangled = text;
        for (const [at, s] of edits) {
          const i = at % (mangled.length + 1);
          mangled = mangled.slice(0, i) + s + mangled.slice(i);
        }
        if (agrees(mangled) === 'same') read.mangled++;
      }),
      { numRuns: runs },
    );
    // A quick parse that declined everything would pass the rest of this test.
    expect(read.whole).toBeGreaterThan(runs / 3);
    expect(read.mangled).toBeGreaterThan(runs / 10);
    if (process.env.QUICK_RUNS) console.log(read);
  });
});

describe('the quick parse on any characters', () => {
  // Any code points, in each way YAML writes a scalar: where the two libraries read one
  // differently (a line of spaces in a block with an indentation indicator, a number past a
  // double), the quick parse must decline.
  const any = fc.string({ unit: 'binary', maxLength: 12 });
  const forms: [string, (x: string, y: string) => string][] = [
    ['double-quoted', (x) => `v: ${JSON.stringify(x)}\n`],
    ['single-quoted', (x) => `v: '${x.replace(/'/g, "''")}'\n`],
    ['plain', (x) => `v: ${x}\n`],
    ['plain over two lines', (x, y) => `- ${x}\n  ${y}\n`],
    ['in a block', (x, y) => `v: |1\n  ${x}\n  ${y}\n`],
    ['in a folded block', (x, y) => `v: >-\n  ${x}\n\n  ${y}\n`],
    ['in flow', (x, y) => `{a: [${x}], b: ${y}}\n`],
  ];
  for (const [name, write] of forms)
    it(`agrees or declines: ${name}`, () => {
      fc.assert(
        fc.property(any, any, (x, y) => {
          agrees(write(x, y));
        }),
        { numRuns: 300 },
      );
    });
});

const MANGLERS = [':', ': ', '-', '- ', ' ', '  ', '\n', '\t', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '|', '>', '?', '\\', '...', '---', '%'];

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/);
const scalarText = fc.oneof(
  word,
  fc.constantFrom(
    '1',
    '-2.5',
    '0x1F',
    '0o17',
    '1e3',
    '.inf',
    '-.Inf',
    '1e999',
    '-1E400',
    '+Infinity',
    `${'9'.repeat(299)}`,
    '.nan',
    'true',
    'False',
    'null',
    '~',
    '',
    '12:30',
    'a b',
    'x#y',
    'yes',
    'on',
    '1_000',
    '+1',
    '.5',
    '007',
  ),
  fc.string({ maxLength: 8 }),
);

/** A scalar written plain, single- or double-quoted, or as a block. */
function scalar(indent: string): fc.Arbitrary<string> {
  return fc.oneof(
    scalarText,
    scalarText.map((s) => `'${s.replace(/'/g, "''")}'`),
    scalarText.map((s) => JSON.stringify(s)),
    fc
      .tuple(fc.constantFrom('|', '>', '|-', '>+', '|2'), fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([h, lines, blank]) => `${h}\n${blank ? '\n' : ''}${lines.map((l) => `${indent}  ${l}`).join('\n')}`),
  );
}

function flow(depth: number): fc.Arbitrary<string> {
  if (depth <= 0) return scalarText.map((s) => JSON.stringify(s));
  return fc.oneof(
    scalarText.map((s) => JSON.stringify(s)),
    word,
    fc.array(flow(depth - 1), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.uniqueArray(fc.tuple(word, flow(depth - 1)), { maxLength: 3, selector: ([k]) => k }).map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
  );
}

function block(indent: string, depth: number): fc.Arbitrary<string> {
  const value: fc.Arbitrary<string> =
    depth <= 0
      ? scalar(indent).map((s) => ` ${s}`)
      : fc.oneof(
          { arbitrary: scalar(indent).map((s) => ` ${s}`), weight: 4 },
          { arbitrary: flow(2).map((s) => ` ${s}`), weight: 2 },
          { arbitrary: fc.constantFrom('', ' # comment'), weight: 1 },
          { arbitrary: block(`${indent}  `, depth - 1).map((b) => `\n${b}`), weight: 2 },
        );
  const map = fc
    .uniqueArray(fc.tuple(word, fc.boolean(), value), { minLength: 1, maxLength: 4, selector: ([k]) => k })
    .map((pairs) => pairs.map(([k, quoted, v]) => `${indent}${quoted ? `"${k}"` : k}:${v}`).join('\n'));
  const seq = fc.array(value, { minLength: 1, maxLength: 3 }).map((items) => items.map((v) => `${indent}-${v}`).join('\n'));
  return fc.oneof(map, seq);
}

function documentText(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('', '# heading\n', '---\n'), block('', 3), fc.constantFrom('', '\n', '\n\n', '\n# end\n')).map(([a, b, c]) => a + b + c);
}
