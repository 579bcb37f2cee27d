// The shipped JSON Schemas, read by a standard validator (ajv, the draft the schemas declare) as an
// editor or a CI job elsewhere would: every shipped scenario and procedure, and every complete file
// of the authoring guide, passes; and for a table of common mistakes the schema refuses what the
// checker refuses, at the same place, so the schema was not made permissive to pass.
import { describe, expect, it } from 'vitest';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT, diskProcedures } from '../../src/cli/files';
import { loadScenario } from '../../src/core/scenario/load';
import { loadProcedure, type ProcedureSource } from '../../src/core/procedure/load';
import type { Diagnostic } from '../../src/core/diagnostics';

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const schemas = {
  scenario: JSON.parse(read('schemas/scenario.schema.json')) as Record<string, unknown>,
  procedure: JSON.parse(read('schemas/procedure.schema.json')) as Record<string, unknown>,
};
// Strict: an unknown keyword or a misplaced one in the generated schemas fails here too.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// An editors' keyword (yaml-language-server, VS Code): the checker's own words when a pattern fails.
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
const validate: Record<keyof typeof schemas, ValidateFunction> = {
  scenario: ajv.compile(schemas.scenario),
  procedure: ajv.compile(schemas.procedure),
};

/** Which schema a file names on its first line (every shipped file does; schemas.test.ts checks it). */
function schemaNamed(text: string): keyof typeof schemas | null {
  const m = /^# yaml-language-server: \$schema=\S*\/(scenario|procedure)\.schema\.json$/.exec(text.split('\n')[0] ?? '');
  return m ? (m[1] as keyof typeof schemas) : null;
}

const SHIPPED = ['scenarios', 'procedures', 'scenarios/procedures'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`),
);

/** The guide's complete files ("# file: x.yaml" blocks of docs/authoring.md), which readers save as they are. */
function guideFiles(): { name: string; text: string }[] {
  const lines = read('docs/authoring.md').split('\n');
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^# file: (\S+\.yaml)$/.exec(lines[i + 1] ?? '');
    if (!/^```/.test(lines[i]!) || !m) continue;
    const body: string[] = [];
    for (let j = i + 2; j < lines.length && !/^```\s*$/.test(lines[j]!); j++) body.push(lines[j]!);
    out.push({ name: m[1]!, text: body.join('\n') + '\n' });
  }
  return out;
}

const said = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .slice(0, 6)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ');

describe('the shipped JSON Schemas under ajv', () => {
  it('declare JSON Schema 2020-12 (the draft this test validates with) and share definitions', () => {
    for (const s of Object.values(schemas)) {
      expect(s['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(Object.keys(s['$defs'] as object).length).toBeGreaterThan(10);
    }
  });

  it('find every shipped scenario and procedure', () => {
    expect(SHIPPED.filter((f) => f.startsWith('scenarios/') && !f.startsWith('scenarios/procedures/')).length).toBeGreaterThanOrEqual(9);
    expect(SHIPPED).toContain('scenarios/dec-2018-noto.yaml');
    expect(SHIPPED).toContain('procedures/cues-2014.yaml');
    expect(SHIPPED).toContain('scenarios/procedures/demo-ladder.yaml');
  });

  it.each(SHIPPED)('%s passes the schema it names', (file) => {
    const text = read(file);
    const kind = schemaNamed(text);
    expect(kind, `${file} names no schema on its first line`).not.toBeNull();
    const ok = validate[kind!](parse(text));
    expect(ok, said(validate[kind!].errors)).toBe(true);
  });

  it("passes the flagship's disputed facts standing for a whole list and a whole mapping", () => {
    const doc = parse(read('scenarios/dec-2018-noto.yaml'));
    expect(doc.units[0].crew.knowsOf).toBe('$p1-knows-rescue');
    expect(doc.location).toBe('$location');
    expect(validate.scenario(doc), said(validate.scenario.errors)).toBe(true);
  });

  const guide = guideFiles();
  it('finds the complete files of the authoring guide', () => expect(guide.length).toBeGreaterThanOrEqual(8));
  it.each(guide.map((g) => [g.name, g.text]))('the guide\'s "%s" passes its schema', (_name, text) => {
    const doc = parse(text);
    const kind = schemaNamed(text) ?? ('units' in doc ? 'scenario' : 'procedure');
    expect(validate[kind](doc), said(validate[kind].errors)).toBe(true);
  });
});

// ------------------------------------------------------------------ mistakes: the checker and the schema agree

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Mistake {
  mistake: string;
  edit: (doc: Doc) => void;
  /** Where the mistake is (ajv's instancePath): the schema's deepest error is here. */
  at: string;
}

const SCENARIO_MISTAKES: Mistake[] = [
  { mistake: 'a misspelt key (callsign for callSigns)', edit: (d) => (d.units[1].callsign = ['X']), at: '/units/1' },
  { mistake: 'an unknown action (do: hial)', edit: (d) => (d.script[1].do = 'hial'), at: '/script/1/do' },
  { mistake: 'a field of another action (to: on an emit)', edit: (d) => (d.script[1].to = 'p1'), at: '/script/1' },
  { mistake: 'a wrong time ("6:4")', edit: (d) => (d.script[1].at = '6:4'), at: '/script/1/at' },
  { mistake: 'a negative time', edit: (d) => (d.script[1].at = -5), at: '/script/1/at' },
  { mistake: 'an unknown unit kind (destroyer)', edit: (d) => (d.units[1].kind = 'destroyer'), at: '/units/1/kind' },
  { mistake: 'an unknown nation (ROK)', edit: (d) => (d.units[1].nation = 'ROK'), at: '/units/1/nation' },
  { mistake: 'an id with capitals and a space', edit: (d) => (d.links[0].id = 'JP Satcom'), at: '/links/0/id' },
  { mistake: 'a modulation that is a band (VHF)', edit: (d) => (d.units[1].radios[0].modulation = 'VHF'), at: '/units/1/radios/0/modulation' },
  { mistake: 'a bearing over 360', edit: (d) => (d.units[0].track[0].bearingDeg = 400), at: '/units/0/track/0/bearingDeg' },
  { mistake: 'a negative duration', edit: (d) => (d.durationS = -5), at: '/durationS' },
  { mistake: 'a seed that is not whole', edit: (d) => (d.seed = 1.5), at: '/seed' },
  { mistake: 'a missing title', edit: (d) => delete d.title, at: '' },
  { mistake: 'an unknown top-level key (scirpt)', edit: (d) => (d.scirpt = []), at: '' },
  { mistake: 'a source id without its S', edit: (d) => (d.sources = ['12']), at: '/sources/0' },
  { mistake: 'an unknown emitter mode', edit: (d) => (d.script[1].mode = 'lock'), at: '/script/1/mode' },
  {
    mistake: 'a disputed fact inside a fact (facts are never substituted)',
    edit: (d) => (d.facts['stir-mode'].sources.jp = ['$other']),
    at: '/facts/stir-mode/sources/jp/0',
  },
  { mistake: 'a fact reference with capitals', edit: (d) => (d.units[1].kind = '$Ship-Kind'), at: '/units/1/kind' },
];

const PROCEDURE_MISTAKES: Mistake[] = [
  { mistake: 'an unknown rule type (hial)', edit: (d) => (d.rules[1].type = 'hial'), at: '/rules/1/type' },
  { mistake: 'a field of another rule type (ladder: on a hail rule)', edit: (d) => (d.rules[1].ladder = 'x'), at: '/rules/1' },
  { mistake: 'a misspelt marker', edit: (d) => (d.rules[1].marker = 'WARN'), at: '/rules/1/marker' },
  { mistake: 'an unknown trigger event', edit: (d) => (d.rules[1].when = ['fire-control']), at: '/rules/1/when/0' },
  { mistake: 'a hail rule without its message', edit: (d) => delete d.rules[1].message, at: '/rules/1' },
  { mistake: 'a rule id with capitals', edit: (d) => (d.rules[0].id = 'Guard'), at: '/rules/0/id' },
  { mistake: 'an unknown addressee element', edit: (d) => (d.callFormat.addressee = ['nation']), at: '/callFormat/addressee/0' },
  { mistake: 'a misspelt top-level key (rule)', edit: (d) => (d.rule = []), at: '' },
];

/** ajv's /units/1/radios/0 as the checker's units[1].radios[0]. */
const checkerPath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
const within = (a: string, b: string) => a === b || b === '' || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);

function agree(kind: 'scenario' | 'procedure', base: Doc, m: Mistake, diagnostics: (text: string) => Diagnostic[]): void {
  const doc = structuredClone(base);
  m.edit(doc);
  const errors = diagnostics(stringify(doc)).filter((d) => d.severity === 'error');
  expect(errors.length, `the checker accepts ${m.mistake}`).toBeGreaterThan(0);

  const v = validate[kind];
  expect(v(doc), `the schema accepts ${m.mistake}`).toBe(false);
  const paths = (v.errors ?? []).map((e) => e.instancePath);
  // The schema points where the mistake is, and nowhere off the way there.
  expect(paths, said(v.errors)).toContain(m.at);
  for (const p of paths) expect(m.at === p || m.at.startsWith(`${p}/`), `${p} is off the way to ${m.at}: ${said(v.errors)}`).toBe(true);
  // The checker says it at the same place (or at the field inside it it names).
  const at = checkerPath(m.at);
  expect(
    errors.some((d) => within(d.path, at) || within(at, d.path)),
    `${errors.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
  ).toBe(true);
}

describe('a table of common mistakes: the checker and the schema both refuse each, at the same place', () => {
  const scenario = parse(read('scenarios/dec-2018-noto.yaml')) as Doc;
  const loadText = (text: string) => loadScenario({ file: join(ROOT, 'scenarios/mistake.yaml'), text }, diskProcedures, {}).diagnostics;

  it('the unbroken flagship passes both', () => {
    expect(loadText(stringify(scenario)).filter((d) => d.severity === 'error')).toEqual([]);
    expect(validate.scenario(scenario)).toBe(true);
  });
  it.each(SCENARIO_MISTAKES.map((m) => [m.mistake, m]))('scenario: %s', (_name, m) => agree('scenario', scenario, m, loadText));

  const procedure = parse(read('procedures/cues-2014.yaml')) as Doc;
  const loadProc = (text: string) => {
    const source: ProcedureSource = {
      read: (ref, from) => (ref === 'mistake' ? { file: join(ROOT, 'procedures/mistake.yaml'), text } : diskProcedures.read(ref, from)),
      shippedIds: () => diskProcedures.shippedIds(),
    };
    return loadProcedure('mistake', join(ROOT, 'scenarios/x.yaml'), source).diagnostics;
  };
  it('cues-2014 passes both, and its second rule is a hail rule (the table edits it)', () => {
    expect(loadProc(stringify(procedure)).filter((d) => d.severity === 'error')).toEqual([]);
    expect(validate.procedure(procedure)).toBe(true);
    expect(procedure.rules[1].type).toBe('hail');
  });
  it.each(PROCEDURE_MISTAKES.map((m) => [m.mistake, m]))('procedure: %s', (_name, m) => agree('procedure', procedure, m, loadProc));
});

describe('one mistake, one error', () => {
  // What an editor shows: the errors left once the "or a disputed fact" alternative and the
  // summaries of alternatives ("must match a schema in anyOf", "must match then") are set aside.
  const shown = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? []).filter((e) => !e.schemaPath.includes('/FactRef/') && !['anyOf', 'if', 'oneOf'].includes(e.keyword));
  const doc = () => structuredClone(parse(read('scenarios/dec-2018-noto.yaml')) as Doc);

  it('do: hial gives one error, which lists all 12 actions', () => {
    const d = doc();
    d.script[1].do = 'hial';
    expect(validate.scenario(d)).toBe(false);
    const errors = shown(validate.scenario.errors);
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/script/1/do enum']);
    expect((errors[0]!.params as { allowedValues: string[] }).allowedValues).toHaveLength(12);
  });

  it('a field of another action gives one error naming the field, not one per kind of action', () => {
    const d = doc();
    d.script[1].to = 'p1';
    expect(validate.scenario(d)).toBe(false);
    const errors = shown(validate.scenario.errors);
    expect(errors.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`)).toEqual([
      '/script/1 additionalProperties {"additionalProperty":"to"}',
    ]);
  });

  it('a rule type misspelt gives one error, which lists every rule type', () => {
    const d = structuredClone(parse(read('procedures/cues-2014.yaml')) as Doc);
    d.rules[1].type = 'hial';
    expect(validate.procedure(d)).toBe(false);
    const errors = shown(validate.procedure.errors);
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/rules/1/type enum']);
    expect((errors[0]!.params as { allowedValues: string[] }).allowedValues).toContain('step');
  });
});
