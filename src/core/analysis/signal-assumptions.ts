/**
 * The model values behind visual and sound signals and declared ground-wave channels, for the
 * assumptions every output lists: only those a scenario's run can use (a signal its script
 * sends, a ground-wave channel it declares without a range of its own).
 */
import type { Scenario } from '../scenario/model';
import { findChannel, type SignalKind } from '../radio/channels';
import { declaredChannels } from '../radio/declared';
import { MF_GROUND_WAVE_NM } from '../radio/propagation';
import {
  FLAGS_RANGE_KM,
  LIGHT_DAY_RANGE_KM,
  LIGHT_NIGHT_RANGE_KM,
  SOUND_LOSS_PER_SEA_STATE,
  SOUND_QUIET_SEA_STATE,
  SOUND_RANGE_FLOOR,
  SOUND_RANGE_NM,
} from '../radio/signals';
import { DAYLIGHT_ABOVE_DEG } from '../radio/sun';
import { signalCodesOf, signalsOf } from '../radio/signal-gear';

import { assumed, type Add } from './assumed-words';

/** Whether the file itself gives a value at a path (assumptions.ts), so a default is told from a value set. */
type Written = (path: (string | number)[], value: unknown, fallback: unknown) => boolean;

/** The signals the script sends (hail or reply on flags, light or sound). */
export function signalsUsed(s: Scenario): Set<SignalKind> {
  const used = new Set<SignalKind>();
  for (const a of s.script) {
    if ((a.do !== 'hail' && a.do !== 'reply') || a.channel === undefined) continue;
    const kind = findChannel(String(a.channel))?.signal;
    if (kind) used.add(kind);
  }
  return used;
}

export function signalDefaults(s: Scenario, model: Add, written: Written): void {
  const used = signalsUsed(s);
  const env = s.spec.environment;
  if (used.size) gearDefaults(s, model);
  if (used.has('flags') || used.has('light')) {
    if (!written(['environment', 'visibilityKm'], env.visibilityKm, 20))
      model('visibilityKm', env.visibilityKm, 'km', assumed('label.visibilityKm'), assumed('why.default-unset'));
    model('daylightAboveDeg', DAYLIGHT_ABOVE_DEG, 'deg', assumed('label.daylightAboveDeg'), assumed('why.daylightAboveDeg'));
  }
  if (used.has('flags')) model('flagsRangeKm', FLAGS_RANGE_KM, 'km', assumed('label.flagsRangeKm'), assumed('why.flagsRangeKm'));
  if (used.has('light')) {
    model('lightDayRangeKm', LIGHT_DAY_RANGE_KM, 'km', assumed('label.lightDayRangeKm'), assumed('why.none'));
    model('lightNightRangeKm', LIGHT_NIGHT_RANGE_KM, 'km', assumed('label.lightNightRangeKm'), assumed('why.none'));
  }
  if (used.has('sound')) {
    if (!written(['environment', 'seaState'], env.seaState, 2)) model('seaState', env.seaState, null, assumed('label.seaState'), assumed('why.default-unset'));
    model('soundRangeNm', SOUND_RANGE_NM, 'nm', assumed('label.soundRangeNm'), assumed('why.soundRangeNm'));
    model(
      'soundSeaStateLoss',
      { aboveSeaState: SOUND_QUIET_SEA_STATE, perStep: SOUND_LOSS_PER_SEA_STATE, floor: SOUND_RANGE_FLOOR },
      null,
      assumed('label.soundSeaStateLoss'),
      assumed('why.none'),
    );
  }
}

/** Ships and vessels whose file names no signalling gear or signal codes take their kind's (radio/signals.ts). */
function gearDefaults(s: Scenario, model: Add): void {
  const gear: Record<string, string[]> = {};
  const codes: Record<string, string[]> = {};
  for (const u of s.units) {
    if (u.signals === undefined && signalsOf(u).length) gear[u.id] = signalsOf(u);
    if (u.crew.signalCodes === undefined && signalCodesOf(u).length) codes[u.id] = signalCodesOf(u);
  }
  if (Object.keys(gear).length) model('signalGear', gear, null, assumed('label.signalGear'), assumed('why.none'));
  if (Object.keys(codes).length) model('signalCodes', codes, null, assumed('label.signalCodes'), assumed('why.signalCodes'));
}

/** A declared ground-wave channel without a range of its own uses the model's (radio/declared.ts). */
export function declaredGroundWaveDefaults(s: Scenario, model: Add, alreadyLabelled: boolean): void {
  if (alreadyLabelled) return;
  const unranged = declaredChannels(s.spec.channels).filter((c) => c.propagation === 'ground-wave' && c.groundWaveKm === undefined);
  if (unranged.length)
    model(
      'mfGroundWaveNm',
      MF_GROUND_WAVE_NM,
      'nm',
      assumed('label.mfGroundWaveNm'),
      assumed('why.mfGroundWaveNm-declared', { nm: MF_GROUND_WAVE_NM, channels: unranged.map((c) => c.id) }),
    );
}
