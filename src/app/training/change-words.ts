/** A what-if change in the reader's language, from its data (English as the core's describeChange words it). */
import type { WhatIf } from '../../core/whatif/whatif';
import type { Words } from '../said';

const onOff = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? 'same' : v ? yes : no);

export function changeWords(w: Words, x: WhatIf): string {
  const c = x.change;
  switch (c.kind) {
    case 'radio':
      return w('app-tools.whatif.change.radio', {
        unit: c.unit,
        radio: c.radio,
        power: onOff(c.powered, 'on', 'off'),
        retune: c.tuned !== undefined,
        tuned: c.tuned?.join(' + ') || w('app-tools.whatif.nothing'),
        listen: onOff(c.monitored, 'yes', 'no'),
      });
    case 'noise':
      return w('app-tools.whatif.change.noise', { unit: c.unit, radio: c.radio, floor: c.noiseDb === null, db: c.noiseDb ?? 0 });
    case 'crew':
      return w('app-tools.whatif.change.crew', {
        unit: c.unit,
        hasWorkload: c.workload !== undefined,
        workload: c.workload ?? 0,
        hasEnglish: c.english !== undefined,
        english: c.english ?? 0,
      });
    case 'link':
      return w('app-tools.whatif.change.link', {
        link: c.link,
        state: onOff(c.available, 'up', 'down'),
        hasDelay: c.latencyS !== undefined,
        delay: c.latencyS ?? 0,
      });
    case 'silence':
      return w('app-tools.whatif.change.silence', { unit: c.unit, silent: c.silent });
    case 'hail':
      return w('app-tools.whatif.change.hail', { unit: c.unit, to: c.to, hasChannel: c.channel !== undefined, channel: c.channel ?? '' });
  }
}
