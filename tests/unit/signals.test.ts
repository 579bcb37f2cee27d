// Visual and sound signals (issue 14, item 6b): flag hoists, flashing light and the whistle are
// channels with their own range from visibility, daylight and sea state; they need the gear and a
// lookout, not a radio set, and the crew must know the code they are made in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildReport, simulate } from '../../src/core';
import { checkFile } from '../../src/core/check';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { analyseText } from './helpers';
import type { EntryOf } from '../../src/core/log';
import { isoToUnixS, sunElevationDeg } from '../../src/core/radio/sun';
import { guideFile } from './guide-example';

const FOG = join(ROOT, 'scenarios/signals-in-fog.yaml');
const fogText = readFileSync(FOG, 'utf8');

const run = (file: string, text: string) => analyseText(file, text);
type Analysis = ReturnType<typeof run>;
const transmissions = (a: Analysis, channel: string) =>
  a.run.log.filter((e): e is EntryOf<'transmission'> => e.type === 'transmission' && e.tx.channel === channel).map((e) => e.tx);
const receptionOf = (a: Analysis, tx: string) => a.run.log.find((e): e is EntryOf<'reception'> => e.type === 'reception' && e.tx === tx)!.result;

describe('signals-in-fog: a patrol ship warns a fishing vessel whose VHF is off', () => {
  const a = run('signals-in-fog.yaml', fogText);
  const doc = parse(fogText) as { environment: { visibilityKm: number }; units: { id: string; radios?: { powered?: boolean }[] }[] };
  const visibilityKm = doc.environment.visibilityKm;
  const report = buildReport(a);

  it('the Channel 16 calls stop at receivable, blamed on the unit whose set is off', () => {
    const silent = doc.units.find((u) => u.radios?.some((r) => r.powered === false))!.id;
    const calls = transmissions(a, '156.8').filter((t) => t.to === silent);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(receptionOf(a, c.id)).toMatchObject({ unit: silent, failedAt: 'receivable' });
      expect(receptionOf(a, c.id).cause).toMatch(/switched off/);
      expect(report.breakdowns.find((b) => b.transmission === c.id)).toMatchObject({ stage: 'receivable', unit: silent });
    }
  });

  it('the flashing light fails while the two are farther apart than the visibility, and gets through when closer', () => {
    const lamps = transmissions(a, 'light');
    const verdicts = lamps.map((t) => receptionOf(a, t.id));
    for (const r of verdicts) {
      const beyond = r.evidence.distanceKm! > visibilityKm;
      expect(r.failedAt === 'in-range').toBe(beyond);
      if (beyond) expect(r.cause).toBe(`flashing light: ${r.evidence.distanceKm!.toFixed(1)} km apart, visibility ${visibilityKm.toFixed(1)} km`);
    }
    // The debrief speaks of a lamp that could not be seen, not of antennas and sets.
    const lost = report.breakdowns.find((b) => b.transmission === lamps[0]!.id)!;
    expect(lost).toMatchObject({ stage: 'in-range', unit: lamps[0]!.to });
    expect(lost.explanation).toMatch(/'s flashing light could not be seen from /);
    // First lost in the fog, then read.
    expect(verdicts[0]!.failedAt).toBe('in-range');
    expect(verdicts.at(-1)!.reached).toBe('understood');
  });

  it('the whistle is heard beyond the visibility', () => {
    const [blasts] = transmissions(a, 'sound');
    const r = receptionOf(a, blasts!.id);
    expect(r.reached).toBe('understood');
    expect(r.evidence.distanceKm!).toBeGreaterThan(visibilityKm);
    expect(blasts!.text).toBe(blasts!.body); // a signal carries no call signs and no "over"
  });

  it('lists the model values the signals rest on', () => {
    const ids = report.assumptions.map((x) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining(['model:lightNightRangeKm', 'model:soundRangeNm', 'model:soundSeaStateLoss', 'model:daylightAboveDeg', 'model:signalGear']),
    );
  });

  it('in clear weather the first flashing light is read: visibility changes the verdict', () => {
    const clear = run('clear.yaml', fogText.replace(`visibilityKm: ${visibilityKm}`, 'visibilityKm: 10'));
    const [first] = transmissions(clear, 'light');
    expect(receptionOf(clear, first!.id).reached).toBe('understood');
  });

  it('in a rougher sea the same whistle is not heard: sea state changes the verdict', () => {
    const rough = run('rough.yaml', fogText.replace('seaState: 3', 'seaState: 7'));
    const [blasts] = transmissions(rough, 'sound');
    const r = receptionOf(rough, blasts!.id);
    expect(r.failedAt).toBe('in-range');
    expect(r.cause).toMatch(/^sound signal: .* km apart, patrol's whistle carries .* km \(1\.5 nm, cut to 50% by sea state 7; model value\)$/);
  });
});

describe("the guide's signals example (9.9)", () => {
  const text = guideFile('signals-by-day.yaml');

  it('the flag hoist is lost in the fog and the lamp is read and answered by light', () => {
    const a = run('signals-by-day.yaml', text);
    const [flag] = transmissions(a, 'flags');
    expect(receptionOf(a, flag!.id)).toMatchObject({ failedAt: 'in-range', unit: flag!.to });
    const [lamp] = transmissions(a, 'light').filter((t) => t.kind === 'hail');
    expect(receptionOf(a, lamp!.id).reached).toBe('understood');
    const answer = a.run.log.find((e) => e.type === 'answered' && e.tx === lamp!.id);
    expect(answer).toMatchObject({ stage: 'acted-on' });
  });

  it('by night the flag hoist cannot be read even close by; the lamp still is', () => {
    const night = text.replace('start: "2024-05-10T10:00:00+09:00"', 'start: "2024-05-10T02:00:00+09:00"').replace('visibilityKm: 2', 'visibilityKm: 5');
    const a = run('night.yaml', night);
    const r = receptionOf(a, transmissions(a, 'flags')[0]!.id);
    expect(r.failedAt).toBe('in-range');
    expect(r.cause).toMatch(/^flag hoist: flags cannot be read at night \(sun \d+\.\d° below the horizon\)$/);
    expect(r.evidence.sunElevationDeg!).toBeLessThan(-6);
    expect(receptionOf(a, transmissions(a, 'light')[0]!.id).reached).toBe('understood');
    // The same hoist by day in that visibility is read.
    const day = run('day.yaml', text.replace('visibilityKm: 2', 'visibilityKm: 5'));
    expect(receptionOf(day, transmissions(day, 'flags')[0]!.id).reached).toBe('understood');
  });

  it('five short blasts to all stations reach the ship in earshot, and its answer comes by radio, since a whistle carries no words', () => {
    const blasts = text.replace(/\{ id: flag-d, [^}]*\}/, '{ id: blasts, at: 400, unit: alpha, do: hail, to: all, channel: sound, text: FIVE SHORT BLASTS }');
    const a = run('blasts.yaml', blasts);
    const [call] = transmissions(a, 'sound');
    expect(call!.to).toBe('all');
    const r = receptionOf(a, call!.id);
    expect(r.reached).toBe('understood');
    const answer = a.run.log.find((e): e is EntryOf<'transmission'> => e.type === 'transmission' && e.tx.inReplyTo === call!.id)!;
    expect(answer.tx.from).toBe(r.unit);
    expect(answer.tx.channel).not.toBe('sound');
  });

  it('a crew that does not read ICS sees the lamp but does not understand it', () => {
    const a = run('no-ics.yaml', text.replace('crew: { signalCodes: [ICS, COLREGS] }', 'crew: { signalCodes: [COLREGS] }'));
    const r = receptionOf(a, transmissions(a, 'light')[0]!.id);
    expect(r).toMatchObject({ reached: 'heard', failedAt: 'understood' });
    expect(r.cause).toMatch(/does not know the International Code of Signals/);
  });

  it('a unit without a lamp cannot make the signal, and the checker says so', () => {
    const noLamp = text.replace('signals: [flags, light, sound]', 'signals: [sound]');
    const a = run('no-lamp.yaml', noLamp);
    expect(transmissions(a, 'light')).toEqual([]);
    expect(a.run.log.some((e) => e.type === 'decision' && e.decision === 'cannot' && /\blight\b/.test(e.reason))).toBe(true);
    expect(
      checkFile({ file: 'no-lamp.yaml', text: noLamp }, diskProcedures).some((d) => d.severity === 'warning' && /has no flashing light/.test(d.message)),
    ).toBe(true);
  });

  it('a lookout at full workload can miss the lamp, as an operator misses a call', () => {
    const busy = text.replace('crew: { signalCodes: [ICS, COLREGS] }', 'crew: { signalCodes: [ICS, COLREGS], workload: 1 }');
    const missed = [1, 2, 3, 4, 5, 6, 7, 8].some((seed) => {
      const r = simulate({ file: 'busy.yaml', text: busy }, diskProcedures, { seed });
      const a = r.analysis!;
      return receptionOf(a, transmissions(a, 'light')[0]!.id).failedAt === 'heard';
    });
    expect(missed).toBe(true);
  });
});

describe('the sun', () => {
  it('is high at noon and below the horizon at midnight, from the scenario clock alone', () => {
    expect(sunElevationDeg(isoToUnixS('2024-06-21T12:00:00+09:00'), 36, 135)).toBeGreaterThan(70);
    expect(sunElevationDeg(isoToUnixS('2024-06-21T00:00:00+09:00'), 36, 135)).toBeLessThan(-20);
    expect(isoToUnixS('2018-12-20T14:54:00+09:00')).toBe(1_545_285_240);
  });
});
