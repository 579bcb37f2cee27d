/**
 * Natural Earth land (world-atlas land-50m, bundled by vite as its own chunk: nothing is fetched
 * from another origin) projected onto the plot's kilometre grid and turned into pixi geometry.
 */
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { GraphicsContext } from 'pixi.js';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { makeProjection, type MapProjection } from './projection';
import { LAND, SHORE } from './style';

let landPromise: Promise<FeatureCollection<Geometry>> | null = null;

/** The land polygons as GeoJSON, loaded once per page. */
export function loadLand(): Promise<FeatureCollection<Geometry>> {
  // ?raw keeps TypeScript from typing half a megabyte of JSON; vite bundles the text in its own chunk.
  landPromise ??= import('world-atlas/land-50m.json?raw').then((m) => {
    const topo = JSON.parse(m.default) as Topology<{ land: GeometryCollection }>;
    return feature(topo, topo.objects.land) as FeatureCollection<Geometry>;
  });
  return landPromise;
}

/** Receives d3-geo path commands and replays them into a pixi GraphicsContext. */
class PathSink {
  constructor(private readonly ctx: GraphicsContext) {}
  moveTo(x: number, y: number): void {
    this.ctx.moveTo(x, y);
  }
  lineTo(x: number, y: number): void {
    this.ctx.lineTo(x, y);
  }
  closePath(): void {
    this.ctx.closePath();
  }
  arc(): void {}
  beginPath(): void {}
}

/**
 * Filled land with a thin shoreline, in world km, clipped to a box of ±hx × ±hy km about the
 * projection centre (d3 clips polygons properly, so clipped land stays filled).
 */
export function landContext(land: FeatureCollection<Geometry>, proj: MapProjection, half: { hx: number; hy: number }, opts: { fill?: number; shore?: number; shoreAlpha?: number } = {}): GraphicsContext {
  const clipped = makeProjection(proj.centre.lat, proj.centre.lon).d3.clipExtent([
    [-half.hx, -half.hy],
    [half.hx, half.hy],
  ]);
  const ctx = new GraphicsContext();
  const path = geoPath(clipped, new PathSink(ctx) as unknown as CanvasRenderingContext2D);
  path(land);
  ctx.fill({ color: opts.fill ?? LAND });
  ctx.stroke({ color: opts.shore ?? SHORE, alpha: opts.shoreAlpha ?? 0.7, width: 1, pixelLine: true });
  return ctx;
}
