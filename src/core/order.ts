/**
 * Orders for text that every machine agrees on. Reports and logs are compared byte for byte
 * across machines, so nothing the core sorts may depend on the host's locale: no
 * `localeCompare`, no `Intl.Collator` (under `LC_ALL=da_DK.UTF-8`, "aa" sorts after "å").
 */

/** By UTF-16 code unit, as `<` compares strings: the same order on every host. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Like byCodePoint, but runs of digits compare as numbers, so "tx-9" comes before "tx-10".
 * Equal numbers written differently ("007", "7") are then told apart by their text.
 *
 * Read as the pieces `split(/(\d+)/)` gives (text, digits, text, …, text), compared piece by
 * piece, but walked in place: the analysis puts 15,000 calls in order at 1,000 units, and the
 * split lists were a tenth of what it allocated.
 */
export function byNatural(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (let digits = false; ; digits = !digits) {
    const ie = pieceEnd(a, i, digits);
    const je = pieceEnd(b, j, digits);
    if (!samePiece(a, i, ie, b, j, je)) {
      if (digits) {
        const d = Number(a.slice(i, ie)) - Number(b.slice(j, je));
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      return byCodePointIn(a, i, ie, b, j, je);
    }
    // A text piece ends a string's pieces where the string ends; a digit run is always followed by one.
    if (!digits && (ie === a.length || je === b.length)) return ie === a.length ? (je === b.length ? 0 : -1) : 1;
    i = ie;
    j = je;
  }
}

/** A UTF-16 code unit that is an ASCII digit, 0–9. */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Where the piece from `at` ends: a run of digits, or of anything else. */
function pieceEnd(s: string, at: number, digits: boolean): number {
  let k = at;
  while (k < s.length && isDigit(s.charCodeAt(k)) === digits) k++;
  return k;
}

function samePiece(a: string, i: number, ie: number, b: string, j: number, je: number): boolean {
  if (ie - i !== je - j) return false;
  for (; i < ie; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** byCodePoint of a.slice(i, ie) and b.slice(j, je), without the slices. */
function byCodePointIn(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  for (; i < ie && j < je; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return i < ie ? 1 : j < je ? -1 : 0;
}
