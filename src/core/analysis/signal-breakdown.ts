/**
 * How a breakdown reads when the message was a flag hoist, a flashing light or a sound signal:
 * no antennas, sets or operators, but a lookout who sees or hears it and a code to read it in.
 */
import type { Stage } from '../log';
import type { SignalKind } from '../radio/signals';
import { signalName } from '../radio/signals';
import { explain, unitRef, type Explanation, type ParamValue } from '../explain';

/** The explanation; `from` and `to` are unit ids, named in the reader's language. */
export function signalExplanation(kind: SignalKind, from: string, to: string, failedAt: Stage, cause: ParamValue): Explanation {
  const params = { what: explain('ladder.breakdown.signal.what', { from: unitRef(from), name: signalName(kind) }), cause };
  const sense = kind === 'sound' ? 'heard' : 'saw';
  switch (failedAt) {
    case 'transmitted':
      return explain('ladder.breakdown.signal.transmitted', params);
    case 'in-range':
      return explain('ladder.breakdown.signal.in-range', { ...params, sense, to: unitRef(to) });
    case 'receivable':
    case 'heard':
      return explain('ladder.breakdown.signal.heard', { ...params, to: unitRef(to) });
    case 'understood':
      return explain('ladder.breakdown.signal.understood', { ...params, sense, to: unitRef(to) });
    case 'acknowledged':
      return explain('ladder.breakdown.signal.acknowledged', { ...params, from: unitRef(from), to: unitRef(to) });
    case 'acted-on':
      return explain('ladder.breakdown.signal.acted-on', { ...params, to: unitRef(to) });
  }
}
