/** A patrol aircraft (the P-1): patrol, observe a contact, alerted by fire-control radar. */
import { createUnitMachine } from './unit-machine';

export const aircraftMachine = createUnitMachine('aircraft', {
  initial: 'patrol',
  states: {
    patrol: {
      on: { 'trigger.contact': { target: 'observing', actions: 'interpret' }, 'trigger.fire-control-detected': { target: 'alerted', actions: 'interpret' } },
    },
    observing: {
      on: { 'trigger.fire-control-detected': { target: 'alerted', actions: 'interpret' }, 'trigger.opening': { target: 'patrol', actions: 'interpret' } },
    },
    alerted: { on: { 'trigger.detection-ended': { target: 'observing', actions: 'interpret' } } },
  },
} as never);
