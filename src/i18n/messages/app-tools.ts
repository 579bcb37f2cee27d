/** Messages of the `app-tools.` area, in English, Japanese and Korean. */
import type { AreaMessages } from '../catalog';

export const appTools: AreaMessages = {
  en: {},
  ja: {},
  ko: {},
};
