/** Messages of the `app.` area, in English, Japanese and Korean. */
import type { AreaMessages } from '../catalog';

export const app: AreaMessages = {
  en: {},
  ja: {},
  ko: {},
};
