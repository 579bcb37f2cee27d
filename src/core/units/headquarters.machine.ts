/** A headquarters: keeps watch, handles a unit's report, deals with the other side's headquarters. */
import { createUnitMachine } from './unit-machine';

export const headquartersMachine = createUnitMachine('headquarters', {
  initial: 'watch',
  states: {
    watch: { on: { call: { target: 'handling', actions: 'interpret' } } },
    handling: {},
  },
} as never);
