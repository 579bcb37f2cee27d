/**
 * Areas as geometry: whether a point is inside a circle or polygon on the Earth, whether an area is
 * in force at a moment, and the ring of points that outlines it for the plot and the debrief. Pure
 * numbers in, numbers out; it imports only geo.ts, so the schema and the app can both use it.
 */
import { destination, groundDistanceM, type LatLon } from '../geo';

export const AREA_KINDS = ['exercise', 'training', 'air-defence-identification-zone', 'danger', 'other'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export type AreaShape = { circle: LatLon & { radiusM: number } } | { polygon: LatLon[] };

/** An area as the engine and the views use it: times already in seconds. */
export interface Area {
  id: string;
  name: string;
  kind: AreaKind;
  whose?: string;
  declaredBy?: string;
  shape: AreaShape;
  fromS: number;
  untilS: number;
}

/**
 * Ray casting in the plane of latitude and longitude: exact enough for areas of a few hundred
 * kilometres away from the poles and the antimeridian, which is where these encounters happen.
 */
export function insidePolygon(p: LatLon, ring: readonly LatLon[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lon < ((b.lon - a.lon) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lon) inside = !inside;
  }
  return inside;
}

export function insideCircle(p: LatLon, c: LatLon & { radiusM: number }): boolean {
  return groundDistanceM(p, c) <= c.radiusM;
}

export function insideShape(p: LatLon, shape: AreaShape): boolean {
  return 'circle' in shape ? insideCircle(p, shape.circle) : insidePolygon(p, shape.polygon);
}

/** In force at t: from its start up to (not including) its end. */
export function inForceAt(a: Pick<Area, 'fromS' | 'untilS'>, t: number): boolean {
  return t >= a.fromS && t < a.untilS;
}

/** Whether a point is inside an area that is in force at t. */
export function insideArea(p: LatLon, a: Area, t: number): boolean {
  return inForceAt(a, t) && insideShape(p, a.shape);
}

/** The points that outline a shape, in order (a circle as `segments` points on its edge). */
export function outline(shape: AreaShape, segments = 48): LatLon[] {
  if ('polygon' in shape) return shape.polygon.map((p) => ({ lat: p.lat, lon: p.lon }));
  const c = shape.circle;
  return Array.from({ length: segments }, (_, i) => destination(c, (360 * i) / segments, c.radiusM));
}

/** Where to write an area's name: the middle of its outline's extent. */
export function labelPoint(shape: AreaShape): LatLon {
  if ('circle' in shape) return { lat: shape.circle.lat, lon: shape.circle.lon };
  const lats = shape.polygon.map((p) => p.lat);
  const lons = shape.polygon.map((p) => p.lon);
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 };
}
