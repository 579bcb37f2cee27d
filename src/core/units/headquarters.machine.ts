/** A headquarters: keeps watch, handles a unit's report, deals with the other side's headquarters. */
import type { PostureConfig } from '../procedure/compile';

export const headquartersPosture: PostureConfig = {
  initial: 'watch',
  states: {
    watch: { on: { call: { target: 'handling' } } },
    handling: {},
  },
};
