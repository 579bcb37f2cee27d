/**
 * The JSON flow lines the quick parse reads itself (yaml-json.ts): where it takes a line, the
 * parse still gives what the yaml library gives, value and node starts; what it is unsure of
 * (escapes, a string that runs past its line, a blank the YAML reads as something else) it
 * leaves to js-yaml, and the parse is again the yaml library's.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_NESTING_DEPTH } from '../../src/core/yaml-source';
import { parseQuickly } from '../../src/core/yaml-quick';
import { agrees } from './yaml-agrees';
import { jsonFlows } from '../../src/core/yaml-json';
import { generateScenario } from '../../src/core/synthetic/generate';

/** The values of the lines the JSON reader takes. */
const taken = (text: string) => jsonFlows(text).map((f) => f.value);

describe('JSON flow lines', () => {
  it('are read whole, with every node where the yaml library puts it', () => {
    const text = [
      'radios:',
      '  - {"id":"vuhf","channels":["121.5","243.0"],"tuned":null,"powerW":20,"on":true}',
      '  - { "id": "marine", "noise": -3.25 , "sets": [ [], {} ] }  # spare',
      'crew: {"languages":{"en":0.66,"ja":1},"workload":0.33}',
      'name: "JMSDF–ROKN channel"',
      '',
    ].join('\n');
    expect(taken(text)).toEqual([
      { id: 'vuhf', channels: ['121.5', '243.0'], tuned: null, powerW: 20, on: true },
      { id: 'marine', noise: -3.25, sets: [[], {}] },
      { languages: { en: 0.66, ja: 1 }, workload: 0.33 },
    ]);
    expect(agrees(text)).toBe('same');
    const quick = parseQuickly(text, MAX_NESTING_DEPTH)!;
    const second = quick.nodes!.pairs![0]![2]!.items![1]!;
    expect(second.at).toBe(text.indexOf('{ "id": "marine"'));
    expect(second.pairs![1]![1]).toBe(text.indexOf('"noise"'));
    expect(second.pairs![1]![2]!.at).toBe(text.indexOf('-3.25'));
    // The lines after a blank keep their offsets.
    expect(quick.nodes!.pairs![2]![1]).toBe(text.indexOf('name:'));
  });

  it('leave escapes, quotes and strings that run past the line to js-yaml', () => {
    for (const line of [
      'a: {"b":"say \\"hello\\""}',
      'a: {"b":"tab\\there"}',
      'a: {"b":"\\u00e9"}',
      'a: {"b\\n":1}',
      'a: {"it\'s":1}',
      'a: {"b":"ends at the line end',
      'a: {"b":"runs on\n  to the next line"}',
      'a: {"b":"quote at the end"',
      'a: ["x","y"',
    ]) {
      const text = `${line}\nz: 1\n`;
      expect(taken(text), line).toEqual([]);
      agrees(text);
    }
    expect(parseQuickly('a: {"b":"say \\"hello\\""}\n', MAX_NESTING_DEPTH)!.value).toEqual({ a: { b: 'say "hello"' } });
  });

  it('leave to js-yaml what is not the narrow JSON: other numbers, words, a comma before the bracket, a repeated key', () => {
    for (const line of [
      'a: {"b":-0}',
      'a: {"b":1e5}',
      'a: {"b":01}',
      'a: {"b":.5}',
      'a: {"b":1.}',
      'a: {"b":0x1F}',
      `a: {"b":1${'0'.repeat(15)}}`,
      'a: {"b":True}',
      'a: {"b":~}',
      'a: {"b":word}',
      'a: [1,]',
      'a: {"b":1,"b":2}',
      'a: {"__proto__":1}',
      'a: {"b" :1}',
      'a: {"b":1}#no space',
      'a: {"b":"\u2028"}',
      'a: {"b":"\ud800"}',
    ]) {
      const text = `${line}\n`;
      expect(taken(text), line).toEqual([]);
      agrees(text);
    }
  });

  it('read as the text says when the YAML puts a line in a block scalar, a key or a longer value', () => {
    const inBlock = 'a: |\n  {"b":1}\nc: 2\n';
    expect(taken(inBlock)).toHaveLength(1);
    expect(agrees(inBlock)).toBe('same');
    expect(parseQuickly(inBlock, MAX_NESTING_DEPTH)!.value).toEqual({ a: '{"b":1}\n', c: 2 });
    for (const text of ['{"b":1}: c\n', 'a: {"b":1}\n  more\n', 'a: plain\n  {"b":1}\n', 'a: &x {"b":1}\n', 'a: [ x,\n  {"b":1}\n]\n']) agrees(text);
    // A line the YAML makes part of a longer plain value stays in it as written.
    const swallowed = parseQuickly('a: plain\n  {"b":1}\n', MAX_NESTING_DEPTH);
    if (swallowed) expect(swallowed.value).toEqual({ a: 'plain {"b":1}' });
  });

  it('keep to the nesting limit', () => {
    // Past the reader's own depth js-yaml reads the line; past the file's limit the yaml library says where.
    const deep = `a: ${'['.repeat(40)}${']'.repeat(40)}\n`;
    expect(taken(deep)).toEqual([]);
    expect(agrees(deep)).toBe('same');
    expect(agrees(`a: ${'['.repeat(70)}${']'.repeat(70)}\n`)).toBe('declined');
    const nested = Array.from({ length: 58 }, (_, i) => `${' '.repeat(2 * i)}k${i}:`).join('\n') + ' {"a":[[1]]}\n';
    agrees(nested);
  });

  it('are taken in a generated exercise, which parses as the yaml library parses it', () => {
    const text = generateScenario({ units: 40, durationS: 600, seed: 3 }).yaml;
    expect(jsonFlows(text).length).toBeGreaterThan(100);
    expect(agrees(text)).toBe('same');
  });

  it('agree with the yaml library on any strings, numbers and nesting, or are left to js-yaml', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('', '#', ' # ', ': ', "'", '"', '\\', '–', '{', ']'));
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.1, -12.5, 1e21, 5e-324));
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        number,
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(text, tie('value'), { maxKeys: 3 }),
      ),
    }));
    const line = fc.tuple(
      fc.constantFrom('- ', 'k: ', '  - ', ''),
      fc.oneof(fc.array(json.value, { maxLength: 3 }), fc.dictionary(text, json.value, { maxKeys: 3 })),
      fc.constantFrom('', ' ', ' # c', '#c', ','),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), (lines) => {
        const body = lines.map(([lead, v, tail]) => `${lead}${JSON.stringify(v)}${tail}`).join('\n') + '\n';
        if (agrees(body) === 'same' && jsonFlows(body).length > 0) read++;
      }),
      { numRuns: 400 },
    );
    // A reader that took nothing would pass the rest of this test.
    expect(read).toBeGreaterThan(20);
  });
});
