/**
 * Words on screen in the reader's language: views call `tr(store, code, params)` (or
 * `words(store)` once per render) and never write English themselves. The store's `lang`
 * comes from the URL (`lang=`), else the browser's languages, else English.
 */
import { say, t, type Lang, type SayContext } from '../i18n';
import { unitNameIn } from '../i18n/names';
import type { Explanation, ParamValue } from '../core/explain';
import type { Analysis } from '../core/analysis/report';

interface LangSource {
  getState(): { lang: Lang; analysis: Analysis | null };
}

/** Unit names from the run on screen (per-language names where the scenario gives them). */
export function sayContext(a: Analysis | null): SayContext {
  return {
    unitName(id: string, lang: Lang): string | undefined {
      return unitNameIn(a, id, lang);
    },
  };
}

/** A message in the store's language. */
export function tr(store: LangSource, code: string, params: Record<string, ParamValue> = {}): string {
  const s = store.getState();
  return t(s.lang, code, params, sayContext(s.analysis));
}

/** An explanation from the core in the store's language. */
export function sayIn(store: LangSource, e: Explanation): string {
  const s = store.getState();
  return say(s.lang, e, sayContext(s.analysis));
}
