/**
 * Encounter geometry computed ahead of the run: tracks are known in advance, so when an aircraft
 * enters or leaves a range, and the moment of each closest approach, can be found by sampling
 * once at one-second resolution and queued as exact events.
 */
import { groundDistanceM } from '../geo';
import { positionAt, type Motion } from '../scenario/motion';

export interface PairEvent {
  t: number;
  aircraft: string;
  surface: string;
  kind: 'enter' | 'leave' | 'closest';
  rangeM?: number;
  groundM: number;
  altitudeM: number;
}

export function pairEvents(aircraft: string, surface: string, am: Motion, sm: Motion, durationS: number, rangeM: number, resolutionS = 1): PairEvent[] {
  const out: PairEvent[] = [];
  let prev: { t: number; g: number; alt: number } | null = null;
  let falling = false;
  let inside = false;
  for (let t = 0; t <= durationS; t += resolutionS) {
    const a = positionAt(am, t);
    const s = positionAt(sm, t);
    const g = groundDistanceM(a, s);
    const alt = a.altM;
    if (g < rangeM && !inside) {
      inside = true;
      out.push({ t, aircraft, surface, kind: 'enter', rangeM, groundM: g, altitudeM: alt });
    } else if (g >= rangeM && inside) {
      inside = false;
      out.push({ t, aircraft, surface, kind: 'leave', rangeM, groundM: g, altitudeM: alt });
    }
    if (prev) {
      if (g > prev.g && falling && prev.g < rangeM) out.push({ t: prev.t, aircraft, surface, kind: 'closest', groundM: prev.g, altitudeM: prev.alt });
      falling = g < prev.g;
    }
    prev = { t, g, alt };
  }
  return out.sort((x, y) => x.t - y.t);
}
