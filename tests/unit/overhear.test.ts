// A listener (`overhears: true`) records what it made of calls for others, as the JASDF trainer
// that heard the P-1's calls about 240 km away [S15]; listening changes nothing for the addressee.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyse, report, DEC_2018, tempFile } from './helpers';

const text = readFileSync(DEC_2018, 'utf8');
const trainerAt = (altM: number) =>
  text
    .replace('{ t: 0, from: ddg971, bearingDeg: 135, rangeM: 240000, altM: 3000 }', `{ t: 0, from: ddg971, bearingDeg: 135, rangeM: 240000, altM: ${altM} }`)
    .replace(
      '{ t: 1200, from: ddg971, bearingDeg: 140, rangeM: 240000, altM: 3000 }',
      `{ t: 1200, from: ddg971, bearingDeg: 140, rangeM: 240000, altM: ${altM} }`,
    );

describe('a listener 240 km away', () => {
  for (const account of ['jp', 'rok']) {
    it(`hears the calls on the frequencies it guards, whatever the ship's noise (${account} account)`, () => {
      const r = report(DEC_2018, { account });
      const hails = r.transmissions.filter((t) => t.from === 'p1' && t.kind === 'hail');
      const by = (ch: string) => hails.find((t) => t.channel === ch)!.overheardBy!.find((o) => o.unit === 'jasdf-trainer')!;
      expect(by('121.5')).toMatchObject({ cause: null });
      expect(by('243.0')).toMatchObject({ cause: null });
      // It has no marine set: Ch 16 does not reach it.
      expect(by('156.8').cause).toMatch(/no set for 156.8/);
    });
  }

  it('is below the radio horizon at 1,000 m: the brief puts the height needed at 1,700–2,100 m', () => {
    const r = report(tempFile('low-trainer.yaml', trainerAt(1000)), { account: 'jp' });
    const call = r.transmissions.find((t) => t.from === 'p1' && t.channel === '121.5')!;
    const o = call.overheardBy!.find((x) => x.unit === 'jasdf-trainer')!;
    expect(o.reached).toBe('transmitted');
    expect(o.cause).toMatch(/horizon/);
  });

  it('changes nothing for the addressee: every reception at the ship is the same without it', () => {
    const receptions = (path: string) =>
      analyse(path, { account: 'rok' })
        .run.log.filter((e) => e.type === 'reception')
        .map((e) => JSON.stringify(e.type === 'reception' ? e.result : null));
    const without = tempFile('no-listener.yaml', text.replace('    overhears: true\n', ''));
    expect(receptions(without)).toEqual(receptions(DEC_2018));
    expect(analyse(without, { account: 'rok' }).run.log.some((e) => e.type === 'overheard')).toBe(false);
  });
});
