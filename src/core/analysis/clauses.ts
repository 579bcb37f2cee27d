/** A list of findings said as one sentence ("a; b; c"), as data every language renders whole. */
import { explain, isExplanation, type Explanation } from '../explain';

/**
 * Nested pairs, so each language puts its own separator between clauses; an empty list says
 * nothing. The pairs are a balanced tree, halves within halves: "a; b; c; d" is (a; b); (c; d),
 * the same words as a chain (every language's separator joins clauses the same way at any
 * level), but nested only log₂ n deep. A chain was n deep: a 3,000-unit exercise's list of
 * thousands of breaches overflowed the stack of everything that walks an explanation (rendering,
 * JSON, structured clone).
 */
export function clauses(items: readonly Explanation[]): Explanation {
  if (!items.length) return explain('analysis.list.empty');
  const pair = (from: number, to: number): Explanation => {
    if (to - from === 1) return items[from]!;
    // The first half takes the extra item, so two or three items nest exactly as a chain did.
    const mid = from + Math.ceil((to - from) / 2);
    return explain('analysis.list.clauses', { first: pair(from, mid), rest: pair(mid, to) });
  };
  return pair(0, items.length);
}

/**
 * A log entry's reason as data where the engine gives one (`why`), rendered with units' names in
 * the reader's language; else the engine's English itself, quoted. (The engine's `reason` strings
 * name units by id: they are the log's, not a reader's.)
 */
export function reasonOf(e: { reason: string }): Explanation | string {
  const why = (e as { why?: unknown }).why;
  return isExplanation(why) ? why : e.reason;
}
