// What the tests expect, read from the run on screen rather than written down: the scenarios'
// data change (issue 13 moved every call a minute and renumbered them), the behaviour does not.
import type { Analysis } from '../../src/core/analysis/report';
import type { Breakdown } from '../../src/core/analysis/breakdowns';
import type { Outcome } from '../../src/core/analysis/outcomes';
import type { Transmission } from '../../src/core/log';
import { clockOf } from '../../src/app/words';

/** The P-1's hails to the destroyer, in the order made. */
export function hailsToShip(a: Analysis): Transmission[] {
  return a.run.transmissions.filter((tx) => tx.from === 'p1' && tx.to === 'ddg971' && tx.kind === 'hail');
}

/** The first hail to the destroyer on a channel; fails the test if there is none. */
export function hailOn(a: Analysis, channel: string): Transmission {
  const tx = hailsToShip(a).find((x) => x.channel === channel);
  if (!tx) throw new Error(`no hail to ddg971 on ${channel} in this run`);
  return tx;
}

/** How far a call got with one recipient. */
export function outcomeOf(a: Analysis, tx: Transmission, unit = 'ddg971'): Outcome {
  const o = a.outcomes.find((x) => x.tx.id === tx.id && x.unit === unit);
  if (!o) throw new Error(`no outcome of ${tx.id} at ${unit}`);
  return o;
}

/** The ladder breakdown of a call at the destroyer. */
export function ladderBreakdownOf(a: Analysis, tx: Transmission): Breakdown {
  const b = a.breakdowns.find((x) => x.kind === 'ladder' && x.transmission === tx.id && x.unit === 'ddg971');
  if (!b) throw new Error(`no ladder breakdown of ${tx.id}`);
  return b;
}

export const clock = clockOf;
