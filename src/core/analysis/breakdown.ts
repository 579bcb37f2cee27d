/** What the analysis finds went wrong: the shape every breakdown has, whichever module finds it. */
import type { Explanation } from '../explain';
import type { Evidence, Stage } from '../log';

export type BreakdownKind = 'ladder' | 'omission' | 'violation';

export interface Breakdown {
  id: string;
  t: number;
  kind: BreakdownKind;
  unit: string;
  transmission: string | null;
  stage: Stage | null;
  rule: string | null;
  cause: string;
  explanation: string;
  /** The explanation as data (code and parameters, the cause nested in them); `explanation` is its English rendering. */
  why?: Explanation;
  /** A violation's `cause` as data. */
  causeWhy?: Explanation;
  /** Units involved, for selecting them on the plot. */
  units: string[];
  /** Log entry the breakdown is read from, for seeking. */
  entry: number;
  evidence?: Evidence;
  heardAs?: string;
  /** The unit that answers for it, where the analysis can tell (a phrase: the sender or the listener). */
  attributedTo?: string;
  /** For distance violations: the norm that was breached, whose it is, and its words. */
  norm?: string;
  normOwner?: string;
  normLabel?: string;
}
