// The radio numbers against hand calculations from the domain brief, section 4.2–4.3.
import { describe, expect, it } from 'vitest';
import { radioHorizonNm, combinedHorizonNm, nmToKm, freeSpacePathLossDb } from '../../src/core/radio/propagation';

describe('radio horizon on a 4/3-earth model (2.23·√h nm)', () => {
  it("gives the brief's per-antenna figures for ship masts of 20, 25, 30 and 35 m", () => {
    expect(radioHorizonNm(20)).toBeCloseTo(10.0, 1);
    expect(radioHorizonNm(25)).toBeCloseTo(11.2, 1);
    expect(radioHorizonNm(30)).toBeCloseTo(12.2, 1);
    expect(radioHorizonNm(35)).toBeCloseTo(13.2, 1);
  });

  it('gives about 39.5 nm (73 km) between a 30 m mast and an aircraft at 150 m', () => {
    const nm = combinedHorizonNm(30, 150);
    expect(nm).toBeCloseTo(39.5, 1);
    expect(nmToKm(nm)).toBeCloseTo(73.2, 0);
  });

  it('gives about 24.4 nm between two 30 m masts', () => {
    expect(combinedHorizonNm(30, 30)).toBeCloseTo(24.4, 1);
  });

  it('puts the P-1 at 150, 230 and 300 m at 27.3, 33.8 and 38.6 nm', () => {
    expect(radioHorizonNm(150)).toBeCloseTo(27.3, 1);
    expect(radioHorizonNm(230)).toBeCloseTo(33.8, 1);
    expect(radioHorizonNm(300)).toBeCloseTo(38.6, 1);
  });
});

describe('free-space path loss', () => {
  it.each([
    [0.5, 121.5, 68],
    [0.5, 243, 74],
    [5, 156.8, 90],
    [50, 121.5, 108],
    [240, 156.8, 124],
    [240, 243, 128],
  ])('%s km at %s MHz loses about %s dB', (km, mhz, db) => {
    expect(Math.round(freeSpacePathLossDb(km, mhz))).toBe(db);
  });
});
