/**
 * Orders for text that every machine agrees on. Reports and logs are compared byte for byte
 * across machines, so nothing the core sorts may depend on the host's locale: no
 * `localeCompare`, no `Intl.Collator` (under `LC_ALL=da_DK.UTF-8`, "aa" sorts after "å").
 */

/** By UTF-16 code unit, as `<` compares strings: the same order on every host. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const RUNS = /(\d+)/;

/**
 * Like byCodePoint, but runs of digits compare as numbers, so "tx-9" comes before "tx-10".
 * Equal numbers written differently ("007", "7") are then told apart by their text.
 */
export function byNatural(a: string, b: string): number {
  if (a === b) return 0;
  const pa = a.split(RUNS);
  const pb = b.split(RUNS);
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    // split() with a capture group puts the digit runs at the odd places.
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return byCodePoint(x, y);
  }
  return pa.length - pb.length < 0 ? -1 : pa.length > pb.length ? 1 : 0;
}
