/**
 * Warnings about scripted acts (`do: conduct`) that no rule will judge: an act no `avoid` rule of
 * the procedure names, or a forbidden act towards a unit of the actor's own nation (the
 * assurance measures speak of units encountered). The run records the act either way.
 */
import type { SourceDoc } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { explain } from '../explain';
import type { Scenario } from './model';
import { rulesOfType } from '../procedure/load';
import { CONDUCT_MEASURE } from '../conduct';

export function lintConduct(doc: SourceDoc, s: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  const forbidden = new Set<string>(rulesOfType(s.procedure, 'avoid').map((r) => r.action));
  const nation = (id: string) => s.units.find((u) => u.id === id)?.nation;
  for (const a of s.script) {
    if (a.do !== 'conduct' || CONDUCT_MEASURE[a.act] === null) continue;
    if (!forbidden.has(a.act))
      out.push(doc.diagnostic(['script', a.index, 'act'], 'warning', explain('checker.conduct.not-forbidden', { procedure: s.procedure.id, act: a.act })));
    else if (nation(a.unit) === nation(a.target))
      out.push(doc.diagnostic(['script', a.index, 'target'], 'warning', explain('checker.conduct.same-nation', { target: a.target, unit: a.unit })));
  }
  return out;
}
