/** Messages of the `analysis.` area, in English, Japanese and Korean. */
import type { AreaMessages } from '../catalog';

export const analysis: AreaMessages = {
  en: {},
  ja: {},
  ko: {},
};
