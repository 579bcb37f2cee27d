/**
 * The identity of a breakdown across runs (compare.ts, and the app when a re-run says which
 * breakdowns came and went). A module of its own so the app's first load need not carry the
 * whole comparison.
 */
import type { Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';

/**
 * The identity of a breakdown across runs: the same kind of failure for the same unit, about the
 * same other unit (the caller of a lost call, the target of a radar, the ship passed), at the same
 * stage or under the same rule, on the same channel and kind of call. Ids (b-3) and times are not
 * part of it: they shift as soon as anything earlier in the run differs. Nor is the norm: a pass
 * each account finds inside its own side's norm is the same finding in both, each naming its norm.
 */
export function breakdownKey(a: Analysis, b: Breakdown): string {
  const tx = b.transmission ? a.run.transmissions.find((x) => x.id === b.transmission) : undefined;
  const other = b.units.find((u) => u !== b.unit) ?? '';
  return `${b.kind}|${b.unit}|${other}|${b.stage ?? ''}|${b.rule ?? ''}|${tx?.channel ?? ''}|${tx?.kind ?? ''}`;
}
