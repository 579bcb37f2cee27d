// The plot's level of detail (src/app/plot/geometry/detail.ts, no pixi): which units keep their
// radar sweeps, horizon rings and trails at a given number of units on screen, and how long a
// scene of hundreds of units may stand while playing.
import { describe, expect, test } from 'vitest';
import {
  FULL_DETAIL_MAX_UNITS,
  REDUCED_REBUILD_MAX_MS,
  REDUCED_SYMBOL_SCALE,
  TRAIL_STAND_S,
  breakdownUnitsOf,
  drawsHorizon,
  drawsSweeps,
  drawsTrail,
  horizonUnits,
  plotDetail,
  rebuildSpacingMs,
  symbolScale,
  trailsStand,
  type Attention,
} from '../../src/app/plot/geometry/detail';
import { analyse, DEC_2018 } from './helpers';

const nobody: Attention = { selected: [], breakdownUnits: [], measure: null, following: null };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);

describe('level of detail', () => {
  test("December 2018's units are all drawn in full: every sweep, ring and trail, on screen or off", () => {
    const a = analyse(DEC_2018);
    const units = a.run.scenario.units.map((u) => u.id);
    const d = plotDetail(units.length, nobody);
    expect(d.reduced).toBe(false);
    for (const id of units) {
      expect(drawsSweeps(d, id)).toBe(true);
      expect(drawsHorizon(d, id)).toBe(true);
      expect(drawsTrail(d, id, true)).toBe(true);
      expect(drawsTrail(d, id, false)).toBe(true);
    }
  });

  test('up to the threshold everything is drawn; one unit more and sweeps, rings and off-screen trails go', () => {
    const at = plotDetail(FULL_DETAIL_MAX_UNITS, nobody);
    expect(at.reduced).toBe(false);
    expect(ids(FULL_DETAIL_MAX_UNITS).every((id) => drawsSweeps(at, id) && drawsHorizon(at, id) && drawsTrail(at, id, false))).toBe(true);
    const over = plotDetail(FULL_DETAIL_MAX_UNITS + 1, nobody);
    expect(over.reduced).toBe(true);
    expect(ids(FULL_DETAIL_MAX_UNITS + 1).some((id) => drawsSweeps(over, id) || drawsHorizon(over, id) || drawsTrail(over, id, false))).toBe(false);
    // The trails of units on screen stay: they show where each unit came from.
    expect(ids(FULL_DETAIL_MAX_UNITS + 1).every((id) => drawsTrail(over, id, true))).toBe(true);
  });

  test('at 1,000 units the selected, measured, followed and breakdown units keep their sweeps, rings and trails', () => {
    const attention: Attention = { selected: ['u7'], breakdownUnits: ['u20', 'u21'], measure: ['u30', 'u31'], following: 'u40' };
    const d = plotDetail(1000, attention);
    expect(d.reduced).toBe(true);
    for (const id of ['u7', 'u20', 'u21', 'u30', 'u31', 'u40']) {
      expect(drawsSweeps(d, id)).toBe(true);
      expect(drawsHorizon(d, id)).toBe(true);
      expect(drawsTrail(d, id, false)).toBe(true);
    }
    expect(drawsSweeps(d, 'u8')).toBe(false);
    expect(drawsTrail(d, 'u8', false)).toBe(false);
    const ringed = [
      ...horizonUnits(
        ids(1000).map((id) => ({ id })),
        d,
      ),
    ].map((p) => p.id);
    expect(ringed.sort()).toEqual(['u20', 'u21', 'u30', 'u31', 'u40', 'u7']);
  });

  test("a selected breakdown's units are its own unit and those it names", () => {
    const a = analyse(DEC_2018);
    const b = a.breakdowns[0]!;
    expect(breakdownUnitsOf(a.breakdowns, b.id)).toEqual([b.unit, ...b.units]);
    expect(breakdownUnitsOf(a.breakdowns, null)).toEqual([]);
    expect(breakdownUnitsOf(a.breakdowns, 'no-such-breakdown')).toEqual([]);
  });
});

describe('symbol size', () => {
  test('full size at small counts; at reduced detail smaller, except for the units the trainer looks at', () => {
    expect(symbolScale(plotDetail(12, nobody), 'u1')).toBe(1);
    const d = plotDetail(1000, { ...nobody, selected: ['u1'], following: 'u2' });
    expect(symbolScale(d, 'u1')).toBe(1);
    expect(symbolScale(d, 'u2')).toBe(1);
    expect(symbolScale(d, 'u3')).toBe(REDUCED_SYMBOL_SCALE);
    expect(REDUCED_SYMBOL_SCALE).toBeLessThan(1);
  });
});

describe('scene spacing while playing', () => {
  const full = { reduced: false };
  const reduced = { reduced: true };

  test('full detail keeps its own spacing whatever moves', () => {
    expect(rebuildSpacingMs(full, 100, 0.25, 50, 1)).toBe(100);
    expect(rebuildSpacingMs(full, 100, 0, 50, 1)).toBe(100);
  });

  test('reduced detail stands until the fastest unit has moved about a pixel, at most a second', () => {
    // A ship at 20 kt (≈ 0.0103 km/s) at 3 px/km moves a pixel in about 32 s: the cap applies.
    expect(rebuildSpacingMs(reduced, 100, (20 * 1.852) / 3600, 3, 1)).toBe(REDUCED_REBUILD_MAX_MS);
    // An aircraft at 0.25 km/s at 3 px/km moves 0.75 px/s: a pixel in 1.33 s, capped at a second.
    expect(rebuildSpacingMs(reduced, 100, 0.25, 3, 1)).toBe(REDUCED_REBUILD_MAX_MS);
    // At 4× it moves 3 px/s: a pixel in a third of a second.
    expect(rebuildSpacingMs(reduced, 100, 0.25, 3, 4)).toBeCloseTo(333.3, 0);
    // Zoomed in (50 px/km) a fast aircraft moves 12.5 px/s: the full-detail spacing is the floor.
    expect(rebuildSpacingMs(reduced, 100, 0.25, 50, 1)).toBe(100);
    // Nothing moving: the cap.
    expect(rebuildSpacingMs(reduced, 100, 0, 3, 1)).toBe(REDUCED_REBUILD_MAX_MS);
  });
});

describe('standing trails', () => {
  const reduced = { reduced: true };
  const built = { key: 'view|u1,u2,', t: 100 };

  test('in full detail trails are drawn afresh every scene', () => {
    expect(trailsStand({ reduced: false }, built, built.key, 100.5)).toBe(false);
  });

  test('at reduced detail they stand for the same view and units until the next dot is due', () => {
    expect(trailsStand(reduced, built, built.key, 100)).toBe(true);
    expect(trailsStand(reduced, built, built.key, 100 + TRAIL_STAND_S - 0.01)).toBe(true);
    expect(trailsStand(reduced, built, built.key, 100 + TRAIL_STAND_S)).toBe(false);
    // A step back (a seek), another view or other units: drawn again.
    expect(trailsStand(reduced, built, built.key, 99)).toBe(false);
    expect(trailsStand(reduced, built, 'other view|u1,u2,', 100.5)).toBe(false);
    expect(trailsStand(reduced, null, built.key, 100.5)).toBe(false);
  });
});
