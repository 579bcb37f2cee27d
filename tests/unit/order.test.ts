import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byCodePoint, byNatural } from '../../src/core/order';

/** The order as first written, with split(): what byNatural's walk in place must give. */
function bySplit(a: string, b: string): number {
  if (a === b) return 0;
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return byCodePoint(x, y);
  }
  return Math.sign(pa.length - pb.length);
}

describe('byNatural', () => {
  it('puts numbered ids in the order of their numbers', () => {
    expect(['tx-10', 'tx-9', 'tx-100', 'tx-1'].sort(byNatural)).toEqual(['tx-1', 'tx-9', 'tx-10', 'tx-100']);
    expect(['b2', 'a10', 'a9', 'b'].sort(byNatural)).toEqual(['a9', 'a10', 'b', 'b2']);
  });

  it('tells equal numbers written differently apart by their text, and a prefix goes first', () => {
    expect(byNatural('tx-007', 'tx-7')).toBe(-1);
    expect(byNatural('tx-7', 'tx-007')).toBe(1);
    expect(byNatural('tx-7', 'tx-7a')).toBe(-1);
    expect(byNatural('7', 'tx')).toBe(-1);
    expect(byNatural('', 'a')).toBe(-1);
    expect(byNatural('12345678901234567890', '12345678901234567891')).toBe(-1);
  });

  it('orders any two strings as comparing their split pieces does', () => {
    // Mostly digits, dashes and a few letters, so that runs and prefixes meet often.
    const text = fc.string({ unit: fc.constantFrom('0', '1', '7', '9', '-', 'a', 'b', 'x', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(byNatural(a, b)).toBe(bySplit(a, b));
        expect(byNatural(b, a)).toBe(bySplit(b, a));
      }),
      { numRuns: 5000 },
    );
  });
});
