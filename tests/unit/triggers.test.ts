// Trigger and rule debugging: when each fired, and what held back the ones that never did.
import { describe, expect, it } from 'vitest';
import { explainTriggers } from '../../src/core/analysis/triggers';
import { analyse, tempFile, DEC_2018 } from './helpers';
import { CATALOG, english, say } from '../../src/i18n';
import { messageArgs } from '../../src/i18n/args';
import { readFileSync } from 'node:fs';

describe('why a trigger or rule did (not) fire', () => {
  it('a trigger on a range the units never come within names the closest approach', () => {
    const text = readFileSync(DEC_2018, 'utf8').replace(
      'script:\n',
      'script:\n  - { id: too-close, unit: ddg971, on: { event: range-below, unit: p1, other: ddg971, rangeM: 100 }, do: judge, threatening: true }\n  - { id: close-enough, unit: ddg971, on: { event: range-below, unit: p1, other: ddg971, rangeM: 1000 }, do: judge, threatening: true }\n',
    );
    const a = analyse(tempFile('dec.yaml', text), { account: 'rok' });
    const r = explainTriggers(a);
    const tooClose = r.find((x) => x.id === 'too-close')!;
    expect(tooClose.fired).toEqual([]);
    expect(tooClose.heldBack).toMatch(/came no closer than 5\d\d m \(at \+\d+ s\); the trigger needs less than 100 m/);
    const near = r.find((x) => x.id === 'close-enough')!;
    expect(near.fired.length).toBe(1);
    expect(near.heldBack).toBeNull();
  });

  it('a rule that never fired says which of its events never happened', () => {
    const a = analyse(DEC_2018, { account: 'jp', procedure: 'jp-rok-2024' });
    const r = explainTriggers(a);
    const sayAgain = r.find((x) => x.id === 'cues-2014/say-again')!;
    expect(sayAgain.fired).toEqual([]);
    expect(sayAgain.heldBack).toMatch(/no call was recognised but not made out/);
    const respond = r.find((x) => x.id === 'jp-rok-2024/respond-actively')!;
    expect(respond.fired.length).toBeGreaterThan(0);
  });

  it('a rule the units did not follow lists when it asked', () => {
    const a = analyse(DEC_2018, { account: 'jp', procedure: 'practice-2018' });
    const answer = explainTriggers(a).find((x) => x.id === 'cues-2014/answer-calls')!;
    expect(answer.notFollowed.length).toBe(3);
    expect(answer.notFollowed[0]!.what).toMatch(/in practice ddg971 did not/);
  });

  it('says what held a trigger back as data, in English as before and in Japanese and Korean', () => {
    const text = readFileSync(DEC_2018, 'utf8').replace(
      'script:\n',
      'script:\n  - { id: too-close, unit: ddg971, on: { event: range-below, unit: p1, other: ddg971, rangeM: 100 }, do: judge, threatening: true }\n',
    );
    const reports = explainTriggers(analyse(tempFile('dec.yaml', text), { account: 'rok' }));
    const held = reports.filter((r) => r.heldBack !== null);
    expect(held.length).toBeGreaterThan(3);
    for (const r of held) {
      const why = r.heldBackWhy!;
      expect(english(why), r.id).toBe(r.heldBack);
      const code = CATALOG.en[why.code];
      expect(code, why.code).toBeDefined();
      expect(Object.keys(why.params).sort(), why.code).toEqual([...messageArgs(code!)].sort());
      for (const lang of ['ja', 'ko'] as const) {
        const words = say(lang, why);
        expect(words, `${lang} ${r.id}`).not.toMatch(/\[analysis\./);
        expect(words, `${lang} ${r.id}`).not.toBe(r.heldBack);
      }
    }
    const tooClose = reports.find((r) => r.id === 'too-close')!;
    expect(say('ja', tooClose.heldBackWhy!)).toMatch(/100 m 未満/);
  });
});
