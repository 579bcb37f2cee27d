/** A list of findings said as one sentence ("a; b; c"), as data every language renders whole. */
import { explain, type Explanation } from '../explain';

/** Nested pairs, so each language puts its own separator between clauses; an empty list says nothing. */
export function clauses(items: readonly Explanation[]): Explanation {
  if (!items.length) return explain('analysis.list.empty');
  return items.slice(0, -1).reduceRight<Explanation>((rest, first) => explain('analysis.list.clauses', { first, rest }), items[items.length - 1]!);
}
