// What a unit says on the air comes from its call signs (and hull, nationality and type words),
// never from the display name that labels the plot (issue 14 item 9).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/files';
import { describe, expect, it } from 'vitest';
import { analyse, cli, DEC_2018, DEMO, tempFile } from './helpers';

/** Display names that are not also said on the air as a call sign or radio name. */
function displayOnlyNames(a: ReturnType<typeof analyse>): string[] {
  return a.run.scenario.units
    .filter((u) => ![...u.callSigns, u.radioName ?? ''].some((c) => c.toUpperCase() === u.name.toUpperCase()))
    .map((u) => u.name.toUpperCase());
}

describe('call signs, not display names, on the air', () => {
  for (const procedure of ['practice-2018', 'cues-2014', 'jp-rok-2024']) {
    it(`December 2018 under ${procedure}: no call is addressed to or signed with a display name`, () => {
      const a = analyse(DEC_2018, { account: 'jp', procedure });
      const names = displayOnlyNames(a);
      expect(names).toContain('JMSDF P-1');
      for (const tx of a.run.transmissions) {
        // The call up to the body: addressee and "THIS IS …".
        const opening = tx.text.slice(0, tx.text.length - tx.body.length - 8);
        for (const n of names) expect(opening, tx.text).not.toContain(n);
      }
    });
  }

  it('jp-rok-2024 still calls the ship by its name and hull: the name as said on the air', () => {
    const a = analyse(DEC_2018, { account: 'jp', procedure: 'jp-rok-2024' });
    const toShip = a.run.transmissions.filter((tx) => tx.to === 'ddg971' && tx.kind === 'hail');
    expect(toShip.length).toBeGreaterThan(0);
    for (const tx of toShip) expect(tx.addressee).toMatch(/^GWANGGAETO THE GREAT, HULL NUMBER 971\b/);
  });

  describe('a unit with a radio and no callSigns', () => {
    const text = readFileSync(DEMO, 'utf8')
      .replace('procedure: procedures/demo-ladder.yaml', `procedure: ${join(ROOT, 'scenarios/procedures/demo-ladder.yaml')}`)
      .replace('    callSigns: [REPUBLIC OF KOREA NAVY SHIP 201]\n', '');
    const path = tempFile('no-call-signs.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('- id: kr-good')) + 1;

    it('the checker warns at the unit and says what the radio will say instead', () => {
      const r = cli('check', [path]);
      const warning = (r.stdout + r.stderr).split('\n').find((l) => l.includes('kr-good has no callSigns'));
      expect(warning).toBeDefined();
      expect(warning).toContain(`:${line}:`);
      expect(warning).toContain('"REPUBLIC OF KOREA NAVY SHIP 201"');
    });

    it('the run names it by nationality, type and hull, not "ROKS Good Listener"', () => {
      const a = analyse(path);
      const own = a.run.transmissions.filter((tx) => tx.from === 'kr-good' || tx.to === 'kr-good');
      expect(own.length).toBeGreaterThan(0);
      for (const tx of own) expect(tx.text).not.toMatch(/GOOD LISTENER/i);
      expect(own.some((tx) => tx.text.includes('THIS IS REPUBLIC OF KOREA NAVY SHIP 201'))).toBe(true);
    });
  });

  it('the shipped scenarios give every unit that calls or may be called its call signs', () => {
    const r = cli('check', [DEC_2018, DEMO]);
    expect(r.stdout + r.stderr).toContain('warning');
    expect(r.stdout + r.stderr).not.toContain('has no callSigns');
  });
});
