// Unit kinds as one table (src/core/kinds.ts): what a kind is decides who procedures bind, how
// high its antenna is, how a file must place it and who watches aircraft close in, everywhere.
import { describe, expect, it } from 'vitest';
import { UNIT_KINDS, UNIT_KIND_IDS } from '../../src/core/kinds';
import { inScope, isBound } from '../../src/core/procedure/duties';
import { antennaHeightM } from '../../src/core/scenario/model';
import { scenarioSchema } from '../../src/core/scenario/schema';
import { checkFile } from '../../src/core/check';
import { diskProcedures } from '../../src/cli/files';
import type { UnitSpec } from '../../src/core/scenario/schema';

const unit = (kind: UnitSpec['kind'], extra: Partial<UnitSpec> = {}) => ({ kind, platform: {}, ...extra }) as UnitSpec;

describe('unit kinds', () => {
  it('the scenario format accepts exactly the kinds in the table', () => {
    const kindSchema = scenarioSchema.shape.units.element.shape.kind;
    expect(kindSchema.options).toEqual(UNIT_KIND_IDS);
    expect(UNIT_KIND_IDS).toEqual(['ship', 'aircraft', 'headquarters', 'vessel']);
  });

  it('procedures can bind ships, aircraft and headquarters, never a vessel; which services a rule binds is its scope', () => {
    expect(isBound({ kind: 'ship' })).toBe(true);
    expect(isBound({ kind: 'aircraft', service: 'navy' })).toBe(true);
    expect(isBound({ kind: 'headquarters', service: 'coast-guard' })).toBe(true);
    expect(isBound({ kind: 'vessel', service: 'navy' })).toBe(false);
    const navyOnly = { services: ['navy'] };
    expect(inScope(navyOnly, { service: 'coast-guard' })).toBe(false);
    expect(inScope(navyOnly, { service: 'navy' })).toBe(true);
    expect(inScope({}, { service: 'coast-guard' })).toBe(true);
  });

  it("a ship's or vessel's own mast height counts; an aircraft's and a headquarters' do not", () => {
    expect(antennaHeightM(unit('ship'))).toBe(UNIT_KINDS.ship.defaultAntennaM);
    expect(antennaHeightM(unit('ship', { platform: { antennaHeightM: 40 } } as Partial<UnitSpec>))).toBe(40);
    expect(antennaHeightM(unit('vessel'))).toBe(5);
    expect(antennaHeightM(unit('aircraft', { platform: { antennaHeightM: 40 } } as Partial<UnitSpec>))).toBe(300);
    expect(antennaHeightM(unit('headquarters', { platform: { antennaHeightM: 40 } } as Partial<UnitSpec>))).toBe(30);
  });

  it('the checker asks each kind to be placed as the table says', () => {
    const text = (kind: string, place: string) => `id: k
title: Kinds
date: "2018-12-20"
start: 2018-12-20T15:00:00+09:00
durationS: 60
location: { lat: 37.5, lon: 133.5 }
procedure: cues-2014
units:
  - id: u1
    name: Unit one
    nation: JP
    kind: ${kind}
    crew: { languages: { en: 1 } }
${place}
`;
    const errors = (kind: string, place = '') =>
      checkFile({ file: 'k.yaml', text: text(kind, place) }, diskProcedures)
        .filter((d) => d.severity === 'error')
        .map((d) => d.message);
    expect(errors('aircraft').join('\n')).toMatch(/aircraft "u1" has no track/);
    expect(errors('vessel').join('\n')).toMatch(/vessel "u1" has neither a track nor a position/);
    expect(errors('vessel', '    position: { lat: 37.5, lon: 133.5 }').join('\n')).not.toMatch(/track/);
    expect(errors('headquarters').join('\n')).not.toMatch(/track|position/);
  });
});
