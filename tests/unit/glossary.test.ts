// The glossary (docs/glossary.md) and the words the tool prints cannot drift apart: its terms
// table is the `terms.*` messages, row for row, and its place-names table is src/i18n/places.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files';
import { terms } from '../../src/i18n/messages/terms';
import { PLACE_IDS, PLACES } from '../../src/i18n/places';
import { CATALOG, LANGS } from '../../src/i18n';

const GLOSSARY = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');

/** The cells of every table row whose first cell is a code in backticks matching `first`. */
function rows(first: RegExp): string[][] {
  return GLOSSARY.split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    )
    .filter((cells) => first.test(cells[0]!));
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

describe('docs/glossary.md', () => {
  const termRows = rows(/^`terms\./);

  it('lists every terms.* message once, with the words terms.ts gives in English, Japanese and Korean', () => {
    const listed = termRows.map((c) => unquote(c[0]!));
    expect([...listed].sort()).toEqual(Object.keys(terms.en).sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const [code, en, ja, ko] of termRows) {
      const key = unquote(code!);
      expect({ key, en, ja, ko }).toEqual({ key, en: terms.en[key], ja: terms.ja[key], ko: terms.ko[key] });
    }
  });

  it('gives each domain word the brief names a row', () => {
    const english = termRows.map((c) => c[1]);
    for (const word of [
      'hail',
      'addressee',
      'originator',
      'guard frequency',
      'readback',
      'fire-control radar',
      'omission',
      'violation',
      'account',
      'procedure',
    ])
      expect(english, word).toContain(word);
  });

  it('lists each disputed place under both sides with the names places.ts renders', () => {
    const placeRows = rows(/^`[a-z-]+` *$/).filter((c) => c.length === 5 && (c[1] === 'JP' || c[1] === 'KR'));
    const fromDoc = placeRows.map(([id, side, en, ja, ko]) => ({ id: unquote(id!), side, en, ja, ko }));
    const fromData = PLACE_IDS.flatMap((id) => (['JP', 'KR'] as const).map((side) => ({ id, side, ...PLACES[id].names[side] })));
    expect(fromDoc).toEqual(fromData);
    // Two sides, two different names in every language: one side's name is never the other's.
    for (const id of PLACE_IDS) for (const lang of LANGS) expect(PLACES[id].names.JP[lang]).not.toBe(PLACES[id].names.KR[lang]);
  });
});

describe('every message uses the glossary’s words for an account and a breakdown', () => {
  // Words other areas used before the glossary fixed 主張 / 주장 (account) and 途絶 / 두절
  // (breakdown); a mix reads to a trainer as different things.
  // 事実関係 / 사실관계 is what each ministry calls its own version: never a heading of the tool's.
  const rejected: Record<string, RegExp> = { ja: /見解|破綻|伝達の?失敗|事実関係/, ko: /입장|견해|소통 실패|전달 실패|단절|사실관계/ };
  for (const [lang, word] of Object.entries(rejected))
    it(`${lang}: no message says ${word.source}`, () => {
      const uses = Object.entries(CATALOG[lang as 'ja' | 'ko']).filter(([, text]) => word.test(text));
      expect(uses.map(([code]) => code)).toEqual([]);
    });
});
