/**
 * The checker's word on take-offs and landings: only an aircraft takes off, from a unit that
 * exists (a ship whose deck it is) or a position, and it lands after it takes off.
 */
import type { Diagnostic } from '../diagnostics';
import { didYouMean, editDistance, type SourceDoc } from '../yaml-source';
import { explain, type Explanation } from '../explain';
import { isAirborne } from '../kinds';
import { parseTime, type PlaceRef, type ScenarioFile } from './schema';

export function checkFlights(doc: SourceDoc, s: ScenarioFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = s.units.map((u) => u.id);
  s.units.forEach((u, i) => {
    const at = (...p: (string | number)[]) => ['units', i, ...p];
    const place = (p: PlaceRef, path: (string | number)[], what: 'takeoff' | 'landing') => {
      if (typeof p !== 'string') return;
      if (p === u.id) out.push(doc.diagnostic(path, 'error', explain('checker.flight.self-place', { what })));
      else if (!ids.includes(p))
        out.push(doc.diagnostic(path, 'error', explain('checker.flight.unknown-place', { what, unit: p, hint: guess(p, ids), units: ids })));
    };
    if ((u.takeOff || u.landing) && !isAirborne(u))
      out.push(doc.diagnostic(at(u.takeOff ? 'takeOff' : 'landing'), 'error', explain('checker.flight.not-aircraft', { unit: u.id, kind: u.kind })));
    if (u.takeOff) {
      place(u.takeOff.from, at('takeOff', 'from'), 'takeoff');
      if (parseTime(u.takeOff.t) > s.durationS)
        out.push(
          doc.diagnostic(
            at('takeOff', 't'),
            'warning',
            explain('checker.flight.takeoff-after-end', { t: parseTime(u.takeOff.t), durationS: s.durationS, unit: u.id }),
          ),
        );
    }
    if (u.landing) {
      place(u.landing.at, at('landing', 'at'), 'landing');
      if (u.takeOff && parseTime(u.landing.t) <= parseTime(u.takeOff.t))
        out.push(
          doc.diagnostic(
            at('landing', 't'),
            'error',
            explain('checker.flight.lands-before-takeoff', { landing: parseTime(u.landing.t), takeoff: parseTime(u.takeOff.t) }),
          ),
        );
    }
  });
  return out;
}

function guess(id: string, ids: string[]): Explanation {
  let best: string | undefined;
  let bestD = 4;
  for (const x of ids) {
    const d = editDistance(id, x);
    if (d < bestD) {
      bestD = d;
      best = x;
    }
  }
  return didYouMean(best || undefined);
}
