/** The reader's languages. The radio stays English whatever the reader's language (CUES). */
export const LANGS = ['en', 'ja', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_NAMES: Record<Lang, string> = { en: 'English', ja: '日本語', ko: '한국어' };

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The first of the reader's preferred languages (BCP 47 tags, e.g. navigator.languages) that we have; English otherwise. */
export function pickLang(preferred: readonly string[] | undefined): Lang {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
