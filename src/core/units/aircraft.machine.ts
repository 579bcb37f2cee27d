/** A patrol aircraft (the P-1): patrol, observe a contact, alerted by fire-control radar. */
import type { PostureConfig } from '../procedure/compile';

export const aircraftPosture: PostureConfig = {
  initial: 'patrol',
  states: {
    patrol: {
      on: { 'trigger.contact': { target: 'observing' }, 'trigger.fire-control-detected': { target: 'alerted' } },
    },
    observing: {
      on: { 'trigger.fire-control-detected': { target: 'alerted' }, 'trigger.opening': { target: 'patrol' } },
    },
    alerted: { on: { 'trigger.detection-ended': { target: 'observing' } } },
  },
};
