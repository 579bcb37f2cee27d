/**
 * The catalogs as the built app has them (vite.config.ts puts this module in place of ./catalog.ts
 * in the production build and in its workers). English is in the first load: the core writes the
 * English words beside every code, and it is what a missing message falls back to. Japanese and
 * Korean are chunks of their own, fetched when the reader's language needs them (issue 8: the
 * three languages made the first load 140 KB gzip heavier). The command line's messages never
 * ship to the browser.
 */
import en from 'virtual:encounter-sim/messages/en';
import type { Lang } from './lang';
import type { AreaMessages, Messages } from './types';

export type { AreaMessages, Messages } from './types';

/** A language not loaded yet has no messages: its words fall back to English (render.ts). */
export const CATALOG: Record<Lang, Messages> = { en, ja: {}, ko: {} };

/** Only the tests read catalogs by area, and they use ./catalog.ts. */
export const AREAS: Record<string, AreaMessages> = {};

const loaders: Record<Exclude<Lang, 'en'>, () => Promise<{ default: Messages }>> = {
  ja: () => import('virtual:encounter-sim/messages/ja'),
  ko: () => import('virtual:encounter-sim/messages/ko'),
};
const loading = new Map<Lang, Promise<void>>();

export function langLoaded(lang: Lang): boolean {
  return lang === 'en' || Object.keys(CATALOG[lang]).length > 0;
}

/** Fetches a language's messages (once); settles when they are in. A failed fetch can be tried again. */
export function loadLang(lang: Lang): Promise<void> {
  if (langLoaded(lang)) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = loaders[lang as Exclude<Lang, 'en'>]().then(
      (m) => {
        CATALOG[lang] = m.default;
      },
      (err: unknown) => {
        loading.delete(lang);
        throw err;
      },
    );
    loading.set(lang, p);
  }
  return p;
}
