// The checker's diagnostics are data (a code with parameters) and read in the reader's language:
// the same broken file gives the same code, parameters, line and column whatever the language;
// English is the checker's words as before, Japanese and Korean are translated sentences, and
// the one-line form keeps `path:line:col: error|warning:` for tools in every language.
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/core/check';
import { diagnosticMessage, formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics';
import { explain } from '../../src/core/explain';
import { MAX_FILE_BYTES } from '../../src/core/limits';
import { diskProcedures } from '../../src/cli/files';
import { CATALOG, english, LANGS } from '../../src/i18n';
import { messageArgs } from '../../src/i18n/args';

const VALID = `id: two-ships
title: Two ships
date: "2024-07-01"
start: "2024-07-01T10:00:00+09:00"
durationS: 600
location: { name: Test, lat: 37.5, lon: 131 }
procedure: cues-2014
units:
  - id: ship-a
    name: Ship A
    nation: JP
    kind: ship
    callSigns: [ALPHA]
    radios:
      - { id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }
    position: { lat: 37.5, lon: 131 }
  - id: ship-b
    name: Ship B
    nation: KR
    kind: ship
    callSigns: [BRAVO]
    radios:
      - { id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }
    position: { lat: 37.55, lon: 131.05 }
script:
  - { at: 60, unit: ship-a, do: hail, to: ship-b, channel: "156.8" }
`;

/** The text with one line changed; fails loudly if the line is not there, so a case cannot silently test nothing. */
function broken(from: string, to: string): string {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
}

const CASES: { name: string; text: () => string; code: RegExp; line: number; params?: Record<string, unknown> }[] = [
  {
    name: 'an unknown key',
    text: () => broken('    name: Ship B', '    nmae: Ship B'),
    code: /^checker\.schema\.unknown-field$/,
    line: 18,
    params: { field: 'nmae' },
  },
  {
    name: 'a wrong type',
    text: () => broken('durationS: 600', 'durationS: long'),
    code: /^checker\.schema\.wrong-type$/,
    line: 5,
    params: { path: 'durationS', expected: 'number' },
  },
  {
    name: 'a bad enumeration value',
    text: () => broken('    nation: KR', '    nation: XX'),
    code: /^checker\.schema\.one-of$/,
    line: 19,
    params: { path: 'units[1].nation' },
  },
  {
    name: 'an unknown unit id',
    text: () => broken('to: ship-b, channel', 'to: ship-c, channel'),
    code: /^checker\.script\.unknown-addressee$/,
    line: 26,
    params: { addressee: 'ship-c', units: ['ship-a', 'ship-b'] },
  },
  { name: 'a YAML syntax error', text: () => broken('title: Two ships', 'title: [unclosed'), code: /^checker\.yaml\./, line: 2 },
  {
    name: 'a file too large',
    text: () => VALID + `# ${'x'.repeat(MAX_FILE_BYTES + 1)}\n`,
    code: /^checker\.file\.too-large$/,
    line: 1,
    params: { atLeast: false, limit: MAX_FILE_BYTES },
  },
];

/** Quoted material (ids, the parser's own words) and code-like tokens taken out: what is left is the sentence. */
function sentence(text: string): string {
  return text
    .replace(/「[^」]*」|"[^"]*"|'[^']*'/g, ' ')
    .replace(/\S*[.:_/\\[\]{}$0-9-]\S*/g, ' ')
    .replace(/\b(error|warning)\b/g, ' ');
}

const ENGLISH_RUN = /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function unusedOrMissing(d: Diagnostic): string[] {
  const used = messageArgs(CATALOG.en[d.code!]!);
  const given = Object.keys(d.params ?? {});
  return [...given.filter((k) => !used.has(k)), ...[...used].filter((k) => !given.includes(k))];
}

describe('checker diagnostics in every language', () => {
  for (const c of CASES) {
    it(`${c.name}: one code and its parameters; English as before, Japanese and Korean translated, line and column kept`, () => {
      const file = 'broken.yaml';
      const ds = checkFile({ file, text: c.text() }, diskProcedures).filter((d) => d.severity === 'error');
      const d = ds.find((x) => c.code.test(x.code ?? ''));
      expect(d, ds.map((x) => `${x.code} ${x.message}`).join('\n')).toBeDefined();
      expect(d!.line).toBe(c.line);
      expect(CATALOG.en[d!.code!]).toBeDefined();
      expect(unusedOrMissing(d!)).toEqual([]);
      if (c.params) expect(d!.params).toMatchObject(c.params);
      // The English message is the rendering of the data, and the default one-line form is unchanged.
      expect(english(explain(d!.code!, d!.params))).toBe(d!.message);
      expect(formatDiagnostic(d!)).toBe(`${file}:${d!.line}:${d!.col}: error[${d!.errorCode}]: ${d!.message}`);
      expect(formatDiagnostic(d!, { lang: 'en' })).toBe(formatDiagnostic(d!));
      const before = JSON.stringify(d);
      for (const lang of ['ja', 'ko'] as const) {
        const line = formatDiagnostic(d!, { lang });
        const prefix = `${file}:${d!.line}:${d!.col}: error[${d!.errorCode}]: `;
        expect(line.startsWith(prefix), line).toBe(true);
        const message = line.slice(prefix.length);
        expect(message).toBe(diagnosticMessage(d!, lang));
        expect(message).not.toBe(d!.message);
        expect(message).not.toMatch(/\[checker\./);
        expect(message, `${lang}: ${message}`).toMatch(CJK);
        expect(sentence(message), `${lang}: ${message}`).not.toMatch(ENGLISH_RUN);
      }
      // Rendering reads the data; it never changes it.
      expect(JSON.stringify(d)).toBe(before);
    });
  }

  it('every diagnostic of a file broken line by line has a known code, fills exactly its parameters and reads in every language', () => {
    const lines = VALID.split('\n');
    const variants = lines.flatMap((l, i) => [
      [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'),
      [...lines.slice(0, i), l.replace(/:\s*[^\s#].*$/, ': zz'), ...lines.slice(i + 1)].join('\n'),
    ]);
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const text of variants)
      for (const d of checkFile({ file: 'v.yaml', text }, diskProcedures)) {
        seen.add(d.code ?? '(none)');
        if (!d.code || !CATALOG.en[d.code]) {
          problems.push(`no code: ${d.message}`);
          continue;
        }
        problems.push(...unusedOrMissing(d).map((k) => `${d.code}: ${k}`));
        for (const lang of ['ja', 'ko'] as const) if (diagnosticMessage(d, lang).includes('[checker.')) problems.push(`${d.code} in ${lang}`);
      }
    expect(problems).toEqual([]);
    // The sweep reaches schema, reference and YAML problems, not one kind only.
    expect([...seen].filter((c) => c.startsWith('checker.schema.')).length).toBeGreaterThan(2);
    expect([...seen].some((c) => c.startsWith('checker.script.'))).toBe(true);
  });

  it('the sentence test itself catches an English sentence left in a translation', () => {
    expect(sentence('「x」 is used twice; ids must be unique')).toMatch(ENGLISH_RUN);
    expect(sentence('ユニット id「ship-a」が二度使われています')).not.toMatch(ENGLISH_RUN);
  });

  it('a problem only one account causes says which account, in every language', () => {
    const text = broken('units:\n', 'accounts:\n  jp: { label: JP }\n  kr: { label: KR }\nfacts:\n  dur: { values: { jp: 600, kr: 0 } }\nunits:\n').replace(
      'durationS: 600',
      'durationS: $dur',
    );
    const ds = checkFile({ file: 'acc.yaml', text }, diskProcedures);
    const d = ds.find((x) => x.account !== undefined);
    expect(d, ds.map((x) => x.message).join('\n')).toBeDefined();
    expect(d!.message).toMatch(new RegExp(` \\(account ${d!.account}\\)$`));
    for (const lang of LANGS) expect(diagnosticMessage(d!, lang)).toContain(d!.account!);
    expect(diagnosticMessage(d!, 'ja')).toContain('主張');
    expect(diagnosticMessage(d!, 'ko')).toContain('주장');
  });
});
