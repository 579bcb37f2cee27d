/**
 * Natural Earth land (world-atlas, land-data.ts) projected onto the plot's kilometre grid and
 * turned into pixi geometry. Two levels of detail: 1:110 million draws the first frame, 1:50
 * million (the coast a trainer zooms in on) replaces it once it has loaded (issue 8).
 */
import { geoStream, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import { GraphicsContext } from 'pixi.js';
import type { FeatureCollection, Geometry } from 'geojson';
import { makeProjection, type MapProjection } from './projection';
import { fetchLand, type LandLevel } from './land-data';
import { LAND, SHORE } from './style';

const features = new Map<LandLevel, Promise<FeatureCollection<Geometry>>>();

/** The land polygons at a level of detail as GeoJSON, loaded once per page. */
export function loadLand(level: LandLevel): Promise<FeatureCollection<Geometry>> {
  let p = features.get(level);
  if (!p) {
    p = fetchLand(level).then((topo) => feature(topo, topo.objects.land) as FeatureCollection<Geometry>);
    p.catch(() => features.delete(level));
    features.set(level, p);
  }
  return p;
}

/**
 * A d3-geo stream that draws into a pixi GraphicsContext, as d3's geoPath does into a canvas
 * context (each line a moveTo and lineTos, closed when it is a polygon's ring). geoPath itself
 * would also bring d3's area, length, bounds and centroid code, which the plot never uses.
 */
function contextStream(ctx: GraphicsContext): GeoStream {
  let inPolygon = false;
  let first = false;
  let inLine = false;
  return {
    polygonStart() {
      inPolygon = true;
    },
    polygonEnd() {
      inPolygon = false;
    },
    lineStart() {
      inLine = true;
      first = true;
    },
    lineEnd() {
      if (inPolygon) ctx.closePath();
      inLine = false;
    },
    point(x: number, y: number) {
      // A point outside any line (d3 would draw a small circle) does not occur in land polygons.
      if (!inLine) return;
      if (first) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
      first = false;
    },
    sphere() {},
  };
}

/**
 * Filled land with a thin shoreline, in world km, clipped to a box of ±hx × ±hy km about the
 * projection centre (d3 clips polygons properly, so clipped land stays filled).
 */
export function landContext(
  land: FeatureCollection<Geometry>,
  proj: MapProjection,
  half: { hx: number; hy: number },
  opts: { fill?: number; shore?: number; shoreAlpha?: number } = {},
): GraphicsContext {
  const clipped = makeProjection(proj.centre.lat, proj.centre.lon).d3.clipExtent([
    [-half.hx, -half.hy],
    [half.hx, half.hy],
  ]);
  const ctx = new GraphicsContext();
  geoStream(land, clipped.stream(contextStream(ctx)));
  ctx.fill({ color: opts.fill ?? LAND });
  ctx.stroke({ color: opts.shore ?? SHORE, alpha: opts.shoreAlpha ?? 0.7, width: 1, pixelLine: true });
  return ctx;
}
