// Messages of words, values and choices of words by a value (`{kind, select, …}`) are filled in
// by the renderer itself, not by intl-messageformat: each must read exactly as intl-messageformat
// would write it, in every language, for every branch, for a value no branch names, and for the
// values an explanation can carry (words, numbers, nothing, a unit, a nested explanation).
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { explain, type ParamValue } from '../../src/core/explain';
import { CATALOG, LANGS, say, type SayContext } from '../../src/i18n';

interface Element {
  type: number;
  value: string;
  options?: Record<string, { value: Element[] }>;
}

/** Every argument a parsed message reads, and the branch keys of those it selects on. */
function argsOf(els: readonly Element[], out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const el of els) {
    if (el.type === 0) continue;
    const keys = out.get(el.value) ?? new Set<string>();
    out.set(el.value, keys);
    for (const [key, branch] of Object.entries(el.options ?? {})) {
      keys.add(key);
      argsOf(branch.value, out);
    }
  }
  return out;
}

/** Only words, arguments and selects: the messages the renderer fills in itself. */
const isChoice = (els: readonly Element[]): boolean =>
  els.every((el) => el.type === 0 || el.type === 1 || (el.type === 5 && Object.values(el.options!).every((b) => isChoice(b.value))));

const ctx: SayContext = { unitName: (id, lang) => `${id}-named-in-${lang}` };
const nested = explain('terms.stage.heard');

describe('messages of words, values and choices', () => {
  for (const lang of LANGS) {
    it(`${lang}: read as intl-messageformat writes them, branch by branch`, () => {
      let checked = 0;
      for (const [code, text] of Object.entries(CATALOG[lang])) {
        const intl = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
        const els = intl.getAst() as unknown as Element[];
        if (!isChoice(els)) continue;
        const args = argsOf(els);
        // Each select in turn on each of its keys and on a value none names; the other arguments as words, numbers, nothing, units, nested explanations.
        const fillers: ParamValue[] = ['words', 0, 12.5, null, false, { unit: 'u-1' }, nested];
        const cases: Record<string, ParamValue>[] = [];
        for (const filler of fillers) {
          const base = Object.fromEntries([...args.keys()].map((name) => [name, filler]));
          cases.push(base);
          for (const [name, keys] of args) for (const key of [...keys, 'no-such-branch']) cases.push({ ...base, [name]: key });
        }
        for (const params of cases) {
          // The values as say gives them to intl-messageformat: a unit by its name, an explanation by its words.
          const values = Object.fromEntries(
            Object.entries(params).map(([k, v]) => [
              k,
              v === null || typeof v !== 'object' ? v : 'unit' in v ? ctx.unitName!(v.unit, lang)! : say(lang, nested),
            ]),
          );
          let expected: string;
          try {
            expected = String(intl.format(values));
          } catch {
            continue; // a value no branch takes, with no `other`: intl-messageformat's own error, as before
          }
          expect(say(lang, explain(code, params), ctx), `${lang} ${code} ${JSON.stringify(params)}`).toBe(expected);
          checked++;
        }
      }
      // The catalogs hold many such messages; an empty check means the walk, not the catalogs, is broken.
      expect(checked).toBeGreaterThan(100);
    });
  }
});
