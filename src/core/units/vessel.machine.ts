/**
 * Another vessel (a fishing boat, a merchant ship): in the scene, on the plot and reachable by
 * radio, but not bound by naval procedures, so it answers only when a script says so.
 */
import { createUnitMachine } from './unit-machine';

export const vesselMachine = createUnitMachine('vessel', {
  initial: 'underway',
  states: { underway: {} },
} as never);
