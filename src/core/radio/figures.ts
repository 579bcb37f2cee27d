/** Numbers as the ladder's causes and evidence print them, the same for radio and for signals. */

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return wholeAsInteger(Math.round(x * f) / f);
}

/**
 * A whole number as a small integer, not the double a division or a Float64Array read leaves: a
 * double stored in a log entry's field makes it a double field, a number box of its own for every
 * entry (the evidence's antenna heights and noise floor: 44,600 boxes in the 1,000-unit hour; the
 * entries' times: 240,000), each one more object for the collector to copy. -0 stays -0.
 */
export function wholeAsInteger(x: number): number {
  return (x | 0) === x && !Object.is(x, -0) ? x | 0 : x;
}

/** 1 decimal below 100, none above: "41.3 km", "270 km". */
export function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1);
}

/** A copy quality 0..1 as "62%". */
export function pct(q: number): string {
  return `${Math.round(q * 100)}%`;
}
