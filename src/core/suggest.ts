/**
 * "Did you mean": the known name nearest to a misspelt one. Distance is optimal string alignment
 * (Damerau-Levenshtein without repeated edits of one substring), so a swapped pair of letters, the
 * commonest typing slip ("hial", "knid", "radois"), costs one edit, not two.
 */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`; 99 when lengths differ by more than 3. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  // Three rows suffice: a swap looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known name nearest to `wrong`, if it is near enough to be the one meant: at most a third of
 * the word's letters off (at least one, at most three), ignoring case. Ties go to the first known.
 */
export function closest(wrong: string, known: Iterable<string>): string | undefined {
  const w = wrong.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const k of known) {
    if (k === wrong) return undefined;
    const d = editDistance(w, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
