/**
 * What the Compare tab and the debrief export share: the comparison made last, kept only while
 * its side A is still the run on screen. The store makes it (runComparison) and keeps it.
 */
import type { AppState } from '../store';
import { comparisonFor, type MadeComparison } from '../store';

export { comparisonFor, type MadeComparison };

/** The comparison for the run on screen, if one was made for it. */
export function currentComparison(s: AppState): MadeComparison | null {
  return comparisonFor(s.comparison?.made, s.analysis);
}
