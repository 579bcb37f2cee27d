/** Messages of the `cli.` area, in English, Japanese and Korean. */
import type { AreaMessages } from '../catalog';

export const cli: AreaMessages = {
  en: {},
  ja: {},
  ko: {},
};
