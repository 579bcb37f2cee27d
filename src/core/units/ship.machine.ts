/** A warship or coast-guard ship: on its mission, tracking an air contact, or threatened by it. */
import { createUnitMachine } from './unit-machine';

export const shipMachine = createUnitMachine('ship', {
  initial: 'on-mission',
  states: {
    'on-mission': {
      on: {
        'trigger.aircraft-approach': { target: 'air-contact', actions: 'interpret' },
        'trigger.unsafe-approach': { target: 'threatened', actions: 'interpret' },
      },
    },
    'air-contact': {
      on: { 'trigger.unsafe-approach': { target: 'threatened', actions: 'interpret' }, 'trigger.opening': { target: 'on-mission', actions: 'interpret' } },
    },
    threatened: { on: { 'trigger.opening': { target: 'on-mission', actions: 'interpret' } } },
  },
} as never);
