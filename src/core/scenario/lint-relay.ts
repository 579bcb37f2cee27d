/**
 * Warnings about a headquarters relay that cannot complete: a unit of one side reports to its
 * headquarters, which contacts its counterpart (a hq-contact rule), whose relay rule should pass
 * the message to its own unit concerned, and that headquarters has no link to that unit (relays go
 * over links only, units/comms.ts). The run then records the relay as 'cannot'. A unit whose own
 * headquarters it is gets the warnings of lint.ts and references.ts about its missing link; this
 * covers the units of that side that have none, or another one.
 */
import type { SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain } from '../explain';
import type { Scenario } from './model';
import type { UnitSpec } from './schema';
import { binds } from '../procedure/duties';
import { observes, rulesOfType } from '../procedure/load';
import { isAshore } from '../kinds';
import { linkTable } from './link-table';

export function lintRelay(doc: SourceDoc, s: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  const links = s.spec.links;
  const byId = new Map(s.units.map((u) => [u.id, u]));
  const contacts = rulesOfType(s.procedure, 'hq-contact');
  const relays = rulesOfType(s.procedure, 'relay');
  if (contacts.length === 0 || relays.length === 0) return out;
  const { linked } = linkTable(links);
  const reportRules = rulesOfType(s.procedure, 'report');
  const scripted = new Set(s.script.filter((a) => a.do === 'report').map((a) => a.unit));
  // A unit that can get a report to its headquarters: by script or by a rule, over a link.
  const reports = (u: UnitSpec) => !!u.headquarters && linked(u.id, u.headquarters) && (scripted.has(u.id) || reportRules.some((r) => binds(r, u)));
  for (const from of s.units) {
    if (from.kind !== 'headquarters' || !from.counterpart) continue;
    const to = byId.get(from.counterpart);
    if (!to || !linked(from.id, to.id)) continue;
    const contact = contacts.find((r) => binds(r, from) && observes(r, from));
    const relay = relays.find((r) => binds(r, to) && observes(r, to));
    if (!contact || !relay) continue;
    const reporters = s.units.filter((u) => u.headquarters === from.id && reports(u));
    if (reporters.length === 0) continue;
    // The units a report may concern: the other side's units on scene that the procedure binds.
    s.units.forEach((u, i) => {
      if (u.nation !== to.nation || isAshore(u) || u.headquarters === to.id || linked(u.id, to.id)) return;
      if (!s.procedure.rules.some((r) => binds(r, u))) return;
      out.push(
        doc.diagnostic(
          u.headquarters !== undefined ? ['units', i, 'headquarters'] : ['units', i, 'id'],
          'warning',
          explain('checker.relay.no-link', {
            hq: to.id,
            unit: u.id,
            counterpart: from.id,
            reporters: reporters.map((r) => `"${r.id}"`),
            contact: contact.qid,
            relay: relay.qid,
            setHq: u.headquarters === undefined,
          }),
        ),
      );
    });
  }
  return out;
}
