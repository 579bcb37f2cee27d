import { describe, expect, it } from 'vitest';
import { cpa, kmText, nmText, rangeBearing, threeDigits } from '../../src/core/analysis/relative-motion';
import { destination, METRES_PER_NM } from '../../src/core/geo';
import { timeTicks } from '../../src/app/panels/timeline-model';

const NM = METRES_PER_NM;
const origin = { lat: 0, lon: 0 };
/** A point `nm` miles from the origin on a true bearing. */
const at = (bearing: number, nm: number) => destination(origin, bearing, nm * NM);

describe('range and bearing', () => {
  it('gives the true bearing and the range to a point 10 nm to the north-east', () => {
    const rb = rangeBearing(origin, at(45, 10));
    expect(rb.bearingDeg).toBeCloseTo(45, 6);
    expect(rb.rangeM / NM).toBeCloseTo(10, 6);
    expect(threeDigits(rb.bearingDeg)).toBe('045');
  });

  it('writes bearings in three digits and never 360', () => {
    expect(threeDigits(7.4)).toBe('007');
    expect(threeDigits(359.6)).toBe('000');
    expect(threeDigits(-90)).toBe('270');
    expect(nmText(12.34 * NM)).toBe('12.3');
    expect(nmText(0.456 * NM)).toBe('0.46');
    expect(kmText(22_860)).toBe('22.9');
  });
});

describe('closest point of approach', () => {
  it('head-on at 10 kt each from 30 nm: collision in 1 h 30 min', () => {
    const c = cpa({ ...origin, headingDeg: 90, speedKt: 10 }, { ...at(90, 30), headingDeg: 270, speedKt: 10 });
    expect(c.closure).toBe('closing');
    expect(c.rangeM).toBeLessThan(20);
    expect(c.inS).toBeCloseTo(5400, -1);
    // Both meet half-way.
    expect(rangeBearing(origin, c.a).rangeM / NM).toBeCloseTo(15, 2);
  });

  it('crossing: 10 nm abeam to the east, steering west at 10 kt across a ship going north at 10 kt', () => {
    const c = cpa({ ...origin, headingDeg: 0, speedKt: 10 }, { ...at(90, 10), headingDeg: 270, speedKt: 10 });
    expect(c.closure).toBe('closing');
    // Relative motion (−10, −10) kt from (10, 0) nm: CPA after 30 min at (5, −5) nm, 7.07 nm on 135°.
    expect(c.inS).toBeCloseTo(1800, 0);
    expect(c.rangeM / NM).toBeCloseTo(Math.SQRT2 * 5, 2);
    expect(c.bearingDeg).toBeCloseTo(135, 1);
    expect(rangeBearing(c.a, c.b).rangeM / NM).toBeCloseTo(Math.SQRT2 * 5, 2);
  });

  it('parallel at the same course and speed: the range is steady', () => {
    const c = cpa({ ...origin, headingDeg: 0, speedKt: 12 }, { ...at(90, 6), headingDeg: 0, speedKt: 12 });
    expect(c.closure).toBe('steady');
    expect(c.rangeM / NM).toBeCloseTo(6, 6);
    expect(c.inS).toBe(0);
  });

  it('opening: steering apart, the CPA is behind and the range now is the closest', () => {
    const c = cpa({ ...origin, headingDeg: 270, speedKt: 15 }, { ...at(90, 8), headingDeg: 90, speedKt: 5 });
    expect(c.closure).toBe('opening');
    expect(c.rangeM / NM).toBeCloseTo(8, 6);
    expect(c.inS).toBe(0);
  });

  it('overtaking from astern on the same track: closes to zero at the speed difference', () => {
    const c = cpa({ ...origin, headingDeg: 0, speedKt: 20 }, { ...at(0, 5), headingDeg: 0, speedKt: 15 });
    expect(c.closure).toBe('closing');
    expect(c.inS).toBeCloseTo(3600, -1);
    expect(c.rangeM).toBeLessThan(20);
  });

  it('a unit standing still (a headquarters) against a moving ship', () => {
    const c = cpa({ ...origin, headingDeg: 0, speedKt: 0 }, { ...at(0, 10), headingDeg: 90, speedKt: 10 });
    expect(c.closure).toBe('opening');
    const d = cpa({ ...origin, headingDeg: 0, speedKt: 0 }, { ...at(0, 10), headingDeg: 180, speedKt: 10 });
    expect(d.closure).toBe('closing');
    expect(d.inS).toBeCloseTo(3600, -1);
  });
});

describe('timeline ticks', () => {
  const start = Date.parse('2018-12-20T14:58:04+09:00');
  it('falls on round clock times of the scenario zone, at most 8 over the run', () => {
    const ticks = timeTicks(start, 540, 40 * 60);
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThanOrEqual(8);
    // 40 min: every 5 min, the first at 15:00 (1 min 56 s in).
    expect(ticks[0]).toMatchObject({ t: 116, label: '15:00' });
    expect(ticks[1]!.label).toBe('15:05');
    expect(ticks.every((x) => x.pct >= 0 && x.pct <= 100)).toBe(true);
  });

  it('uses seconds for a run of a minute and hours for a long one', () => {
    expect(timeTicks(start, 540, 60)[0]!.label).toBe('14:58:10');
    const long = timeTicks(start, 540, 6 * 3600);
    expect(long.map((x) => x.label)).toEqual(['15:00', '16:00', '17:00', '18:00', '19:00', '20:00']);
  });

  it('has none for an empty run', () => {
    expect(timeTicks(start, 540, 0)).toEqual([]);
  });
});
