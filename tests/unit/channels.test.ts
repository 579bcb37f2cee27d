// Declared channels (issue 14, item 6a): a scenario declares any channel with its band,
// modulation and propagation; a ground wave reaches beyond the line-of-sight horizon up to its own
// range and fails beyond it with the numbers; the checker resolves declared channels by id with a
// suggestion for a misspelt one; and the declared channels belong to one run only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simulate } from '../../src/core';
import { checkFile } from '../../src/core/check';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { analyseText } from './helpers';
import type { EntryOf } from '../../src/core/log';
import { combinedHorizonNm, nmToKm } from '../../src/core/radio/propagation';
import { guideFile } from './guide-example';

const FOG = join(ROOT, 'scenarios/signals-in-fog.yaml');
const fogText = readFileSync(FOG, 'utf8');

const run = (file: string, text: string) => analyseText(file, text);
const receptions = (a: ReturnType<typeof run>) => a.run.log.filter((e): e is EntryOf<'reception'> => e.type === 'reception');
const transmissions = (a: ReturnType<typeof run>) => a.run.log.filter((e): e is EntryOf<'transmission'> => e.type === 'transmission');

/** The scenario's declared ground-wave channels, as its file gives them. */
function groundWaveChannels(text: string): { id: string; groundWaveKm: number }[] {
  const doc = parse(text) as { channels?: { id: string; band: string; propagation?: string; groundWaveKm?: number }[] };
  return (doc.channels ?? []).filter((c) => (c.propagation ?? (['MF', 'HF'].includes(c.band) ? 'ground-wave' : '')) === 'ground-wave') as {
    id: string;
    groundWaveKm: number;
  }[];
}

describe('a declared MF channel in signals-in-fog', () => {
  const a = run('signals-in-fog.yaml', fogText);
  const [mf] = groundWaveChannels(fogText);

  it('reaches a ship beyond the VHF horizon by ground wave, and the call is answered', () => {
    expect(mf).toBeDefined();
    const calls = transmissions(a).filter((t) => t.tx.channel === mf!.id && t.tx.kind === 'hail');
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      const r = receptions(a).find((e) => e.tx === c.tx.id)!;
      const e = r.result.evidence;
      const sightKm = nmToKm(combinedHorizonNm(e.originatorHeightM!, e.recipientHeightM!));
      // Beyond line of sight, inside the declared ground-wave range: the call is understood.
      expect(e.distanceKm!).toBeGreaterThan(sightKm);
      expect(e.distanceKm!).toBeLessThanOrEqual(mf!.groundWaveKm);
      expect(r.result.failedAt).toBeNull();
      expect(a.run.log.some((x) => x.type === 'answered' && x.tx === c.tx.id)).toBe(true);
    }
  });

  it('fails at in-range beyond its declared range, with the numbers, blaming no set or crew', () => {
    const shorter = fogText.replace(`groundWaveKm: ${mf!.groundWaveKm}`, 'groundWaveKm: 80');
    const b = run('short-wave.yaml', shorter);
    const call = transmissions(b).find((t) => t.tx.channel === mf!.id && t.tx.kind === 'hail')!;
    const r = receptions(b).find((e) => e.tx === call.tx.id)!;
    expect(r.result).toMatchObject({ unit: call.tx.to, reached: 'transmitted', failedAt: 'in-range' });
    expect(r.result.cause).toMatch(/beyond the ground-wave range: \d+ km apart, .* reaches 80\.0 km \(the scenario's value\)/);
    const bd = b.breakdowns.find((x) => x.transmission === call.tx.id)!;
    expect(bd).toMatchObject({ stage: 'in-range', unit: call.tx.to });
  });
});

describe("the guide's HF example (9.8)", () => {
  const text = guideFile('hf-ground-wave.yaml');
  const [hf] = groundWaveChannels(text);

  it('is answered across 270 km on HF, where the line of sight ends near 43 km', () => {
    const a = run('hf-ground-wave.yaml', text);
    const call = transmissions(a).find((t) => t.tx.kind === 'hail')!;
    const r = receptions(a).find((e) => e.tx === call.tx.id)!;
    expect(r.result.evidence.distanceKm!).toBeGreaterThan(nmToKm(combinedHorizonNm(r.result.evidence.originatorHeightM!, r.result.evidence.recipientHeightM!)));
    expect(a.run.log.some((x) => x.type === 'answered' && x.tx === call.tx.id && x.stage === 'acted-on')).toBe(true);
  });

  it('fails at in-range with groundWaveKm: 250, as the guide says', () => {
    const a = run('hf-short.yaml', text.replace(`groundWaveKm: ${hf!.groundWaveKm}`, 'groundWaveKm: 250'));
    const call = transmissions(a).find((t) => t.tx.kind === 'hail')!;
    const r = receptions(a).find((e) => e.tx === call.tx.id)!;
    expect(r.result.failedAt).toBe('in-range');
    expect(r.result.cause).toMatch(/HF 4125 kHz ground wave reaches 250 km/);
  });

  it('a line-of-sight declared channel ends at the radio horizon instead', () => {
    const a = run('hf-sight.yaml', text.replace('propagation: ground-wave', 'propagation: line-of-sight').replace(/\n\s*groundWaveKm: \d+/, ''));
    const call = transmissions(a).find((t) => t.tx.kind === 'hail')!;
    const r = receptions(a).find((e) => e.tx === call.tx.id)!;
    expect(r.result.failedAt).toBe('in-range');
    expect(r.result.cause).toMatch(/beyond the radio horizon/);
  });
});

describe('declared channels and the checker', () => {
  const text = guideFile('hf-ground-wave.yaml');

  it('suggests the declared id for a misspelt one', () => {
    const ds = checkFile({ file: 'typo.yaml', text: text.replace('channel: hf-4125, text', 'channel: hf-4152, text') }, diskProcedures);
    const d = ds.find((x) => /unknown channel "hf-4152"/.test(x.message));
    expect(d?.severity).toBe('error');
    expect(d?.message).toMatch(/\(did you mean "hf-4125"\?\)/);
  });

  it('says which declared channel a frequency belongs to', () => {
    const withAtc = text.replace('channels:\n', 'channels:\n  - { id: area-control, name: Area control 127.7, freqMHz: 127.7, band: VHF, modulation: AM }\n');
    const ds = checkFile({ file: 'freq.yaml', text: withAtc.replace('channel: hf-4125, text', 'channel: "127.7", text') }, diskProcedures);
    expect(ds.find((x) => /unknown channel "127.7"/.test(x.message))?.message).toMatch(/declared channel "area-control"/);
  });

  it('warns that a line-of-sight channel has no ground-wave range', () => {
    const ds = checkFile({ file: 'los.yaml', text: text.replace('propagation: ground-wave', 'propagation: line-of-sight') }, diskProcedures);
    expect(ds.some((d) => d.severity === 'warning' && /travels by line of sight, so groundWaveKm does nothing/.test(d.message))).toBe(true);
  });

  it("warns about a call beyond a declared channel's ground-wave range, and not within it", () => {
    const warnings = (t: string) => checkFile({ file: 'gw.yaml', text: t }, diskProcedures).filter((d) => d.severity === 'warning');
    expect(warnings(text)).toEqual([]);
    const short = warnings(text.replace(/groundWaveKm: \d+/, 'groundWaveKm: 250'));
    expect(short.some((d) => /never within radio range .*closest 270 km apart .*radio horizon 250 km/.test(d.message))).toBe(true);
  });

  it('refuses a declared id that is a built-in channel', () => {
    const ds = checkFile({ file: 'dup.yaml', text: text.replace('  - id: hf-4125\n', '  - id: light\n') }, diskProcedures);
    expect(ds.some((d) => d.severity === 'error' && /"light" is a built-in channel/.test(d.message))).toBe(true);
  });
});

describe('the channel list belongs to one run', () => {
  it("a scenario that does not declare another scenario's channel cannot use it, whatever ran before", () => {
    run('hf-ground-wave.yaml', guideFile('hf-ground-wave.yaml'));
    const undeclared = guideFile('hf-ground-wave.yaml').replace(/channels:\n(?: {2}.*\n| {4}.*\n)+/, '');
    const r = simulate({ file: 'undeclared.yaml', text: undeclared }, diskProcedures, {});
    expect(r.analysis).toBeUndefined();
    expect(r.diagnostics.some((d) => /unknown channel "hf-4125"/.test(d.message))).toBe(true);
  });

  it('an air-traffic channel declared as VHF AM cannot be copied by a marine FM set', () => {
    const text = guideFile('hf-ground-wave.yaml')
      .replace('channels:\n', 'channels:\n  - { id: area-control, name: Area control 127.7, freqMHz: 127.7, band: VHF, modulation: AM }\n')
      .replace('position: { lat: 36.0, lon: 134.0 }', 'position: { lat: 36.0, lon: 131.2 }')
      .replace(
        '{ id: hf, modulation: SSB, channels: [hf-4125], tuned: hf-4125, powerW: 1000 }',
        '{ id: hf, modulation: SSB, channels: [hf-4125], tuned: hf-4125, powerW: 1000 }\n      - { id: air, modulation: AM, channels: [area-control], tuned: area-control }',
      )
      .replace(
        '{ id: bridge, modulation: FM, channels: ["156.8"], tuned: "156.8" }',
        '{ id: bridge, modulation: FM, channels: ["156.8", area-control], tuned: area-control }',
      )
      .replace('channel: hf-4125, text', 'channel: area-control, text');
    const a = run('atc.yaml', text);
    const call = transmissions(a).find((t) => t.tx.kind === 'hail')!;
    const r = receptions(a).find((e) => e.tx === call.tx.id)!;
    expect(r.result.failedAt).toBe('receivable');
    expect(r.result.cause).toMatch(/is FM but Area control 127\.7 \(area-control\) is AM/);
  });
});
