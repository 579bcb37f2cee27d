// The mirror test (issue 13, "neutral by construction, tested"): swap Japan and Korea wherever a
// nation is data (flags, accounts' sides, norms' owners, the words a call uses for a nation,
// practice exemptions by nation; src/core/scenario/mirror.ts lists them) and run again. A neutral
// analysis finds the same things about the same units, with the nations swapped. A rule that can
// only fire against one side, or a norm chosen by nation in code, gives the mirror other findings.
//
// Compared, for every shipped scenario × account (each, and none) × procedure (its own and each
// shipped one) at seed 1: the findings (breakdowns with kind, time, unit, stage, rule, norm and
// cause; the scorecard; each recipient's ladder result; discussion, facts and assumptions when the
// report has them), then the whole JSON report and the event log, entry by entry. Everything is
// compared modulo nation codes (JP ↔ KR as whole words, e.g. the "KR units" of an exemption).
// December 2018's accounts compared against each other (compare's JSON) must read the same too.
//
// Call texts compare equal too, though a call names a nation by words the code keeps when the
// procedure gives none (radio/callsign.ts): the mirror writes those words as data, swapped, into
// the base of each procedure chain (see mirrorProcedure). Without that, the mirrored destroyer would
// be called "JAPAN NAVY SHIP" where the original was "REPUBLIC OF KOREA NAVY SHIP", and a poor
// copy, which keeps the first words of the addressee, would be a poor copy of other words. What
// data cannot reach: genericCallSigns (radio/callsign.ts) also lets a unit answer to the code's
// words for its own nation, so the mirrored destroyer would take "JAPAN NAVY SHIP" as maybe for
// it where the original would not; no shipped scenario or generated exercise turns on that.
import { dereference } from '../../src/core/schema-refs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildReport, formatDiagnostic, simulate, type Analysis } from '../../src/core';
import type { ProcedureSource } from '../../src/core/procedure/load';
import { JP_KR, NATION_FIELDS, mirrorCodesInText, mirrorProcedure, mirrorScenario, unmirroredNations, type Step } from '../../src/core/scenario/mirror';
import { generateScenario } from '../../src/core/synthetic/generate';
import { compareRuns } from '../../src/core/compare/compare';
import { comparisonReport } from '../../src/core/compare/output';
import { diskProcedures, ROOT } from '../../src/cli/files';

const SEED = 1;

const yamlIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);
const SCENARIOS = yamlIn('scenarios');
const PROCEDURE_FILES = [...yamlIn('procedures'), ...yamlIn('scenarios/procedures')];

/** Procedures as the disk has them, each file of a chain mirrored (once: runs share the text). */
function mirroredSource(fields: Step[][] = NATION_FIELDS.procedure): ProcedureSource {
  const texts = new Map<string, string>();
  return {
    read(ref, fromFile) {
      const ft = diskProcedures.read(ref, fromFile);
      if (!ft) return undefined;
      let text = texts.get(ft.file);
      if (text === undefined) texts.set(ft.file, (text = stringify(mirrorProcedure(parse(ft.text), JP_KR, fields))));
      return { file: ft.file, text };
    },
    shippedIds: () => diskProcedures.shippedIds(),
  };
}

const MIRRORED = mirroredSource();

function run(file: string, text: string, procedures: ProcedureSource, account: string | null, procedure?: string): Analysis {
  const r = simulate({ file, text }, procedures, { account, seed: SEED, ...(procedure ? { procedure } : {}) });
  if (!r.analysis)
    throw new Error(`${file} (${account ?? 'no account'}, ${procedure ?? 'own procedure'}) did not run:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.analysis;
}

/** A value with JP and KR swapped in every string: what the original's output says, told of the mirror. */
function swapped<T>(v: T): T {
  if (typeof v === 'string') return mirrorCodesInText(v) as T;
  if (Array.isArray(v)) return v.map(swapped) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swapped(x)])) as T;
  return v;
}

/** Where two values differ, as "path: expected → got" (the first few), so a failure names the finding. */
function differences(want: unknown, got: unknown, path: string, out: string[] = []): string[] {
  if (out.length >= 12 || JSON.stringify(want) === JSON.stringify(got)) return out;
  if (want && got && typeof want === 'object' && typeof got === 'object') {
    const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])];
    for (const k of keys) differences((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else out.push(`${path}: ${JSON.stringify(want)} → ${JSON.stringify(got)}`);
  return out;
}

/** What a trainer would be told: who broke down where and why, the scorecard, how far each call got. */
function findings(a: Analysis) {
  const report = buildReport(a) as unknown as Record<string, unknown>;
  return {
    units: a.run.scenario.units.map((u) => `${u.id}:${u.nation}`),
    breakdowns: a.breakdowns.map((b) => ({ kind: b.kind, t: b.t, unit: b.unit, stage: b.stage, rule: b.rule, norm: b.norm ?? null, cause: b.cause })),
    scorecard: a.compliance.map((c) => `${c.rule}: ${c.status}`),
    ladder: a.outcomes.map((o) => ({ tx: o.tx.id, to: o.unit, reached: o.reached, failedAt: o.failedAt })),
    // Later parts of issue 13 add these to the report; they are findings too.
    ...Object.fromEntries(['discussion', 'facts', 'assumptions'].filter((k) => k in report).map((k) => [k, report[k]])),
  };
}

/** Everything the mirror run says differently from the original, nations swapped; empty when the analysis is neutral. */
function mirrorDifferences(original: Analysis, mirror: Analysis): string[] {
  const out = differences(swapped(findings(original)), findings(mirror), 'findings');
  if (out.length) return out;
  differences(swapped(buildReport(original)), buildReport(mirror), 'report', out);
  if (out.length) return out;
  const i = original.run.log.findIndex((e, k) => mirrorCodesInText(JSON.stringify(e)) !== JSON.stringify(mirror.run.log[k]));
  if (i >= 0 || original.run.log.length !== mirror.run.log.length)
    out.push(`log entry ${i}: ${mirrorCodesInText(JSON.stringify(original.run.log[i]))} → ${JSON.stringify(mirror.run.log[i])}`);
  return out;
}

const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const mirrorText = (t: string, fields: Step[][] = NATION_FIELDS.scenario) => stringify(mirrorScenario(parse(t), JP_KR, fields));
const mirroredTexts = new Map<string, string>();

/** Each shipped run once, original or mirrored: the compare and teeth tests reuse the matrix's runs. */
const runs = new Map<string, Analysis>();
function shipped(file: string, account: string | null, procedure: string | undefined, mirrored: boolean): Analysis {
  const key = `${file}|${account}|${procedure}|${mirrored}`;
  let a = runs.get(key);
  if (!a) {
    let t = text(file);
    if (mirrored) {
      if (!mirroredTexts.has(file)) mirroredTexts.set(file, mirrorText(t));
      t = mirroredTexts.get(file)!;
    }
    runs.set(key, (a = run(file, t, mirrored ? MIRRORED : diskProcedures, account, procedure)));
  }
  return a;
}
const without = (fields: Step[][], leftOut: string) => fields.filter((f) => f.join('.') !== leftOut);

describe('the mirror transform', () => {
  it('swaps every nation of every shipped scenario and procedure: none is left where the mirror does not look', () => {
    for (const f of SCENARIOS) expect(unmirroredNations(parse(text(f)), 'scenario'), f).toEqual([]);
    for (const f of PROCEDURE_FILES) expect(unmirroredNations(parse(text(f)), 'procedure'), f).toEqual([]);
  });

  it('lists every field the scenario schema types as a nation (schemas/scenario.schema.json)', () => {
    // JSON-schema keywords on the way down to a nation enum, read as mirror steps.
    const typed: string[] = [];
    const walk = (node: unknown, path: Step[]) => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, path));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o['enum']) && o['enum'].includes('JP') && o['enum'].includes('KR')) typed.push(path.join('.'));
      for (const [k, v] of Object.entries(o)) {
        if (k === 'properties' && v && typeof v === 'object') for (const [name, sub] of Object.entries(v)) walk(sub, [...path, name]);
        else if (k === 'items') walk(v, [...path, '[]']);
        else if (k === 'additionalProperties') walk(v, [...path, '*']);
        else if (k === 'anyOf' || k === 'oneOf' || k === 'allOf' || k === 'then') walk(v, path);
      }
    };
    walk(dereference(JSON.parse(text('schemas/scenario.schema.json'))), []);
    expect(typed.length).toBeGreaterThan(0);
    const listed = NATION_FIELDS.scenario.map((f) => f.join('.'));
    for (const path of typed) expect(listed, `${path} is typed as a nation`).toContain(path);
  });

  it('undoes itself: the mirror of the mirror of a scenario is the scenario', () => {
    for (const f of SCENARIOS) expect(mirrorScenario(mirrorScenario(parse(text(f)))), f).toEqual(parse(text(f)));
  });

  it('names a nation held where the mirror does not look, e.g. in a parameter of its own', () => {
    const doc = {
      id: 'x',
      title: 'x',
      parameters: { exemptNations: { value: ['KR'], label: 'who need not answer' } },
      callFormat: { nationalityWords: { US: 'USA' } },
    };
    expect(unmirroredNations(doc, 'procedure')).toEqual(['parameters.exemptNations.value.0: KR']);
  });

  it('swaps flags, sides, norms, nationality words, exemptions by nation and codes quoted in prose; keeps ids, names, call signs and other nations', () => {
    const scenario = {
      units: [
        { id: 'a', name: 'JS A', nation: 'JP', callSigns: ['JAPAN NAVY SHIP 1'] },
        { id: 'b', name: 'ROKS B', nation: 'KR' },
        { id: 'c', name: 'Boat', nation: 'KP' },
        { id: 'd', name: 'Disputed', nation: '$flag' },
      ],
      accounts: { jp: { title: 'Japan', side: 'JP' }, rok: { title: 'Korea', side: 'KR' } },
      facts: { flag: { question: 'whose?', values: { jp: 'KR', rok: 'JP' } } },
      parameters: { safeDistanceNorms: [{ id: 'n', nation: 'KR' }] },
      assumptions: [{ id: 'words', value: 'KOREAN', label: 'set { KR: KOREAN } for the other words', why: 'JP-SHIP13 and jp-ship13 are ids' }],
    };
    expect(mirrorScenario(scenario)).toEqual({
      units: [
        { id: 'a', name: 'JS A', nation: 'KR', callSigns: ['JAPAN NAVY SHIP 1'] },
        { id: 'b', name: 'ROKS B', nation: 'JP' },
        { id: 'c', name: 'Boat', nation: 'KP' },
        { id: 'd', name: 'Disputed', nation: '$flag' },
      ],
      accounts: { jp: { title: 'Japan', side: 'KR' }, rok: { title: 'Korea', side: 'JP' } },
      facts: { flag: { question: 'whose?', values: { jp: 'JP', rok: 'KR' } } },
      parameters: { safeDistanceNorms: [{ id: 'n', nation: 'JP' }] },
      // Prose that quotes a code swaps with it; a code inside an id does not.
      assumptions: [{ id: 'words', value: 'KOREAN', label: 'set { JP: KOREAN } for the other words', why: 'JP-SHIP13 and jp-ship13 are ids' }],
    });
    const procedure = {
      id: 'p',
      extends: 'cues-2014',
      parameters: { safeDistanceNorms: { value: [{ id: 'jp-norm', nation: 'JP' }], label: 'x' } },
      callFormat: { addressee: ['nationality'], nationalityWords: { KR: 'KOREA SOUTH', US: 'USA' } },
      practice: [{ rule: 'answer-calls', notObservedBy: ['KR', 'ddg971'] }],
    };
    expect(mirrorProcedure(procedure)).toEqual({
      ...procedure,
      parameters: { safeDistanceNorms: { value: [{ id: 'jp-norm', nation: 'KR' }], label: 'x' } },
      callFormat: { addressee: ['nationality'], nationalityWords: { JP: 'KOREA SOUTH', US: 'USA' } },
      practice: [{ rule: 'answer-calls', notObservedBy: ['JP', 'ddg971'] }],
    });
    // The base of a chain also states, swapped, the words the code would have used.
    expect(mirrorProcedure({ id: 'base', callFormat: { addressee: ['nationality'], nationalityWords: { KR: 'KOREA SOUTH' } } })).toEqual({
      id: 'base',
      callFormat: { addressee: ['nationality'], nationalityWords: { JP: 'KOREA SOUTH', KR: 'JAPAN' } },
    });
  });
});

describe('mirror: every shipped scenario × account × procedure finds the same with the nations swapped', () => {
  for (const file of SCENARIOS) {
    const doc = parse(text(file)) as { accounts?: Record<string, unknown> };
    for (const account of [null, ...Object.keys(doc.accounts ?? {}).sort()])
      for (const procedure of [undefined, ...diskProcedures.shippedIds()])
        it(`${file} · ${account ?? 'no account'} · ${procedure ?? 'own procedure'}`, () => {
          expect(mirrorDifferences(shipped(file, account, procedure, false), shipped(file, account, procedure, true))).toEqual([]);
        });
  }

  // What compare calls agreed and disputed between the two accounts must not depend on which
  // account is whose: the mirror's comparison is the original's, nations swapped.
  for (const procedure of diskProcedures.shippedIds())
    it(`scenarios/dec-2018-noto.yaml · jp against rok · ${procedure}: compare says the same`, () => {
      const f = 'scenarios/dec-2018-noto.yaml';
      const o = comparisonReport(compareRuns(shipped(f, 'jp', procedure, false), shipped(f, 'rok', procedure, false)));
      const m = comparisonReport(compareRuns(shipped(f, 'jp', procedure, true), shipped(f, 'rok', procedure, true)));
      expect(differences(swapped(o), m, 'compare')).toEqual([]);
    });
});

describe('the mirror test has teeth', () => {
  // A fixture, so the case stays sharp whatever the shipped norms become: only Korea has a
  // safe-distance norm, the Korean ship judges the Japanese aircraft's pass by it and calls.
  const ONE_NORM_PROCEDURE = [
    'id: one-norm',
    'title: Only one side has a norm (fixture)',
    'parameters:',
    '  channelPriority: { value: ["156.8"], label: fixture }',
    '  safeDistanceNorms:',
    '    label: fixture',
    '    value: [{ id: kr-norm, nation: KR, from: "2000-01-01", minGroundM: 1000, minAltitudeM: 300, label: "the Korean norm of the fixture" }]',
    'callFormat: { addressee: [callSign] }',
    'rules:',
    '  - { id: hail-on-safety-concern, type: hail, title: Call, text: Call the aircraft, appliesTo: [ship], when: [unsafe-approach], message: "WE OBSERVED {reason}. WHAT ARE YOUR INTENTIONS?" }',
    '  - { id: safe-distance, type: avoid, title: Keep clear, text: Keep a safe distance, appliesTo: [aircraft], action: close-approach }',
  ].join('\n');
  const ONE_NORM_SCENARIO = [
    'id: one-norm-pass',
    'title: A low pass judged by one norm (fixture)',
    'date: "2025-06-01"',
    'start: "2025-06-01T09:00:00+09:00"',
    'durationS: 600',
    'location: { name: fixture, lat: 37.2, lon: 133.0 }',
    'procedure: one-norm',
    'accounts: { kr: { title: The Korean account, side: KR } }',
    'units:',
    '  - id: ship',
    '    name: ROKS Fixture',
    '    nation: KR',
    '    kind: ship',
    '    service: navy',
    '    callSigns: [ROKS FIXTURE]',
    '    radios: [{ id: bridge, modulation: FM, channels: ["156.8"], tuned: "156.8" }]',
    '    crew: { languages: { en: 0.9 }, judgesThreatening: true }',
    '    track: { start: { lat: 37.2, lon: 133.0 }, legs: [{ courseDeg: 0, speedKt: 5, durationS: 600 }] }',
    '  - id: plane',
    '    name: JMSDF Fixture',
    '    nation: JP',
    '    kind: aircraft',
    '    service: navy',
    '    callSigns: [JAPAN NAVY FIXTURE]',
    '    radios: [{ id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }]',
    '    track:',
    '      - { t: 0, from: ship, bearingDeg: 270, rangeM: 20000, altM: 100 }',
    '      - { t: 300, from: ship, bearingDeg: 0, rangeM: 300, altM: 100 }',
    '      - { t: 600, from: ship, bearingDeg: 90, rangeM: 20000, altM: 100 }',
  ].join('\n');
  const withFixture = (fields: Step[][] | null): ProcedureSource => ({
    read: (ref, from) =>
      ref === 'one-norm'
        ? { file: 'one-norm.yaml', text: fields ? stringify(mirrorProcedure(parse(ONE_NORM_PROCEDURE), JP_KR, fields)) : ONE_NORM_PROCEDURE }
        : diskProcedures.read(ref, from),
    shippedIds: diskProcedures.shippedIds,
  });

  it('a mirror that swaps the flags but leaves the norms with their nations finds something else, and says what', () => {
    const file = 'one-norm-pass.yaml';
    const o = run(file, ONE_NORM_SCENARIO, withFixture(null), 'kr');
    const shipCalls = (a: Analysis) => a.run.transmissions.filter((t) => t.from === 'ship' && t.kind === 'hail');
    expect(shipCalls(o).length).toBeGreaterThan(0);
    expect(mirrorDifferences(o, run(file, mirrorText(ONE_NORM_SCENARIO), withFixture(NATION_FIELDS.procedure), 'kr'))).toEqual([]);
    // The norm left Korean while the ship turned Japanese: the ship has no norm to judge by and
    // does not call. The comparison names what changed.
    const leaky = run(file, mirrorText(ONE_NORM_SCENARIO), withFixture(without(NATION_FIELDS.procedure, 'parameters.safeDistanceNorms.value.[].nation')), 'kr');
    expect(shipCalls(leaky)).toEqual([]);
    expect(mirrorDifferences(o, leaky).join('\n')).toMatch(/^findings\.(breakdowns|ladder)\./m);
  });

  it('an exemption by nation is neutral when the mirror swaps it, and caught when it does not', () => {
    // A fixture procedure: Korean units do not answer calls. Data, so the mirror swaps it: in the
    // mirror the (now Korean) Teruzuki is the one exempt, and the findings swap exactly.
    const fixture = [
      'id: korea-silent',
      'title: Korean units do not answer (fixture)',
      'extends: cues-2014',
      'practice:',
      '  - { rule: answer-calls, notObservedBy: [KR] }',
    ].join('\n');
    const source = (fields: Step[][]): ProcedureSource => {
      const mirror = mirroredSource(fields);
      return {
        read: (ref, from) =>
          ref === 'korea-silent' ? { file: 'korea-silent.yaml', text: stringify(mirrorProcedure(parse(fixture), JP_KR, fields)) } : mirror.read(ref, from),
        shippedIds: mirror.shippedIds,
      };
    };
    const plain: ProcedureSource = {
      read: (ref, from) => (ref === 'korea-silent' ? { file: 'korea-silent.yaml', text: fixture } : diskProcedures.read(ref, from)),
      shippedIds: diskProcedures.shippedIds,
    };
    const file = 'scenarios/control-cues-exchange.yaml';
    const o = run(file, text(file), plain, null, 'korea-silent');
    expect(o.breakdowns.map((b) => `${b.kind} ${b.unit} ${b.rule ?? b.stage}`)).toContain('omission rok-ddh cues-2014/answer-calls');
    expect(mirrorDifferences(o, run(file, mirrorText(text(file)), source(NATION_FIELDS.procedure), null, 'korea-silent'))).toEqual([]);
    const blind = run(file, mirrorText(text(file)), source(without(NATION_FIELDS.procedure, 'practice.[].notObservedBy.[]')), null, 'korea-silent');
    expect(mirrorDifferences(o, blind).join('\n')).toMatch(/findings\.breakdowns/);
  });
});

describe('mirror: generated scenarios', () => {
  it('December 2018 with random flags (each unit Japanese or Korean), account and procedure: the mirror finds the same', () => {
    const file = 'scenarios/dec-2018-noto.yaml';
    const doc = parse(text(file)) as { units: { nation: string }[]; accounts: Record<string, unknown> };
    const flags = fc.array(fc.constantFrom('JP', 'KR'), { minLength: doc.units.length, maxLength: doc.units.length });
    const account = fc.constantFrom(null, ...Object.keys(doc.accounts));
    const procedure = fc.constantFrom(undefined, ...diskProcedures.shippedIds());
    fc.assert(
      fc.property(flags, account, procedure, (nations, acct, proc) => {
        // The North Korean boat keeps its flag: only the two sides of the dispute swap.
        const flagged = { ...doc, units: doc.units.map((u, i) => (u.nation === 'KP' ? u : { ...u, nation: nations[i] })) };
        const o = run(file, stringify(flagged), diskProcedures, acct, proc);
        const m = run(file, stringify(mirrorScenario(flagged)), MIRRORED, acct, proc);
        expect(mirrorDifferences(o, m)).toEqual([]);
      }),
      { numRuns: 4, seed: 2018 },
    );
  });

  it('a 30-unit exercise (10 minutes) and its mirror find the same, nations swapped, for a few generator seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const yaml = generateScenario({ units: 30, durationS: 600, seed }).yaml;
        expect(unmirroredNations(parse(yaml), 'scenario')).toEqual([]);
        const o = run('synthetic.yaml', yaml, diskProcedures, null);
        const m = run('synthetic.yaml', mirrorText(yaml), MIRRORED, null);
        expect(o.breakdowns.length + o.run.transmissions.length).toBeGreaterThan(0);
        expect(mirrorDifferences(o, m)).toEqual([]);
      }),
      { numRuns: 2, seed: 13 },
    );
  });
});
