/** Grid and scale-bar maths for the plot (no pixi: unit-tested in Node). */
import { KM_PER_NM } from './projection';

/** Candidate grid spacings in degrees: 30″ … 10°. */
const GRID_STEPS_DEG = [0.5 / 60, 1 / 60, 2 / 60, 5 / 60, 10 / 60, 15 / 60, 30 / 60, 1, 2, 5, 10];

/** The smallest grid step that gives at most `maxLines` lines across `spanDeg`. */
export function gridStepDeg(spanDeg: number, maxLines = 7): number {
  for (const s of GRID_STEPS_DEG) if (spanDeg / s <= maxLines) return s;
  return GRID_STEPS_DEG[GRID_STEPS_DEG.length - 1]!;
}

/** 38°05′N, 134°36′E; seconds only when the step needs them (38°05′30″N). */
export function formatDeg(value: number, axis: 'lat' | 'lon', stepDeg = 1 / 60): string {
  const hemi = axis === 'lat' ? (value < 0 ? 'S' : 'N') : value < 0 ? 'W' : 'E';
  const a = Math.abs(value);
  const totalS = Math.round(a * 3600);
  const d = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const dd = axis === 'lon' ? String(d).padStart(3, '0') : String(d).padStart(2, '0');
  if (stepDeg >= 1 && m === 0 && s === 0) return `${dd}°${hemi}`;
  const mm = String(m).padStart(2, '0');
  if (stepDeg * 60 < 1 || s !== 0) return `${dd}°${mm}′${String(s).padStart(2, '0')}″${hemi}`;
  return `${dd}°${mm}′${hemi}`;
}

const NICE = [1, 2, 2.5, 5];

/** Largest 1-2-2.5-5 × 10ⁿ value not above `max`. */
export function niceBelow(max: number): number {
  if (!(max > 0)) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  let best = p;
  for (const n of NICE) if (n * p <= max) best = n * p;
  return best;
}

export interface ScaleBar {
  nm: number;
  km: number;
  /** Bar lengths in pixels. */
  nmPx: number;
  kmPx: number;
}

/** Scale-bar lengths for a view of `pxPerKm`, each bar at most `maxPx` long. */
export function scaleBar(pxPerKm: number, maxPx: number): ScaleBar {
  const maxKm = maxPx / pxPerKm;
  const km = niceBelow(maxKm);
  const nm = niceBelow(maxKm / KM_PER_NM);
  return { nm, km, nmPx: nm * KM_PER_NM * pxPerKm, kmPx: km * pxPerKm };
}

export function formatDistance(value: number, unit: 'nm' | 'km'): string {
  const s = value >= 1 ? String(+value.toFixed(2)) : String(+value.toPrecision(2));
  return `${s} ${unit}`;
}
