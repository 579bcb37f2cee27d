/**
 * A scripted call made while its caller or its addressee is an aircraft still on deck (or already
 * landed) cannot be received: its radios are off (presence.ts). Warned at the call's time, as the
 * call-range check warns of a call made beyond the horizon.
 */
import type { SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain, type Explanation } from '../explain';
import type { Scenario } from './model';
import { flightWindow, presentAt } from './presence';
import type { UnitSpec } from './schema';

export function lintFlightCalls(doc: SourceDoc, s: Scenario): Diagnostic[] {
  if (!s.units.some((u) => u.takeOff || u.landing)) return [];
  const out: Diagnostic[] = [];
  const byId = new Map(s.units.map((u) => [u.id, u]));
  for (const a of s.script) {
    if ((a.do !== 'hail' && a.do !== 'reply') || a.atS === undefined) continue;
    const t = a.atS;
    const from = byId.get(a.unit);
    const to = a.to === 'all' ? undefined : byId.get(a.to);
    if (from && !presentAt(from, t))
      out.push(doc.diagnostic(['script', a.index, 'at'], 'warning', explain('checker.flight-call.caller-absent', { when: where(from, t) })));
    else if (to && !presentAt(to, t))
      out.push(doc.diagnostic(['script', a.index, 'at'], 'warning', explain('checker.flight-call.addressee-absent', { when: where(to, t) })));
  }
  return out;
}

function where(u: UnitSpec, t: number): Explanation {
  const w = flightWindow(u);
  return t < w.from
    ? explain('checker.flight-call.before-takeoff', { t: Math.round(t), unit: u.id, takeoff: w.from })
    : explain('checker.flight-call.after-landing', { t: Math.round(t), unit: u.id, landing: w.until });
}
