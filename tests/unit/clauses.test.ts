// A list of findings said as one sentence: the same words whatever its length, in every language.
import { describe, expect, test } from 'vitest';
import { clauses } from '../../src/core/analysis/clauses';
import { explain, isExplanation, type Explanation } from '../../src/core/explain';
import { say } from '../../src/i18n';

/** A clause that says "scenario" (its parameter unused), numbered so no two are the same object. */
const item = (i: number): Explanation => explain('analysis.origin.scenario', { i });
const depth = (e: unknown): number => (isExplanation(e) ? 1 + Math.max(0, ...Object.values(e.params).map(depth)) : 0);

describe('clauses', () => {
  test('says the items in order with the language separator between each two', () => {
    for (const n of [1, 2, 3, 4, 5, 8, 13]) {
      const list = clauses(Array.from({ length: n }, (_, i) => item(i)));
      expect(say('en', list)).toBe(Array(n).fill('scenario').join('; '));
      expect(say('ja', list)).toBe(Array(n).fill('シナリオ').join('／'));
    }
    expect(say('en', clauses([]))).toBe('');
  });

  test('thousands of items (a 3,000-unit exercise breaches a rule thousands of times) render and serialise without overflowing the stack', () => {
    const list = clauses(Array.from({ length: 20_000 }, (_, i) => item(i)));
    expect(depth(list)).toBeLessThanOrEqual(16);
    const text = say('en', list);
    expect(text.split('; ')).toHaveLength(20_000);
    expect(() => structuredClone(list)).not.toThrow();
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });
});
