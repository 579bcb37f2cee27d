/**
 * A warning about a scripted call by description (`describe:`) that no station will take for
 * itself: at the moment of the call, the description fits no unit with a radio (kind, service,
 * position, course, as radio/description.ts judges it). The meant unit not fitting while another
 * does is a scenario's point, not a slip, and is left alone. Calls waiting for an event (on:),
 * whose time is not known, are left out.
 */
import type { SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain } from '../explain';
import type { Scenario } from './model';
import { kinematicsAt } from './motion';
import { fitsDescription, type DescribedSelf } from '../radio/description';
import type { UnitSpec } from './schema';

export function lintDescription(doc: SourceDoc, s: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of s.script) {
    if (a.do !== 'hail' || !a.describe || a.on !== undefined) continue;
    const t = a.atS ?? 0;
    const d = a.describe;
    if (s.units.some((u) => u.id !== a.unit && u.radios.length > 0 && fitsDescription(d, selfAt(s, u, t)).fits)) continue;
    const meant = a.to !== 'all' ? s.units.find((u) => u.id === a.to) : undefined;
    // The description's own words (radio/description.ts) are quoted as they are.
    const why = meant
      ? explain('checker.description.for-unit', { unit: meant.id, why: fitsDescription(d, selfAt(s, meant, t)).why })
      : explain('checker.empty');
    out.push(doc.diagnostic(['script', a.index, 'describe'], 'warning', explain('checker.description.fits-no-one', { t: Math.round(t), why })));
  }
  return out;
}

/** What a unit knows of itself at time t, as a listener does when the call comes. */
function selfAt(s: Scenario, u: UnitSpec, t: number): DescribedSelf {
  const k = kinematicsAt(s.motion[u.id]!, t);
  return { kind: u.kind, ...(u.service ? { service: u.service } : {}), lat: k.lat, lon: k.lon, courseDeg: k.headingDeg, speedKt: k.speedKt };
}
