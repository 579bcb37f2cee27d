// Names in the reader's language: a unit's per-language display name from the scenario, and the
// disputed places, named as the account's side names them or, with no account, by both names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core';
import { diskProcedures } from '../../src/cli/files';
import { CONTROL } from './helpers';
import { locationName, unitNameIn } from '../../src/i18n/names';
import { placeName, PLACE_IDS, PLACES } from '../../src/i18n/places';
import { sayContext } from '../../src/app/i18n';

/** The control scenario with two accounts and a location written with the disputed sea in it. */
function scenario(account: string | null, extra = '') {
  const text = readFileSync(CONTROL, 'utf8').replace(
    'procedure: cues-2014\n',
    `procedure: cues-2014
accounts:
  jp: { title: Japan, side: JP }
  rok: { title: ROK, side: KR }
locationNames:
  jp: { ja: "{sea}の中央", ko: "{sea} 한가운데" }
  rok: { ja: "{sea}の中央", ko: "{sea} 한가운데" }
  default: { ja: "{sea}の中央", ko: "{sea} 한가운데" }
${extra}`,
  );
  const r = loadScenario({ file: CONTROL, text }, diskProcedures, account ? { account } : {});
  expect(r.scenario, r.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  return r.scenario!;
}

describe('disputed place names', () => {
  it('follow the account: 日本海 for a Japanese reader under jp, 동해 for a Korean reader under rok', () => {
    expect(locationName(scenario('jp'), 'ja')).toBe('日本海の中央');
    expect(locationName(scenario('rok'), 'ko')).toBe('동해 한가운데');
    // The account decides whose name, the reader only the language.
    expect(locationName(scenario('rok'), 'ja')).toBe('東海の中央');
    expect(locationName(scenario('jp'), 'ko')).toBe('일본해 한가운데');
  });

  it('with no account, give both names, never one alone', () => {
    for (const lang of ['ja', 'ko'] as const) {
      const where = locationName(scenario(null), lang);
      expect(where).toContain(PLACES.sea.names.JP[lang]);
      expect(where).toContain(PLACES.sea.names.KR[lang]);
    }
    for (const id of PLACE_IDS) {
      const both = placeName(id, 'en', null);
      expect(both).toContain(PLACES[id].names.JP.en);
      expect(both).toContain(PLACES[id].names.KR.en);
    }
  });

  it('with no account, do not always put the same side first', () => {
    const firsts = PLACE_IDS.map((id) => (placeName(id, 'en', null).startsWith(PLACES[id].names.JP.en) ? 'JP' : 'KR'));
    expect(new Set(firsts)).toEqual(new Set(['JP', 'KR']));
  });

  it('leave English as the file wrote it', () => {
    const s = scenario('rok');
    expect(locationName(s, 'en')).toBe(s.spec.location.name);
  });
});

describe('unit names per language', () => {
  it('come from the scenario, and from the English name where a language has none', () => {
    const s = scenario(null);
    expect(unitNameIn(s, 'jp-dd', 'ja')).toBe('てるづき');
    expect(unitNameIn(s, 'rok-ddh', 'ko')).toBe('양만춘');
    expect(unitNameIn(s, 'jp-dd', 'en')).toBe('JS Teruzuki');
    expect(unitNameIn(s, 'no-such-unit', 'ja')).toBeUndefined();
    const onlyJa = scenario(null).units.map((u) => (u.id === 'rok-ddh' ? { ...u, names: { ja: 'ヤン・マンチュン' } } : u));
    expect(unitNameIn({ ...s, units: onlyJa }, 'rok-ddh', 'ko')).toBe('Yang Man-chun');
  });

  it("name a unit in an explanation in the reader's language", () => {
    const s = scenario(null);
    const analysis = { run: { scenario: s } } as never;
    const ctx = sayContext(analysis);
    expect(ctx.unitName?.('jp-dd', 'ko')).toBe('테루즈키');
  });

  it('are refused when a language is not one the tool has', () => {
    const bad = loadScenario(
      { file: CONTROL, text: readFileSync(CONTROL, 'utf8').replace('names: { ja: てるづき, ko: 테루즈키 }', 'names: { ja: てるづき, zh: 照月 }') },
      diskProcedures,
    );
    expect(bad.scenario).toBeUndefined();
    expect(bad.diagnostics.some((d) => d.severity === 'error' && /zh/.test(d.message))).toBe(true);
  });
});
