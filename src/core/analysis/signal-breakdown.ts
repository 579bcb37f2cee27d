/**
 * How a breakdown reads when the message was a flag hoist, a flashing light or a sound signal:
 * no antennas, sets or operators, but a lookout who sees or hears it and a code to read it in.
 */
import type { Stage } from '../log';
import { SIGNAL_NAMES, type SignalKind } from '../radio/signals';

export function signalExplanation(kind: SignalKind, from: string, to: string, failedAt: Stage, cause: string): string {
  const what = `${from}'s ${SIGNAL_NAMES[kind]}`;
  const sense = kind === 'sound' ? 'heard' : 'saw';
  switch (failedAt) {
    case 'transmitted':
      return `${what} was never made: ${cause}.`;
    case 'in-range':
      return `${what} could not be ${kind === 'sound' ? 'heard' : 'seen'} from ${to}: ${cause}.`;
    case 'receivable':
    case 'heard':
      return `${what} reached ${to}, but its lookout did not notice it: ${cause}.`;
    case 'understood':
      return `${to} ${sense} ${what} but could not read it: ${cause}.`;
    case 'acknowledged':
      return `${to} read ${what}, but ${from} got no answer: ${cause}.`;
    case 'acted-on':
      return `${to} answered ${what} without answering what it asked: ${cause}.`;
  }
}
