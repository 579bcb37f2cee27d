/**
 * A unit's signalling gear and the signal codes its crew reads, as its file gives them or by the
 * defaults of its kind (radio/signals.ts): read off the spec, so the engine and the checker agree.
 */
import { traitsOf } from '../kinds';
import type { UnitSpec } from '../scenario/schema';
import { defaultSignalCodes, defaultSignals, type SignalCode, type SignalKind } from './signals';

export function signalsOf(u: UnitSpec): SignalKind[] {
  return u.signals ?? defaultSignals(traitsOf(u).element);
}

export function signalCodesOf(u: UnitSpec): SignalCode[] {
  return u.crew.signalCodes ?? defaultSignalCodes(traitsOf(u).element);
}
