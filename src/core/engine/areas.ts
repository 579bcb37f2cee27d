/**
 * Units entering and leaving the scenario's areas, found at each sampling step: the scheduler logs
 * a note, tells the unit that declared the area (its procedure's area-entered rules), and offers
 * enters-area and leaves-area to the script. A unit already inside at the first sample has not
 * entered: it was there when the story starts.
 */
import { explain, unitRef } from '../explain';
import { positionAt } from '../scenario/motion';
import { insideArea } from '../areas/geometry';
import { UNNUMBERED, type Happening, type World } from './world';

/** Whether each unit was inside each area at the last sample: "unit|area" → inside. */
export type AreaWatch = Map<string, boolean>;

export function senseAreas(w: World, watch: AreaWatch): Happening[] {
  const areas = w.areas ?? [];
  if (!areas.length) return [];
  const out: Happening[] = [];
  const first = watch.size === 0;
  for (const [id, u] of w.units) {
    const m = w.scenario.motion[id];
    if (!m || u.spec.kind === 'headquarters') continue;
    const p = positionAt(m, w.now);
    for (const a of areas) {
      const key = `${id}|${a.id}`;
      const inside = insideArea(p, a, w.now);
      const was = watch.get(key);
      watch.set(key, inside);
      if (first || was === undefined || was === inside) continue;
      const cause = { kind: 'sensor' as const, ref: `area:${a.id}` };
      const tellDeclarer = inside && a.declaredBy && a.declaredBy !== id && w.units.has(a.declaredBy);
      out.push({
        entry: {
          seq: UNNUMBERED,
          type: 'note',
          t: w.now,
          unit: id,
          text: `${u.spec.name} ${inside ? 'enters' : 'leaves'} ${a.kind} area "${a.name}" (${a.id})`,
          why: explain(inside ? 'ladder.area.enters' : 'ladder.area.leaves', { unit: unitRef(id), kind: a.kind, name: a.name, id: a.id }),
          cause,
        },
        tell: tellDeclarer
          ? [
              {
                unit: a.declaredBy!,
                event: {
                  type: 'trigger.area-entered',
                  about: id,
                  detail: `${u.spec.name} entered ${a.name}`,
                  detailWhy: explain('ladder.trigger.area-entered', { unit: unitRef(id), area: a.name }),
                  says: `you are entering ${a.name}`,
                },
                cause,
              },
            ]
          : [],
        scripts: [{ event: inside ? 'enters-area' : 'leaves-area', unit: id, area: a.id }],
      });
    }
  }
  return out;
}
