/**
 * Where the sun stands, for whether flags can be read and how far a lamp is seen. A low-precision
 * solar position (the almanac's mean-longitude formula, good to about a degree): enough to tell
 * day, twilight and night. Time comes from the scenario's start and the run's clock, never the
 * machine's, so a run is the same on every machine.
 */

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** Days from 1970-01-01 to a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Seconds since 1970-01-01T00:00Z of an ISO time with its zone ("2019-03-02T21:40:00+09:00"); NaN if it is not one. */
export function isoToUnixS(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (!m) return NaN;
  const local = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * 86_400 + Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
  const offset = m[7] === 'Z' ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 3600 + Number(m[10]) * 60);
  return local - offset;
}

/** The sun's elevation above the horizon, degrees (negative below it), at a place and time. */
export function sunElevationDeg(unixS: number, lat: number, lon: number): number {
  const d = unixS / 86_400 - 10_957.5; // days from J2000.0
  const g = rad(357.529 + 0.98560028 * d);
  const q = 280.459 + 0.98564736 * d;
  const lambda = rad(q + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g));
  const e = rad(23.439 - 0.00000036 * d);
  const ra = Math.atan2(Math.cos(e) * Math.sin(lambda), Math.cos(lambda));
  const dec = Math.asin(Math.sin(e) * Math.sin(lambda));
  const gmstDeg = (18.697374558 + 24.06570982441908 * d) * 15;
  const hourAngle = rad(gmstDeg + lon) - ra;
  const sinEl = Math.sin(rad(lat)) * Math.sin(dec) + Math.cos(rad(lat)) * Math.cos(dec) * Math.cos(hourAngle);
  return deg(Math.asin(Math.max(-1, Math.min(1, sinEl))));
}

/**
 * The sun above this elevation (civil twilight, 6° below the horizon) gives light enough to make
 * out a flag's colours; below it, it is night for signalling [U].
 */
export const DAYLIGHT_ABOVE_DEG = -6;

export function isDaylight(elevationDeg: number): boolean {
  return elevationDeg > DAYLIGHT_ABOVE_DEG;
}
