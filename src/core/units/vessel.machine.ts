/**
 * Another vessel (a fishing boat, a merchant ship): in the scene, on the plot and reachable by
 * radio, but not bound by naval procedures, so it answers only when a script says so.
 */
import type { PostureConfig } from '../procedure/compile';

export const vesselPosture: PostureConfig = {
  initial: 'underway',
  states: { underway: {} },
};
