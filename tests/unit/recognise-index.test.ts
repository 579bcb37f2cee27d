/**
 * A listener deciding whom a call is for: with a thousand units, the stations it knows are kept
 * as one list shared by every listener and looked up by the first word of each call sign
 * (hearing.ts KnownStations). The verdict must be the one reading every station in turn gives:
 * the same station, the same words matched, for any call signs and any words heard.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognise, type Station } from '../../src/core/radio/hearing';

// Few words, so that signs share words and openings as real ones do ("KOREA COAST", "KOREA NAVY SHIP").
const word = fc.constantFrom('KOREA', 'JAPAN', 'NAVY', 'SHIP', 'COAST', 'GUARD', 'WARSHIP', '971', 'ALPHA');
const sign = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));
const stations = fc
  .array(fc.array(sign, { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 8 })
  .map((lists) => lists.map((callSigns, i): Station => ({ id: `u${i}`, callSigns })));

describe('whom a listener takes a call to be for', () => {
  it('is the same whether the stations are read in turn or looked up by first word', () => {
    fc.assert(
      fc.property(stations, fc.array(sign, { maxLength: 2 }), fc.nat(), fc.array(word, { minLength: 1, maxLength: 6 }), (all, extraSigns, meAt, heard) => {
        const me = all[meAt % all.length]!;
        const extra: Station[] = extraSigns.map((s, i) => ({ id: `extra${i}`, callSigns: [s] }));
        const inTurn = [...all.filter((s) => s.id !== me.id), ...extra];
        const said = heard.join(' ');
        expect(recognise(said, me, { all, self: me.id, extra })).toEqual(recognise(said, me, inTurn));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes "KOREA COAST" for the coast station, not the destroyer it was meant for', () => {
    const destroyer: Station = { id: 'rok-971', callSigns: ['KOREA SOUTH WARSHIP 971'] };
    const coast: Station = { id: 'korea-coast', callSigns: ['KOREA COAST'] };
    const all = [destroyer, coast];
    const r = recognise('KOREA COAST', destroyer, { all, self: destroyer.id, extra: [] });
    expect(r).toMatchObject({ kind: 'for-other', station: 'korea-coast' });
  });
});
