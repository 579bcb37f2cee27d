/**
 * A unit that calls or may be called needs call signs: the display name labels the plot and is
 * never said on the air, so without call signs the radio falls back to nationality, type and hull.
 */
import type { SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain } from '../explain';
import type { Scenario } from './model';
import { fallbackCallSign } from '../radio/callsign';

export function lintCallSigns(doc: SourceDoc, scenario: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  scenario.units.forEach((u, i) => {
    // A unit with no set and no link can neither call nor hear a call.
    if (u.callSigns.length || (!u.radios.length && !u.links.length)) return;
    const said = fallbackCallSign(u, scenario.procedure);
    out.push(doc.diagnostic(['units', i], 'warning', explain('checker.callsigns.missing', { unit: u.id, said, name: u.name })));
  });
  return out;
}
