/** Numbers as the ladder's causes and evidence print them, the same for radio and for signals. */

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  // A whole result as a small integer, not the double the division leaves: a double stored in an
  // evidence field makes it a double field, a number box for every reception (the antenna heights
  // and noise floor of the 1,000-unit hour: 44,600 boxes, all whole). -0 stays -0.
  return (r | 0) === r && !Object.is(r, -0) ? r | 0 : r;
}

/** 1 decimal below 100, none above: "41.3 km", "270 km". */
export function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1);
}

/** A copy quality 0..1 as "62%". */
export function pct(q: number): string {
  return `${Math.round(q * 100)}%`;
}
