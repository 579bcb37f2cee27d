/** A warship or coast-guard ship: on its mission, tracking an air contact, or threatened by it. */
import type { PostureConfig } from '../procedure/compile';

export const shipPosture: PostureConfig = {
  initial: 'on-mission',
  states: {
    'on-mission': {
      on: { 'trigger.aircraft-approach': { target: 'air-contact' }, 'trigger.unsafe-approach': { target: 'threatened' } },
    },
    'air-contact': {
      on: { 'trigger.unsafe-approach': { target: 'threatened' }, 'trigger.opening': { target: 'on-mission' } },
    },
    threatened: { on: { 'trigger.opening': { target: 'on-mission' } } },
  },
};
