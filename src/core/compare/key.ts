/**
 * The identity of a breakdown across runs (compare.ts, and the app when a re-run says which
 * breakdowns came and went). A module of its own so the app's first load need not carry the
 * whole comparison.
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';

/**
 * The identity of a breakdown across runs: the same kind of failure for the same unit, at the
 * same stage or under the same rule and norm, on the same channel. Ids (b-3) and times are not
 * part of it: they shift as soon as anything earlier in the run differs.
 */
export function breakdownKey(a: Analysis, b: Breakdown): string {
  const channel = b.transmission ? (a.run.transmissions.find((x) => x.id === b.transmission)?.channel ?? '') : '';
  return `${b.kind}|${b.unit}|${b.stage ?? ''}|${b.rule ?? ''}|${b.norm ?? ''}|${channel}`;
}
