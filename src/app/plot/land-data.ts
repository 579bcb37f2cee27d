/**
 * Natural Earth land (world-atlas) as data files, not code (issue 8): vite copies the TopoJSON
 * files into the build and they are fetched from the app's own origin when wanted. No pixi and
 * no d3 here, so main.ts can start fetching the coarse land while the plot's code loads.
 */
import type { Topology, GeometryCollection } from 'topojson-specification';
import coarseUrl from 'world-atlas/land-110m.json?url';
import detailedUrl from 'world-atlas/land-50m.json?url';

export type LandTopology = Topology<{ land: GeometryCollection }>;
/** 1:110 million (21 KB gzip) for the first frame; 1:50 million (170 KB gzip) once the plot is up. */
export type LandLevel = 'coarse' | 'detailed';

const URLS: Record<LandLevel, string> = { coarse: coarseUrl, detailed: detailedUrl };
const pending = new Map<LandLevel, Promise<LandTopology>>();

/** The land at a level of detail, fetched once per page. */
export function fetchLand(level: LandLevel): Promise<LandTopology> {
  let p = pending.get(level);
  if (!p) {
    p = fetch(URLS[level]).then((r) => {
      if (!r.ok) throw new Error(`${URLS[level]}: HTTP ${r.status}`);
      return r.json() as Promise<LandTopology>;
    });
    // A failed fetch may be tried again later.
    p.catch(() => pending.delete(level));
    pending.set(level, p);
  }
  return p;
}
