/** What the checker asks of areas before a run: whether another unit ever enters an area a unit declared. */
import { explain, type Explanation } from '../explain';
import type { Scenario } from './model';
import { positionAt } from './motion';
import { areasOf } from '../areas/areas';
import { insideArea } from '../areas/geometry';

/** Whether another unit is ever inside an area this unit declared while it is in force, sampled as the engine samples. */
export function entersDeclaredArea(s: Scenario, unitId: string): boolean {
  const declared = areasOf(s.spec).filter((a) => a.declaredBy === unitId);
  if (!declared.length) return false;
  const step = s.spec.environment.stepS;
  for (const u of s.units) {
    const m = s.motion[u.id];
    if (u.id === unitId || !m || u.kind === 'headquarters') continue;
    for (let t = 0; t <= s.spec.durationS; t += step) {
      const p = positionAt(m, t);
      if (declared.some((a) => insideArea(p, a, t))) return true;
    }
  }
  return false;
}

/**
 * Why a script action waiting for a unit to enter or leave an area never runs, or undefined when
 * some unit does (sampled as the engine samples, a unit inside at the start has not entered).
 */
export function areaTriggerNeverFires(s: Scenario, on: { event: 'enters-area' | 'leaves-area'; unit?: string; area?: string }): Explanation | undefined {
  const area = areasOf(s.spec).find((a) => a.id === on.area);
  if (!area) return undefined; // an error in references-areas.ts
  const step = s.spec.environment.stepS;
  const wanted = on.event === 'enters-area';
  for (const u of s.units) {
    const m = s.motion[u.id];
    if ((on.unit && u.id !== on.unit) || !m || u.kind === 'headquarters') continue;
    let was: boolean | undefined;
    for (let t = 0; t <= s.spec.durationS; t += step) {
      const inside = insideArea(positionAt(m, t), area, t);
      if (was !== undefined && was !== inside && inside === wanted) return undefined;
      was = inside;
    }
  }
  return on.unit
    ? explain(wanted ? 'checker.area.unit-never-enters' : 'checker.area.unit-never-leaves', { unit: on.unit, area: area.id })
    : explain(wanted ? 'checker.area.none-enters' : 'checker.area.none-leaves', { area: area.id });
}
