/**
 * The encounter as GeoJSON (RFC 7946) for GIS tools (QGIS, ArcGIS, geojson.io): each unit's track
 * as a LineString with the time of every vertex, each unit's position at a chosen moment as a
 * Point with heading and speed, and the scenario's areas as Polygons. Positions are [longitude,
 * latitude] in WGS 84, with altitude in metres as a third number for aircraft; rings run
 * counter-clockwise as the RFC asks.
 */
import type { Analysis } from '../analysis/report';
import { areasOf } from '../areas/areas';
import { outline } from '../areas/geometry';
import { kinematicsAt, positionAt } from '../scenario/motion';
import { traitsOf } from '../kinds';
import { utcAt } from './csv';

// The few GeoJSON types written here (the core imports no outside types; see eslint.config.js).
type GeoPosition = number[];
type Point = { type: 'Point'; coordinates: GeoPosition };
type LineString = { type: 'LineString'; coordinates: GeoPosition[] };
type Polygon = { type: 'Polygon'; coordinates: GeoPosition[][] };
type Geometry = Point | LineString | Polygon;
export interface Feature<G extends Geometry = Geometry> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: Record<string, unknown>;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Seven decimals of a degree: about a centimetre, finer than any track the files give. */
const deg = (x: number) => Math.round(x * 1e7) / 1e7;
const metres = (x: number) => Math.round(x * 10) / 10;

type UnitProps = { id: string; name: string; nation: string; kind: string; service: string | null; hull: string | null };

function position(lat: number, lon: number, altM: number, air: boolean): GeoPosition {
  return air ? [deg(lon), deg(lat), metres(altM)] : [deg(lon), deg(lat)];
}

/** Twice the signed area of a ring in the lon/lat plane: positive when it runs counter-clockwise. */
function signedArea(ring: readonly GeoPosition[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

export interface GeoJsonOptions {
  /** The moment of the position points, seconds from the start (default 0). */
  atS?: number;
}

export function encounterGeoJson(a: Analysis, opts: GeoJsonOptions = {}): FeatureCollection {
  const sc = a.run.scenario;
  const start = sc.spec.start;
  const end = a.run.durationS;
  const at = Math.max(0, Math.min(end, opts.atS ?? 0));
  const features: Feature[] = [];
  for (const u of sc.units) {
    const m = sc.motion[u.id];
    if (!m) continue;
    const air = traitsOf(u).element === 'air';
    const props: UnitProps = { id: u.id, name: u.name, nation: u.nation, kind: u.kind, service: u.service ?? null, hull: u.hull ?? null };
    // The track's vertices inside the run, with its ends where the run starts and stops.
    const times = [0, ...m.t.filter((t) => t > 0 && t < end), end];
    const coords = times.map((t) => {
      const p = positionAt(m, t);
      return position(p.lat, p.lon, p.altM, air);
    });
    const moved = coords.some((c) => c[0] !== coords[0]![0] || c[1] !== coords[0]![1]);
    if (moved) {
      const track: Feature<LineString> = {
        type: 'Feature',
        id: `track-${u.id}`,
        geometry: { type: 'LineString', coordinates: coords },
        properties: { ...props, feature: 'track', times_s: times, start_utc: utcAt(start, 0), end_utc: utcAt(start, end) },
      };
      features.push(track);
    }
    const k = kinematicsAt(m, at);
    const point: Feature<Point> = {
      type: 'Feature',
      id: `position-${u.id}`,
      geometry: { type: 'Point', coordinates: position(k.lat, k.lon, k.altM, air) },
      properties: {
        ...props,
        feature: 'position',
        t_s: at,
        utc: utcAt(start, at),
        heading_deg: Math.round(k.headingDeg),
        speed_kt: Math.round(k.speedKt * 10) / 10,
      },
    };
    features.push(point);
  }
  for (const area of areasOf(sc.spec)) {
    const ring = outline(area.shape).map((p) => [deg(p.lon), deg(p.lat)]);
    ring.push([...ring[0]!]);
    if (signedArea(ring) < 0) ring.reverse();
    const polygon: Feature<Polygon> = {
      type: 'Feature',
      id: `area-${area.id}`,
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        feature: 'area',
        id: area.id,
        name: area.name,
        kind: area.kind,
        whose: area.whose ?? null,
        declared_by: area.declaredBy ?? null,
        from_utc: utcAt(start, area.fromS),
        until_utc: Number.isFinite(area.untilS) ? utcAt(start, area.untilS) : null,
      },
    };
    features.push(polygon);
  }
  return { type: 'FeatureCollection', features };
}
