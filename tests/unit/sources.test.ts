// Sources inside the project: every id a file cites resolves to an entry of sources/sources.yaml
// (publisher, date, title, address); the checker reports an unknown id where it is written; the
// reader's page and the core's copy are what `npm run sources` makes from the YAML.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../../src/core/check';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { SOURCES } from '../../src/core/sources/data';
import { sourceEntry, urlsOf } from '../../src/core/sources/registry';
import { readSources, renderDataModule, renderSourcesDoc, SOURCES_DOC, SOURCES_MODULE, SOURCES_YAML } from '../../scripts/sources';

/** Line and column (1-based) of the only occurrence of `token` in `text`. */
function positionOf(text: string, token: string): { line: number; col: number } {
  const at = text.indexOf(token);
  expect(at, token).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(token, at + 1), `${token} occurs once`).toBe(-1);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

const SCENARIO = `id: unknown-sources
title: Sources cited everywhere a scenario can cite them
date: "2024-07-01"
start: "2024-07-01T10:00:00+09:00"
durationS: 600
location: { name: Test, lat: 37.5, lon: 131 }
# A comment citing [S9001] is read by people too.
description: The ships meet [S12][S9002].
sources: [S12, S9003]
procedure: cues-2014
accounts:
  a: { title: Account A, sources: [S9004] }
  b: { title: Account B }
facts:
  range:
    question: How far?
    values: { a: 1000, b: 2000 }
    sources: { a: [S15], b: [S9005] }
assumptions:
  - { id: noise, value: -110, label: noise floor, why: no source gives it, sources: [S9006] }
notModelled:
  - row: Cause
    reason: not a communication question
    sources:
      - S9007
units:
  - { id: ship-a, name: Ship A, nation: JP, kind: ship, service: navy, radios: [{ id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }], position: { lat: 37.5, lon: 131 } }
  - { id: ship-b, name: Ship B, nation: KR, kind: ship, service: navy, radios: [{ id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }], position: { lat: 37.51, lon: 131.01 } }
script:
  - { at: 60, unit: ship-a, do: hail, to: ship-b, note: "as in CUES practice [S9008]", sources: [S9, S9009] }
`;

const PROCEDURE = `id: unknown-sources-procedure
title: A procedure citing unknown sources
sources: [S1, S9101]
parameters:
  channelPriority: { value: ["156.8"], label: "Ch 16 first [S9102]", known: false, sources: [S9103] }
coverage:
  - { item: CUES 2.8 (c), title: Illuminating bridges, outOfScope: not modelled, sources: [S9104] }
rules:
  - { id: guard-16, type: guard, title: Guard Ch 16, text: Keep Ch 16, channels: ["156.8"], sources: [S9105] }
practice:
  - { rule: guard-16, notObservedBy: [KR], sources: [S9106] }
`;

describe('the source index', () => {
  it('docs/sources.md and the core data module are what `npm run sources` makes from sources/sources.yaml', () => {
    const entries = readSources(readFileSync(SOURCES_YAML, 'utf8'));
    expect(readFileSync(SOURCES_DOC, 'utf8')).toBe(renderSourcesDoc(entries));
    expect(readFileSync(SOURCES_MODULE, 'utf8')).toBe(renderDataModule(entries));
    expect(SOURCES).toEqual(entries);
  });

  it('gives every source in the index a publisher, a title and an address, and each id once', () => {
    const indexed = SOURCES.filter((e) => e.indexed);
    expect(indexed.length).toBeGreaterThan(100);
    for (const e of indexed) {
      expect(e.publisher, e.id).toBeTruthy();
      expect(urlsOf(e).length, e.id).toBeGreaterThan(0);
      for (const u of urlsOf(e)) expect(u, e.id).toMatch(/^https?:\/\/\S+$/);
    }
    expect(new Set(SOURCES.map((e) => e.id)).size).toBe(SOURCES.length);
  });

  it('refuses an entry without what a reader needs, naming it', () => {
    const text = '- { id: S1, title: T, section: "1", reliability: primary, url: "https://x.org" }\n';
    expect(() => readSources(text)).toThrow(/S1: publisher/);
    expect(() => readSources(text.replace('id: S1', 'id: S1, publisher: P') + text.replace('id: S1', 'id: S1, publisher: Q'))).toThrow(/S1 is listed twice/);
  });

  it('resolves every id the shipped scenarios and procedures cite, in lists and in text', () => {
    const files = [
      ...['scenarios', 'procedures', 'scenarios/procedures'].flatMap((d) =>
        readdirSync(join(ROOT, d))
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => join(ROOT, d, f)),
      ),
    ];
    const cited = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bS\d+\b/g)) cited.add(m[0]);
      const problems = checkFile(readText(f), diskProcedures).filter((d) => /source/.test(d.message));
      expect(problems, f).toEqual([]);
    }
    expect(cited.size).toBeGreaterThan(20);
    for (const id of cited) expect(sourceEntry(id), id).toBeDefined();
  });

  it("resolves every id the project's documents cite (docs/*.md, README.md)", () => {
    const docs = [
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md') && f !== 'sources.md')
        .map((f) => join(ROOT, 'docs', f)),
      join(ROOT, 'README.md'),
    ];
    const cited = docs.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\[(S\d+(?:\s*[,;]\s*S\d+)*)\]/g)].flatMap((m) => m[1]!.split(/\s*[,;]\s*/).map((id) => ({ f, id }))),
    );
    expect(cited.length).toBeGreaterThan(0);
    for (const { f, id } of cited) expect(sourceEntry(id), `${id} in ${f}`).toBeDefined();
  });
});

describe('the checker', () => {
  it('reports each unknown id in a scenario as an error at its own line and column, wherever it is cited', () => {
    const ds = checkFile({ file: 'unknown.yaml', text: SCENARIO }, diskProcedures).filter((d) => /source id/.test(d.message));
    const ids = ['S9001', 'S9002', 'S9003', 'S9004', 'S9005', 'S9006', 'S9007', 'S9008', 'S9009'];
    expect(ds.map((d) => ({ line: d.line, col: d.col }))).toEqual(ids.map((id) => positionOf(SCENARIO, id)));
    for (const [i, d] of ds.entries()) {
      expect(d.severity).toBe('error');
      expect(d.message).toContain(`unknown source id "${ids[i]}"`);
      expect(d.message).toContain('add it to sources/sources.yaml');
    }
    // Known ids next to them are not reported.
    expect(ds.some((d) => /"S12"|"S15"|"S9"/.test(d.message))).toBe(false);
  });

  it('reports each unknown id in a procedure: its sources, parameters, coverage, rules and practice', () => {
    const ds = checkFile({ file: 'unknown-procedure.yaml', text: PROCEDURE }, diskProcedures).filter((d) => /source id/.test(d.message));
    const ids = ['S9101', 'S9102', 'S9103', 'S9104', 'S9105', 'S9106'];
    expect(ds.map((d) => [d.line, d.col, d.severity])).toEqual(ids.map((id) => [positionOf(PROCEDURE, id).line, positionOf(PROCEDURE, id).col, 'error']));
  });

  it('suggests the id meant when it is close, and says where to add a new one', () => {
    const text = SCENARIO.replace('sources: [S12, S9003]', 'sources: [S012, S1500]');
    const ds = checkFile({ file: 'close.yaml', text }, diskProcedures).filter((d) => /source id "S(012|1500)"/.test(d.message));
    expect(ds.map((d) => d.message.split(';')[1]!.trim())).toEqual([
      'did you mean S12? The ids are listed in docs/sources.md. To cite a new source, add it to sources/sources.yaml and run npm run sources',
      expect.stringMatching(/^did you mean S100 or S150\? /),
    ]);
  });

  it('accepts a source the brief cites without an address: it is known, only its address is not', () => {
    const unaddressed = SOURCES.find((e) => !e.indexed)!;
    const text = SCENARIO.replace('sources: [S12, S9003]', `sources: [S12, ${unaddressed.id}]`);
    const ds = checkFile({ file: 'w.yaml', text }, diskProcedures).filter((x) => x.line === 9);
    expect(ds).toEqual([]);
  });
});
