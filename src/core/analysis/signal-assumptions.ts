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

type Add = (id: string, value: unknown, unit: string | null, label: string, why: string, sources?: string[]) => void;
/** Whether the file itself gives a value at a path (assumptions.ts), so a default is told from a value set. */
type Written = (path: (string | number)[], value: unknown, fallback: unknown) => boolean;

const NO_SOURCE = 'No source gives it';

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
      model(
        'visibilityKm',
        env.visibilityKm,
        'km',
        'Visibility, which limits flags and flashing light',
        `${NO_SOURCE}; the scenario does not set it, so the model's default is used.`,
      );
    model(
      'daylightAboveDeg',
      DAYLIGHT_ABOVE_DEG,
      'deg',
      'Sun elevation above which it is day for signalling (civil twilight): flags need it, a lamp is read farther below it',
      `${NO_SOURCE}: civil twilight is taken as the light in which a flag's colours can be made out.`,
    );
  }
  if (used.has('flags'))
    model('flagsRangeKm', FLAGS_RANGE_KM, 'km', 'Farthest a flag hoist is read by day in clear air (2 nm)', `${NO_SOURCE}; read with binoculars.`);
  if (used.has('light')) {
    model('lightDayRangeKm', LIGHT_DAY_RANGE_KM, 'km', 'Farthest a signal lamp is read by day in clear air (3 nm)', `${NO_SOURCE}.`);
    model('lightNightRangeKm', LIGHT_NIGHT_RANGE_KM, 'km', 'Farthest a signal lamp is read by night in clear air (10 nm)', `${NO_SOURCE}.`);
  }
  if (used.has('sound')) {
    if (!written(['environment', 'seaState'], env.seaState, 2))
      model('seaState', env.seaState, null, 'Sea state, which masks a whistle', `${NO_SOURCE}; the scenario does not set it, so the model's default is used.`);
    model(
      'soundRangeNm',
      SOUND_RANGE_NM,
      'nm',
      "How far a whistle is heard in still air: a ship taken as 75–200 m long, a vessel as 20–75 m (COLREGS Annex III's size classes)",
      `${NO_SOURCE} among the brief's sources: COLREGS Annex III gives audibility by length, and the model does not know a unit's length.`,
    );
    model(
      'soundSeaStateLoss',
      { aboveSeaState: SOUND_QUIET_SEA_STATE, perStep: SOUND_LOSS_PER_SEA_STATE, floor: SOUND_RANGE_FLOOR },
      null,
      "Share of a whistle's range each step of sea state above 2 takes away (wind and sea noise), down to 30%",
      `${NO_SOURCE}.`,
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
  if (Object.keys(gear).length)
    model('signalGear', gear, null, 'Signalling gear of units the file gives none for: a ship or vessel has flags, a lamp and a whistle', `${NO_SOURCE}.`);
  if (Object.keys(codes).length)
    model(
      'signalCodes',
      codes,
      null,
      'Signal codes read by crews the file gives none for: a ship or vessel reads ICS and the COLREGS sound signals',
      `${NO_SOURCE}; seafarers are expected to know both.`,
    );
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
      'Working range of an MF/HF ground wave (not limited by the line-of-sight horizon)',
      `${NO_SOURCE}: about ${MF_GROUND_WAVE_NM} nm is taken as the working range (declared without groundWaveKm: ${unranged.map((c) => c.id).join(', ')}).`,
    );
}
