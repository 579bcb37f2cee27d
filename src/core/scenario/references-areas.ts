/**
 * The scenario's areas and every reference to one: each area is one shape with a sensible window,
 * its declaring unit exists, and a trigger or a message's content names an area that exists (with
 * the nearest id offered when it does not).
 */
import type { SourceDoc } from '../yaml-source';
import { editDistance } from '../yaml-source';
import type { Diagnostic } from '../diagnostics';
import { parseTime, type ScenarioFile } from './schema';

/** ` (did you mean "x"?)` for the known id nearest a misspelt one, or nothing. */
function didYouMean(wrong: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestD = 4;
  for (const k of known) {
    const d = editDistance(wrong, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

export function checkAreas(doc: SourceDoc, s: ScenarioFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: (string | number)[], msg: string) => out.push(doc.diagnostic(path, 'error', msg));
  const warn = (path: (string | number)[], msg: string) => out.push(doc.diagnostic(path, 'warning', msg));
  const areaIds = new Set<string>();
  const unitIds = new Set(s.units.map((u) => u.id));
  const areas = s.areas ?? [];
  areas.forEach((a, i) => {
    const at = (...p: (string | number)[]) => ['areas', i, ...p];
    if (areaIds.has(a.id)) err(at('id'), `area id "${a.id}" is used twice; ids must be unique`);
    areaIds.add(a.id);
    if (!a.circle === !a.polygon) err(at('id'), `area "${a.id}" needs exactly one shape: circle: { lat, lon, radiusM } or polygon: [{ lat, lon }, …]`);
    if (a.declaredBy && !unitIds.has(a.declaredBy))
      err(at('declaredBy'), `area "${a.id}" is declared by "${a.declaredBy}", which is not a unit${didYouMean(a.declaredBy, unitIds)}`);
    const from = a.from !== undefined ? parseTime(a.from) : 0;
    const until = a.until !== undefined ? parseTime(a.until) : Infinity;
    if (until <= from) err(at('until'), `area "${a.id}" ends (${until} s) before it begins (${from} s)`);
    if (from > s.durationS) warn(at('from'), `area "${a.id}" comes into force at ${from} s, after the end of the scenario (${s.durationS} s)`);
  });
  const known = () => (areaIds.size ? [...areaIds].join(', ') : 'none (declare them under areas:)');
  const ref = (path: (string | number)[], id: string) => {
    if (!areaIds.has(id)) err(path, `no area "${id}"${didYouMean(id, areaIds)}; areas are ${known()}`);
  };
  s.script.forEach((a, i) => {
    if (a.on && (a.on.event === 'enters-area' || a.on.event === 'leaves-area')) {
      if (!a.on.area) err(['script', i, 'on'], `an ${a.on.event} trigger needs area: (one of ${known()})`);
      else ref(['script', i, 'on', 'area'], a.on.area);
    } else if (a.on?.area) warn(['script', i, 'on', 'area'], `area: is read only by enters-area and leaves-area triggers, not by ${a.on.event}`);
    if ((a.do === 'hail' || a.do === 'reply' || a.do === 'report') && a.content?.area) ref(['script', i, 'content', 'area'], a.content.area);
  });
  return out;
}
