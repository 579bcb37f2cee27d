/** Messages of the `debrief.` area, in English, Japanese and Korean. */
import type { AreaMessages } from '../catalog';

export const debrief: AreaMessages = {
  en: {},
  ja: {},
  ko: {},
};
