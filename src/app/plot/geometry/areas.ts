/**
 * The scenario's areas on the plot (no pixi: unit-tested in Node): the ones in force at the
 * playhead, each as a ring of screen points with a spot for its name. Geometry of the areas
 * themselves is the core's (core/areas/geometry.ts); this only projects it.
 */
import { inForceAt, labelPoint, outline, type Area } from '../../../core/areas/geometry';

export interface AreaOnScreen {
  id: string;
  name: string;
  kind: string;
  whose?: string;
  /** Screen px, in order round the edge. */
  ring: [number, number][];
  /** Where its name goes (screen px). */
  label: { x: number; y: number };
}

/** Areas in force at `t`, projected with `toScreen` (lat, lon → screen px); those wholly off a w × h view are left out. */
export function areasOnScreen(
  areas: readonly Area[],
  t: number,
  toScreen: (lat: number, lon: number) => [number, number],
  w: number,
  h: number,
): AreaOnScreen[] {
  const out: AreaOnScreen[] = [];
  for (const a of areas) {
    if (!inForceAt(a, t)) continue;
    const ring = outline(a.shape).map((p) => toScreen(p.lat, p.lon));
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    if (Math.max(...xs) < 0 || Math.min(...xs) > w || Math.max(...ys) < 0 || Math.min(...ys) > h) continue;
    const c = labelPoint(a.shape);
    const [x, y] = toScreen(c.lat, c.lon);
    out.push({ id: a.id, name: a.name, kind: a.kind, ...(a.whose ? { whose: a.whose } : {}), ring, label: { x, y } });
  }
  return out;
}
