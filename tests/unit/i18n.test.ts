// The message catalogs: every code in every language, the same parameters in each, valid ICU
// text; and every explanation a run of a shipped scenario produces names a code that exists and
// passes exactly the parameters its message uses (none missing, none unused).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';
import { checkFile } from '../../src/core/check';
import { isExplanation, type Explanation } from '../../src/core/explain';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { AREAS, CATALOG, LANGS, say, t } from '../../src/i18n';
import { messageArgs } from '../../src/i18n/args';

const argsOf = (text: string) => [...messageArgs(text)].sort();

describe('message catalogs', () => {
  for (const [area, byLang] of Object.entries(AREAS)) {
    it(`${area}: every code in every language, under its area, with the same parameters`, () => {
      const codes = Object.keys(byLang.en).sort();
      for (const lang of LANGS) {
        expect(Object.keys(byLang[lang]).sort(), `${area} codes in ${lang} vs en`).toEqual(codes);
        for (const code of codes) {
          expect(code.startsWith(`${area}.`), `${code} is not under ${area}.`).toBe(true);
          const text = byLang[lang][code]!;
          expect(() => messageArgs(text), `${lang} ${code}`).not.toThrow();
          expect(argsOf(text), `${lang} ${code} uses other parameters than en`).toEqual(argsOf(byLang.en[code]!));
        }
      }
    });
  }

  it('renders nested explanations and units in the reader’s language', () => {
    const stage = { code: 'terms.stage.heard', params: {} };
    expect(say('ja', stage)).toBe(CATALOG.ja['terms.stage.heard']);
    expect(t('ko', 'terms.stage.heard')).toBe(CATALOG.ko['terms.stage.heard']);
    expect(t('en', 'no.such.code')).toBe('[no.such.code]');
  });
});

/** Every explanation object reachable from `root`. */
function explanations(root: unknown): Explanation[] {
  const out: Explanation[] = [];
  const seen = new WeakSet<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isExplanation(v)) out.push(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x);
  };
  walk(root);
  return out;
}

function problemsOf(e: Explanation): string[] {
  const text = CATALOG.en[e.code];
  if (text === undefined) return [`${e.code}: no such code`];
  const used = messageArgs(text);
  const given = Object.keys(e.params);
  return [
    ...given.filter((k) => !used.has(k)).map((k) => `${e.code}: parameter ${k} is not used`),
    ...[...used].filter((k) => !given.includes(k)).map((k) => `${e.code}: parameter ${k} is missing`),
  ];
}

const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

describe('explanations the core produces', () => {
  for (const file of scenarios) {
    it(`${file}: every code exists and every parameter is used`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const first = simulate({ file, text }, diskProcedures, { seed: 1 } as never);
      const accounts = [null, ...Object.keys(first.analysis?.run.scenario.spec.accounts ?? {})];
      const found: Explanation[] = [...explanations(checkFile({ file, text }, diskProcedures))];
      for (const account of accounts) {
        const r = simulate({ file, text }, diskProcedures, { account, seed: 1 } as never);
        found.push(...explanations(r.analysis), ...explanations(r.diagnostics));
      }
      // A run always explains its ladder, so an empty walk means the walk, not the run, is broken.
      expect(found.length).toBeGreaterThan(0);
      expect(found.flatMap(problemsOf)).toEqual([]);
    });
  }
});
