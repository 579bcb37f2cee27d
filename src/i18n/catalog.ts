/**
 * Every message, by language. Each area's file (src/i18n/messages/<area>.ts) owns the codes
 * that start with `<area>.`; tests/unit/i18n.test.ts fails when a code is missing from a
 * language, its ICU text does not parse, or two languages use different parameters.
 */
import type { Lang } from './lang';
import type { AreaMessages, Messages } from './types';
import { analysis } from './messages/analysis';
import { app } from './messages/app';
import { appTools } from './messages/app-tools';
import { checker } from './messages/checker';
import { cli } from './messages/cli';
import { debrief } from './messages/debrief';
import { ladder } from './messages/ladder';
import { terms } from './messages/terms';

export type { AreaMessages, Messages } from './types';

/** Area name (the code prefix) → its messages. */
export const AREAS: Record<string, AreaMessages> = {
  analysis,
  app,
  'app-tools': appTools,
  checker,
  cli,
  debrief,
  ladder,
  terms,
};

function merged(lang: Lang): Messages {
  const out: Messages = {};
  for (const area of Object.values(AREAS)) Object.assign(out, area[lang]);
  return out;
}

export const CATALOG: Record<Lang, Messages> = { en: merged('en'), ja: merged('ja'), ko: merged('ko') };

/** Every language is here from the start (the built app loads them one by one: catalog-web.ts). */
export const langLoaded = (_lang: Lang): boolean => true;
export const loadLang = (_lang: Lang): Promise<void> => Promise.resolve();
