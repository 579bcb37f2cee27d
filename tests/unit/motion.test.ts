// Units move along their tracks, and a scripted move changes the track from its moment on.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/scenario/load';
import { positionAt, kinematicsAt } from '../../src/core/scenario/motion';
import { groundDistanceM } from '../../src/core/geo';
import { diskProcedures } from '../../src/cli/files';

const scenario = (script: string) => `
id: moving
title: Moving
date: "2025-01-01"
start: "2025-01-01T09:00:00+09:00"
durationS: 600
location: { name: Test, lat: 37.0, lon: 132.0 }
procedure: cues-2014
units:
  - id: ship
    name: Ship
    nation: JP
    kind: ship
    track:
      start: { lat: 37.0, lon: 132.0 }
      legs: [{ courseDeg: 90, speedKt: 20, durationS: 600 }]
  - id: plane
    name: Plane
    nation: KR
    kind: aircraft
    track:
      - { t: 0, from: ship, bearingDeg: 0, rangeM: 5000, altM: 300 }
      - { t: 600, from: ship, bearingDeg: 180, rangeM: 5000, altM: 150 }
script:
${script}
`;

const load = (text: string) => {
  const r = loadScenario({ file: 'moving.yaml', text }, diskProcedures, {});
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.scenario;
};

describe('motion', () => {
  const s = load(scenario('  []'));
  it('follows legs of course and speed: 20 kt east for 10 minutes is 3.33 nm', () => {
    const a = positionAt(s.motion['ship']!, 0);
    const b = positionAt(s.motion['ship']!, 600);
    expect(groundDistanceM(a, b) / 1852).toBeCloseTo(3.333, 2);
    const k = kinematicsAt(s.motion['ship']!, 300);
    expect(k.headingDeg).toBeCloseTo(90, 0);
    expect(k.speedKt).toBeCloseTo(20, 0);
  });

  it('places waypoints relative to another unit at that moment', () => {
    const ship = positionAt(s.motion['ship']!, 600);
    const plane = positionAt(s.motion['plane']!, 600);
    expect(groundDistanceM(ship, plane)).toBeCloseTo(5000, -1);
    expect(plane.altM).toBe(150);
  });

  it('a scripted move turns the ship at its time and leaves the track before it untouched', () => {
    const moved = load(
      scenario('  - { at: 300, unit: ship, do: move, track: { start: { lat: 0, lon: 0 }, legs: [{ courseDeg: 0, speedKt: 20, durationS: 300 }] } }'),
    );
    expect(positionAt(moved.motion['ship']!, 200)).toEqual(positionAt(s.motion['ship']!, 200));
    const k = kinematicsAt(moved.motion['ship']!, 450);
    expect(k.headingDeg).toBeCloseTo(0, 0);
    expect(groundDistanceM(positionAt(moved.motion['ship']!, 300), positionAt(moved.motion['ship']!, 600)) / 1852).toBeCloseTo(1.667, 2);
  });

  it('refuses a move on a trigger, with the reason', () => {
    const r = loadScenario(
      { file: 'm.yaml', text: scenario('  - { on: { event: call-received, unit: ship }, unit: ship, do: move, track: [{ t: 0, lat: 37, lon: 132 }] }') },
      diskProcedures,
      {},
    );
    expect(r.diagnostics.some((d) => /a move needs a time/.test(d.message))).toBe(true);
  });
});
