// Take-off and landing (issue 14, item 8): an aircraft is in the scene from its take-off to its
// landing. Before and after, it is not on the plot, senses nothing, is not sensed, and its radios
// are off; the log says when it took off and landed; the checker catches impossible flights.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkFile } from '../../src/core/check';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import { analyseText } from './helpers';
import { parseTime } from '../../src/core/scenario/schema';
import { buildReplay } from '../../src/core/replay/replay';
import { onScene } from '../../src/app/plot/on-scene';
import type { Analysis } from '../../src/core/analysis/report';
import type { EntryOf } from '../../src/core/log';
import { guideFile } from './guide-example';

const FILE = join(ROOT, 'scenarios/precautionary-landing.yaml');

const run = (text: string, file = FILE): Analysis => analyseText(file, text);

const original = readText(FILE).text;
/** The scenario's aircraft that takes off, with its take-off and landing times. */
function flyer(a: Analysis) {
  const u = a.run.scenario.units.find((x) => x.takeOff)!;
  return { u, from: parseTime(u.takeOff!.t), until: parseTime(u.landing!.t) };
}

describe('an aircraft before its take-off and after its landing', () => {
  const a = run(original);
  const { u, from, until } = flyer(a);

  it('the log says when it took off and landed, and where', () => {
    const off = a.run.log.filter((e) => e.type === 'took-off');
    const down = a.run.log.filter((e) => e.type === 'landed');
    expect(off).toEqual([expect.objectContaining({ unit: u.id, t: from, from: u.takeOff!.from })]);
    expect(down).toEqual([expect.objectContaining({ unit: u.id, t: until })]);
  });

  it('neither sends, nor receives, nor is sensed, nor senses outside its flight', () => {
    const outside = (t: number) => t < from || t >= until;
    for (const e of a.run.log) {
      // Landing inside another unit's approach range ends that contact at the landing: a leave, never a pass.
      if (e.type === 'proximity' && e.unit === u.id && e.t === until) expect(e.closest).toBe(false);
      else if (e.type === 'proximity') expect(outside(e.t) && e.unit === u.id).toBe(false);
      if (!outside(e.t)) continue;
      if (e.type === 'transmission') expect(e.tx.from).not.toBe(u.id);
      if (e.type === 'reception') expect(e.result.unit === u.id && e.result.failedAt === null).toBe(false);
      if (e.type === 'detection') expect([e.unit, e.source]).not.toContain(u.id);
    }
  });

  it('is not on the plot before take-off or after landing, and is while it flies', () => {
    const replay = buildReplay(a);
    const ids = (t: number) => onScene(replay.frameAt(t)).units.map((x) => x.spec.id);
    expect(ids(from - 1)).not.toContain(u.id);
    expect(ids(from)).toContain(u.id);
    expect(ids((from + until) / 2)).toContain(u.id);
    expect(ids(until)).not.toContain(u.id);
    // Every other unit is drawn throughout.
    for (const other of a.run.scenario.units.filter((x) => x.id !== u.id)) expect(ids(from - 1)).toContain(other.id);
  });

  it('its radar is not detected, and it detects no radar, before take-off or after landing', () => {
    // Give the aircraft a search radar and an ESM, and the foreign ship the same.
    const both =
      'emitters: [{ id: radar, type: search-radar, rotationS: 6 }, { id: esm, type: esm }]\n    crew: { languages: { en: 0.9, ja: 1 }, workload: 0.4';
    const ship = 'emitters: [{ id: radar, type: search-radar, rotationS: 6 }, { id: esm, type: esm }]\n    crew: { languages: { en: 0.85, ko: 1 }';
    const b = run(original.replace('crew: { languages: { en: 0.9, ja: 1 }, workload: 0.4', both).replace('crew: { languages: { en: 0.85, ko: 1 }', ship));
    const detections = b.run.log.filter((e): e is EntryOf<'detection'> => e.type === 'detection');
    const seen = detections.filter((e) => e.on && (e.unit === u.id || e.source === u.id));
    expect(seen.some((e) => e.source === u.id)).toBe(true);
    expect(seen.some((e) => e.unit === u.id)).toBe(true);
    for (const e of seen) expect(e.t >= from && e.t < until, `detection at ${e.t} s`).toBe(true);
    // What was seen of it while it flew ends when it lands.
    const ends = detections.filter((e) => !e.on && e.source === u.id);
    expect(ends.some((e) => e.t >= until)).toBe(true);
  });

  it('a foreign ship already in approach range at take-off meets the aircraft at its take-off, not before', () => {
    // Bring the foreign ship within approach range of the aircraft's own ship from the start.
    const b = run(original.replace('start: { lat: 37.4, lon: 133.25 }', 'start: { lat: 37.25, lon: 133.05 }'));
    const first = b.run.log.find((e) => e.type === 'proximity' && e.unit === u.id);
    expect(first?.t).toBe(from);
    const tookOff = b.run.log.find((e) => e.type === 'took-off')!;
    expect(tookOff.seq).toBeLessThan(first!.seq);
  });
});

describe('a call to an aircraft still on deck', () => {
  it("stops at receivable because it has not taken off, and the repeat after take-off gets through (the guide's example)", () => {
    // The guide's file calls after the take-off; as the guide says, call at 60 s instead.
    const guide = guideFile('guide-take-off.yaml');
    const text = guide.replace('    at: 180\n', '    at: 60\n');
    expect(text).not.toBe(guide);
    const file = join(ROOT, 'my-scenarios/guide-take-off.yaml');
    const warned = checkFile({ file, text }, diskProcedures).find((d) => d.message.includes('has not taken off yet'))!;
    expect(warned.severity).toBe('warning');
    expect(warned.line).toBe(text.split('\n').findIndex((l) => l === '    at: 60') + 1);
    expect(run(guide, file).outcomes.every((o) => o.failedAt === null)).toBe(true);
    const a = run(text, file);
    const { u, from } = flyer(a);
    const calls = a.run.transmissions.filter((x) => x.to === u.id && x.kind === 'hail');
    const before = calls.filter((x) => x.t < from);
    const after = calls.filter((x) => x.t >= from);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    for (const tx of before) {
      const o = a.outcomes.find((x) => x.tx.id === tx.id)!;
      expect(o.failedAt).toBe('receivable');
      expect(o.cause).toContain('had not taken off');
    }
    const answered = a.outcomes.find((x) => x.tx.id === after[0]!.id)!;
    expect(answered.failedAt).toBeNull();
  });
});

describe('the checker', () => {
  const check = (edit: (t: string) => string) => checkFile({ file: FILE, text: edit(original) }, diskProcedures);

  it('names an unknown take-off unit at its line, with the closest id', () => {
    const ds = check((t) => t.replace('takeOff: { t: 300, from: jp-dd }', 'takeOff: { t: 300, from: jp-ddd }'));
    const e = ds.find((d) => d.severity === 'error' && d.message.includes('jp-ddd'))!;
    expect(e.message).toContain('did you mean "jp-dd"?');
    expect(e.line).toBe(original.split('\n').findIndex((l) => l.includes('    takeOff: {')) + 1);
  });

  it('refuses a landing that is not after the take-off', () => {
    const ds = check((t) => t.replace('landing: { t: 1260,', 'landing: { t: 200,'));
    const e = ds.find((d) => d.severity === 'error' && d.path.includes('landing'))!;
    expect(e.message).toMatch(/not after take-off/);
    expect(e.line).toBe(original.split('\n').findIndex((l) => l.includes('    landing: {')) + 1);
  });

  it('accepts the shipped scenario as it is', () => {
    expect(check((t) => t)).toEqual([]);
  });
});
