// Completion at the cursor: field names for the path under the cursor (from the JSON Schema),
// enum values, and ids the document itself defines (units, links, radios, emitters, channels,
// $facts, accounts), procedure and rule ids. `|` marks the cursor in each document.
import { describe, expect, test } from 'vitest';
import { scenarioById } from '../../src/app/catalog';
import { completeAt, schemaAt, SCENARIO_SCHEMA, type CompletionEnv } from '../../src/app/editor/completion';
import { cursorContext } from '../../src/app/editor/yaml-context';
import { SCRIPT_ACTIONS } from '../../src/core/scenario/schema';

const dec = scenarioById('dec-2018-noto')!.text;

const env: CompletionEnv = {
  kind: 'scenario',
  procedures: () => [
    { id: 'cues-2014', title: 'CUES' },
    { id: 'my-draft', title: 'a draft' },
  ],
  rulesOf: (ref) => (ref === 'cues-2014' ? [{ id: 'answer-calls' }, { id: 'say-again' }, { id: 'guard-frequencies' }] : []),
};

function at(doc: string, e: CompletionEnv = env) {
  const pos = doc.indexOf('|');
  const text = doc.slice(0, pos) + doc.slice(pos + 1);
  const r = completeAt(text, pos, e);
  return { r, labels: r?.options.map((o) => o.label) ?? [], option: (label: string) => r?.options.find((o) => o.label === label), text, pos };
}

describe('where the cursor is', () => {
  test('block keys, "- " items and flow collections on the cursor line give the path', () => {
    const ctx = (doc: string) => {
      const pos = doc.indexOf('|');
      const c = cursorContext(doc.replace('|', ''), pos);
      return c && `${c.kind} ${c.path.join('.')}`;
    };
    expect(ctx('id: x\nti|')).toBe('key ');
    expect(ctx('units:\n  - id: p1\n    na|')).toBe('key units.0');
    expect(ctx('units:\n- id: a\n  name: b\n- id: c\n  |')).toBe('key units.1');
    expect(ctx('units:\n  - id: p1\n    radios:\n      - { id: r1, mo|')).toBe('key units.0.radios.0');
    expect(ctx('units:\n  - id: p1\n    radios:\n      - { id: r1, channels: ["156.8", |')).toBe('value units.0.radios.0.channels.1');
    expect(ctx('script:\n  - id: a\n    do: hail\n    to: |')).toBe('value script.0.to');
    expect(ctx('description: >\n  prose here\n  mo|')).toBeNull();
    expect(ctx('description: >\n  prose here\npro|')).toBe('key ');
    expect(ctx('id: x # a comment|')).toBeNull();
  });
});

describe('candidates from the schema', () => {
  test('top-level field names, minus those already written; nested blocks insert their indentation', () => {
    const { labels, option } = at('id: x\ntitle: T\n|');
    expect(labels).toEqual(expect.arrayContaining(['date', 'start', 'durationS', 'location', 'units', 'script', 'facts', 'links']));
    expect(labels).not.toContain('id');
    expect(labels).not.toContain('title');
    expect(option('durationS')!.apply).toBe('durationS: ');
    expect(option('location')!.apply).toBe('location:\n  ');
    expect(option('units')!.apply).toBe('units:\n  - ');
    expect(option('units')!.detail).toContain('required');
  });

  test("a unit's fields, skipping the ones above and below the cursor", () => {
    const { labels, r } = at('units:\n  - id: p1\n    na|\n    nation: JP\n');
    expect(r!.from).toBe('units:\n  - id: p1\n    '.length);
    expect(labels).toEqual(expect.arrayContaining(['name', 'kind', 'radios', 'emitters', 'crew', 'track', 'position']));
    expect(labels).not.toContain('id');
    expect(labels).not.toContain('nation');
  });

  test("inside a flow mapping: a radio set's fields, and its modulation values", () => {
    expect(at('units:\n  - id: p1\n    radios:\n      - { id: r1, |').labels).toEqual(
      expect.arrayContaining(['modulation', 'channels', 'tuned', 'powered', 'monitored', 'noiseDb']),
    );
    expect(at('units:\n  - id: p1\n    radios:\n      - { id: r1, |').labels).not.toContain('id');
    expect(at('units:\n  - id: p1\n    radios:\n      - { id: r1, modulation: |').labels).toEqual(['AM', 'FM', 'SSB']);
  });

  test('enum values: kind, nation, emitter type, script action, trigger event', () => {
    expect(at('units:\n  - id: p1\n    kind: |').labels).toEqual(expect.arrayContaining(['ship', 'aircraft', 'headquarters', 'vessel']));
    expect(at('units:\n  - id: p1\n    nation: |').labels).toEqual(expect.arrayContaining(['JP', 'KR']));
    // Every action the engine runs, from the schema's one enumeration of do: (schemas.test.ts ties it to the engine).
    expect(at('script:\n  - id: a\n    do: |').labels).toEqual(expect.arrayContaining([...SCRIPT_ACTIONS]));
    expect(at('script:\n  - id: a\n    do: |').labels.filter((l) => (SCRIPT_ACTIONS as string[]).includes(l))).toHaveLength(12);
    expect(at('script:\n  - { id: a, unit: p1, on: { event: |').labels).toEqual([
      'fire-control-detected',
      'radar-detected',
      'call-received',
      'range-below',
      'report-received',
      'enters-area',
      'leaves-area',
    ]);
  });

  test('a script action\'s fields follow its "do:" (hail has to, channel, text; not emitter)', () => {
    const { labels } = at('script:\n  - id: a\n    do: hail\n    |');
    expect(labels).toEqual(expect.arrayContaining(['unit', 'at', 'on', 'to', 'channel', 'text', 'safety']));
    expect(labels).not.toContain('emitter');
    expect(labels).not.toContain('do');
  });

  test('on an empty line under a list of mappings, the item fields start a "- " item', () => {
    const { option } = at('units:\n  - id: p1\n    radios:\n      |');
    expect(option('modulation')!.apply).toBe('- modulation: ');
  });

  test('schemaAt follows anyOf/oneOf and leaves out the "$fact" alternative', () => {
    const nodes = schemaAt(SCENARIO_SCHEMA, ['units', 0, 'kind']);
    expect(nodes.some((n) => n.enum?.includes('ship'))).toBe(true);
    expect(nodes.every((n) => !n.pattern?.startsWith('^\\$'))).toBe(true);
  });
});

describe('candidates from the document', () => {
  const inScript = (line: string) => dec.replace('script:\n', `script:\n${line}\n`);

  test('unit ids for addressees, targets and link members; "all" for a call to all stations', () => {
    const { labels } = at(inScript('  - { id: x, unit: p1, do: hail, to: |'));
    expect(labels).toEqual(expect.arrayContaining(['all', 'p1', 'ddg971', 'sambong', 'nk-boat', 'jmsdf-hq', 'rokn-hq']));
    expect(at(dec.replace('members: [p1, jmsdf-hq]', 'members: [p1, |]')).labels).toEqual(expect.arrayContaining(['ddg971', 'jmsdf-hq']));
  });

  test("link ids for a unit's links", () => {
    expect(at(dec.replace('links: [jp-satcom]', 'links: [|]')).labels).toEqual(expect.arrayContaining(['jp-satcom', 'rokn-fleet-net', 'hq-channel']));
  });

  test("channels: the calling unit's own first, with their names, quoted as the files write them", () => {
    const { r, option } = at(inScript('  - { id: x, unit: p1, do: hail, channel: |'));
    const labels = r!.options.map((o) => o.label);
    expect(labels.slice(0, 4)).toEqual(['"121.5"', '"243.0"', '"123.1"', '"156.8"']);
    expect(option('"156.8"')!.detail).toBe('Marine VHF Ch 16 · FM');
    expect(option('"243.0"')!.detail).toBe('UHF Guard · AM');
    expect(labels).toContain('"2.182"');
  });

  test('emitters and radios of the unit the action names', () => {
    expect(at(inScript('  - id: x\n    unit: ddg971\n    do: emit\n    emitter: |')).labels).toEqual(
      expect.arrayContaining(['mw08', 'sps49', 'stir-aft', 'eo']),
    );
    expect(at(inScript('  - id: x\n    unit: ddg971\n    do: set-radio\n    radio: |')).labels).toEqual(
      expect.arrayContaining(['bridge-vhf', 'aero-vhf', 'uhf']),
    );
  });

  test("$fact ids for values, with the fact's question; never for ids", () => {
    const { option, labels } = at(dec.replace('      workload: 0.4\n      hearsAs', '      workload: |\n      hearsAs'));
    expect(labels).toContain('$p1-flight');
    expect(option('$stir-mode')!.info).toBe('What did the aft STIR-180 do when it pointed at the P-1?');
    expect(at(inScript('  - id: |')).labels.filter((l) => l.startsWith('$'))).toEqual([]);
  });

  test("account ids under a fact's values, and for defaultAccount", () => {
    expect(at(dec.replace('    values: { jp: track, rok: slewed }', '    values:\n      |')).labels).toEqual(['jp', 'rok', 'default']);
    expect(at(dec.replace('seed: 1\n', 'seed: 1\ndefaultAccount: |\n')).labels).toEqual(['jp', 'rok']);
  });

  test("procedure ids for a scenario's procedure, shipped and drafts", () => {
    expect(at('id: x\nprocedure: |').labels).toEqual(['cues-2014', 'my-draft']);
  });

  test('in a procedure: what it can extend, and the inherited rule ids it can remove', () => {
    const proc: CompletionEnv = { ...env, kind: 'procedure' };
    expect(at('id: mine\nextends: |', proc).labels).toEqual(['cues-2014', 'my-draft']);
    expect(at('id: mine\nextends: cues-2014\nremove: [|]', proc).labels).toEqual(['answer-calls', 'say-again', 'guard-frequencies']);
    expect(at('id: mine\nrules:\n  - id: r\n    type: |', proc).labels).toEqual(expect.arrayContaining(['guard', 'hail', 'reply', 'avoid']));
    const reply = at('id: mine\nrules:\n  - id: r\n    type: reply\n    |', proc).labels;
    expect(reply).toEqual(expect.arrayContaining(['title', 'text', 'calls', 'answer', 'message', 'withinS']));
    expect(reply).not.toContain('when');
  });
});
