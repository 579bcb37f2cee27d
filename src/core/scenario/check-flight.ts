/**
 * The checker's word on take-offs and landings: only an aircraft takes off, from a unit that
 * exists (a ship whose deck it is) or a position, and it lands after it takes off.
 */
import type { Diagnostic } from '../diagnostics';
import { editDistance, type SourceDoc } from '../yaml-source';
import { isAirborne } from '../kinds';
import { parseTime, type PlaceRef, type ScenarioFile } from './schema';

export function checkFlights(doc: SourceDoc, s: ScenarioFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = s.units.map((u) => u.id);
  s.units.forEach((u, i) => {
    const at = (...p: (string | number)[]) => ['units', i, ...p];
    const place = (p: PlaceRef, path: (string | number)[], what: string) => {
      if (typeof p !== 'string') return;
      if (p === u.id) out.push(doc.diagnostic(path, 'error', `an aircraft cannot ${what} itself; name the ship or give { lat, lon }`));
      else if (!ids.includes(p))
        out.push(doc.diagnostic(path, 'error', `${what} names unit "${p}", which does not exist${guess(p, ids)}; units are ${ids.join(', ')}`));
    };
    if ((u.takeOff || u.landing) && !isAirborne(u))
      out.push(doc.diagnostic(at(u.takeOff ? 'takeOff' : 'landing'), 'error', `only an aircraft takes off and lands; "${u.id}" is a ${u.kind}`));
    if (u.takeOff) {
      place(u.takeOff.from, at('takeOff', 'from'), 'take off from');
      if (parseTime(u.takeOff.t) > s.durationS)
        out.push(
          doc.diagnostic(at('takeOff', 't'), 'warning', `take-off at ${parseTime(u.takeOff.t)} s is after the end (${s.durationS} s): "${u.id}" never appears`),
        );
    }
    if (u.landing) {
      place(u.landing.at, at('landing', 'at'), 'land on');
      if (u.takeOff && parseTime(u.landing.t) <= parseTime(u.takeOff.t))
        out.push(
          doc.diagnostic(
            at('landing', 't'),
            'error',
            `landing at ${parseTime(u.landing.t)} s is not after take-off at ${parseTime(u.takeOff.t)} s; an aircraft lands after it takes off`,
          ),
        );
    }
  });
  return out;
}

function guess(id: string, ids: string[]): string {
  let best: string | undefined;
  let bestD = 4;
  for (const x of ids) {
    const d = editDistance(id, x);
    if (d < bestD) {
      bestD = d;
      best = x;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}
