/** The reader's language: catalogs, rendering, and the choice of language. Headless (Node and browser). */
export { LANGS, LANG_NAMES, isLang, pickLang, type Lang } from './lang';
export { say, t, tOr, english, type SayContext } from './render';
export { CATALOG, AREAS, langLoaded, loadLang } from './catalog';
