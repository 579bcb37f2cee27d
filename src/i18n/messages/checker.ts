/** Messages of the `checker.` area, in English, Japanese and Korean. */
import type { AreaMessages } from '../catalog';

export const checker: AreaMessages = {
  en: {},
  ja: {},
  ko: {},
};
