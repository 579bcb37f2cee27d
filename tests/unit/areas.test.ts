// Areas (issue 14, item 7): circles and polygons with time windows, entered and left as the engine
// samples, usable in script triggers, in procedure rules (area-entered) and in message content;
// checked like every other reference.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guideFile } from './guide-example';
import { buildReplay } from '../../src/core/replay/replay';
import { plotSvg } from '../../src/core/debrief/svg';
import { ROOT, diskProcedures, readText } from '../../src/cli/files';
import { simulate } from '../../src/core';
import { groundDistanceM, destination } from '../../src/core/geo';
import { inForceAt, insideArea, insideCircle, insidePolygon, labelPoint, outline } from '../../src/core/areas/geometry';
import { areasOf } from '../../src/core/areas/areas';
import { positionAt } from '../../src/core/scenario/motion';
import { analyse, tempFile } from './helpers';

const SCENARIO = join(ROOT, 'scenarios/notice-without-area.yaml');

describe('area geometry', () => {
  const square = [
    { lat: 37, lon: 131 },
    { lat: 37, lon: 132 },
    { lat: 38, lon: 132 },
    { lat: 38, lon: 131 },
  ];
  it('tells inside from outside a polygon, whichever way round its corners go', () => {
    expect(insidePolygon({ lat: 37.5, lon: 131.5 }, square)).toBe(true);
    expect(insidePolygon({ lat: 37.5, lon: 132.5 }, square)).toBe(false);
    expect(insidePolygon({ lat: 36.9, lon: 131.5 }, [...square].reverse())).toBe(false);
    // A concave L: the notch is outside.
    const l = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 2 },
      { lat: 1, lon: 2 },
      { lat: 1, lon: 1 },
      { lat: 2, lon: 1 },
      { lat: 2, lon: 0 },
    ];
    expect(insidePolygon({ lat: 0.5, lon: 1.5 }, l)).toBe(true);
    expect(insidePolygon({ lat: 1.5, lon: 1.5 }, l)).toBe(false);
  });
  it('measures a circle on the Earth: just inside and just outside its radius', () => {
    const c = { lat: 37, lon: 132, radiusM: 10_000 };
    expect(insideCircle(destination(c, 73, 9_900), c)).toBe(true);
    expect(insideCircle(destination(c, 73, 10_100), c)).toBe(false);
  });
  it('outlines a circle with points on its edge, and places its label at the centre', () => {
    const shape = { circle: { lat: 37, lon: 132, radiusM: 5_000 } };
    const ring = outline(shape, 24);
    expect(ring).toHaveLength(24);
    for (const p of ring) expect(groundDistanceM(p, shape.circle)).toBeCloseTo(5_000, 0);
    expect(labelPoint(shape)).toEqual({ lat: 37, lon: 132 });
  });
  it('is in force from its start up to its end only', () => {
    const a = { id: 'x', name: 'X', kind: 'danger' as const, shape: { polygon: square }, fromS: 100, untilS: 200 };
    const p = { lat: 37.5, lon: 131.5 };
    expect([inForceAt(a, 99), inForceAt(a, 100), inForceAt(a, 199), inForceAt(a, 200)]).toEqual([false, true, true, false]);
    expect(insideArea(p, a, 150)).toBe(true);
    expect(insideArea(p, a, 250)).toBe(false);
  });
});

describe('areas in a run (notice-without-area)', () => {
  it('the unit that declared an area calls a unit that enters it, naming the area', () => {
    const a = analyse(SCENARIO, { account: 'recipient' });
    const [area] = areasOf(a.run.scenario.spec);
    const entry = a.run.log.find((e) => e.type === 'note' && e.text.includes(`enters`) && e.text.includes(`(${area!.id})`));
    expect(entry).toBeDefined();
    const unit = entry!.type === 'note' ? entry!.unit! : '';
    const m = a.run.scenario.motion[unit]!;
    const step = a.run.scenario.spec.environment.stepS;
    // Entered between the sample before and this one.
    expect(insideArea(positionAt(m, entry!.t), area!, entry!.t)).toBe(true);
    expect(insideArea(positionAt(m, entry!.t - step), area!, entry!.t - step)).toBe(false);
    const call = a.run.transmissions.find((tx) => tx.t >= entry!.t && tx.from === area!.declaredBy && tx.to === unit);
    expect(call).toBeDefined();
    expect(call!.content?.area).toBe(area!.id);
    expect(call!.t).toBe(entry!.t);
  });
  it("under the sender's account the notice named the area: the entry is still called, and nothing breaks down", () => {
    const a = analyse(SCENARIO, { account: 'sender' });
    const [notice, call] = a.run.transmissions.filter((tx) => tx.kind === 'hail');
    expect(notice!.content?.area).toBe(call!.content?.area);
    expect(a.breakdowns).toEqual([]);
  });
});

/** A small two-ship scenario with one area, for triggers and checks. */
function twoShips(areas: string, script = ''): string {
  return `id: area-check
title: Area check
date: "2025-01-01"
start: "2025-01-01T00:00:00Z"
durationS: 1200
location: { name: Test, lat: 37, lon: 132 }
procedure: cues-2014
areas:
${areas}
units:
  - id: a
    name: A
    nation: JP
    kind: ship
    service: navy
    radios: [{ id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }]
    track: { start: { lat: 37, lon: 131.9 }, legs: [{ courseDeg: 90, speedKt: 20, durationS: 1200 }] }
  - id: b
    name: B
    nation: KR
    kind: ship
    service: navy
    radios: [{ id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }]
    track: { start: { lat: 37.1, lon: 132 }, legs: [{ courseDeg: 0, speedKt: 5, durationS: 1200 }] }
script:${script ? `\n${script}` : ' []'}`;
}

const box = `  - id: box
    name: Danger box
    kind: danger
    polygon: [{ lat: 36.95, lon: 131.95 }, { lat: 36.95, lon: 131.98 }, { lat: 37.05, lon: 131.98 }, { lat: 37.05, lon: 131.95 }]`;

const run = (text: string) => simulate({ file: tempFile('area-check.yaml', text), text }, diskProcedures, {});

describe('area triggers and checks', () => {
  it('script actions wait for a unit to enter and to leave an area', () => {
    const r = run(
      twoShips(
        box,
        `  - { id: in, unit: b, on: { event: enters-area, unit: a, area: box }, do: hail, to: a, text: YOU ARE IN THE DANGER BOX, content: { purpose: warning, area: box } }
  - { id: out, unit: b, on: { event: leaves-area, unit: a, area: box }, do: hail, to: a, text: YOU HAVE LEFT THE DANGER BOX }`,
      ),
    );
    expect(r.analysis, r.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const a = r.analysis!;
    const m = a.run.scenario.motion['a']!;
    const [area] = areasOf(a.run.scenario.spec);
    const hails = a.run.transmissions.filter((tx) => tx.from === 'b' && tx.attempt === 1);
    expect(hails.map((h) => h.body)).toEqual(['YOU ARE IN THE DANGER BOX', 'YOU HAVE LEFT THE DANGER BOX']);
    expect(insideArea(positionAt(m, hails[0]!.t), area!, hails[0]!.t)).toBe(true);
    expect(insideArea(positionAt(m, hails[1]!.t), area!, hails[1]!.t)).toBe(false);
    expect(hails[0]!.content).toEqual({ purpose: 'warning', area: 'box' });
  });

  it('a unit already inside when an area comes into force enters it then', () => {
    const r = run(
      twoShips(
        `  - { id: later, name: Later, kind: exercise, circle: { lat: 37.1, lon: 132, radiusM: 3000 }, from: 600 }`,
        `  - { id: in, unit: a, on: { event: enters-area, unit: b, area: later }, do: hail, to: b, text: EXERCISE AREA NOW IN FORCE }`,
      ),
    );
    const tx = r.analysis!.run.transmissions.find((t) => t.from === 'a')!;
    expect(tx.t).toBe(600);
  });

  it('an unknown area id is an error at its place, with the nearest id offered', () => {
    const text = twoShips(box, `  - { id: in, unit: b, on: { event: enters-area, area: bx }, do: hail, to: a, text: HELLO }`);
    const r = run(text);
    expect(r.analysis).toBeUndefined();
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.message).toContain('no area "bx" (did you mean "box"?)');
    expect(d.line).toBe(text.split('\n').findIndex((l) => l.includes('area: bx')) + 1);
  });

  it('a polygon needs three points, and an area exactly one shape', () => {
    const two = run(twoShips(`  - { id: p, name: P, kind: danger, polygon: [{ lat: 37, lon: 132 }, { lat: 37.1, lon: 132 }] }`));
    expect(two.diagnostics.some((d) => d.severity === 'error' && /polygon needs at least 3/.test(d.message))).toBe(true);
    const both = run(
      twoShips(
        `  - { id: p, name: P, kind: danger, circle: { lat: 37, lon: 132, radiusM: 100 }, polygon: [{ lat: 37, lon: 132 }, { lat: 37.1, lon: 132 }, { lat: 37.1, lon: 132.1 }] }`,
      ),
    );
    expect(both.diagnostics.some((d) => d.severity === 'error' && /exactly one shape/.test(d.message))).toBe(true);
  });

  it('reads the shipped scenario', () => {
    expect(readText(SCENARIO).text).toContain('areas:');
  });
});

describe("the guide's example (docs/authoring.md 9.2)", () => {
  it('the declaring ship calls the passer as it enters, naming the area; the script gives notice when it leaves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-guide-'));
    for (const f of ['notice-rules.yaml', 'area-rules.yaml', 'exercise-area.yaml']) writeFileSync(join(dir, f), guideFile(f));
    const a = analyse(join(dir, 'exercise-area.yaml'));
    const [area] = areasOf(a.run.scenario.spec);
    const hails = a.run.transmissions.filter((tx) => tx.kind === 'hail' && tx.attempt === 1);
    expect(hails).toHaveLength(2);
    const [entering, clear] = hails;
    const m = a.run.scenario.motion[entering!.to]!;
    expect(insideArea(positionAt(m, entering!.t), area!, entering!.t)).toBe(true);
    expect(entering!.from).toBe(area!.declaredBy);
    expect(entering!.content).toMatchObject({ area: area!.id, time: { from: area!.fromS, until: area!.untilS } });
    expect(insideArea(positionAt(m, clear!.t), area!, clear!.t)).toBe(false);
    expect(clear!.t).toBeGreaterThan(entering!.t);
    expect(a.breakdowns).toEqual([]);
  });
});

describe('areas in the debrief map', () => {
  it('draws an area in force at the moment, with its name, and none after its window', () => {
    const a = analyse(SCENARIO, { account: 'recipient' });
    const [area] = areasOf(a.run.scenario.spec);
    const replay = buildReplay(a);
    const during = plotSvg(a, replay.frameAt(600, { trailS: 120, recentS: 60 }));
    expect(during).toContain('class="area"');
    expect(during).toContain(area!.name);
    const after = plotSvg(a, { ...replay.frameAt(600, { trailS: 120, recentS: 60 }), t: area!.untilS });
    expect(after).not.toContain('class="area"');
  });
});
