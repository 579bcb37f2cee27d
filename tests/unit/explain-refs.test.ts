import { describe, expect, it } from 'vitest';
import { unitRef } from '../../src/core/explain';

describe('unit references in explanations', () => {
  it('names each unit with one shared, frozen reference, so a long log does not hold a copy per mention', () => {
    const a = unitRef('kr-ship971');
    expect(unitRef('kr-ship971')).toBe(a);
    expect(a).toEqual({ unit: 'kr-ship971' });
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('starts again past 50,000 unit ids rather than keep every id a long session ever named', () => {
    const first = unitRef('jp-air-first');
    for (let i = 0; i < 50_000; i++) unitRef(`renamed-${i}`);
    const again = unitRef('jp-air-first');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
