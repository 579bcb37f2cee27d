/**
 * Disputed place names, as data. Each side names these places its own way and each name is
 * political, so no name is neutral: under an account the place takes the name that account's
 * side uses, in the reader's language; with no account (or a side with no name of its own) it
 * takes both names, the first one alternating from place to place (the sea Japan's name first,
 * the islets Korea's) so that neither side always comes first. docs/glossary.md lists them.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from './lang';

/** The two sides that name these places. */
export type NamingSide = 'JP' | 'KR';

export interface Place {
  /** The name each side uses, written in each reader's language. */
  names: Record<NamingSide, Record<Lang, string>>;
  /** Whose name comes first when both are shown (no account): alternates between places. */
  firstWithNoAccount: NamingSide;
}

/** Place ids are neutral keys, never shown: `sea` is the sea between Japan and the Korean Peninsula, `islets` the islets in it. */
export const PLACES = {
  sea: {
    names: {
      JP: { en: 'Sea of Japan', ja: '日本海', ko: '일본해' },
      KR: { en: 'East Sea', ja: '東海', ko: '동해' },
    },
    firstWithNoAccount: 'JP',
  },
  islets: {
    names: {
      JP: { en: 'Takeshima', ja: '竹島', ko: '다케시마' },
      KR: { en: 'Dokdo', ja: '独島', ko: '독도' },
    },
    firstWithNoAccount: 'KR',
  },
} as const satisfies Record<string, Place>;

export type PlaceId = keyof typeof PLACES;

export const PLACE_IDS = Object.keys(PLACES) as PlaceId[];

/** The second name beside the first, as each language writes an alternative name. */
const BOTH: Record<Lang, (first: string, second: string) => string> = {
  en: (a, b) => `${a} (${b})`,
  ja: (a, b) => `${a}（${b}）`,
  ko: (a, b) => `${a}(${b})`,
};

function isNamingSide(side: string | null | undefined): side is NamingSide {
  return side === 'JP' || side === 'KR';
}

/** The place's name for a reader of `lang` under an account of `side` (null: no account, both names). */
export function placeName(id: PlaceId, lang: Lang, side: string | null | undefined): string {
  const place: Place = PLACES[id];
  if (isNamingSide(side)) return place.names[side][lang];
  const first = place.firstWithNoAccount;
  const second: NamingSide = first === 'JP' ? 'KR' : 'JP';
  return BOTH[lang](place.names[first][lang], place.names[second][lang]);
}

/** Every place's name under `side`, as ICU parameters ({sea}, {islets}). */
export function placeParams(lang: Lang, side: string | null | undefined): Record<PlaceId, string> {
  return Object.fromEntries(PLACE_IDS.map((id) => [id, placeName(id, lang, side)])) as Record<PlaceId, string>;
}

/**
 * Text an author wrote with places as {sea} and {islets} (ICU), with each place
 * named for `side` in `lang`. Text that is not ICU or names an unknown place is returned as
 * written, so a slip in a scenario shows the author's words rather than nothing.
 */
export function withPlaces(text: string, lang: Lang, side: string | null | undefined): string {
  try {
    return String(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format(placeParams(lang, side)));
  } catch {
    return text;
  }
}
