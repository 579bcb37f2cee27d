/** Numbers as the ladder's causes and evidence print them, the same for radio and for signals. */

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** 1 decimal below 100, none above: "41.3 km", "270 km". */
export function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1);
}

/** A copy quality 0..1 as "62%". */
export function pct(q: number): string {
  return `${Math.round(q * 100)}%`;
}
