/** Messages of the `ladder.` area, in English, Japanese and Korean. */
import type { AreaMessages } from '../catalog';

export const ladder: AreaMessages = {
  en: {},
  ja: {},
  ko: {},
};
