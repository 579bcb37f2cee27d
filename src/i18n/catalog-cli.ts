/**
 * The catalogs as the built command line has them (scripts/build-cli.mjs puts this module in place
 * of ./catalog.ts): the same messages, written beside the bundle as build/cli/messages.<lang>.json
 * and read the first time a message in that language is wanted. A command that speaks English
 * never reads the Japanese or Korean, and no command parses half a megabyte of messages to start.
 */
import { readFileSync } from 'node:fs';
import { LANGS, type Lang } from './lang';
import type { AreaMessages, Messages } from './types';

export type { AreaMessages, Messages } from './types';

const byArea: Partial<Record<Lang, Record<string, Messages>>> = {};
const merged: Partial<Record<Lang, Messages>> = {};

function areasOf(lang: Lang): Record<string, Messages> {
  return (byArea[lang] ??= JSON.parse(readFileSync(new URL(`./messages.${lang}.json`, import.meta.url), 'utf8')) as Record<string, Messages>);
}

function messagesOf(lang: Lang): Messages {
  return (merged[lang] ??= Object.assign({}, ...Object.values(areasOf(lang))) as Messages);
}

export const CATALOG: Record<Lang, Messages> = {
  get en() {
    return messagesOf('en');
  },
  get ja() {
    return messagesOf('ja');
  },
  get ko() {
    return messagesOf('ko');
  },
};

/** Area name → its messages, as ./catalog.ts has them; reads every language. */
export const AREAS: Record<string, AreaMessages> = new Proxy({} as Record<string, AreaMessages>, {
  get: (_, area) => (typeof area === 'string' && area in areasOf('en') ? Object.fromEntries(LANGS.map((l) => [l, areasOf(l)[area]])) : undefined),
  ownKeys: () => Object.keys(areasOf('en')),
  has: (_, area) => typeof area === 'string' && area in areasOf('en'),
  getOwnPropertyDescriptor: (_, area) =>
    typeof area === 'string' && area in areasOf('en')
      ? { enumerable: true, configurable: true, value: Object.fromEntries(LANGS.map((l) => [l, areasOf(l)[area]])) }
      : undefined,
});

/** Every language is at hand (read from disk when first wanted). */
export const langLoaded = (_lang: Lang): boolean => true;
export const loadLang = (_lang: Lang): Promise<void> => Promise.resolve();
