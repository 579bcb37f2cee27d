// A unit's name from a file, drawn on the plot: a right-to-left override (U+202E) would reverse
// the label and what follows it, and control characters draw as boxes. Labels drop both.
import { describe, expect, it } from 'vitest';
import { plainText, unitLabel, unitShort } from '../../src/app/plot/style';

describe('plot labels from names in a file', () => {
  it('lose bidirectional overrides and control characters, and keep every letter', () => {
    expect(unitLabel({ name: 'JS Teruzuki\u202Eevil', hull: '116' })).toBe('JS Teruzukievil 116');
    expect(unitShort({ name: 'Patrol \u2067craft\u2069 \u001b[2J', kind: 'vessel' })).toBe('craft [2J');
    expect(plainText('Gwanggaeto the Great')).toBe('Gwanggaeto the Great');
  });
});
