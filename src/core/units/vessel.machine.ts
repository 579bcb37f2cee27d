/** Another vessel (a fishing boat, a merchant ship): it listens and may answer, nothing more. */
import { createUnitMachine } from './unit-machine';

export const vesselMachine = createUnitMachine('vessel', {
  initial: 'underway',
  states: { underway: {} },
} as never);
