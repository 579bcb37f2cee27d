/**
 * Radio propagation on a 4/3-earth model. Numbers from the domain brief, section 4.2–4.3:
 * per-antenna horizon R(nm) = 2.23·√h (h in metres) [S70]; two stations add their horizons;
 * free-space path loss FSPL(dB) = 20·log10(d_km) + 20·log10(f_MHz) + 32.44 [I].
 */
import { METRES_PER_NM } from '../geo';
import type { Band } from './channels';

export const HORIZON_NM_PER_SQRT_M = 2.23;

export function radioHorizonNm(heightM: number): number {
  return HORIZON_NM_PER_SQRT_M * Math.sqrt(Math.max(0, heightM));
}

export function combinedHorizonNm(h1M: number, h2M: number): number {
  return radioHorizonNm(h1M) + radioHorizonNm(h2M);
}

export function nmToKm(nm: number): number {
  return (nm * METRES_PER_NM) / 1000;
}

export function freeSpacePathLossDb(distanceKm: number, freqMHz: number): number {
  const d = Math.max(distanceKm, 0.001);
  return 20 * Math.log10(d) + 20 * Math.log10(freqMHz) + 32.44;
}

export function wattsToDbm(w: number): number {
  return 10 * Math.log10(w * 1000);
}

/** MF ground wave is not limited by the line-of-sight horizon; about 150 nm is a working range [U]. */
export const MF_GROUND_WAVE_NM = 150;

/** Below this a receiver does not open; a typical VHF/UHF voice sensitivity [U], a parameter in spirit. */
export const RECEIVER_SENSITIVITY_DBM = -110;

export interface LinkBudget {
  distanceKm: number;
  horizonKm: number;
  withinHorizon: boolean;
  pathLossDb: number;
  receivedDbm: number;
}

/** `horizonKm`, when given, is the channel's own reach (radio/declared.ts reachOf); otherwise the band decides. */
export function linkBudget(opts: {
  distanceKm: number;
  txHeightM: number;
  rxHeightM: number;
  freqMHz: number;
  band: Band;
  powerW: number;
  horizonKm?: number;
}): LinkBudget {
  const horizonNm = opts.band === 'MF' || opts.band === 'HF' ? MF_GROUND_WAVE_NM : combinedHorizonNm(opts.txHeightM, opts.rxHeightM);
  const horizonKm = opts.horizonKm ?? nmToKm(horizonNm);
  const pathLossDb = freeSpacePathLossDb(opts.distanceKm, opts.freqMHz);
  return {
    distanceKm: opts.distanceKm,
    horizonKm,
    withinHorizon: opts.distanceKm <= horizonKm,
    pathLossDb,
    receivedDbm: wattsToDbm(opts.powerW) - pathLossDb,
  };
}
