/** A list of findings said as one sentence ("a; b; c"), as data every language renders whole. */
import { explain, isExplanation, type Explanation } from '../explain';

/** Nested pairs, so each language puts its own separator between clauses; an empty list says nothing. */
export function clauses(items: readonly Explanation[]): Explanation {
  if (!items.length) return explain('analysis.list.empty');
  return items.slice(0, -1).reduceRight<Explanation>((rest, first) => explain('analysis.list.clauses', { first, rest }), items[items.length - 1]!);
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
