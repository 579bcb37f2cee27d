// Words a class reads name units as the scenario names them (in the reader's language), never by
// the file's ids: every explanation a run of a shipped scenario produces, under every account,
// rendered in en, ja and ko the way the app renders it, holds no bare unit id where the unit has a
// name of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';
import { isExplanation, type Explanation } from '../../src/core/explain';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { LANGS, say } from '../../src/i18n';
import { sayContext } from '../../src/app/i18n';

/** Every explanation object reachable from `root` (the checker's words are for authors, who write ids). */
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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

describe('explanations name units, not ids', () => {
  for (const file of scenarios) {
    it(`${file}: no rendered explanation in en, ja or ko holds a named unit's id`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const first = simulate({ file, text }, diskProcedures, { seed: 1 } as never);
      const accounts = [null, ...Object.keys(first.analysis?.run.scenario.spec.accounts ?? {})];
      const bare: string[] = [];
      let rendered = 0;
      for (const account of accounts) {
        const a = simulate({ file, text }, diskProcedures, { account, seed: 1 } as never).analysis;
        if (!a) continue;
        const ctx = sayContext(a);
        const named = a.run.scenario.units.filter((u) => u.name && u.name !== u.id);
        const ids = named.map((u) => ({ id: u.id, re: new RegExp(`(^|[^\\w.-])${escape(u.id)}($|[^\\w-])`) }));
        // A name may hold its unit's id as a word ("Naval patrol ship" for `patrol`): names are taken out first.
        const names = LANGS.flatMap((l) => named.map((u) => ctx.unitName!(u.id, l)!))
          .filter(Boolean)
          .sort((x, y) => y.length - x.length);
        const unnamed = (words: string) => names.reduce((w, n) => w.split(n).join('□'), words);
        const seen = new Set<string>();
        for (const e of explanations(a)) {
          if (e.code.startsWith('checker.')) continue;
          for (const lang of LANGS) {
            const words = unnamed(say(lang, e, ctx));
            rendered++;
            for (const { id, re } of ids) {
              const key = `${account ?? 'default'} ${lang} ${e.code}: ${id}`;
              if (re.test(words) && !seen.has(key)) {
                seen.add(key);
                bare.push(`${key} in «${words}»`);
              }
            }
          }
        }
      }
      // A run always explains something, so nothing rendered means the walk is broken.
      expect(rendered).toBeGreaterThan(0);
      expect(bare).toEqual([]);
    });
  }
});
