/**
 * The scenario's areas and every reference to one: each area is one shape with a sensible window,
 * its declaring unit exists, and a trigger or a message's content names an area that exists (with
 * the nearest id offered when it does not).
 */
import type { SourceDoc } from '../yaml-source';
import { didYouMean as hintFor, editDistance } from '../yaml-source';
import { explain, type Explanation, type ParamValue } from '../explain';
import type { Diagnostic } from '../diagnostics';
import { parseTime, type ScenarioFile } from './schema';

/** ` (did you mean "x"?)` for the known id nearest a misspelt one, or nothing. */
function didYouMean(wrong: string, known: Iterable<string>): Explanation {
  let best: string | undefined;
  let bestD = 4;
  for (const k of known) {
    const d = editDistance(wrong, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return hintFor(best || undefined);
}

export function checkAreas(doc: SourceDoc, s: ScenarioFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: (string | number)[], e: Explanation) => out.push(doc.diagnostic(path, 'error', e));
  const warn = (path: (string | number)[], e: Explanation) => out.push(doc.diagnostic(path, 'warning', e));
  const areaIds = new Set<string>();
  const unitIds = new Set(s.units.map((u) => u.id));
  const areas = s.areas ?? [];
  areas.forEach((a, i) => {
    const at = (...p: (string | number)[]) => ['areas', i, ...p];
    if (areaIds.has(a.id)) err(at('id'), explain('checker.area.duplicate-id', { area: a.id }));
    areaIds.add(a.id);
    if (!a.circle === !a.polygon) err(at('id'), explain('checker.area.one-shape', { area: a.id }));
    if (a.declaredBy && !unitIds.has(a.declaredBy))
      err(at('declaredBy'), explain('checker.area.unknown-declarer', { area: a.id, unit: a.declaredBy, hint: didYouMean(a.declaredBy, unitIds) }));
    const from = a.from !== undefined ? parseTime(a.from) : 0;
    const until = a.until !== undefined ? parseTime(a.until) : Infinity;
    if (until <= from) err(at('until'), explain('checker.area.ends-before-start', { area: a.id, until, from }));
    if (from > s.durationS) warn(at('from'), explain('checker.area.after-end', { area: a.id, from, durationS: s.durationS }));
  });
  const known = (): ParamValue => (areaIds.size ? [...areaIds] : explain('checker.area.none-declared'));
  const ref = (path: (string | number)[], id: string) => {
    if (!areaIds.has(id)) err(path, explain('checker.area.unknown', { area: id, hint: didYouMean(id, areaIds), areas: known() }));
  };
  s.script.forEach((a, i) => {
    if (a.on && (a.on.event === 'enters-area' || a.on.event === 'leaves-area')) {
      if (!a.on.area) err(['script', i, 'on'], explain('checker.area.trigger-needs-area', { event: a.on.event, areas: known() }));
      else ref(['script', i, 'on', 'area'], a.on.area);
    } else if (a.on?.area) warn(['script', i, 'on', 'area'], explain('checker.area.ignored', { event: a.on.event }));
    if ((a.do === 'hail' || a.do === 'reply' || a.do === 'report') && a.content?.area) ref(['script', i, 'content', 'area'], a.content.area);
  });
  return out;
}
