/** The scenario's areas as the engine and the views use them: shapes and windows in seconds. */
import { parseTime, type AreaSpec } from '../scenario/schema';
import type { Area } from './geometry';

export function areaOf(a: AreaSpec): Area {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    ...(a.whose ? { whose: a.whose } : {}),
    ...(a.declaredBy ? { declaredBy: a.declaredBy } : {}),
    shape: a.circle ? { circle: a.circle } : { polygon: a.polygon ?? [] },
    fromS: a.from !== undefined ? parseTime(a.from) : 0,
    // An area with no end stays in force for the whole run.
    untilS: a.until !== undefined ? parseTime(a.until) : Infinity,
  };
}

export function areasOf(spec: { areas?: AreaSpec[] }): Area[] {
  return (spec.areas ?? []).map(areaOf);
}
