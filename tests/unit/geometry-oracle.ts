// The oracle of the encounter geometry: every second sampled, no skipping. The engine ships only
// the pruned scan (src/core/engine/geometry.ts); the tests hold it to this one.
import { groundDistanceM } from '../../src/core/geo';
import { positionAt, type Motion } from '../../src/core/scenario/motion';
import type { PairEvent } from '../../src/core/engine/geometry';

export function densePairEvents(aircraft: string, surface: string, am: Motion, sm: Motion, durationS: number, rangeM: number): PairEvent[] {
  const out: PairEvent[] = [];
  let prev: { t: number; g: number; alt: number } | null = null;
  let falling = false;
  let inside = false;
  for (let t = 0; t <= durationS; t += 1) {
    const a = positionAt(am, t);
    const g = groundDistanceM(a, positionAt(sm, t));
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
