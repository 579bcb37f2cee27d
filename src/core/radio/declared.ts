/**
 * Channels a scenario declares (an air-traffic frequency, an HF or MF working channel), and how far
 * any channel reaches: to the line-of-sight horizon, or along the sea by ground wave beyond it.
 * The list is built from the loaded scenario for each run and passed down, never kept in a module,
 * so two runs of different scenarios cannot see each other's channels.
 */
import type { Band, Propagation, RadioChannel } from './channels';
import { combinedHorizonNm, MF_GROUND_WAVE_NM, nmToKm } from './propagation';
import { explain, type Explanation } from '../explain';

/** A channel as the scenario file declares it (schema.ts `channels:`). */
export interface DeclaredChannelSpec {
  id: string;
  name: string;
  freqMHz?: number | undefined;
  freqKHz?: number | undefined;
  band: 'MF' | 'HF' | 'VHF' | 'UHF';
  modulation: RadioChannel['modulation'];
  propagation?: Propagation | undefined;
  groundWaveKm?: number | undefined;
  note?: string | undefined;
  sources?: string[] | undefined;
}

/** MF and HF travel by ground wave unless the file says otherwise; VHF and UHF to the horizon. */
export function defaultPropagation(band: Band): Propagation {
  return band === 'MF' || band === 'HF' ? 'ground-wave' : 'line-of-sight';
}

export function declaredChannels(specs: readonly DeclaredChannelSpec[] | undefined): RadioChannel[] {
  return (specs ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    freqMHz: c.freqMHz ?? (c.freqKHz ?? 0) / 1000,
    band: c.band,
    modulation: c.modulation,
    note: c.note ?? '',
    propagation: c.propagation ?? defaultPropagation(c.band),
    ...(c.groundWaveKm !== undefined ? { groundWaveKm: c.groundWaveKm } : {}),
    declared: true,
  }));
}

export interface Reach {
  wave: 'ground' | 'sight';
  /** How far the channel reaches between these two antennas, km. */
  km: number;
  /** The ground wave's range, km, when the channel travels by ground wave. */
  groundWaveKm?: number;
  /** The ground wave's range is the model's value, not the scenario's. */
  modelValue: boolean;
}

/**
 * How far a channel reaches between two antennas. A ground wave reaches its working range, and
 * never less than the line of sight; a line-of-sight channel ends at the combined radio horizon.
 */
export function reachOf(ch: RadioChannel, txHeightM: number, rxHeightM: number): Reach {
  const sightKm = nmToKm(combinedHorizonNm(txHeightM, rxHeightM));
  if ((ch.propagation ?? defaultPropagation(ch.band)) === 'line-of-sight') return { wave: 'sight', km: sightKm, modelValue: false };
  const groundWaveKm = ch.groundWaveKm ?? nmToKm(MF_GROUND_WAVE_NM);
  return { wave: 'ground', km: Math.max(groundWaveKm, sightKm), groundWaveKm, modelValue: ch.groundWaveKm === undefined };
}

/** The in-range cause when a call goes farther than its channel reaches, with the numbers. */
export function beyondReachCause(ch: RadioChannel, reach: Reach, distanceKm: number): Explanation {
  if (reach.wave === 'sight') return explain('ladder.beyond-horizon', { distanceKm: fmt(distanceKm), reachKm: fmt(reach.km) });
  return explain('ladder.beyond-ground-wave', {
    distanceKm: fmt(distanceKm),
    channel: ch.name,
    reachKm: fmt(reach.km),
    whose: reach.modelValue ? 'model' : 'scenario',
  });
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1);
}
