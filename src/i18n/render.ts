/**
 * Words from data: an explanation (code and parameters) rendered in a reader's language with
 * ICU MessageFormat (intl-messageformat: plural and number rules per locale). Nested
 * explanations are rendered first, in the same language; a unit is named in the reader's
 * language when the context knows it. Every Intl use here names its locale, so the output never
 * depends on the host's locale.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { isExplanation, isUnitRef, type Explanation, type ParamValue } from '../core/explain';
import { CATALOG } from './catalog';
import type { Lang } from './lang';

export interface SayContext {
  /** A unit's name in the reader's language (scenario `names:`), or undefined to use the id. */
  unitName?(id: string, lang: Lang): string | undefined;
}

const LIST_SEPARATOR: Record<Lang, string> = { en: ', ', ja: '、', ko: ', ' };

const compiled = new Map<string, IntlMessageFormat>();

function formatOf(lang: Lang, code: string): IntlMessageFormat | null {
  const key = `${lang}\u0000${code}`;
  let f = compiled.get(key);
  if (!f) {
    const text = CATALOG[lang][code] ?? CATALOG.en[code];
    if (text === undefined) return null;
    f = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
    compiled.set(key, f);
  }
  return f;
}

function value(lang: Lang, v: ParamValue, ctx: SayContext | undefined): string | number | boolean | null {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => String(value(lang, x, ctx))).join(LIST_SEPARATOR[lang]);
  if (isExplanation(v)) return say(lang, v, ctx);
  if (isUnitRef(v)) return ctx?.unitName?.(v.unit, lang) ?? v.unit;
  return String(v);
}

/** The explanation in `lang`; an unknown code renders as `[code]` (the i18n test keeps that from shipping). */
export function say(lang: Lang, e: Explanation, ctx?: SayContext): string {
  const f = formatOf(lang, e.code);
  if (!f) return `[${e.code}]`;
  const values: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(e.params)) values[k] = value(lang, v, ctx);
  return String(f.format(values));
}

/** Shorthand for a message with its parameters. */
export function t(lang: Lang, code: string, params: Record<string, ParamValue> = {}, ctx?: SayContext): string {
  return say(lang, { code, params }, ctx);
}

/** The message `code` where the catalogs have it, else `fallback` (an id or word from a file, as it comes). */
export function tOr(lang: Lang, code: string, fallback: string, params: Record<string, ParamValue> = {}): string {
  return CATALOG.en[code] === undefined ? fallback : t(lang, code, params);
}

/** The English words the JSON report and the core's log keep beside the code. */
export function english(e: Explanation, ctx?: SayContext): string {
  return say('en', e, ctx);
}
