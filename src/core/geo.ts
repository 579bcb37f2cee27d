/** Positions and distances on a spherical Earth; the areas involved are tens of km. */
export interface LatLon {
  lat: number;
  lon: number;
}
export interface Position extends LatLon {
  /** Height above sea level, metres (antenna or flight altitude). */
  altM: number;
}

export const EARTH_RADIUS_M = 6_371_000;
export const METRES_PER_NM = 1852;

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** Great-circle ground distance in metres (haversine). */
export function groundDistanceM(a: LatLon, b: LatLon): number {
  return groundDistanceDegM(a.lat, a.lon, b.lat, b.lon);
}

/** groundDistanceM from bare degrees, for loops that keep positions in arrays. */
export function groundDistanceDegM(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = rad(bLat - aLat);
  const dLon = rad(bLon - aLon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(aLat)) * Math.cos(rad(bLat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Latitudes and longitudes between bounds, degrees. */
export interface LatLonBox {
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
}

/**
 * A lower bound on the ground distance (metres) between any point of one box and any point of
 * the other. In the haversine, sin²(Δφ/2) grows with the latitude gap and cos φ₁ cos φ₂ sin²(Δλ/2)
 * is at least cos² of the latitude furthest from the equator times the longitude gap's term.
 */
export function boxGapM(a: LatLonBox, b: LatLonBox): number {
  const dLat = rad(Math.max(0, b.latMin - a.latMax, a.latMin - b.latMax));
  const spansLon = Math.max(a.lonMax, b.lonMax) - Math.min(a.lonMin, b.lonMin) > 180;
  // Across the antimeridian the longitude gap says nothing.
  const dLon = spansLon ? 0 : rad(Math.max(0, b.lonMin - a.lonMax, a.lonMin - b.lonMax));
  const furthest = rad(Math.max(Math.abs(a.latMin), Math.abs(a.latMax), Math.abs(b.latMin), Math.abs(b.latMax)));
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(furthest) ** 2 * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Slant range in metres, ignoring curvature in the height term (fine at these ranges). */
export function slantDistanceM(a: Position, b: Position): number {
  const g = groundDistanceM(a, b);
  return Math.hypot(g, b.altM - a.altM);
}

/** Initial true bearing from a to b, degrees 0..360. */
export function bearingDeg(a: LatLon, b: LatLon): number {
  const y = Math.sin(rad(b.lon - a.lon)) * Math.cos(rad(b.lat));
  const x = Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) - Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

/** The point at a bearing and ground distance from an origin. */
export function destination(from: LatLon, bearing: number, distanceM: number): LatLon {
  const d = distanceM / EARTH_RADIUS_M;
  const b = rad(bearing);
  const lat1 = rad(from.lat);
  const lon1 = rad(from.lon);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: deg(lat2), lon: ((deg(lon2) + 540) % 360) - 180 };
}

export function lerp(a: number, b: number, f: number): number {
  return a + (b - a) * f;
}
