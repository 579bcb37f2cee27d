/**
 * Visual and sound signals: flag hoists, flashing light and the ship's whistle (domain brief 1.2,
 * CUES 3.2: "when ships are in sight of one another, or in restricted visibility" [S5]; five short
 * blasts for danger [S9]; ICS single-letter signals [S92]). They need no radio set, only the
 * equipment and someone on watch; how far they carry depends on visibility, daylight and the sea,
 * not on a link budget. The ladder's stages mean the same as for radio: the signal was made
 * (transmitted), could be seen or heard there (in-range), someone was keeping a lookout
 * (receivable), the lookout noticed it (heard), and knew the code it was made in (understood).
 */
import { fmt, pct, round } from './figures';
import type { Evidence, LadderResult, Stage, Transmission } from '../log';
import type { Position } from '../geo';
import { groundDistanceM, METRES_PER_NM } from '../geo';
import type { SignalKind } from './channels';
import { isDaylight, sunElevationDeg } from './sun';
import { explain, unitRef, type Explanation } from '../explain';
import { english } from '../../i18n';

/** A signal's name as data ('flag hoist', 'flashing light', 'sound signal' in English). */
export const signalName = (kind: SignalKind): Explanation => explain('ladder.signal.name', { kind });

export type { SignalKind } from './channels';
export const SIGNAL_KINDS: readonly SignalKind[] = ['flags', 'light', 'sound'];

/** What a signal is called in a cause. */
export const SIGNAL_NAMES: Record<SignalKind, string> = { flags: 'flag hoist', light: 'flashing light', sound: 'sound signal' };

/** The code a signal is made in: ICS for flags and light [S92], the COLREGS sound signals for the whistle [S9]. */
export type SignalCode = 'ICS' | 'COLREGS';
export const SIGNAL_CODE: Record<SignalKind, SignalCode> = { flags: 'ICS', light: 'ICS', sound: 'COLREGS' };

/** Farthest a flag hoist is read by day, with binoculars, in clear air: 2 nm [U]. */
export const FLAGS_RANGE_KM = 3.7;
/** Farthest a signal lamp's flashes are read by day: 3 nm [U]. */
export const LIGHT_DAY_RANGE_KM = 5.6;
/** Farthest a signal lamp's flashes are read by night, in clear air: 10 nm [U]. */
export const LIGHT_NIGHT_RANGE_KM = 18.5;
/**
 * How far a whistle is heard in still air, by the vessel's size class of COLREGS Annex III
 * (75–200 m: 1.5 nm; 20–75 m: 1 nm). A ship is taken as 75–200 m long, a vessel as 20–75 m [U].
 */
export const SOUND_RANGE_NM: Record<'ship' | 'vessel', number> = { ship: 1.5, vessel: 1 };
/** Sea state up to which wind and sea do not mask a whistle [U]. */
export const SOUND_QUIET_SEA_STATE = 2;
/** Share of a whistle's range each step of sea state above that takes away, down to the floor below [U]. */
export const SOUND_LOSS_PER_SEA_STATE = 0.1;
export const SOUND_RANGE_FLOOR = 0.3;

/** What the signal stages need to know of the conditions: the scenario's environment and its clock. */
export interface SignalEnvironment {
  visibilityKm: number;
  seaState: number;
  /** The scenario's start, seconds since 1970 UTC, for the sun. */
  startUnixS: number;
}

/** A station as the signal stages see it. */
export interface SignalStation {
  id: string;
  position: Position;
  kind: string;
  /** Where it is: at sea and in the air a lookout can see; ashore it is out of sight of the scene. */
  element: 'sea' | 'air' | 'shore';
  signals: readonly SignalKind[];
  signalCodes: readonly SignalCode[];
  workload: number;
}

/** The signals a unit carries when its file names none: a ship or vessel has all three; others none. */
export function defaultSignals(element: 'sea' | 'air' | 'shore'): SignalKind[] {
  return element === 'sea' ? ['flags', 'light', 'sound'] : [];
}

/** The codes a crew reads when its file names none: seafarers know ICS and the COLREGS signals; others none. */
export function defaultSignalCodes(element: 'sea' | 'air' | 'shore'): SignalCode[] {
  return element === 'sea' ? ['ICS', 'COLREGS'] : [];
}

/** A whistle's range after the sea's noise, km. */
export function soundRangeKm(kind: string, seaState: number): { km: number; nm: number; factor: number } {
  const nm = SOUND_RANGE_NM[kind === 'vessel' ? 'vessel' : 'ship'];
  const factor = Math.max(SOUND_RANGE_FLOOR, 1 - SOUND_LOSS_PER_SEA_STATE * Math.max(0, seaState - SOUND_QUIET_SEA_STATE));
  return { km: (nm * METRES_PER_NM * factor) / 1000, nm, factor };
}

export interface SignalReach {
  /** How far the signal carries now, km (0 when it cannot be made out at all). */
  rangeKm: number;
  /** The cause when the recipient is beyond it. */
  why: (distanceKm: number) => Explanation;
  sunElevationDeg?: number;
}

/** How far a signal from `from` carries at time t. */
export function signalReach(kind: SignalKind, from: SignalStation, to: SignalStation, t: number, env: SignalEnvironment): SignalReach {
  const name = signalName(kind);
  if (kind === 'sound') {
    const s = soundRangeKm(from.kind, env.seaState);
    const unit = unitRef(from.id);
    return {
      rangeKm: s.km,
      why: (d) =>
        s.factor < 1
          ? explain('ladder.signal.whistle-cut', {
              name,
              distanceKm: fmt(d),
              unit,
              rangeKm: fmt(s.km),
              nm: s.nm,
              factor: pct(s.factor),
              seaState: env.seaState,
            })
          : explain('ladder.signal.whistle', { name, distanceKm: fmt(d), unit, rangeKm: fmt(s.km), nm: s.nm, seaState: env.seaState }),
    };
  }
  const mid = { lat: (from.position.lat + to.position.lat) / 2, lon: (from.position.lon + to.position.lon) / 2 };
  const sun = round(sunElevationDeg(env.startUnixS + t, mid.lat, mid.lon), 1);
  const day = isDaylight(sun);
  if (kind === 'flags' && !day) return { rangeKm: 0, sunElevationDeg: sun, why: () => explain('ladder.signal.flags-night', { name, below: fmt(-sun) }) };
  const nominal = kind === 'flags' ? FLAGS_RANGE_KM : day ? LIGHT_DAY_RANGE_KM : LIGHT_NIGHT_RANGE_KM;
  const limitedBy =
    env.visibilityKm < nominal
      ? explain('ladder.signal.visibility', { visibilityKm: fmt(env.visibilityKm) })
      : explain('ladder.signal.nominal', { rangeKm: fmt(nominal), name, light: day ? 'day' : 'night' });
  return {
    rangeKm: Math.min(env.visibilityKm, nominal),
    sunElevationDeg: sun,
    why: (d) => explain('ladder.signal.beyond', { name, distanceKm: fmt(d), limitedBy }),
  };
}

export interface SignalDelivery {
  result: LadderResult;
  notUnderstood: boolean;
}

/**
 * One recipient's verdict on a signal. `missed` is the radio ladder's chance that a busy watch
 * misses what reaches it, so a lookout and a radio operator are judged alike.
 */
export function deliverSignal(
  tx: Transmission,
  kind: SignalKind,
  from: SignalStation,
  to: SignalStation,
  env: SignalEnvironment,
  missed: (workload: number) => boolean,
): SignalDelivery {
  const name = signalName(kind);
  const evidence: Evidence = { channel: tx.channel };
  const result = (reached: Stage | null, failedAt: Stage | null, why: Explanation | null): SignalDelivery => ({
    result: { unit: to.id, reached, failedAt, cause: why && english(why), ...(why ? { why } : {}), evidence },
    notUnderstood: false,
  });
  const fromId = unitRef(from.id);
  const toId = unitRef(to.id);
  if (!from.signals.includes(kind))
    return result(
      null,
      'transmitted',
      explain('ladder.signal.none', {
        unit: fromId,
        name,
        signals: from.signals.length ? from.signals.map((k) => explain('ladder.signal.kind', { kind: k })) : explain('ladder.signal.no-signals'),
      }),
    );

  const distanceKm = groundDistanceM(from.position, to.position) / 1000;
  evidence.distanceKm = round(distanceKm, 2);
  if (kind !== 'sound') evidence.visibilityKm = env.visibilityKm;
  if (to.element === 'shore') return result('transmitted', 'in-range', explain('ladder.signal.ashore', { name, unit: toId }));
  if (kind === 'sound' && to.element === 'air') return result('transmitted', 'in-range', explain('ladder.signal.whistle-aircraft', { name }));
  const reach = signalReach(kind, from, to, tx.t, env);
  evidence.signalRangeKm = round(reach.rangeKm, 2);
  if (reach.sunElevationDeg !== undefined) evidence.sunElevationDeg = reach.sunElevationDeg;
  if (distanceKm > reach.rangeKm) return result('transmitted', 'in-range', reach.why(distanceKm));

  // receivable: a lookout is kept on every ship, vessel and aircraft; heard: a busy watch may miss it.
  evidence.workload = to.workload;
  if (missed(to.workload)) return result('receivable', 'heard', explain('ladder.signal.lookout-busy', { unit: toId, workload: to.workload, name }));

  const code = SIGNAL_CODE[kind];
  if (!to.signalCodes.includes(code))
    return result('heard', 'understood', explain('ladder.signal.unknown-code', { sense: kind === 'sound' ? 'heard' : 'saw', name, code }));
  return result('understood', null, null);
}
