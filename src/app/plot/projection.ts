/**
 * Map maths for the tactical plot, free of pixi so unit tests can import it.
 *
 * World coordinates are kilometres on a stereographic projection centred on the scenario's
 * location: conformal (shapes and bearings are true locally), scale factor 1 at the centre and
 * within 0.2 % of it for 1,000 km, so one world unit is one kilometre anywhere the plot shows.
 * x grows east, y grows south (screen convention), north is up.
 */
import { geoStereographic, type GeoProjection } from 'd3-geo';

export const EARTH_RADIUS_KM = 6371;
export const KM_PER_NM = 1.852;

export interface MapProjection {
  /** The d3 projection (input [lon, lat], output [x km, y km]). */
  d3: GeoProjection;
  centre: { lat: number; lon: number };
  project(lat: number, lon: number): [number, number];
  /** Inverse: [lat, lon] of a world point. */
  invert(x: number, y: number): [number, number];
}

export function makeProjection(lat: number, lon: number): MapProjection {
  // d3's raw stereographic is tan(c/2) (not 2·tan(c/2)), so the scale is the diameter.
  const d3 = geoStereographic()
    .rotate([-lon, -lat])
    .scale(2 * EARTH_RADIUS_KM)
    .translate([0, 0])
    .precision(0.2);
  return {
    d3,
    centre: { lat, lon },
    project(la, lo) {
      const p = d3([lo, la]);
      return p ? [p[0], p[1]] : [0, 0];
    },
    invert(x, y) {
      const g = d3.invert?.([x, y]);
      return g ? [g[1], g[0]] : [lat, lon];
    },
  };
}

/** A screen ↔ world transform: a point (cx, cy) in km at the centre of a width × height view. */
export class Camera {
  cx = 0;
  cy = 0;
  /** Pixels per kilometre. */
  scale = 20;
  width = 800;
  height = 600;
  maxScale = 800;
  /** How far (km) the view centre may wander from the origin. */
  maxOffsetKm = 900;
  /** The widest view: half its larger side, km (the land is mapped to ±2,000 km). */
  maxViewHalfKm = 1000;

  /** Smallest scale: the larger side of the view spans at most 2 × maxViewHalfKm. */
  get minScale(): number {
    return Math.max(this.width, this.height) / (2 * this.maxViewHalfKm);
  }

  sx(wx: number): number {
    return (wx - this.cx) * this.scale + this.width / 2;
  }
  sy(wy: number): number {
    return (wy - this.cy) * this.scale + this.height / 2;
  }
  wx(sx: number): number {
    return (sx - this.width / 2) / this.scale + this.cx;
  }
  wy(sy: number): number {
    return (sy - this.height / 2) / this.scale + this.cy;
  }

  resize(width: number, height: number): void {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
  }

  panBy(dxPx: number, dyPx: number): void {
    this.cx -= dxPx / this.scale;
    this.cy -= dyPx / this.scale;
    this.clamp();
  }

  /** Zooms by `factor` keeping the world point under screen (sx, sy) where it is. */
  zoomAt(sx: number, sy: number, factor: number): void {
    const wx = this.wx(sx);
    const wy = this.wy(sy);
    this.scale = Math.min(this.maxScale, Math.max(this.minScale, this.scale * factor));
    this.cx = wx - (sx - this.width / 2) / this.scale;
    this.cy = wy - (sy - this.height / 2) / this.scale;
    this.clamp();
  }

  /** Frames a world box with a margin (fraction of the view on each side); minSpanKm keeps tiny boxes readable. */
  fit(box: { x0: number; y0: number; x1: number; y1: number }, margin = 0.12, minSpanKm = 4): void {
    const w = Math.max(box.x1 - box.x0, minSpanKm);
    const h = Math.max(box.y1 - box.y0, minSpanKm);
    this.cx = (box.x0 + box.x1) / 2;
    this.cy = (box.y0 + box.y1) / 2;
    const usableW = this.width * (1 - 2 * margin);
    const usableH = this.height * (1 - 2 * margin);
    this.scale = Math.min(this.maxScale, Math.max(this.minScale, Math.min(usableW / w, usableH / h)));
    this.clamp();
  }

  clamp(): void {
    const r = Math.hypot(this.cx, this.cy);
    if (r > this.maxOffsetKm) {
      this.cx *= this.maxOffsetKm / r;
      this.cy *= this.maxOffsetKm / r;
    }
  }

  /** Visible world box. */
  view(): { x0: number; y0: number; x1: number; y1: number } {
    return { x0: this.wx(0), y0: this.wy(0), x1: this.wx(this.width), y1: this.wy(this.height) };
  }
}

/**
 * Robust framing of the encounter: centre on the median point; frame every point within 1.2 × the
 * 85th-percentile distance from it. A departure leg or a wide orbit at the edge of the run is left
 * to the edge markers rather than shrinking the whole picture.
 */
export function encounterBox(points: readonly [number, number][], minRadiusKm = 2.5): { x0: number; y0: number; x1: number; y1: number } {
  if (points.length === 0) return { x0: -minRadiusKm, y0: -minRadiusKm, x1: minRadiusKm, y1: minRadiusKm };
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  const mx = median(points.map((p) => p[0]));
  const my = median(points.map((p) => p[1]));
  const d = points.map((p) => Math.hypot(p[0] - mx, p[1] - my)).sort((a, b) => a - b);
  const r85 = d[Math.min(d.length - 1, Math.floor(d.length * 0.85))]!;
  const inside = points.filter((p) => Math.hypot(p[0] - mx, p[1] - my) <= Math.max(r85 * 1.2, minRadiusKm));
  let x0 = mx - minRadiusKm;
  let x1 = mx + minRadiusKm;
  let y0 = my - minRadiusKm;
  let y1 = my + minRadiusKm;
  for (const [x, y] of inside) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}
